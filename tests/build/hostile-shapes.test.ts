import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { windowsDeviceName } from '../../src/lib/file-names.ts';
import { buildFixture, buildsDir, projectRoot } from '../helpers/build.ts';
import { distProblems } from '../helpers/output-consumers.ts';
import { readXml, xmlElements, xmlText } from '../helpers/xml.ts';

/**
 * Hostile papers of SHAPES rather than characters: file names, author names and titles that are a
 * route of the site (`2`, `index`, `rss`, `authors`, `pagefind`, `404`), Windows device names,
 * names that fold to one slug, names and lists at and past the size limits, markup that the
 * consumers of JSON, XML and meta tags read (`</script`, `]]>`, `<!--`, quotes). The check refuses
 * each of the refused ones naming its file, line and field; the others build into a site where no
 * two files share a name on a case-insensitive disk, every name is one Windows and a 255-byte
 * file system hold, the sitemap lists each page once, and every output reads as its consumer
 * expects (distProblems).
 */

interface Shape {
  id: string;
  title?: string;
  authors?: string[];
  extra?: string;
  body?: string;
  /** The field the check names, for a paper it must refuse. */
  refused?: string;
}

const ROUTE_IDS = ['2', 'index', 'feed', 'page', 'rss', 'authors', 'search', 'saved', 'pagefind', 'sitemap-pages'];
const shapes: Shape[] = [
  // Paper ids (file names) that are routes, or no id at all.
  ...ROUTE_IDS.map((id) => ({ id, title: `Route shape ${id}`, authors: [`Route Author ${id}`] })),
  { id: '404' },
  { id: '1.1.1.1', refused: 'file' }, // dotted digits that are no arXiv id (paper-id.ts)
  { id: 'con-1' },
  { id: 'a'.repeat(100) },
  { id: 'a'.repeat(101), refused: 'file' },
  { id: 'nul', refused: 'file' },
  { id: 'lpt9', refused: 'file' },
  { id: 'x-', refused: 'file' },
  { id: '-x', refused: 'file' },
  { id: 'a--b', refused: 'file' },
  { id: 'rss.xml', refused: 'file' },
  { id: '_astro', refused: 'file' },
  // Author names whose slugs are routes, device names or fold to one another.
  ...['Index', 'Feed', 'Authors', '_astro', 'Pagefind', 'Con', 'Nul.', 'Aux ', 'Page 2', 'Papers.bib'].map(
    (name, index) => ({ id: `author-shape-${index}`, authors: ['Grace Hopper', name] }),
  ),
  // …and names with no letter, which name no one (refused since the ninth pass, schema.ts).
  ...['2', '-', '404'].map((name, index) => ({
    id: `author-letterless-${index}`,
    authors: ['Grace Hopper', name],
    refused: 'authors[1]',
  })),
  { id: 'author-dotted', authors: ['Rss Xml', 'Rss.xml'], refused: 'authors[1]' },
  { id: 'author-superscript', authors: ['Lpt¹'], refused: 'authors[0]' },
  { id: 'author-fold-a', authors: ['Ilker Yildiz'] },
  { id: 'author-fold-b', authors: ['İlker Yıldız'] },
  { id: 'author-sigma-a', authors: ['Οδυσσέας Ελύτης'] },
  { id: 'author-sigma-b', authors: ['ΟΔΥΣΣΈΑΣ ΕΛΎΤΗΣ'] },
  { id: 'author-sharp-s', authors: ['Hans Strauß', 'HANS STRAUSS'], refused: 'authors[1]' },
  // Sizes: at and past the limits.
  { id: 'name-2000', authors: [`${'Ab '.repeat(666)}Cd`], refused: 'authors[0]' },
  { id: 'name-cjk-200', authors: ['王'.repeat(200)], refused: 'authors[0]' },
  { id: 'name-latin-200', authors: [`${'Abcdefghij '.repeat(17)}Klmnopqrstuvw`] },
  {
    id: 'collaboration',
    title: 'A collaboration of 2,000',
    authors: Array.from(
      { length: 2000 },
      (_, index) => `Member ${index.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[+d]!)} Collab`,
    ),
  },
  { id: 'title-300', title: 'T'.repeat(300) },
  { id: 'title-cjk-300', title: '王'.repeat(300) },
  { id: 'venue-200', extra: `venue: "${'V'.repeat(200)}"\n` },
  { id: 'abstract-200k', body: 'A network. '.repeat(18_000), refused: 'body' },
  { id: 'math-10000', body: Array.from({ length: 10_000 }, (_, index) => `$x_{${index}}$`).join(' '), refused: 'body' },
  { id: 'braces-500', body: `Math $${'{'.repeat(500)}x${'}'.repeat(500)}$ end.`, refused: 'body' },
  {
    id: 'list-60',
    body: Array.from({ length: 60 }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n'),
    refused: 'body',
  },
  // JSON, XML and meta tags: text that would end a script, a CDATA section or an attribute.
  { id: 'script-close', body: 'Text \\</script\\>\\<script\\>alert(1)\\</script\\> and \\<!-- comment \\<script end.' },
  { id: 'code-markup', body: 'Code `</script>` and `]]>` and `&lt;` and `<!--` here.' },
  { id: 'entity-text', body: 'Ampersand &amp;nbsp; and &amp;lt;b&amp;gt; there.' },
  { id: 'doctype', body: 'Text \\<!DOCTYPE x [\\<!ENTITY a "b"\\>]\\> &amp;a; there.' },
  { id: 'cdata-title', title: 'Why ]]> ends CDATA' },
  { id: 'quote-title', title: `Quotes "double" and 'single' & ampersand > gt` },
  { id: 'quote-venue', extra: `venue: "\\"NeurIPS\\" & 'W'"\n` },
  { id: 'title-math', title: 'Title math $\\mathbb{R}^n$ and $O(n\\log n)$' },
  { id: 'link-title', body: 'See [the code](https://example.com/a "title \\"q\\" \\<b>") now.' },
  { id: 'link-quote', extra: `links:\n  code: "https://github.com/a/b'onmouseover=alert(1)//\\"x"\n` },
  { id: 'entity-title', title: 'A &nbsp; literal', refused: 'title' },
  { id: 'separator-reference', body: 'A &#x2028; separator.', refused: 'body' },
  { id: 'nul-reference', body: 'A &#0; here.', refused: 'body' },
];

function paperFile(
  { title, authors = ['Ada Lovelace'], extra = '', body = 'An abstract about networks.' }: Shape,
  id: string,
) {
  const names = authors.map((name) => `  - ${JSON.stringify(name)}`).join('\n');
  return `---\ntitle: ${JSON.stringify(title ?? `Paper ${id}`)}\nauthors:\n${names}\ndate: "2025-06-06"\ntags:\n  - optimization\n${extra}---\n\n${body}\n`;
}

/** Every file under `dir`, relative, with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => statSync(join(dir, file)).isFile());
}

describe('hostile shapes: routes, collisions and sizes', () => {
  it('are refused naming file, line and field, or build into files no disk merges and every consumer reads', async () => {
    const content = relative(projectRoot, await mkdtemp(join(buildsDir, 'shapes-')));
    const papers = join(projectRoot, content, 'papers', '2025');
    await mkdir(papers, { recursive: true });
    await writeFile(join(projectRoot, content, 'topics.yaml'), readFileSync(join(projectRoot, 'content/topics.yaml')));
    for (const shape of shapes) await writeFile(join(papers, `${shape.id}.mdx`), paperFile(shape, shape.id));

    const { problems } = await checkContent({
      root: projectRoot,
      papersDir: `${content}/papers`,
      topicsFile: `${content}/topics.yaml`,
    });
    for (const shape of shapes) {
      const found = problems.filter((problem) => problem.file === `${content}/papers/2025/${shape.id}.mdx`);
      if (shape.refused === undefined) expect(found, shape.id).toEqual([]);
      else {
        expect(
          found.map((problem) => problem.field),
          shape.id,
        ).toContain(shape.refused);
        for (const problem of found) expect(problem.line, shape.id).toBeGreaterThanOrEqual(1);
      }
    }

    for (const shape of shapes) if (shape.refused) await rm(join(papers, `${shape.id}.mdx`));
    const built = await buildFixture(content);
    expect(built.ok, built.output.slice(-3000)).toBe(true);
    const files = filesUnder(built.outDir);

    // One file per name on a case-insensitive (and, as macOS's, normalization-insensitive) disk.
    const folded = new Map<string, string>();
    for (const file of files) {
      const key = file.normalize('NFD').toLowerCase();
      expect(folded.get(key), file).toBeUndefined();
      folded.set(key, file);
    }
    // Each name one that Windows and a file system of 255-byte names hold.
    for (const part of new Set(files.flatMap((file) => file.split('/')))) {
      expect(Buffer.byteLength(part), part).toBeLessThanOrEqual(255);
      expect(part, part).not.toMatch(/[<>:"\\|?*\u0000-\u001F]|[. ]$/);
      expect(windowsDeviceName(part), part).toBeUndefined();
    }
    // Every accepted paper has its own page, .bib and summary.
    for (const shape of shapes.filter((shape) => !shape.refused)) {
      for (const file of [`papers/${shape.id}/index.html`, `papers/${shape.id}.bib`, `papers/${shape.id}.json`]) {
        expect(files, file).toContain(file);
      }
    }
    // The sitemap lists each page once, and each is a page of the site.
    const locs = files
      .filter((file) => /^sitemap-.*\.xml$/.test(file))
      .flatMap((file) => xmlElements(readXml(readFileSync(join(built.outDir, file), 'utf8')), 'loc').map(xmlText));
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) {
      expect(loc.length, loc).toBeLessThan(2048);
      const path = decodeURIComponent(new URL(loc).pathname).replace(/^\//, '');
      expect(files, loc).toContain(`${path}index.html`);
    }

    expect(distProblems(built.outDir)).toEqual([]);
  }, 900_000);
});
