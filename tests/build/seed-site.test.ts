import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { remove } from 'unist-util-remove';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, projectRoot, type BuildResult } from '../helpers/build.ts';
import { htmlProblems } from '../helpers/html-valid.ts';
import { joinedWords } from '../helpers/spacing.ts';
import { outlineProblems } from './page-structure.ts';
import { ambiguousNames } from './link-names.ts';
import { checkPaperPage, expectWithinBudget, paperPages, sourceFormulas } from '../helpers/paper-pages.ts';
import { parseSource } from '../../src/content/frontmatter.ts';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import { pageHtml } from '../../src/content/page-html.ts';
import { INDEX_ONLY_END, INDEX_ONLY_START, withoutIndexOnlyWords } from '../../src/lib/search-query.ts';
import corrections from '../fixtures/seed/corrections.json' with { type: 'json' };
import { seedFacts as seed, type SeedFacts as SeedFact } from '../helpers/seed-facts.ts';
import { parseBib } from '../helpers/bibtex.ts';
import { readXml, xmlElements, xmlText, type XmlNode } from '../helpers/xml.ts';

/**
 * What the scrape lost, with the authors' own text (a copy of ../shared/seed/corrections.json):
 * each `from` in the seed listing is `to` in the paper, `occurrences` times (once if not given).
 */
interface SeedCorrections {
  papers: Record<string, { source: string; replace: { from: string; to: string; occurrences?: number }[] }>;
}
const corrected = Object.entries((corrections as SeedCorrections).papers).flatMap(([id, { replace }]) =>
  replace.map(({ from, to, occurrences = 1 }) => [id, to, { from, occurrences }] as const),
);

const occurrencesOf = (text: string, part: string) => text.split(part).length - 1;

/** A stretch of abstract as a paper page shows it: typeset by the pipeline, with the TeX copy for search, compacted as pages are. */
const asOnPage = (markdown: string) => {
  const { rendered } = renderPaperBody(markdown, { file: 'correction.mdx', bodyLine: 1 });
  if (!rendered) throw new Error(`the pipeline refused ${markdown}`);
  return withoutIndexOnlySpans(pageHtml(rendered.html)).replace(/^<p>|<\/p>\s*$/g, '');
};
// The words fenced for the index only depend on the text around: a compound word's parts on its
// sentence, a formula's words on the formulas before it (each word is held once a page).
const withoutIndexOnlySpans = (html: string) =>
  html
    .replace(new RegExp(`<span hidden>\\s*${INDEX_ONLY_START}[^<]*${INDEX_ONLY_END}\\s*</span>`, 'gu'), '')
    .replace(new RegExp(`\\s*${INDEX_ONLY_START}[^<${INDEX_ONLY_END}]*${INDEX_ONLY_END}\\s*`, 'gu'), '');

let build: BuildResult;
beforeAll(async () => {
  build = await buildFixture('content');
});

const articleOf = async (id: string): Promise<Element> => {
  const html = await readFile(join(build.outDir, 'papers', id, 'index.html'), 'utf8');
  let article: Element | undefined;
  const find = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'article') article = child;
      else find(child);
    }
  };
  find(fromHtml(html));
  if (!article) throw new Error(`no <article> in ${id}`);
  return article;
};

