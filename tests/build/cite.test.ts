import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Entry } from '@retorquere/bibtex-parser';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBib } from '../helpers/bibtex.ts';
import { CITING_DOCUMENTS, compileBib, compileWarnings, expectCompiled, hasTex } from '../helpers/latex.ts';
import { buildFixture, type BuildResult } from '../helpers/build.ts';
import { seedFacts as facts, type SeedFacts } from '../helpers/seed-facts.ts';

/**
 * Cite and discover, in built output: every `.bib` file parses with a real BibTeX parser (Better
 * BibTeX's), keys are unique across the digest, paper pages carry `citation_*` tags and JSON-LD,
 * and related papers are linked. tests/fixtures/cite has the tricky cases: a title with `& % _ $ {
 * } # ~ ^ \ <`, math and `GPT-4`; authors `Zoë Çelik` and `Zoe Celik` whose natural keys collide;
 * a journal, a conference, an old-style arXiv id and a paper without one; a topic without papers.
 */
const fixture = 'tests/fixtures/cite';
let cite: BuildResult;
let seed: BuildResult;

beforeAll(async () => {
  // Sequential: two builds at once would only compete for the same two cores.
  cite = await buildFixture(fixture, { base: '/sub/' });
  seed = await buildFixture('content');
});

async function bibFiles(build: BuildResult): Promise<Map<string, Entry[]>> {
  const files = (await glob('**/*.bib', { cwd: build.outDir })).sort();
  const parsed = new Map<string, Entry[]>();
  for (const file of files) parsed.set(file, parseBib(await readFile(join(build.outDir, file), 'utf8'), file));
  return parsed;
}

const page = async (build: BuildResult, path: string): Promise<Root> =>
  fromHtml(await readFile(join(build.outDir, path, 'index.html'), 'utf8'));

function findAll(node: Root | Element, test: (element: Element) => boolean, found: Element[] = []): Element[] {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    findAll(child, test, found);
  }
  return found;
}

const metaTags = (tree: Root) =>
  findAll(
    tree,
    (element) => element.tagName === 'meta' && String(element.properties.name ?? '').startsWith('citation_'),
  ).map((element) => [String(element.properties.name), String(element.properties.content)] as const);

const jsonLdOf = (tree: Root) => {
  const scripts = findAll(
    tree,
    (element) => element.tagName === 'script' && element.properties.type === 'application/ld+json',
  );
  expect(scripts).toHaveLength(1);
  return JSON.parse(toText(scripts[0]!)) as Record<string, unknown>;
};

const byClass = (tree: Root, name: string) =>
  findAll(tree, (element) => {
    const className = element.properties.className;
    return Array.isArray(className) && className.includes(name);
  });

