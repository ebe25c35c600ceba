import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblems, githubAnnotations } from '../../src/content/problems.ts';
import { buildFixture, buildsDir, projectRoot } from '../helpers/build.ts';
import { compileDocument, expectCompiled, hasTex } from '../helpers/latex.ts';
import { distProblems, messageProblems } from '../helpers/output-consumers.ts';
import { readXml, xmlElements, xmlText } from '../helpers/xml.ts';

/**
 * Hostile papers read by consumers the other build tests read with a lighter hand: LaTeX with
 * BibTeX under `\usepackage[T1]{fontenc}` (whose fonts make `<<`, `>>`, `,,` and `!``
 * ligatures that OT1 does not) as well as a plain document; reference managers (citation meta
 * tags, the APA reference on the page); terminals and GitHub's workflow commands (check's
 * messages quoting file names with line breaks, carriage returns, backspaces, bidi overrides,
 * `%0A` and `::error`); crawlers (robots.txt, sitemaps, canonical and og:url, the JSON Feed's ids,
 * all ASCII, percent-encoded alike and naming the file written). The check refuses each paper
 * marked `refused` naming file, line and that field; the rest build and every output reads right.
 */

interface Hostile {
  id: string;
  title?: string;
  authors?: string[];
  venue?: string;
  extra?: string;
  /** The field the check names, for a paper it must refuse. */
  refused?: string;
}

const papers: Hostile[] = [
  // BibTeX and LaTeX: what TeX reads in a field, and how BibTeX splits names.
  { id: 'bib-backslash-end', title: 'A title ending in a backslash \\' },
  { id: 'bib-percent-hash-at', title: '100% of C# @ scale and #1' },
  { id: 'bib-braces-across', title: 'Open { brace', venue: 'close } brace' },
  { id: 'bib-t1-guillemets', title: 'Guillemets x<<y and y>>z', refused: 'title' },
  { id: 'bib-t1-spaced', title: 'Shifts a << b and b >> a, ,,low quotes' },
  { id: 'bib-ot1-ligatures', title: 'Spanish !` and ?` ligatures' },
  { id: 'bib-dashes-quotes', title: "Dashes -- and --- and ``quotes'' and 'single'" },
  { id: 'bib-entry-in-title', title: '@inproceedings{evil, title={x}}' },
  { id: 'bib-specials', title: 'Powers x^2, snake_case and a~b & c' },
  { id: 'bib-line-break', title: 'Line \\\\ break', refused: 'title' },
  { id: 'bib-url-command', title: 'Title with \\url{x}', refused: 'title' },
  { id: 'bib-math-backslash', title: 'Math $\\backslash$ here', refused: 'title' },
  { id: 'bib-and-inside', authors: ['Ann and Bo'] },
  { id: 'bib-and-capital', authors: ['Ada AND Lovelace'] },
  { id: 'bib-and-alone', authors: ['and'] },
  { id: 'bib-others-after', authors: ['Ada Lovelace', 'others'], refused: 'authors[1]' },
  { id: 'bib-others-family', authors: ['Ada Others'] },
  { id: 'bib-comma-only', authors: [','], refused: 'authors[0]' }, // names no one: no letter
  { id: 'bib-last-first', authors: ['Lovelace, Ada'] },
  { id: 'bib-three-parts', authors: ['Davis, Jr., Sammy'] },
  { id: 'bib-brace-name', authors: ['{Ada} Lovelace'], refused: 'authors[0]' },
  { id: 'bib-backslash-name', authors: ['Ada \\ Lovelace'], refused: 'authors[0]' },
  { id: 'bib-tilde-name', authors: ['Ada ~ Lovelace'], refused: 'authors[0]' },
  { id: 'bib-lowercase-von', authors: ['van der berg'] },
  { id: 'bib-particles', authors: ['Charles-Jean de la Vallée Poussin'] },
  { id: 'bib-initials', authors: ['A. B. C. D. E. F. G. H. Lovelace'] },
  { id: 'bib-ampersands', title: 'Ampersand & in title', venue: 'R&D 2024' },
  { id: 'bib-venue-others', venue: 'Workshop and others' },
  // Reference managers and the APA reference.
  { id: 'ref-hebrew-first', authors: ['אדה לאבלייס', 'Grace Hopper'] },
  { id: 'ref-arabic', title: 'دراسة الشبكات', authors: ['محمد علي'] },
  { id: 'ref-question', title: 'Does it work?' },
  { id: 'ref-mononym', authors: ['Plato'] },
  { id: 'ref-suffix', authors: ['Martin Luther King Jr.'] },
  { id: 'ref-han', authors: ['王小明'] },
  { id: 'ref-emoji-zwj', title: 'Emoji 👩\u200D💻 and 👨\u200D👩\u200D👧\u200D👦 families' },
  { id: 'ref-emoji-no-sequence', title: 'Symbols ©\u200D® joined', refused: 'file' },
  { id: 'ref-joiners', title: 'Myanmar မြန်\u200Cမာ, Khmer ខ្\u200Cមែរ, Hindi क्\u200Dष', authors: ['क्\u200Dषितिज Rao'] },
  { id: 'ref-ellipsis', title: 'Ends with ellipsis…' },
  { id: 'ref-editor', authors: ['Ada Lovelace (Editor)'] },
  { id: 'ref-quotes', title: 'Quote "inside" title', authors: ["O'Brien Ó Súilleabháin"] },
  { id: 'ref-rtl-number', title: 'Right-to-left then number: שלום 2024 (v2)' },
  { id: 'ref-look-alike-host', title: 'Reviews of Вooking.com', refused: 'title' },
  // Terminals: values the check quotes, YAML escapes of controls, and a name with workflow syntax.
  { id: 'term-ansi', title: 'Red \u001b[31m text', refused: 'title' },
  {
    id: 'term-osc8',
    title: 'Link \u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\ here',
    refused: 'title',
  },
  { id: 'term-backspace-cr', title: 'Back\bspace and carriage\rreturn', refused: 'title' },
  { id: 'term-workflow-dollar', title: '::error file=x.mdx::fake %0A::warning::y $ unclosed', refused: 'title' },
  { id: 'term-bidi', title: 'Bidi \u202eevil\u202c override', refused: 'file' },
  { id: 'term-workflow-name', authors: ['::error::Mallory'] },
  { id: 'term-workflow-title', title: 'Percent %0A and %25 ::set-output name=x::y' },
  // Crawlers: ids that are no slugs, and names whose slugs are not ASCII.
  { id: 'über-net', refused: 'file' },
  { id: 'a%20b', refused: 'file' },
  { id: 'q?x', refused: 'file' },
  { id: 'frag#x', refused: 'file' },
  { id: 'UPPER', refused: 'file' },
  { id: 'feed.json', refused: 'file' },
  { id: 'a..b', refused: 'file' },
  { id: '2401.00001v2', refused: 'file' },
  { id: '2401.00001', extra: 'arxiv: "2401.00001"\n' },
  { id: 'robots' },
  { id: 'sitemap-index' },
  { id: 'crawl-accents', authors: ['Ñandú Pérez', 'Zoë Ça'] },
  { id: 'crawl-greek', authors: ['Σωκράτης Παπαδόπουλος'] },
  { id: 'crawl-cyrillic', authors: ['Ада Лавлейс'] },
];

