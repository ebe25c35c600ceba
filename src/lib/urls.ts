import { dateParts } from './dates.ts';

/**
 * The one place that builds links. Every path carries the configured base path, so the site works
 * at the root of a domain and under `/some-repo/` on GitHub Pages; `absolute()` adds the site URL
 * for feeds, canonical links and citation metadata.
 */
export interface UrlOptions {
  /** Base path, e.g. `/` or `/paper-digest/`. */
  base: string;
  /** Site origin (and optional path), e.g. `https://example.org`. */
  site: string;
}

export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Where a paper's outputs live, relative to the site root: its page (a folder with an
 * `index.html`), and beside that folder its BibTeX file and its JSON summary (for the reading list). The one home of these paths: links
 * (below) and the content check's output-collision test (src/content/collection.ts) use it.
 */
export function paperPaths(id: string): { page: string; files: [page: string, bib: string, json: string] } {
  const segment = encodeURIComponent(id);
  return {
    page: `papers/${segment}/`,
    files: [`papers/${segment}/index.html`, `papers/${segment}.bib`, `papers/${segment}.json`],
  };
}

/**
 * Where an author's feed and `.bib` are written, relative to the output folder (the slug as it is:
 * src/lib/authors.ts keeps it to letters, digits and `-`). Their links below are built from these.
 */
export function authorFilePaths(slug: string): { feed: string; bib: string } {
  return { feed: `authors/${slug}/rss.xml`, bib: `authors/${slug}/papers.bib` };
}

/** The folder of page `page` of an author's list (page 2 and on hold older papers); its file is `index.html`. */
export function authorPageFolder(slug: string, page = 1): string {
  return `authors/${slug}/${page > 1 ? `${page}/` : ''}`;
}

/**
 * Whether a URL leads to the digest's own site: http or https on the site's host (`siteHost` as
 * URL.host gives it: any case, no default port), whichever scheme the site is served with, since
 * a browser follows either. The content rules refuse such links in abstracts, and the build's
 * link check follows them into dist/: one rule for both.
 */
export function isOnSiteHost(url: URL, siteHost: string): boolean {
  // Another port is another origin, so another site; but `digest.example.org.` (a fully
  // qualified name, with the root's dot) is the same host to DNS.
  const withoutRootDot = (host: string) => host.replace(/\.(?=:\d+$|$)/, '');
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') && withoutRootDot(url.host) === withoutRootDot(siteHost)
  );
}

/**
 * Why a paper may not link to `url`, if it leads to the digest's own site (isOnSiteHost): the
 * one message for links in abstracts and in the frontmatter.
 */
export function ownSiteLinkProblem(url: URL, siteOrigin: string): string | undefined {
  return isOnSiteHost(url, new URL(siteOrigin).host)
    ? `leads to this digest itself (${siteOrigin}): papers link to papers through the site, not by URL; link to the paper's arXiv page instead`
    : undefined;
}

/**
 * Whether a link's text already is the address it leads to, as a reader would type it: the same
 * address whatever its scheme (`example.org/x` for `https://example.org/x`), the case of its host,
 * a final slash or how its characters are written (`/ä` or `/%C3%A4`). A printed page writes a
 * link's address after its text (global.css), except where the text is that address already.
 */
export function textIsAddress(text: string, href: string): boolean {
  const written = text.trim();
  if (written === '' || /\s/.test(written)) return false;
  const place = (address: string) => {
    try {
      const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(address) ? address : `https://${address}`);
      return `${url.host}${url.pathname.replace(/\/$/, '')}${url.search}${url.hash}`;
    } catch {
      return undefined;
    }
  };
  const target = place(href);
  return target !== undefined && place(written) === target;
}

/** A file path as a URL path: each segment percent-encoded. */
const encodePath = (file: string) => file.split('/').map(encodeURIComponent).join('/');

export function createUrls({ base, site }: UrlOptions) {
  const basePath = normalizeBase(base);
  const origin = new URL(site).origin;

  /** A site path (`papers/x/`) with the base path in front. */
  const path = (relative: string): string => basePath + relative.replace(/^\/+/, '');

  return {
    base: basePath,
    home: () => path(''),
    paper: (id: string) => path(paperPaths(id).page),
    /** A paper's BibTeX entry: a file beside its page's folder. */
    paperBib: (id: string) => path(paperPaths(id).files[1]),
    /** A paper's title, authors and date as JSON, read by the reading list (/saved/). */
    paperJson: (id: string) => path(paperPaths(id).files[2]),
    /** The reader's reading list, kept in their browser. */
    saved: () => path('saved/'),
    /** A digest day's page; page 2 and on hold the papers after the first page (pageSize). */
    day: (date: string, page = 1) => {
      const { year, month, day } = dateParts(date);
      return path(`${year}/${month}/${day}/${page > 1 ? `${page}/` : ''}`);
    },
    month: (year: number, month: number) => path(`${String(year).padStart(4, '0')}/${String(month).padStart(2, '0')}/`),
    year: (year: number) => path(`${String(year).padStart(4, '0')}/`),
    archive: () => path('archive/'),
    topics: () => path('topics/'),
    topic: (slug: string, page = 1) => path(`topics/${encodeURIComponent(slug)}/${page > 1 ? `${page}/` : ''}`),
    topicFeed: (slug: string) => path(`topics/${encodeURIComponent(slug)}/rss.xml`),
    topicBib: (slug: string) => path(`topics/${encodeURIComponent(slug)}/papers.bib`),
    /**
     * The A–Z list of authors; page 2 and on live under `authors/-/`, a folder no author slug can
     * be (a slug never starts with `-`, see src/lib/authors.ts).
     */
    authors: (page = 1) => path(page > 1 ? `${AUTHOR_LIST_PAGES}${page}/` : 'authors/'),
    /** An author's page (`slug` from authorSlug); page 2 and on hold older papers. */
    author: (slug: string, page = 1) => path(encodePath(authorPageFolder(slug, page))),
    authorFeed: (slug: string) => path(encodePath(authorFilePaths(slug).feed)),
    authorBib: (slug: string) => path(encodePath(authorFilePaths(slug).bib)),
    dayBib: (date: string) => {
      const { year, month, day } = dateParts(date);
      return path(`${year}/${month}/${day}/papers.bib`);
    },
    feed: () => path('rss.xml'),
    jsonFeed: () => path('feed.json'),
    opml: () => path('feeds.opml'),
    subscribe: () => path('subscribe/'),
    search: () => path('search/'),
    /** The search page filtered to one author's papers (the filter of src/client/search.ts). */
    searchByAuthor: (slug: string) => `${path('search/')}?author=${encodeURIComponent(slug)}`,
    about: () => path('about/'),
    /** The sitemap index, or with a chunk's name, that chunk (see src/lib/sitemap.ts). */
    sitemap: (chunk?: string) => path(chunk ? `sitemap-${encodeURIComponent(chunk)}.xml` : 'sitemap.xml'),
    robots: () => path('robots.txt'),
    asset: (file: string) => path(file),
    /** Absolute URL (site origin + base path) for a path built above. */
    absolute: (sitePath: string) => new URL(sitePath, origin).href,
  };
}

export type Urls = ReturnType<typeof createUrls>;

/**
 * The folder of the A–Z list's pages 2 and on, under the base path (its first page is `authors/`):
 * `-` is a folder no author slug can be. The 404 page's nearAddresses reads it back.
 */
export const AUTHOR_LIST_PAGES = 'authors/-/';
