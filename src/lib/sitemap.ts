import type { Archive } from './archive.ts';
import { pageCount } from './paginate.ts';
import type { Urls } from './urls.ts';
import { xmlDocument, type XmlElement } from './xml.ts';

/**
 * The sitemap (sitemaps.org protocol 0.9): an index at `/sitemap.xml` pointing to chunk files,
 * because one sitemap may hold at most 50,000 URLs (and 50 MB), and a digest of 100,000 papers
 * has more pages than that. Paper pages are chunked by digest year, so adding a paper rewrites
 * the chunk of its year (and the small chunk of the other pages, whose dates may move), not the
 * whole sitemap. A year too big for one file splits by month, a month by day; only a day with
 * more papers than a sitemap holds is cut into numbered parts.
 *
 * Every other HTML page (home, lists, topics, date pages, the A–Z list of authors) is in the
 * `pages` chunk, except the author pages: they are in the `authors` chunk(s). Each URL
 * carries its page's date as `<lastmod>`: a paper's and a day's digest date, and for a page
 * listing papers, the newest digest date it shows. Every page of a topic's or an author's list,
 * paged newest first, carries the list's newest date: a newer paper moves the papers of every
 * page down one place, so page 3 changed that day too. Pages that show no paper date have none.
 */
export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const MAX_SITEMAP_URLS = 50_000;
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

export interface SitemapEntry {
  /** Absolute URL of the page. */
  loc: string;
  /** `YYYY-MM-DD`, when the page has a date. */
  lastmod?: string;
}

export interface SitemapChunk {
  /** The chunk's name: its file is `sitemap-<name>.xml`. */
  name: string;
  entries: SitemapEntry[];
}

interface Dated {
  id: string;
  data: { date: string };
}

export interface SitemapInput<T extends Dated> {
  urls: Urls;
  /** Papers grouped by day, month and year, newest first (src/lib/archive.ts). */
  archive: Archive<T>;
  /** The topic vocabulary, in file order. */
  topics: readonly { slug: string }[];
  /** Each topic's papers, newest first. */
  papersByTopic: ReadonlyMap<string, readonly T[]>;
  /** Papers per page on paginated lists (day, topic and author pages). */
  pageSize: number;
  /** Each author (slug) with their papers, newest first, in the order the chunk lists them. */
  authors?: readonly { slug: string; papers: readonly T[] }[];
  /** How many pages the A–Z list of authors has. */
  authorIndexPages?: number;
  /** Most URLs in one chunk; the protocol's limit unless a test asks for fewer. */
  maxUrls?: number;
}

/** Every chunk, the `pages` chunk(s) first, then the papers' chunks newest first. */
export function sitemapChunks<T extends Dated>(input: SitemapInput<T>): SitemapChunk[] {
  const maxUrls = input.maxUrls ?? MAX_SITEMAP_URLS;
  const pages = inParts('pages', otherPages(input), maxUrls);
  const authors = input.authors ? inParts('authors', authorPages(input), maxUrls) : [];
  const papers = paperGroups(
    input.archive.days.flatMap((day) => day.papers),
    maxUrls,
  ).flatMap(({ name, papers: group }) =>
    inParts(
      `papers-${name}`,
      group.map((paper) => ({ loc: input.urls.absolute(input.urls.paper(paper.id)), lastmod: paper.data.date })),
      maxUrls,
    ),
  );
  return [...pages, ...authors, ...papers];
}

/**
 * Every page of every author, dated by the author's newest paper (every page shifts when one is
 * added): a chunk of its own (`authors`, split past the protocol's limit), as a digest has more
 * authors than papers.
 */
function authorPages<T extends Dated>({ urls, authors = [], pageSize }: SitemapInput<T>): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  for (const { slug, papers } of authors) {
    const lastmod = papers[0]?.data.date;
    for (let page = 1; page <= pageCount(papers.length, pageSize); page++) {
      entries.push(
        lastmod
          ? { loc: urls.absolute(urls.author(slug, page)), lastmod }
          : { loc: urls.absolute(urls.author(slug, page)) },
      );
    }
  }
  return entries;
}

