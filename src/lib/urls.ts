import { dateParts } from './dates.ts';
import { TOP_LEVEL_DOMAINS } from './top-level-domains.ts';

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

/** DNS's limits on a host name (RFC 1035, 2.3.4, in its ASCII form): no resolver looks up a longer one. */
const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

/**
 * The special-use domains whose names resolve on the reader's side, never on the web: `localhost`
 * (RFC 6761, which browsers lead to the reader's own machine, `app.localhost` too), `local` (mDNS,
 * RFC 6762: a device on their network, `printer.local`), `home.arpa` (RFC 8375, a home network),
 * `internal` (reserved by ICANN for private networks), and the names RFC 6762's Appendix G finds
 * in use on private networks, which ICANN never delegated for that reason (its name-collision
 * decisions): `intranet`, `private`, `corp`, `home`, `lan` (`router.lan`, `git.corp`). A dot
 * makes none of them a web host. Only whole labels: `corp.com`, `lan.de`, `home.org` are web hosts.
 */
const LOCAL_DOMAINS = ['localhost', 'local', 'home.arpa', 'internal', 'intranet', 'private', 'corp', 'home', 'lan'];

/**
 * Whether a host, as the URL parser writes it, is an IP address (IPv4 in dotted decimal, IPv6 in
 * brackets) or a local name: one without a dot (`localhost`) or under a domain that names local
 * machines (LOCAL_DOMAINS: `admin.localhost`, `printer.local`): no web host with a domain. The
 * first refusal of webHostProblem, which the check's advice for such addresses in text reads too.
 */
export function isAddressOrLocalName(host: string): boolean {
  const name = host.replace(/\.$/, '');
  return (
    host.startsWith('[') ||
    /^[\d.]+$/.test(host) ||
    !host.includes('.') ||
    LOCAL_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`))
  );
}

/**
 * Why a parsed link's host is no name on the web, if it is not: it must be labels of letters,
 * digits and hyphens with at least one dot (IDNs are in their `xn--` form by now), within DNS's
 * limits. Not an IP address (IPv4 in any form the parser reads is dotted decimal by now; IPv6 is
 * bracketed) nor a name without a dot (`localhost`, a machine on the reader's own network): from a
 * page or feed they trust, such a link reaches the reader's own machine or network. The WHATWG
 * parser checks no length, so a host no resolver takes would be published as a dead link. One rule
 * and one message for links in abstracts and in the frontmatter: a phrase after "it" or a field.
 */
export function webHostProblem(url: URL): string | undefined {
  const host = url.hostname;
  if (isAddressOrLocalName(host) || !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host)) {
    return 'must name a web host with a domain, e.g. "https://github.com/…", not an IP address or a local name';
  }
  const labels = host.split('.');
  // A name under no domain of the root zone leads nowhere from a reader's browser: `.test`,
  // `.example` and `.invalid` are kept out of the DNS for tests and documentation (RFC 2606, RFC
  // 6761), `.onion` is Tor's, anything else a typo or a made-up name. (`example.com`, `.org` and
  // `.net` are in the DNS: IANA serves a page there, so a link to them can be followed.)
  const topLevel = labels[labels.length - 1]!;
  if (!TOP_LEVEL_DOMAINS.has(topLevel)) {
    const reserved = ['test', 'example', 'invalid'].includes(topLevel)
      ? ', which RFC 2606 keeps out of the DNS for tests and examples'
      : '';
    return `must name a host the DNS can find: ".${topLevel}" is no top-level domain of the web${reserved}, so no reader's browser can follow the link: link to the site's real address (if ".${topLevel}" is a new top-level domain, \`npm update tlds\` teaches it to the check)`;
  }
  // Host names' rule (RFC 952, RFC 1123 2.1): a part starts and ends with a letter or digit. It
  // is a naming policy, not DNS's: a resolver looks up `-example.com` and browsers take it, but
  // registries give out no such domain, so such a link is a typo or a made-up address. (A
  // service's own subdomain may break the policy, blogspot.com's once did: those are refused too.)
  const hyphenLabel = labels.findIndex((label) => label.startsWith('-') || label.endsWith('-'));
  if (hyphenLabel >= 0) {
    return `must name a host as host names are written (RFC 1123): its part ${hyphenLabel + 1} (of ${labels.length}, between dots), "${labels[hyphenLabel]!.slice(0, MAX_LABEL_LENGTH + 1)}", starts or ends with a hyphen, which a host name's part may not, and registries give out no such name: link to the site's real address`;
  }
  const longLabel = labels.findIndex((label) => label.length > MAX_LABEL_LENGTH);
  if (host.length > MAX_HOST_LENGTH || longLabel >= 0) {
    const found =
      longLabel >= 0
        ? `its part ${longLabel + 1} (of ${labels.length}, between dots) has ${labels[longLabel]!.length} characters`
        : `it has ${host.length} characters`;
    return (
      `must name a host DNS can look up: ${found}, and a host name has at most ${MAX_HOST_LENGTH} characters, ` +
      `each part between dots at most ${MAX_LABEL_LENGTH}: link to the site's real address`
    );
  }
  return undefined;
}

/**
 * Why a link is published as another address than the one written, if it is: a `.` or `..` part of
 * its path (between slashes, also written `%2e`), which the URL parser, as every browser's, resolves
 * away: `https://arxiv.org/abs/../../x` is published, and followed, as `https://arxiv.org/x`. A
 * reviewer reads the address in the file and a reader follows the published one: they must be the
 * same. Dots in the query or fragment stay as written. `written` is the link as in the file, `url`
 * its parse; a phrase after "it" or a field, as webHostProblem's. One rule for the frontmatter's
 * links and the abstract's.
 */
export function dotSegmentProblem(written: string, url: URL): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const path = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(written.trim())?.[1] ?? '';
  const segment = path.split('/').find((part) => DOT_SEGMENT.test(part));
  if (segment === undefined) return undefined;
  const followed = `${url.origin}${withDotSegmentsResolved(url.pathname)}${url.search}${url.hash}`;
  return `must not hold "${segment}" as a part of its path between slashes: browsers resolve it away and lead readers to ${followed}, not to the address written here; write ${followed} instead`;
}

/** A `.` or `..` part of a path, as the URL Standard reads one (`%2e` is a dot). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * A path with its `.` and `..` parts resolved as the URL Standard's path state does (browsers
 * follow that): Node's parser leaves some in (`/b/.a/..` stays so), so its href is no guide to
 * where a browser goes.
 */
function withDotSegmentsResolved(pathname: string): string {
  const parts = pathname.split('/').slice(1);
  const resolved: string[] = [];
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (!DOT_SEGMENT.test(part)) resolved.push(part);
    else {
      if (/^(?:\.|%2e){2}$/i.test(part)) resolved.pop();
      if (last) resolved.push('');
    }
  });
  return `/${resolved.join('/')}`;
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