/** File names a terminal or a CI log would act on, each refused at line 1 as a file's name. */
const TERMINAL_FILE_NAMES = [
  'x\n::error file=evil.mdx,line=1::pwned\n',
  'b\rack\b',
  '\u202eevil',
  '%0A::error::x',
  'a\u2028b',
  '\u001b[2J\u001b[Hclear',
];

function paperFile({ id, title = `A hostile paper ${id}`, authors = ['Ada Lovelace'], venue, extra = '' }: Hostile) {
  const names = authors.map((name) => `  - ${JSON.stringify(name)}`).join('\n');
  const venueLine = venue === undefined ? '' : `venue: ${JSON.stringify(venue)}\n`;
  return `---\ntitle: ${JSON.stringify(title)}\nauthors:\n${names}\ndate: "2025-06-06"\n${venueLine}tags:\n  - optimization\n${extra}---\n\nAn abstract about networks.\n`;
}

/** Every file under `dir`, relative, with forward slashes. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));

const SITE = 'https://digest.example.org';
/** The file a URL of the site names (percent-decoded, `/` → `index.html`), or why it names none. */
function fileOf(url: string): string {
  if (!url.startsWith(`${SITE}/`)) return `not on the site: ${url}`;
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
/** A URL as crawlers want one written: printable ASCII, non-ASCII percent-encoded. */
const ASCII_URL = /^[\x21-\x7E]+$/;

describe('hostile papers read by their consumers', () => {
  it('are refused naming file, line and field in terminal-safe lines, or build into outputs each consumer reads', async () => {
    const content = relative(projectRoot, await mkdtemp(join(buildsDir, 'consumers-')));
    const folder = join(projectRoot, content, 'papers', '2025');
    await mkdir(folder, { recursive: true });
    await writeFile(join(projectRoot, content, 'topics.yaml'), readFileSync(join(projectRoot, 'content/topics.yaml')));
    for (const paper of papers) await writeFile(join(folder, `${paper.id}.mdx`), paperFile(paper));
    for (const name of TERMINAL_FILE_NAMES) await writeFile(join(folder, `${name}.mdx`), paperFile({ id: 'named' }));

    const { problems } = await checkContent({
      root: projectRoot,
      papersDir: `${content}/papers`,
      topicsFile: `${content}/topics.yaml`,
    });
    const fileOfPaper = (id: string) => `${content}/papers/2025/${id}.mdx`;
    for (const paper of papers) {
      const file = fileOfPaper(paper.id);
      const found = problems.filter((problem) => problem.file === file);
      if (paper.refused === undefined) expect(found, paper.id).toEqual([]);
      else
        expect(
          found.map((problem) => problem.field),
          paper.id,
        ).toContain(paper.refused);
      expect(messageProblems(file, paperFile(paper), found), paper.id).toEqual([]);
    }
    for (const name of TERMINAL_FILE_NAMES) {
      const found = problems.filter((problem) => problem.file === fileOfPaper(name));
      expect(
        found.map((problem) => [problem.line, problem.field]),
        JSON.stringify(name),
      ).toContainEqual([1, 'file']);
      expect(messageProblems(fileOfPaper(name), paperFile({ id: 'named' }), found)).toEqual([]);
    }
    // What the PR check prints: each problem one line, none a line of the file's making, and every
    // workflow command one of the check's own (`::error file=…,line=…`, values escaped).
    const lines = formatProblems(problems);
    expect(lines.join('\n').split('\n')).toHaveLength(lines.length);
    for (const line of lines) expect(line, line).toMatch(new RegExp(`^${content}/papers/`));
    const annotations = githubAnnotations(problems);
    expect(annotations.join('\n').split(/\r\n|\r|\n/)).toHaveLength(lines.length);
    for (const annotation of annotations) {
      expect(annotation, annotation).toMatch(/^::error file=[^,:\s]*[^,:]*,line=\d+(?:,col=\d+)?,title=[^,:]+::/);
      // The message part holds no `::` command of its own making and no unescaped `%`.
      expect(annotation.split('::').slice(2).join('::'), annotation).not.toMatch(/%(?!25|0A|0D)/);
    }

    for (const paper of papers) if (paper.refused) await rm(join(folder, `${paper.id}.mdx`));
    for (const name of TERMINAL_FILE_NAMES) await rm(join(folder, `${name}.mdx`));
    const built = await buildFixture(content, { site: SITE });
    expect(built.ok, built.output.slice(-3000)).toBe(true);
    const dist = built.outDir;
    const files = new Set(filesUnder(dist));
    const accepted = papers.filter((paper) => !paper.refused);

    // LaTeX and BibTeX: every accepted paper's .bib, in a document with T1 fonts and a plain one,
    // compiles, and BibTeX sets each entry once (distProblems compiles the plain one in four styles).
    if (hasTex) {
      const bib = accepted.map((paper) => readFileSync(join(dist, 'papers', `${paper.id}.bib`), 'utf8')).join('\n');
      for (const fonts of ['', '\\usepackage[T1]{fontenc}']) {
        const document = [
          '\\documentclass{article}',
          fonts,
          '\\usepackage{amsmath,amssymb,url}',
          '\\begin{document}',
          '\\nocite{*}',
          '\\bibliographystyle{plain}',
          '\\bibliography{refs}',
          '\\end{document}',
          '',
        ].join('\n');
        const compiled = compileDocument(document, bib);
        expectCompiled(compiled);
        expect(compiled.bbl.match(/\\bibitem/g), fonts).toHaveLength(accepted.length);
        // A typed `<<`, `>>` or `,,` reaches T1's ligature table only if written bare.
        expect(compiled.bbl, fonts).not.toMatch(/<<|>>|,,|!`|\?`/);
      }
    }

    // Reference managers: one citation_author per author, and the page's reference, which readers
    // copy into a word processor, free of controls, line separators and bidi overrides.
    for (const paper of accepted) {
      const html = readFileSync(join(dist, 'papers', paper.id, 'index.html'), 'utf8');
      const authors = [...html.matchAll(/<meta name="citation_author" content="([^"]*)"/g)];
      expect(authors, paper.id).toHaveLength((paper.authors ?? ['Ada Lovelace']).length);
      const reference = /<p id="reference"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];
      expect(reference, paper.id).toBeDefined();
      // (Isolates or marks that keep a right-to-left name in its place are no harm; overrides are.)
      expect(reference, paper.id).not.toMatch(/[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E]/u);
    }

    // Crawlers: robots.txt names the sitemap; each sitemap <loc>, canonical, og:url and JSON Feed
    // url is ASCII and names a file that was written, the page it is found on for canonical and og:url.
    const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    const locs = [...files]
      .filter((file) => /^sitemap-.*\.xml$/.test(file))
      .flatMap((file) => xmlElements(readXml(readFileSync(join(dist, file), 'utf8')), 'loc').map(xmlText));
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) {
      expect(loc, loc).toMatch(ASCII_URL);
      expect(files.has(fileOf(loc)), loc).toBe(true);
    }
    for (const paper of accepted) expect(locs).toContain(`${SITE}/papers/${paper.id}/`);
    for (const file of [...files].filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))) {
      const html = readFileSync(join(dist, file), 'utf8');
      for (const match of html.matchAll(
        /<link rel="canonical" href="([^"]*)"|<meta property="og:url" content="([^"]*)"/g,
      )) {
        const url = match[1] ?? match[2]!;
        expect(url, file).toMatch(ASCII_URL);
        expect(fileOf(url.replaceAll('&amp;', '&')), url).toBe(file);
      }
    }
    const feed = JSON.parse(readFileSync(join(dist, 'feed.json'), 'utf8')) as { items: { id: string; url: string }[] };
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(feed.items.length);
    for (const item of feed.items) {
      expect(item.url, item.id).toMatch(ASCII_URL);
      expect(files.has(fileOf(item.url)), item.url).toBe(true);
    }

    expect(distProblems(dist)).toEqual([]);
  }, 900_000);
});
