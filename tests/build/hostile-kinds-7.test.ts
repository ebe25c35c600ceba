import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBib } from '../helpers/bibtex.ts';
import { checkThenBuildKinds } from '../helpers/hostile-build.ts';
import { HOSTILE_BYTES_7, HOSTILE_KINDS_7 } from '../helpers/hostile-kinds-7.ts';

/**
 * The seventh pass's hostile kinds (tests/helpers/hostile-kinds-7.ts: line ends, BOMs, encodings,
 * hidden code points, injections for TeX, BibTeX, RIS and JSON-LD, terminal escapes, YAML
 * scalars, look-alike ids) as one content folder: `npm run check`'s run refuses each it must,
 * naming file, line and field, in lines a terminal shows as text; the rest build into a site every
 * consumer reads as safe data, where a reference manager reads the BibTeX breaker's title back
 * as written and a paper with CR or mixed line ends reads as one with LF.
 */
describe('hostile kinds, seventh pass: built', () => {
  it('are refused naming file, line and field, or build into outputs each consumer reads safely', async () => {
    const bytes = HOSTILE_BYTES_7.map(({ id, bytes: file }) => ({ id, file }));
    const { of, kept, outDir } = await checkThenBuildKinds('kinds7', HOSTILE_KINDS_7, bytes);
    for (const kind of HOSTILE_BYTES_7) {
      expect(
        of(kind.id).map((problem) => [problem.field, problem.line]),
        kind.id,
      ).toEqual([['file', kind.line]]);
    }
    expect(kept.length).toBeGreaterThanOrEqual(4);

    const bibOf = (id: string) => {
      const [entry] = parseBib(readFileSync(join(outDir, 'papers', `${id}.bib`), 'utf8'), id);
      return entry!;
    };
    // A reference manager reads the title back as written: the braces closed no field early.
    const breaker = bibOf('bibtex-breaker-title');
    expect(breaker.fields.title).toBe('Networks}, note={pwned');
    expect(breaker.fields.note).toBeUndefined();
    // CR alone and CRLF beside LF are line ends: the papers read as the one with LF does.
    for (const id of ['line-ends-cr', 'line-ends-mixed']) {
      expect(bibOf(id).fields.title, id).toBe('A hostile paper');
      expect(bibOf(id).fields.author, id).toEqual([expect.objectContaining({ lastName: 'Lovelace' })]);
    }
    // A title folded by YAML is one line in the .bib (an RIS or APA export starts no record in it).
    expect(bibOf('ris-folded-title').fields.title).toBe('Networks TY - JOUR');
  }, 900_000);
});
