import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { terminalText } from '../../src/lib/encode/terminal.ts';
import { parseBib } from '../helpers/bibtex.ts';
import { buildFixture, buildsDir, projectRoot } from '../helpers/build.ts';
import { paper } from '../helpers/hostile-kinds.ts';
import { HOSTILE_KINDS_8 } from '../helpers/hostile-kinds-8.ts';
import { distProblems } from '../helpers/output-consumers.ts';

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
    const content = relative(projectRoot, await mkdtemp(join(buildsDir, 'kinds8-')));
    const papers = join(projectRoot, content, 'papers', '2025');
    await mkdir(papers, { recursive: true });
    await writeFile(join(projectRoot, content, 'topics.yaml'), readFileSync(join(projectRoot, 'content/topics.yaml')));
    for (const kind of HOSTILE_KINDS_8) await writeFile(join(papers, `${kind.id}.mdx`), kind.file);
    // Two spellings of one name with one page, in one paper: each file alone passes its schema.
    const twin = paper({ authors: '\n  - Ada Lovelace\n  - Ada-Lovelace\n  - Ada Lovelace-King' });
    await writeFile(join(papers, 'author-page-twin.mdx'), twin);

    const { problems } = await checkContent({
      root: projectRoot,
      papersDir: `${content}/papers`,
      topicsFile: `${content}/topics.yaml`,
    });
    const of = (id: string) => problems.filter((problem) => problem.file === `${content}/papers/2025/${id}.mdx`);
    for (const kind of HOSTILE_KINDS_8) {
      const found = of(kind.id);
      if (kind.refused === undefined) expect(found.map(formatProblem), kind.id).toEqual([]);
      else {
        expect(
          found.map((problem) => problem.field),
          kind.id,
        ).toContain(kind.refused);
        if (kind.line !== undefined)
          expect(
            found.filter((problem) => problem.field === kind.refused).map((problem) => problem.line),
            kind.id,
          ).toContain(kind.line);
      }
    }
    expect(of('author-page-twin').map((problem) => [problem.field, problem.line, problem.kind])).toEqual([
      ['authors[1]', 5, 'author-page-shared'],
    ]);
    for (const problem of problems) {
      expect(formatProblem(problem)).toBe(terminalText(formatProblem(problem)));
      expect(formatProblem(problem)).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u);
    }

    // The accepted ones alone, as a site.
    const accepted = join(projectRoot, content, 'accepted');
    await mkdir(join(accepted, 'papers', '2025'), { recursive: true });
    await writeFile(join(accepted, 'topics.yaml'), readFileSync(join(projectRoot, 'content/topics.yaml')));
    const kept = HOSTILE_KINDS_8.filter((each) => each.refused === undefined);
    expect(kept.length).toBeGreaterThanOrEqual(10);
    for (const kind of kept) await writeFile(join(accepted, 'papers', '2025', `${kind.id}.mdx`), kind.file);
    const built = await buildFixture(relative(projectRoot, accepted));
    expect(built.ok, built.output.slice(-3000)).toBe(true);
    expect(distProblems(built.outDir)).toEqual([]);

    const bib = (id: string) => readFileSync(join(built.outDir, 'papers', `${id}.bib`), 'utf8');
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
    const page = (id: string) => readFileSync(join(built.outDir, 'papers', id, 'index.html'), 'utf8');
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