describe('BibTeX and citation metadata on fixture content', () => {
  it('builds', () => {
    expect(cite.ok, cite.output).toBe(true);
  });

  it('writes a .bib per paper, topic and day, each parsing, with keys unique across the digest', async () => {
    const files = await bibFiles(cite);
    // Each author's .bib too (tests/build/authors.test.ts checks them); all of them parse.
    expect([...files.keys()].filter((file) => file.startsWith('authors/')).length).toBeGreaterThan(0);
    expect([...files.keys()].filter((file) => !file.startsWith('authors/'))).toEqual([
      '2025/02/03/papers.bib',
      '2025/02/04/papers.bib',
      'papers/2401.00001.bib',
      'papers/2402.00002.bib',
      'papers/2403.00003.bib',
      'papers/no-arxiv.bib',
      'papers/old-style.bib',
      'topics/attention/papers.bib',
      'topics/empty-topic/papers.bib',
      'topics/tricky/papers.bib',
    ]);
    const keyOf = new Map<string, string>();
    for (const [file, entries] of files) {
      if (!file.startsWith('papers/')) continue;
      expect(entries, file).toHaveLength(1);
      keyOf.set(file.slice('papers/'.length, -'.bib'.length), entries[0]!.key);
    }
    expect(new Set(keyOf.values()).size).toBe(5);
    // Of the two papers whose natural key is `celik2024attention`, the one the digest listed first
    // (2025-02-03) keeps it, and the later one (2025-02-04) adds its id to it.
    expect(keyOf.get('2402.00002')).toBe('celik2024attention');
    expect(keyOf.get('2403.00003')).toBe('celik2024attention-2403.00003');
    expect(keyOf.get('2401.00001')).toBe('celik2024gpt');
    expect(keyOf.get('old-style')).toBe('vandermaaten2003knot');

    const keys = (file: string) => files.get(file)!.map((entry) => entry.key);
    // Listing order: the newer first version (arXiv 2402 before 2401).
    expect(keys('2025/02/03/papers.bib')).toEqual([keyOf.get('2402.00002'), keyOf.get('2401.00001')]);
    expect(keys('2025/02/04/papers.bib').sort()).toEqual(
      [keyOf.get('2403.00003'), keyOf.get('no-arxiv'), keyOf.get('old-style')].sort(),
    );
    expect(keys('topics/attention/papers.bib')).toEqual([keyOf.get('2403.00003'), keyOf.get('2402.00002')]);
    expect(keys('topics/empty-topic/papers.bib')).toEqual([]);
    // A collection holds the very entries of the paper files.
    const day = await readFile(join(cite.outDir, '2025/02/03/papers.bib'), 'utf8');
    expect(day).toContain(await readFile(join(cite.outDir, 'papers/2401.00001.bib'), 'utf8'));
    expect(day.startsWith('% Paper Digest: the digest of February 3, 2025 (2 papers).\n')).toBe(true);
  });

  it('escapes the tricky title and names, and keeps its math', async () => {
    const source = await readFile(join(cite.outDir, 'papers/2401.00001.bib'), 'utf8');
    const [entry] = parseBib(source, '2401.00001.bib');
    // "Journal of Tricky Titles" gives no year: the entry is the preprint, the journal a note.
    expect(entry?.type).toBe('misc');
    expect(entry?.fields.title).toBe('GPT-4 & Friends: 50% of snake_case in O(n²) Time, {Braced} #1 ~ ^ \\ <2>');
    expect(source).toContain('{GPT-4} {\\&} Friends: 50{\\%} of snake{\\_}case in {$O(n^2)$} Time');
    // The file is ASCII: the parser reads `Zo{\"e} {\c{C}}elik` back as letters and marks.
    expect(source).toMatch(/^[\x20-\x7E\n]*$/);
    expect(source).toContain('Zo{\\"e} {\\c{C}}elik');
    const nfc = (text?: string) => text?.normalize('NFC');
    expect(
      entry?.fields.author?.map((name) => ({
        ...name,
        ...(name.lastName && { lastName: nfc(name.lastName), firstName: nfc(name.firstName) }),
      })),
    ).toEqual([
      { lastName: 'Çelik', firstName: 'Zoë' },
      { lastName: "O'Brien-Łukasz", firstName: 'Ahmet' },
      { name: 'Research and Development Team' },
    ]);
    expect(entry?.fields).toMatchObject({
      note: 'Published in Journal of Tricky Titles',
      year: '2024',
      eprint: '2401.00001',
      archiveprefix: 'arXiv',
    });
    expect(entry?.fields.journal).toBeUndefined();
    expect(entry?.fields.primaryclass).toBeUndefined();
  });

  it('types entries by venue and arXiv id', async () => {
    const files = await bibFiles(cite);
    const only = (file: string) => files.get(file)![0]!;
    expect(only('papers/2402.00002.bib').type).toBe('inproceedings');
    expect(only('papers/2402.00002.bib').fields.booktitle).toBe('NeurIPS 2024');
    expect(only('papers/2403.00003.bib').type).toBe('misc');
    expect(only('papers/old-style.bib').fields).toMatchObject({ eprint: 'math/0309136', primaryclass: 'math.GT' });
    expect(only('papers/no-arxiv.bib').fields).toMatchObject({ url: 'https://example.org/paper.pdf' });
    expect(only('papers/no-arxiv.bib').fields.eprint).toBeUndefined();
  });

  it('puts citation_* tags and a ScholarlyArticle on the paper page', async () => {
    const tree = await page(cite, 'papers/2401.00001');
    expect(metaTags(tree)).toEqual([
      ['citation_title', 'GPT-4 & Friends: 50% of snake_case in $O(n^2)$ Time, {Braced} #1 ~ ^ \\ <2>'],
      // Family name first; a team's name, which BibTeX too keeps whole, as written.
      ['citation_author', 'Çelik, Zoë'],
      ['citation_author', "O'Brien-Łukasz, Ahmet"],
      ['citation_author', 'Research and Development Team'],
      ['citation_publication_date', '2024/01/01'],
      ['citation_journal_title', 'Journal of Tricky Titles'],
      ['citation_arxiv_id', '2401.00001'],
      ['citation_pdf_url', 'https://arxiv.org/pdf/2401.00001'],
    ]);
    expect(metaTags(await page(cite, 'papers/2402.00002'))).toContainEqual([
      'citation_conference_title',
      'NeurIPS 2024',
    ]);
    expect(jsonLdOf(tree)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      // Shown to readers, the title's math is read as text; only citation_title and BibTeX keep TeX.
      headline: 'GPT-4 & Friends: 50% of snake_case in O(n^2) Time, {Braced} #1 ~ ^ \\ <2>',
      author: [
        { '@type': 'Person', name: 'Zoë Çelik' },
        { '@type': 'Person', name: "Ahmet O'Brien-Łukasz" },
        { '@type': 'Organization', name: 'Research and Development Team' },
      ],
      datePublished: '2024-01-01',
      url: 'https://digest.example.org/sub/papers/2401.00001/',
      sameAs: 'https://arxiv.org/abs/2401.00001',
      identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: '2401.00001' },
    });
    // The title's `<` is text on the page, as in every output above.
    const [heading] = findAll(tree, (element) => element.tagName === 'h1');
    expect(toText(heading!)).toContain('{Braced} #1 ~ ^ \\ <2>');
  });

  it('shows a title’s math as text wherever readers see the title', async () => {
    const shown = 'GPT-4 & Friends: 50% of snake_case in O(n^2) Time, {Braced} #1 ~ ^ \\ <2>';
    const tree = await page(cite, 'papers/2401.00001');
    const [heading] = findAll(tree, (element) => element.tagName === 'h1');
    expect(toText(heading!)).toBe(shown);
    const [title] = findAll(tree, (element) => element.tagName === 'title');
    expect(toText(title!)).toMatch(new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));
    const meta = (property: string) =>
      findAll(tree, (element) => element.tagName === 'meta' && element.properties.property === property)[0]?.properties
        .content;
    expect(meta('og:title')).toBe(shown);
    // On its day's page, in the feeds.
    const day = await page(cite, '2025/02/03');
    const cardTitles = byClass(day, 'paper-card-title').map((element) => toText(element));
    expect(cardTitles).toContain(shown);
    const feed = JSON.parse(await readFile(join(cite.outDir, 'feed.json'), 'utf8')) as { items: { title: string }[] };
    expect(feed.items.map((item) => item.title)).toContain(shown);
    const rss = await readFile(join(cite.outDir, 'rss.xml'), 'utf8');
    const rssTitles = [...rss.matchAll(/<item>\s*<title>([^<]*)<\/title>/g)].map((match) => match[1]!);
    expect(rssTitles.filter((title) => title.includes('snake_case'))).toEqual([
      'GPT-4 &amp; Friends: 50% of snake_case in O(n^2) Time, {Braced} #1 ~ ^ \\ &lt;2&gt;',
    ]);
  });

  it('shows the entry with a copy button (shown by script) and links the .bib file', async () => {
    const tree = await page(cite, 'papers/2401.00001');
    const [pre] = byClass(tree, 'bibtex');
    expect(toText(pre!)).toBe(await readFile(join(cite.outDir, 'papers/2401.00001.bib'), 'utf8'));
    const button = byClass(tree, 'copy-button').find((element) => element.properties.dataCopyTarget === 'bibtex-entry');
    expect(button?.properties).toMatchObject({ hidden: true, dataCopyTarget: pre?.properties.id });
    const [section] = byClass(tree, 'citation');
    expect(section?.properties.dataPagefindIgnore).toBe('');
    const links = findAll(section!, (element) => element.tagName === 'a').map((a) => a.properties.href);
    expect(links).toContain('/sub/papers/2401.00001.bib');
    // No inline event handlers anywhere: the CSP forbids them.
    const html = await readFile(join(cite.outDir, 'papers/2401.00001/index.html'), 'utf8');
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('shows a plain-text reference in the page itself (no script needed), with its own copy button', async () => {
    // tests/fixtures/cite: the journal has no year, so the year is the first version's (2024-01-01).
    const tree = await page(cite, 'papers/2401.00001');
    const [reference] = findAll(tree, (element) => element.properties.id === 'reference');
    expect(toText(reference!)).toBe(
      "Çelik, Z., O'Brien-Łukasz, A., & Research and Development Team. (2024). GPT-4 & Friends: 50% of snake_case in " +
        'O(n^2) Time, {Braced} #1 ~ ^ \\ <2>. Journal of Tricky Titles. arXiv:2401.00001.',
    );
    const button = byClass(tree, 'copy-button').find((element) => element.properties.dataCopyTarget === 'reference');
    expect(button?.properties.hidden).toBe(true);
    // An old-style id with its class; a paper known only by its PDF, with no date: n.d., never the digest date.
    const referenceOf = async (id: string) =>
      toText(findAll(await page(cite, `papers/${id}`), (element) => element.properties.id === 'reference')[0]!);
    expect(await referenceOf('old-style')).toBe(
      'van der Maaten, L. (2003). Knot Invariants, Old-Style. arXiv:math/0309136 [math.GT].',
    );
    expect(await referenceOf('no-arxiv')).toBe(
      'Hopper, G. (n.d.). A Paper Without arXiv. https://example.org/paper.pdf',
    );
  });

  it('links the .bib of a topic and a day from their pages, not of an empty topic', async () => {
    const href = (tree: Root) => byClass(tree, 'bib-link').map((link) => link.properties.href);
    expect(href(await page(cite, 'topics/attention'))).toEqual(['/sub/topics/attention/papers.bib']);
    expect(href(await page(cite, 'topics/empty-topic'))).toEqual([]);
    expect(href(await page(cite, '2025/02/03'))).toEqual(['/sub/2025/02/03/papers.bib']);
  });

  it('lists related papers outside the search index', async () => {
    const tree = await page(cite, 'papers/2402.00002');
    const [aside] = byClass(tree, 'related');
    expect(aside?.tagName).toBe('aside');
    expect(aside?.properties.dataPagefindIgnore).toBe('');
    const links = findAll(aside!, (element) => element.tagName === 'a').map((a) => a.properties.href);
    expect(links[0]).toBe('/sub/papers/2403.00003/');
    expect(links).not.toContain('/sub/papers/2402.00002/');
  });
});