describe('the seed digest', () => {
  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it('is valid, accessible HTML, page by page', async () => {
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });

  it.each(seed.map((paper) => [paper.arxiv, paper] as const))('%s has its verified facts', async (id, paper) => {
    const article = await articleOf(id);
    const text = toText(article, { whitespace: 'normal' }).replace(/\s+/g, ' ');
    expect(text).toContain(paper.title);
    expect(text).toContain(paper.authors.join(', '));
    expect(text).toContain('June 6, 2025');
    if (paper.venue) expect(text).toContain(paper.venue);
    const html = JSON.stringify(article);
    expect(html).toContain(`https://arxiv.org/abs/${paper.arxiv}`);
    if (paper.code) expect(html).toContain(paper.code);
  });

  it.each(seed.map((paper) => [paper.arxiv]))('%s has its math typeset and no TeX debris in its text', async (id) => {
    const article = await articleOf(id);
    const html = JSON.stringify(article);
    expect(html).not.toContain('katex-error');
    // Text outside typeset math must not contain TeX left over from the scrape.
    remove(article, (node) => {
      const className = (node as Element).properties?.className;
      return Array.isArray(className) && className.includes('katex');
    });
    const text = toText(article, { whitespace: 'normal' });
    expect(text).not.toMatch(
      /\\[a-zA-Z]+|\$|``|''|\bmathcal\b|\bmathbb\b|\bfrac\b|\b(?:sigma|circ|rightarrow|infty|ell)\b|sum_|[_^]\{|~[a-z]/,
    );
  });
});

describe('the seed’s list pages', () => {
  it.each(['', '2025/06/06', '2025/06/06/2', 'topics/optimization'])(
    '/%s names each outside link so that one name leads to one address',
    async (path) => {
      const tree = fromHtml(await readFile(join(build.outDir, path, 'index.html'), 'utf8'));
      const addresses = new Map<string, Set<string>>();
      const visit = (node: Root | Element) => {
        for (const child of node.children) {
          if (child.type !== 'element') continue;
          const href = child.tagName === 'a' ? String(child.properties.href ?? '') : '';
          if (href.startsWith('https://')) {
            // The accessible name: aria-label when there is one, else the text.
            const label = child.properties.ariaLabel;
            const name = typeof label === 'string' ? label : toText(child, { whitespace: 'normal' }).trim();
            addresses.set(name, (addresses.get(name) ?? new Set()).add(href));
          } else visit(child);
        }
      };
      visit(tree);
      // Every card has its arXiv and PDF links: a list of the page's links must tell them apart.
      expect(addresses.size).toBeGreaterThan(1);
      for (const [name, hrefs] of addresses) expect([...hrefs], name).toHaveLength(1);
      expect([...addresses.keys()].filter((name) => name.startsWith('arXiv: ')).length).toBeGreaterThan(0);
    },
  );
});

describe('the seed’s pages', () => {
  it('tell apart their links and buttons: one name, one destination, one button', async () => {
    // Two papers of a topic on pages 1 and 2 of one day linked two places as "June 6, 2025".
    expect(await ambiguousNames(build.outDir)).toEqual([]);
  });

  it('keep their headings in order, their landmarks, names on links and buttons, and their own canonical address', async () => {
    expect(await outlineProblems(build.outDir, { site: 'https://digest.example.org', base: '/' })).toEqual([]);
  });

  it('keep a space between words of neighbouring elements (related papers, venues, neighbours, pagers)', async () => {
    expect(await joinedWords(build.outDir)).toEqual([]);
  });
});

describe('the seed’s corrections (tests/fixtures/seed/corrections.json)', () => {
  it('list papers of the seed', () => {
    expect(corrected.length).toBeGreaterThan(0);
    const ids = new Set(seed.map((paper) => paper.arxiv));
    expect(corrected.map(([id]) => id).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(corrected)(
    '%s has the authors’ %s in its source, and not the scrape’s text',
    async (id, to, { from, occurrences }) => {
      const file = `2025/${id}.mdx`;
      const { source } = parseSource(file, await readFile(join(projectRoot, 'content/papers', file), 'utf8'));
      const body = source!.body;
      expect(occurrencesOf(body, to)).toBe(occurrences);
      // Where `to` contains `from` (a word made math), only occurrences outside `to` are left over.
      expect(body.split(to).join('\u0000')).not.toContain(from);
    },
  );

  it.each(corrected)('%s shows the authors’ %s on its page, typeset', async (id, to, { from, occurrences }) => {
    const html = await readFile(join(build.outDir, 'papers', id, 'index.html'), 'utf8');
    // Without the compound words' parts added for the index, which depend on the words around.
    const article = withoutIndexOnlySpans(html.slice(html.indexOf('<article'), html.indexOf('</article>')));
    expect(article).not.toBe('');
    expect(occurrencesOf(article, asOnPage(to))).toBe(occurrences);
    expect(occurrencesOf(article, asOnPage(from))).toBe(0);
  });
});

describe('the seed’s paper pages', () => {
  it('are within the page-weight budget: 30 KB raw, 8 KB gzipped', async () => {
    const pages = await paperPages(build.outDir);
    expect(pages.map((page) => page.id).sort()).toEqual(seed.map((paper) => paper.arxiv).sort());
    expectWithinBudget(pages);
  });

  it('keep every formula of their source, each with its MathML, while the TeX source is left to the feeds', async () => {
    const expected = await sourceFormulas('content');
    expect([...expected.values()].some((count) => count > 0)).toBe(true);
    for (const page of await paperPages(build.outDir)) {
      const found = checkPaperPage(page);
      expect(found.formulas, page.id).toBe(expected.get(page.id));
      expect(found.mathml, page.id).toBe(found.formulas);
    }
    const rss = await readFile(join(build.outDir, 'rss.xml'), 'utf8');
    expect(rss).toMatch(/&lt;math [^<]*alttext=&quot;[^&]/);
    expect(rss).not.toContain('&lt;annotation');
  });

  it('show the arXiv id and the first version’s day, or the month its id gives, as no more than that', async () => {
    expect(seed.some((paper) => paper.published === null)).toBe(true);
    for (const paper of seed) {
      const html = await readFile(join(build.outDir, 'papers', paper.arxiv, 'index.html'), 'utf8');
      const meta = /<p class="?meta"? data-pagefind-ignore[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
      expect(meta, paper.arxiv).toContain(`arXiv:${paper.arxiv}`);
      // New-style ids are YYMM.NNNNN: the month arXiv first announced the paper, which may be after
      // its first version's month, so that month is shown as when it was on arXiv, not as the version's.
      const month = `20${paper.arxiv.slice(0, 2)}-${paper.arxiv.slice(2, 4)}`;
      const label = paper.published ? 'First version' : 'On arXiv since';
      expect(meta, paper.arxiv).toMatch(new RegExp(`${label}\\s+<time datetime="?${paper.published ?? month}"?>`));
    }
  });

  it('show the BibTeX entry with a copy button, and link the .bib file that holds it', async () => {
    for (const page of await paperPages(build.outDir)) {
      const { bibtex, bibtexId, bibtexRole, bibtexName, bibHref, copyTarget } = checkPaperPage(page);
      expect(bibtex, page.id).toMatch(/^@\w+\{/);
      // It takes focus, to scroll with the keys: a region, whose name a screen reader says (on a
      // <pre> without a role, ARIA prohibits aria-label, and screen readers may drop it).
      expect([bibtexRole, bibtexName], page.id).toEqual(['region', 'BibTeX entry']);
      expect(copyTarget, page.id).toBe(bibtexId);
      expect(bibHref, page.id).toBe(`/papers/${page.id}.bib`);
      const file = await readFile(join(build.outDir, bibHref!), 'utf8');
      expect(file.trim(), page.id).toBe(bibtex.trim());
    }
  });
});

/**
 * Every output that names a seed paper, read as its reader reads it and compared with the verified
 * facts (tests/fixtures/seed/metadata.json), paper by paper: what is not among the facts (a DOI, a
 * class, a version, a month of a venue) must not be printed, and each date must say which it is.
 */
describe('every seed paper, in every output, against its verified facts', () => {
  const DIGEST_DAY = '2025-06-06';
  const SITE = 'https://digest.example.org';
  const longDate = (date: string) =>
    new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const longMonth = (month: string) =>
    new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  /** The id's year and month, the month arXiv first announced the paper (`2306.13575`: 2023-06). */
  const idMonth = (id: string) => `${Number(id.slice(0, 2)) < 90 ? '20' : '19'}${id.slice(0, 2)}-${id.slice(2, 4)}`;
  /** The year a venue names, if it names one. */
  const yearOfVenue = (venue: string | null) => /\b(?:19|20)\d{2}\b/.exec(venue ?? '')?.[0];
  const classes = (node: Root | RootContent | Element) => {
    const value = node.type === 'element' ? node.properties.className : undefined;
    return Array.isArray(value) ? value.map(String) : [];
  };
  const all = (node: Root | Element, test: (element: Element) => boolean, found: Element[] = []): Element[] => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      all(child, test, found);
    }
    return found;
  };
  /** What a reader sees of an element: its text without what is hidden (index-only spellings). */
  const seen = (element: Element) => {
    const copy = structuredClone(element);
    remove(
      copy,
      (node) => (node as Element).properties?.hidden !== undefined && (node as Element).properties?.hidden !== false,
    );
    return toText(copy, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
  };
  const tree = async (path: string) => fromHtml(await readFile(join(build.outDir, path, 'index.html'), 'utf8'));

  it.each(seed.map((paper) => [paper.arxiv, paper] as const))(
    '%s: its page names its title, its authors in order, each date as what it is, and its links',
    async (id, paper) => {
      const page = await tree(`papers/${id}`);
      const article = await articleOf(id);
      expect(all(article, (element) => element.tagName === 'h1').map(seen)).toEqual([paper.title]);
      const [title] = all(page, (element) => element.tagName === 'title');
      expect(toText(title!)).toBe(`${paper.title} · Paper Digest`);
      const [authors] = all(article, (element) => classes(element).includes('authors'));
      expect(all(authors!, (element) => element.tagName === 'a').map(seen)).toEqual(paper.authors);
      // The digest day, said as the digest's, linking the day page that lists it.
      const [eyebrow] = all(article, (element) => classes(element).includes('eyebrow'));
      expect(seen(eyebrow!)).toBe(`Digest of ${longDate(DIGEST_DAY)}`);
      // Every other date of the page: the first version's day, or the month the id gives, said as such.
      const times = all(article, (element) => element.tagName === 'time').map((time) => [
        String(time.properties.dateTime),
        seen(time),
      ]);
      const first = paper.published ?? idMonth(id);
      expect(times).toEqual([
        [DIGEST_DAY, longDate(DIGEST_DAY)],
        [first, paper.published ? longDate(first) : longMonth(first)],
      ]);
      const text = seen(article);
      expect(text).toContain(`${paper.published ? 'First version' : 'On arXiv since'} ${times[1]![1]} arXiv:${id}`);
      // The venue, only where there is one.
      const venues = all(article, (element) => classes(element).includes('venue')).map(seen);
      expect(venues).toEqual([...(paper.venue ? [paper.venue] : []), `arXiv:${id}`]);
      // Outside links: arXiv's page and PDF, no version, and the code (or project) page.
      const [links] = all(article, (element) => classes(element).includes('paper-links'));
      const outside = all(links!, (element) => element.tagName === 'a').map((link) => String(link.properties.href));
      expect(outside).toEqual([
        `https://arxiv.org/abs/${id}`,
        `https://arxiv.org/pdf/${id}`,
        ...(paper.code ? [paper.code] : []),
      ]);
    },
  );

  /** A name as the .bib gives it back to a reference manager: its parts in the written order. */
  const bibName = (name: { name?: string; firstName?: string; prefix?: string; lastName?: string; suffix?: string }) =>
    (name.name ?? [name.firstName, name.prefix, name.lastName, name.suffix].filter(Boolean).join(' ')).normalize('NFC');

  it.each(seed.map((paper) => [paper.arxiv, paper] as const))(
    '%s: its .bib holds its facts and no field the facts do not give',
    async (id, paper) => {
      const [entry] = parseBib(await readFile(join(build.outDir, 'papers', `${id}.bib`), 'utf8'), id);
      const fields = entry!.fields as Record<string, unknown> & { author: Parameters<typeof bibName>[0][] };
      expect(fields.author.map(bibName)).toEqual(paper.authors);
      expect(fields.title).toBe(paper.title);
      expect(fields.eprint).toBe(id);
      expect(fields.archiveprefix).toBe('arXiv');
      expect(fields.url).toBe(`https://arxiv.org/abs/${id}`);
      const venueYear = yearOfVenue(paper.venue);
      const first = paper.published ?? idMonth(id);
      expect(fields.year).toBe(venueYear ?? first.slice(0, 4));
      // A venue's year has no month; a preprint's is its first version's (or its id's).
      expect(fields.month).toBe(venueYear ? undefined : String(Number(first.slice(5, 7))));
      // The venue where the entry type says it, else as a note; no class, DOI, pages or publisher,
      // which the facts do not give.
      const where = venueYear
        ? { [/Transactions|Journal/.test(paper.venue!) ? 'journal' : 'booktitle']: paper.venue }
        : paper.venue
          ? { note: `Published in ${paper.venue}` }
          : {};
      expect(Object.keys(fields).sort()).toEqual(
        [
          'author',
          'title',
          'eprint',
          'archiveprefix',
          'url',
          'year',
          ...(venueYear ? [] : ['month']),
          ...Object.keys(where),
        ].sort(),
      );
      expect(fields).toMatchObject(where);
    },
  );

  it.each(seed.map((paper) => [paper.arxiv, paper] as const))(
    '%s: its reference, citation tags and JSON-LD name its authors and dates as the .bib does',
    async (id, paper) => {
      const [entry] = parseBib(await readFile(join(build.outDir, 'papers', `${id}.bib`), 'utf8'), id);
      const names = (entry!.fields.author as { firstName?: string; prefix?: string; lastName?: string }[]).map(
        (name) => ({
          family: [name.prefix, name.lastName].filter(Boolean).join(' ').normalize('NFC'),
          given: (name.firstName ?? '').normalize('NFC'),
        }),
      );
      // APA: family name, then each given name as its initial (`Feng-Lei` → `F.-L.`, `J.` kept).
      const initials = (given: string) =>
        given
          .split(' ')
          .map((word) =>
            word
              .split('-')
              .map((part) => `${part[0]}.`)
              .join('-'),
          )
          .join(' ');
      const cited = names.map(({ family, given }) => `${family}, ${initials(given)}`);
      const authors = cited.length === 1 ? cited[0]! : `${cited.slice(0, -1).join(', ')}, & ${cited.at(-1)}`;
      const year = yearOfVenue(paper.venue) ?? (paper.published ?? idMonth(id)).slice(0, 4);
      const title = /[.?!]$/.test(paper.title) ? paper.title : `${paper.title}.`;
      const page = await tree(`papers/${id}`);
      const [reference] = all(page, (element) => element.properties.id === 'reference');
      expect(seen(reference!)).toBe(
        `${authors} (${year}). ${title} ${paper.venue ? `${paper.venue}. ` : ''}arXiv:${id}.`,
      );
      const tags = all(
        page,
        (element) => element.tagName === 'meta' && String(element.properties.name).startsWith('citation_'),
      );
      expect(
        tags.filter((tag) => tag.properties.name === 'citation_author').map((tag) => tag.properties.content),
      ).toEqual(names.map(({ family, given }) => `${family}, ${given}`));
      const [script] = all(page, (element) => element.properties.type === 'application/ld+json');
      const data = JSON.parse(toText(script!)) as Record<string, unknown>;
      expect(data).toEqual({
        '@context': 'https://schema.org',
        '@type': 'ScholarlyArticle',
        headline: paper.title,
        author: paper.authors.map((name) => ({ '@type': 'Person', name })),
        datePublished: yearOfVenue(paper.venue) ?? paper.published ?? idMonth(id),
        url: `${SITE}/papers/${id}/`,
        sameAs: `https://arxiv.org/abs/${id}`,
        identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: id },
      });
    },
  );

  /** The authors a list shows of a paper: all up to 10, else the first 8 (and the list's own author) and a count. */
  const listed = (authors: string[], own?: string) => {
    if (authors.length <= 10) return authors;
    const shown = authors.slice(0, 8);
    if (own !== undefined && authors.indexOf(own) >= 8) shown.push(own);
    const others = authors.length - shown.length;
    return [...shown, `and ${others} ${others === 1 ? 'other' : 'others'}`];
  };
  /** The authors a feed item names: the people a list shows, never the count (read as one more author). */
  const creators = (authors: string[]) => listed(authors).filter((name) => authors.includes(name));

  it('gives each seed paper one item in the RSS and JSON feeds, with its title, authors, link and digest date', async () => {
    const rss = readXml(await readFile(join(build.outDir, 'rss.xml'), 'utf8'));
    const items = xmlElements(rss, 'item');
    const json = JSON.parse(await readFile(join(build.outDir, 'feed.json'), 'utf8')) as {
      items: {
        id: string;
        url: string;
        external_url?: string;
        title: string;
        date_published: string;
        authors: { name: string }[];
      }[];
    };
    expect(items).toHaveLength(seed.length);
    expect(json.items).toHaveLength(seed.length);
    const child = (item: XmlNode, name: string) => xmlElements(item, name).map(xmlText);
    for (const paper of seed) {
      const url = `${SITE}/papers/${paper.arxiv}/`;
      const item = items.filter((found) => child(found, 'link')[0] === url);
      expect(item, paper.arxiv).toHaveLength(1);
      expect(child(item[0]!, 'title'), paper.arxiv).toEqual([paper.title]);
      expect(child(item[0]!, 'dc:creator'), paper.arxiv).toEqual(creators(paper.authors));
      // The day the digest published it, not a date of the paper.
      expect(child(item[0]!, 'pubDate'), paper.arxiv).toEqual(['Fri, 06 Jun 2025 12:00:00 GMT']);
      const entry = json.items.filter((found) => found.url === url);
      expect(entry, paper.arxiv).toHaveLength(1);
      expect(entry[0], paper.arxiv).toMatchObject({
        id: url,
        external_url: `https://arxiv.org/abs/${paper.arxiv}`,
        title: paper.title,
        date_published: `${DIGEST_DAY}T12:00:00Z`,
        authors: creators(paper.authors).map((name) => ({ name })),
      });
    }
  });

  /** The cards of every page of a list, from its first page's path on (`2025/06/06`, `2025/06/06/2`, …). */
  const cardsOf = async (path: string) => {
    const cards: Element[] = [];
    for (let number = 1; ; number++) {
      const at = number === 1 ? path : `${path}/${number}`;
      let page: Root;
      try {
        page = await tree(at);
      } catch {
        return cards;
      }
      cards.push(...all(page, (element) => classes(element).includes('paper-card')));
    }
  };
  /** The paper a card is of, by its title's link. */
  const cardId = (card: Element) => {
    const [heading] = all(card, (element) => classes(element).includes('paper-card-title'));
    const [link] = all(heading!, (element) => element.tagName === 'a');
    return /^\/papers\/([^/]+)\/$/.exec(String(link!.properties.href))![1]!;
  };
  /** What a card says of its paper: title, authors as listed, the digest day it names, the venue. */
  const cardSays = (card: Element) => {
    // As the eye reads it: without what is said to screen readers alone.
    const visible = structuredClone(card);
    remove(visible, (node) => classes(node as RootContent).includes('visually-hidden'));
    const [heading] = all(visible, (element) => classes(element).includes('paper-card-title'));
    const [authors] = all(visible, (element) => classes(element).includes('authors'));
    const [date] = all(visible, (element) => classes(element).includes('meta-date'));
    const [venue] = all(visible, (element) => classes(element).includes('venue'));
    return {
      title: seen(heading!),
      authors: all(authors!, (element) => element.tagName === 'a').map(seen),
      date: date && `${seen(date)} → ${String(date.properties.href)}`,
      venue: venue && seen(venue),
    };
  };
  /** The page of the digest day that lists each paper (set by the day pages' test). */
  const dayPage = new Map<string, string>();
  const expectedCard = (paper: SeedFact, { dated, own }: { dated: boolean; own?: string }) => ({
    title: paper.title,
    authors: listed(paper.authors, own),
    date: dated ? `Digest of ${longDate(DIGEST_DAY)} → ${dayPage.get(paper.arxiv)}` : undefined,
    venue: paper.venue ?? undefined,
  });

  it('lists each seed paper once over its day’s pages, as the facts say, the newest first version first', async () => {
    const cards = await cardsOf('2025/06/06');
    expect(cards.map(cardId).sort()).toEqual(seed.map((paper) => paper.arxiv).sort());
    // 50 a page: a card's date links the page of its day that lists it.
    for (const [index, card] of cards.entries())
      dayPage.set(cardId(card), index < 50 ? '/2025/06/06/' : '/2025/06/06/2/');
    for (const card of cards) {
      const paper = seed.find((fact) => fact.arxiv === cardId(card))!;
      expect(cardSays(card), paper.arxiv).toEqual(expectedCard(paper, { dated: false }));
    }
    // Newest first version first: the first version's day, else the id's month after that month's days.
    const firsts = cards.map(cardId).map((id) => seed.find((paper) => paper.arxiv === id)!.published ?? idMonth(id));
    expect(firsts).toEqual(firsts.toSorted().toReversed());
  });

  it('lists each seed paper once on each of its topics’ and its authors’ pages, as the facts say', async () => {
    let topics = 0;
    for (const paper of seed) {
      const article = await articleOf(paper.arxiv);
      const links = (name: string) =>
        all(all(article, (element) => classes(element).includes(name))[0]!, (element) => element.tagName === 'a').map(
          (link) => String(link.properties.href).replace(/^\/|\/$/g, ''),
        );
      for (const topic of links('tags')) {
        topics += 1;
        const cards = (await cardsOf(topic)).filter((card) => cardId(card) === paper.arxiv);
        expect(cards, `${topic}: ${paper.arxiv}`).toHaveLength(1);
        expect(cardSays(cards[0]!), `${topic}: ${paper.arxiv}`).toEqual(expectedCard(paper, { dated: true }));
      }
      for (const [index, author] of links('authors').entries()) {
        const page = await tree(author);
        expect(all(page, (element) => element.tagName === 'h1').map(seen), author).toEqual([
          `Papers by “${paper.authors[index]}”`,
        ]);
        const cards = (await cardsOf(author)).filter((card) => cardId(card) === paper.arxiv);
        expect(cards, `${author}: ${paper.arxiv}`).toHaveLength(1);
        expect(cardSays(cards[0]!), `${author}: ${paper.arxiv}`).toEqual(
          expectedCard(paper, { dated: true, own: paper.authors[index] }),
        );
      }
    }
    expect(topics).toBeGreaterThan(seed.length);
  });

  /** A page's summary count (`55 papers · page 1 of 2`, `1 paper`) as a number, from the element given. */
  const countIn = (element: Element | undefined) => {
    const said = element === undefined ? '' : seen(element);
    const match = /^(\d+) (papers?)\b/.exec(said);
    expect(match, said).not.toBeNull();
    expect(match![2], said).toBe(match![1] === '1' ? 'paper' : 'papers');
    return Number(match![1]);
  };
  /** The paper ids of an RSS file's items, in order, each item's link, guid and date checked as a feed reader reads them. */
  const rssIds = async (path: string) => {
    const feed = readXml(await readFile(join(build.outDir, path), 'utf8'));
    const ids: string[] = [];
    let previous = Infinity;
    for (const item of xmlElements(feed, 'item')) {
      const [link] = xmlElements(item, 'link').map(xmlText);
      const [guid] = xmlElements(item, 'guid').map(xmlText);
      const [date] = xmlElements(item, 'pubDate').map(xmlText);
      // The guid is the item's permanent link (the same each build), and the link names a written page.
      expect(guid, path).toBe(link);
      const id = new RegExp(`^${SITE}/papers/([^/]+)/$`).exec(link ?? '')?.[1];
      expect(id, `${path}: ${link}`).toBeDefined();
      await expect(readFile(join(build.outDir, 'papers', id!, 'index.html'), 'utf8')).resolves.toContain('<article');
      // RFC 822 as RSS 2.0 writes it, four-digit year, GMT; newest first.
      expect(date, path).toMatch(
        /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      );
      const time = Date.parse(date!);
      expect(time, path).toBeLessThanOrEqual(previous);
      previous = time;
      ids.push(id!);
    }
    return ids;
  };
  /** Each seed paper's topics and authors, as the links of its own page name them (`topics/x`, `authors/y`). */
  const linkedFrom = async () => {
    const linked = new Map<string, string[]>();
    for (const paper of seed) {
      const article = await articleOf(paper.arxiv);
      for (const list of ['tags', 'authors']) {
        const [element] = all(article, (node) => classes(node).includes(list));
        for (const link of all(element!, (node) => node.tagName === 'a')) {
          const path = String(link.properties.href).replace(/^\/|\/$/g, '');
          linked.set(path, [...(linked.get(path) ?? []), paper.arxiv]);
        }
      }
    }
    return linked;
  };

  it('counts on every topic and author page, and on their indexes, the papers their pages list, and feeds exactly those, in the same order', async () => {
    const linked = await linkedFrom();
    /** The lists and the count each index gives them: the topics index, and every page of the A–Z list. */
    const indexed = new Map<string, number>();
    const indexes = ['topics', 'authors'];
    for (let number = 2; ; number++) {
      try {
        await readFile(join(build.outDir, 'authors', '-', String(number), 'index.html'));
      } catch {
        break;
      }
      indexes.push(`authors/-/${number}`);
    }
    for (const index of indexes) {
      for (const item of all(await tree(index), (node) => node.tagName === 'li')) {
        const [link] = all(item, (node) => node.tagName === 'a');
        const [count] = all(item, (node) => classes(node).includes('count'));
        if (link === undefined || count === undefined) continue;
        indexed.set(String(link.properties.href).replace(/^\/|\/$/g, ''), countIn(count));
      }
    }
    // Every topic and author a paper links is listed by its index, and the index lists no other.
    expect([...indexed.keys()].sort()).toEqual([...linked.keys()].sort());
    for (const [path, papers] of linked) {
      const cards = (await cardsOf(path)).map(cardId);
      // Each paper that links the list once, and no other; the index and the page head count them.
      expect(cards.toSorted(), path).toEqual(papers.toSorted());
      expect(indexed.get(path), path).toBe(cards.length);
      const [summary] = all(await tree(path), (node) => classes(node).includes('count'));
      expect(countIn(summary), path).toBe(cards.length);
      // The feed: the list's newest papers, in the page's order (one digest day here: all of them).
      expect(await rssIds(`${path}/rss.xml`), path).toEqual(cards);
    }
  });

  it('counts the papers of the day, month and year as their pages list them, and the feeds give them in that order', async () => {
    const day = (await cardsOf('2025/06/06')).map(cardId);
    expect(day.toSorted()).toEqual(seed.map((paper) => paper.arxiv).sort());
    for (const path of ['2025/06/06', '2025/06/06/2', '2025/06', '2025', 'archive']) {
      const [summary] = all(await tree(path), (node) => classes(node).includes('page-summary'));
      expect(countIn(summary), path).toBe(day.length);
    }
    expect(await rssIds('rss.xml')).toEqual(day);
    const json = JSON.parse(await readFile(join(build.outDir, 'feed.json'), 'utf8')) as {
      items: { id: string; url: string; date_published: string; tags?: string[] }[];
    };
    expect(json.items.map((item) => /\/papers\/([^/]+)\/$/.exec(item.url)?.[1])).toEqual(day);
    for (const item of json.items) {
      // RFC 3339 with a zone, as JSON Feed 1.1 asks; the same instant as the RSS item's.
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);
      expect(item.id).toBe(item.url);
      // Its tags are the topics its page names, in the page's order.
      const id = /\/papers\/([^/]+)\/$/.exec(item.url)![1]!;
      const [tags] = all(await articleOf(id), (node) => classes(node).includes('tags'));
      expect(item.tags ?? [], id).toEqual(all(tags!, (node) => node.tagName === 'a').map(seen));
    }
  });

  it('gives each seed paper one search record: its title, its authors in order, its topics and author filters as its page', async () => {
    const { gunzipSync } = await import('node:zlib');
    const { readdir } = await import('node:fs/promises');
    const folder = join(build.outDir, 'pagefind', 'fragment');
    const records = await Promise.all(
      (await readdir(folder)).map(async (file) => {
        // A fragment is gzipped `pagefind_dcd` followed by the record's JSON.
        const bytes = gunzipSync(await readFile(join(folder, file)));
        expect(bytes.subarray(0, 12).toString(), file).toBe('pagefind_dcd');
        return JSON.parse(bytes.subarray(12).toString('utf8')) as {
          url: string;
          content: string;
          meta: { title: string; date: string };
          filters: Record<string, string[]>;
        };
      }),
    );
    expect(records.map((record) => record.url).sort()).toEqual(seed.map((paper) => `/papers/${paper.arxiv}/`).sort());
    for (const paper of seed) {
      const record = records.find((found) => found.url === `/papers/${paper.arxiv}/`)!;
      expect(record.meta.title, paper.arxiv).toBe(paper.title);
      expect(record.meta.date, paper.arxiv).toBe(DIGEST_DAY);
      // Read as a result's excerpt is shown, without the words fenced for the index only (which
      // must be fenced: a hidden spelling outside a fence reads as one more author): the title,
      // then the authors in order, a sentence of their own. (The title's full stop is Pagefind's, or
      // the page's after the title's hidden words, where they end it; none after a title's own sign.)
      const shown = withoutIndexOnlyWords(record.content.replace(/\s+/g, ' '));
      const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const stop = /[.!?]$/u.test(paper.title) ? '' : '\\.';
      expect(shown, paper.arxiv).toMatch(
        new RegExp(`^${escaped(paper.title)}${stop} ${escaped(paper.authors.join(', '))}\\. `, 'u'),
      );
      const article = await articleOf(paper.arxiv);
      const links = (list: string) =>
        all(all(article, (node) => classes(node).includes(list))[0]!, (node) => node.tagName === 'a');
      expect(record.filters.topic?.toSorted(), paper.arxiv).toEqual(links('tags').map(seen).sort());
      const authorFilters = Object.entries(record.filters)
        .filter(([name]) => name.startsWith('author-'))
        .flatMap(([, values]) => values);
      expect(authorFilters.sort(), paper.arxiv).toEqual(
        links('authors')
          .map((link) => String(link.properties.href).replace(/^\/authors\/|\/$/g, ''))
          .sort(),
      );
    }
  });

  it('names each related paper as it is cited: family names, as its .bib reads them, and its cited year', async () => {
    /** What an author–year citation says, from the facts and the .bib's reading of the names. */
    const cited = new Map<string, string>();
    for (const paper of seed) {
      const [entry] = parseBib(await readFile(join(build.outDir, 'papers', `${paper.arxiv}.bib`), 'utf8'));
      const families = (entry!.fields.author as { prefix?: string; lastName?: string }[]).map((name) =>
        [name.prefix, name.lastName].filter(Boolean).join(' ').normalize('NFC'),
      );
      const who = families.length > 2 ? `${families[0]} et al.` : families.join(' and ');
      cited.set(
        paper.arxiv,
        `${who}, ${yearOfVenue(paper.venue) ?? (paper.published ?? idMonth(paper.arxiv)).slice(0, 4)}`,
      );
    }
    let read = 0;
    for (const paper of seed) {
      const [aside] = all(await tree(`papers/${paper.arxiv}`), (element) => classes(element).includes('related'));
      for (const item of all(aside!, (element) => element.tagName === 'li')) {
        const [link] = all(item, (element) => element.tagName === 'a');
        const id = /^\/papers\/([^/]+)\/$/.exec(String(link!.properties.href))![1]!;
        const [meta] = all(item, (element) => classes(element).includes('related-meta'));
        expect(seen(meta!), `${paper.arxiv}: ${id}`).toBe(cited.get(id));
        read += 1;
      }
    }
    expect(read).toBeGreaterThan(seed.length);
  });
});
