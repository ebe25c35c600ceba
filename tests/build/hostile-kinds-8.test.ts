import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBib } from '../helpers/bibtex.ts';
import { checkThenBuildKinds } from '../helpers/hostile-build.ts';
import { paper } from '../helpers/hostile-kinds.ts';
import { HOSTILE_KINDS_8 } from '../helpers/hostile-kinds-8.ts';

/**
 * The eighth pass's hostile kinds (tests/helpers/hostile-kinds-8.ts: dates, escapes, keys, YAML
 * tags, links by every scheme and trick, math that leaves its box, stand-ins for authors, BibTeX
 * breakers) as one content folder: `npm run check`'s run refuses each it must, naming its field,
 * in lines a terminal shows as text, and a paper naming one person twice under one author page
 * (`Ada-Lovelace`, `Ada Lovelace`); the rest build into a site every consumer reads as safe data,
 * where a reference manager reads the BibTeX breakers back as written, one entry each, and a
 * link that would end a Markdown link or an attribute is published in its normalized form.
 */
describe('hostile kinds, eighth pass: built', () => {
  it('are refused naming file, line and field, or build into outputs each consumer reads safely', async () => {
    // Two spellings of one name with one page, in one paper: each file alone passes its schema.
    const twin = paper({ authors: '\n  - Ada Lovelace\n  - Ada-Lovelace\n  - Ada Lovelace-King' });
    const { of, kept, outDir } = await checkThenBuildKinds('kinds8', HOSTILE_KINDS_8, [
      { id: 'author-page-twin', file: twin },
    ]);
    expect(of('author-page-twin').map((problem) => [problem.field, problem.line, problem.kind])).toEqual([
      ['authors[1]', 5, 'author-page-shared'],
    ]);
    expect(kept.length).toBeGreaterThanOrEqual(10);

    const bib = (id: string) => readFileSync(join(outDir, 'papers', `${id}.bib`), 'utf8');
    const entryOf = (id: string) => {
      const entries = parseBib(bib(id), id);
      expect(entries, id).toHaveLength(1);
      return entries[0]!;
    };
    // A reference manager reads one entry, with the fields as written: no @ or brace began another.
    expect(entryOf('title-bibtex-entry-breaker').fields.title).toBe('x}@misc{y,title={z');
    expect(entryOf('title-backslash-last').fields.title).toBe('A title \\');
    // A venue without a year is a note (a misc entry).
    expect(entryOf('venue-bibtex-entry').fields.note).toBe('Published in @inproceedings{x,');
    // "and" inside a name is no second author.
    expect(entryOf('author-and-inside').fields.author).toHaveLength(1);
    // A link that would close a Markdown link or an attribute is published as its normalized URL:
    // the page's only link to the host is that href, and no href anywhere is a script's.
    const page = (id: string) => readFileSync(join(outDir, 'papers', id, 'index.html'), 'utf8');
    for (const [id, href] of [
      ['link-markdown-breaker', 'https://github.com/a/b)](javascript:alert(1))'],
      ['link-attribute-breaker', 'https://github.com/a/b%22onmouseover=alert(1)'],
      ['link-scheme-without-slashes', 'https://github.com/a/b'],
      ['link-ideographic-dots', 'https://github.com/a'],
    ] as const) {
      const html = page(id);
      expect(html, id).toContain(`href="${href.replace(/&/g, '&amp;')}"`);
      expect(html, id).not.toMatch(/href="\s*javascript:/i);
      expect(html, id).not.toMatch(/\sonmouseover=/i);
    }
  }, 900_000);
});
