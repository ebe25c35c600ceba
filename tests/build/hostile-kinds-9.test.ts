import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBib } from '../helpers/bibtex.ts';
import { checkThenBuildKinds } from '../helpers/hostile-build.ts';
import { HOSTILE_KINDS_9 } from '../helpers/hostile-kinds-9.ts';

/**
 * The ninth pass's hostile kinds (tests/helpers/hostile-kinds-9.ts: ids arXiv never gave, dates
 * before it, names of no letter, UNC paths beside TeX, links by fragment or autolink, raw HTML,
 * terminal and workflow commands, TeX's caret notation) as one content folder: `npm run check`
 * refuses each it must, naming its field, in lines a terminal shows as text; the rest build into a
 * site every consumer reads as safe data, where a reference manager reads a title's `^^5c` back as
 * written, one entry, and the workflow commands stay text in the title.
 */
describe('hostile kinds, ninth pass: built', () => {
  it('are refused naming file, line and field, or build into outputs each consumer reads safely', async () => {
    const { kept, outDir } = await checkThenBuildKinds('kinds9', HOSTILE_KINDS_9);
    expect(kept.length).toBeGreaterThanOrEqual(5);
    const entryOf = (id: string) => {
      const entries = parseBib(readFileSync(join(outDir, 'papers', `${id}.bib`), 'utf8'), id);
      expect(entries, id).toHaveLength(1);
      return entries[0]!;
    };
    expect(entryOf('title-caret-notation').fields.title).toBe('A ^^5cinput{x} title');
    expect(entryOf('title-workflow-command').fields.title).toBe('::stop-commands::x ::error file=a::b %0A title');
  }, 900_000);
});