/** The first version's date as the seed knows it: `published`, else the id's year and month (`2306.13575`: 2023-06). */
const firstVersion = (paper: SeedFacts) => paper.published ?? `20${paper.arxiv.slice(0, 2)}-${paper.arxiv.slice(2, 4)}`;
/** The year to cite: a venue's own year, else the first version's (the entry is then the preprint). */
const citedYear = (paper: SeedFacts) =>
  /\b(19|20)\d\d\b/.exec(paper.venue ?? '')?.[0] ?? firstVersion(paper).slice(0, 4);

describe('BibTeX and citation metadata of the seed', () => {
  it('builds', () => {
    expect(seed.ok, seed.output).toBe(true);
  });

  it('gives every seed paper a parsing entry with its facts, under a unique key', async () => {
    const files = await bibFiles(seed);
    const keys = new Set<string>();
    for (const paper of facts) {
      const entries = files.get(`papers/${paper.arxiv}.bib`);
      expect(entries, paper.arxiv).toHaveLength(1);
      const [entry] = entries!;
      keys.add(entry!.key);
      expect(entry!.key).toMatch(/^[a-z]+\d{4}[a-z0-9]*$/);
      expect(entry!.fields.title).toBe(paper.title);
      expect(entry!.fields.author).toHaveLength(paper.authors.length);
      expect(entry!.fields).toMatchObject({ eprint: paper.arxiv, archiveprefix: 'arXiv' });
      // Never the digest's year (2025) for a paper from another year.
      expect(entry!.fields.year, paper.arxiv).toBe(citedYear(paper));
    }
    expect(keys.size).toBe(facts.length);
  });

  // What a citing reader runs: every seed paper's .bib in one document, through BibTeX with each
  // citing style (urlbst's plainurl, which prints every field, alpha, abbrv and natbib's plainnat),
  // without an error or a warning (a missing field, an unknown macro, a name BibTeX cannot split, a
  // key defined twice, an undefined citation).
  it.runIf(hasTex).each(Object.keys(CITING_DOCUMENTS) as (keyof typeof CITING_DOCUMENTS)[])(
    "compiles every seed paper's .bib with BibTeX and %s, without a warning",
    async (style) => {
      const bib = (
        await Promise.all(facts.map((paper) => readFile(join(seed.outDir, `papers/${paper.arxiv}.bib`), 'utf8')))
      ).join('\n');
      const compiled = compileBib(bib, style);
      expectCompiled(compiled);
      expect(compileWarnings(compiled)).toEqual([]);
      expect(compiled.bbl.match(/\\bibitem/g)).toHaveLength(facts.length);
    },
    120_000,
  );

  it('has topic and day .bib files that parse and hold their papers', async () => {
    const files = await bibFiles(seed);
    const topicFiles = [...files.keys()].filter((file) => file.startsWith('topics/'));
    expect(topicFiles.length).toBeGreaterThan(10);
    const day = files.get('2025/06/06/papers.bib');
    expect(day).toHaveLength(facts.length);
    const kan = files.get('topics/kolmogorov-arnold-networks/papers.bib')!;
    expect(kan.map((entry) => entry.fields.eprint).sort()).toEqual(['2408.08338', '2409.10594', '2503.06112']);
  });

  it.each(facts.map((paper) => [paper.arxiv, paper] as const))('%s has its citation meta tags', async (id, paper) => {
    const tree = await page(seed, `papers/${id}`);
    const tags = metaTags(tree);
    const values = (name: string) => tags.filter(([tag]) => tag === name).map(([, content]) => content);
    expect(values('citation_title')).toEqual([paper.title]);
    // Family name first (`Bachmann, Gregor`): the two parts, put back in the written order, are
    // the name as written, and the family name holds the name's last word and any particle
    // (`de Luca, Artur Back`).
    const cited = values('citation_author').map((name) => name.split(', '));
    expect(cited.map(([family, given]) => `${given} ${family}`)).toEqual(paper.authors);
    for (const [family = '', given = ''] of cited) {
      expect(family).toMatch(/^\S/);
      expect(given).not.toMatch(/(?:^|\s)\p{Ll}/u);
    }
    expect(values('citation_arxiv_id')).toEqual([id]);
    expect(values('citation_pdf_url')).toEqual([`https://arxiv.org/pdf/${id}`]);
    // The year of a venue that names one (as the BibTeX entry cites it), else the first version's
    // date as precisely as known; never the digest date.
    const published = /\b(?:19|20)\d{2}\b/.exec(paper.venue ?? '')?.[0] ?? firstVersion(paper);
    // As Google Scholar asks: a full date `YYYY/MM/DD`, else the year alone (not `YYYY/MM`).
    const scholar = (date: string) => (date.length === 10 ? date.replaceAll('-', '/') : date.slice(0, 4));
    expect(values('citation_publication_date')).toEqual([scholar(published)]);
    expect(values('citation_online_date')).toEqual(
      published === firstVersion(paper) ? [] : [scholar(firstVersion(paper))],
    );
    expect(jsonLdOf(tree)).toMatchObject({
      '@type': 'ScholarlyArticle',
      headline: paper.title,
      datePublished: published,
    });
  });

  it('relates each Kolmogorov–Arnold network paper to the other KAN papers', async () => {
    const kan = ['2408.08338', '2409.10594', '2503.06112'];
    for (const id of kan) {
      const [aside] = byClass(await page(seed, `papers/${id}`), 'related');
      const related = findAll(aside!, (element) => element.tagName === 'a').map((a) =>
        String(a.properties.href).replace(/^\/papers\/|\/$/g, ''),
      );
      expect(related).toHaveLength(5);
      expect(related.slice(0, 2).sort(), id).toEqual(kan.filter((other) => other !== id));
    }
  });
});