/** Every HTML page that is not a paper page (and not the 404 page), with its date. */
function otherPages<T extends Dated>(input: SitemapInput<T>): SitemapEntry[] {
  const { urls, archive, topics, papersByTopic, pageSize } = input;
  const entry = (path: string, lastmod: string | undefined): SitemapEntry =>
    lastmod ? { loc: urls.absolute(path), lastmod } : { loc: urls.absolute(path) };
  const newest = archive.days[0]?.date;
  const entries: SitemapEntry[] = [
    // Pages that list or count every paper change whenever the newest paper does.
    ...[urls.home(), urls.archive(), urls.topics(), urls.search(), urls.subscribe()].map((path) => entry(path, newest)),
    // A page of prose only, and the reading list (filled in the reader's browser): no date of their own.
    entry(urls.about(), undefined),
    entry(urls.saved(), undefined),
  ];
  if (input.authors) {
    for (let page = 1; page <= (input.authorIndexPages ?? 1); page++) entries.push(entry(urls.authors(page), newest));
  }
  for (const { slug } of topics) {
    const papers = papersByTopic.get(slug) ?? [];
    for (let page = 1; page <= pageCount(papers.length, pageSize); page++) {
      entries.push(entry(urls.topic(slug, page), papers[0]?.data.date));
    }
  }
  for (const year of archive.years) entries.push(entry(urls.year(year.year), year.months[0]?.days[0]?.date));
  for (const month of archive.months) {
    entries.push(entry(urls.month(month.year, month.month), month.days[0]?.date));
  }
  for (const day of archive.days) {
    for (let page = 1; page <= pageCount(day.papers.length, pageSize); page++)
      entries.push(entry(urls.day(day.date, page), day.date));
  }
  return entries;
}

/**
 * Papers (newest first) grouped by digest year; a group with more than `maxUrls` papers splits by
 * month, then by day. Names are `2025`, `2025-03`, `2025-03-14`: a paper's group depends only on
 * its date and on how full its year (month) is, never on other years.
 */
function paperGroups<T extends Dated>(papers: readonly T[], maxUrls: number): { name: string; papers: T[] }[] {
  const split = (group: readonly T[], keyLength: number): { name: string; papers: T[] }[] => {
    const groups = new Map<string, T[]>();
    for (const paper of group) {
      const key = paper.data.date.slice(0, keyLength);
      let members = groups.get(key);
      if (!members) groups.set(key, (members = []));
      members.push(paper);
    }
    return [...groups].flatMap(([name, members]) =>
      members.length > maxUrls && keyLength < 10 ? split(members, keyLength + 3) : [{ name, papers: members }],
    );
  };
  return split(papers, 4);
}

/** `entries` as one chunk named `name`, or, beyond `maxUrls`, as `name-1`, `name-2`, …. */
function inParts(name: string, entries: SitemapEntry[], maxUrls: number): SitemapChunk[] {
  if (entries.length <= maxUrls) return [{ name, entries }];
  const parts: SitemapChunk[] = [];
  for (let start = 0; start < entries.length; start += maxUrls) {
    parts.push({ name: `${name}-${parts.length + 1}`, entries: entries.slice(start, start + maxUrls) });
  }
  return parts;
}

/** The newest `lastmod` of a chunk's entries (dates compare as strings). */
export function newestDate(entries: readonly SitemapEntry[]): string | undefined {
  let newest: string | undefined;
  for (const { lastmod } of entries) if (lastmod && (!newest || lastmod > newest)) newest = lastmod;
  return newest;
}

/** A `<urlset>` of the entries. Throws past the protocol's size limit rather than write a file crawlers refuse. */
export function urlsetXml(entries: readonly SitemapEntry[]): string {
  return checkedSize(
    xmlDocument({ name: 'urlset', attributes: { xmlns: SITEMAP_NAMESPACE }, children: entries.map(entry('url')) }),
  );
}

/** The `<sitemapindex>` listing each chunk's file (an absolute URL) and its newest date. */
export function sitemapIndexXml(sitemaps: readonly SitemapEntry[]): string {
  return checkedSize(
    xmlDocument({
      name: 'sitemapindex',
      attributes: { xmlns: SITEMAP_NAMESPACE },
      children: sitemaps.map(entry('sitemap')),
    }),
  );
}

const entry =
  (name: 'url' | 'sitemap') =>
  ({ loc, lastmod }: SitemapEntry): XmlElement => ({
    name,
    children: [{ name: 'loc', children: [loc] }, lastmod ? { name: 'lastmod', children: [lastmod] } : undefined],
  });

function checkedSize(xml: string): string {
  const bytes = Buffer.byteLength(xml);
  if (bytes > MAX_SITEMAP_BYTES) throw new Error(`a sitemap file would be ${bytes} bytes, over the protocol's 50 MB`);
  return xml;
}