describe('the month each citation output gives', () => {
  it('is the month of the date the year comes from, the same in the .bib, the meta tags, the JSON-LD and the page', async () => {
    const files = await bibFiles(seed);
    let months = 0;
    for (const paper of facts) {
      // A venue's year comes with no month; the first version's date (or the id's month) has one.
      const venueYear = /\b(?:19|20)\d{2}\b/.test(paper.venue ?? '');
      const month = venueYear ? undefined : Number(firstVersion(paper).slice(5, 7));
      if (month !== undefined) months++;
      const [entry] = files.get(`papers/${paper.arxiv}.bib`)!;
      expect(entry!.fields.month, paper.arxiv).toBe(month === undefined ? undefined : String(month));
      const tree = await page(seed, `papers/${paper.arxiv}`);
      const [date] = metaTags(tree)
        .filter(([name]) => name === 'citation_publication_date')
        .map(([, content]) => content.split('/'));
      // With its day only: a year and month is written as the year (Google Scholar's two forms).
      const day = !venueYear && Boolean(paper.published);
      expect(date?.[1] === undefined ? undefined : Number(date[1]), paper.arxiv).toBe(day ? month : undefined);
      const published = String(jsonLdOf(tree).datePublished).split('-');
      expect(published[1] === undefined ? undefined : Number(published[1]), paper.arxiv).toBe(month);
      // The page's "First version" date is where a preprint's month is seen.
      const shown = findAll(tree, (element) => element.tagName === 'time').map((time) =>
        String(time.properties.dateTime),
      );
      expect(shown, paper.arxiv).toContain(firstVersion(paper));
    }
    // The seed has papers of both kinds.
    expect(months).toBeGreaterThan(10);
    expect(months).toBeLessThan(facts.length);
  });
});
