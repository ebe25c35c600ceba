import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { scanHtml, stringPool, type PageScan } from './scan.ts';
import { ScanCache } from './scan-cache.ts';
import { inSlices } from '../files.ts';
import { isOnSiteHost, normalizeBase } from '../../lib/urls.ts';

/**
 * Checks that every internal link and fragment in a built site resolves: each `href`/`src` that
 * points into the site (relative, root-relative, or absolute on the site's own host, by http or
 * https) must name a file in the output under the base path, and each `#fragment` must name an
 * `id` on the target page. Any link, however malformed, gets a verdict: nothing in a page can make
 * the check throw.
 */
export interface LinkProblem {
  page: string;
  link: string;
  reason: string;
}

type LinkVerdict = { external: true } | { reason: string } | { targetFile: string; fragments: string[] };

/** A link with a scheme (`https:`, `mailto:`), protocol-relative, or from the site root: the same from any page. */
const ABSOLUTE_OR_ROOT = /^(?:[a-z][a-z\d+.-]*:|\/)/i;

/** The URL path a built file is served at, e.g. `papers/x/index.html` → `/base/papers/x/`. */
function servedPath(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * The file a URL path under `base` is served from, relative to the output folder: the path
 * percent-decoded, and `index.html` for a folder (`/base/papers/x/` → `papers/x/index.html`).
 * Undefined where a `%` escape is malformed. The inverse of servedPath; links and the list of
 * expected outputs (outputs.ts) both find files by it.
 */
export function servedFile(pathname: string, base: string): string | undefined {
  const path = percentDecoded(pathname.slice(base.length));
  if (path === undefined) return undefined;
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** `decodeURIComponent`, or undefined where the text has a malformed `%` escape (`%zz`, `%E0%A4%A`). */
function percentDecoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The ids a fragment can name, as a browser looks them up (HTML's "find a potential indicated
 * element"): the fragment as written, then percent-decoded when it decodes.
 */
function fragmentIds(hash: string): string[] {
  if (!hash) return [];
  const raw = hash.slice(1);
  const decoded = percentDecoded(raw);
  return decoded === undefined || decoded === raw ? [raw] : [raw, decoded];
}

/** At most `max` characters of a link, for a message: a hostile page's attribute can be megabytes. */
export function shortLink(link: string, max = 200): string {
  return link.length <= max ? link : `${link.slice(0, max)}… (${link.length} characters)`;
}

/**
 * Takes pages one at a time and keeps only their ids, so a site of a hundred thousand pages is
 * checked without holding every page's links in memory. Links to a fragment of another page are
 * settled at the end, once every page's ids are known.
 */
export class LinkChecker {
  private readonly files: ReadonlySet<string>;
  private readonly origin: string;
  private readonly host: string;
  private readonly base: string;
  private readonly ids = new Map<string, Set<string>>();
  private readonly fragmentLinks: { page: string; link: string; target: string; fragments: string[] }[] = [];
  private readonly problems: LinkProblem[] = [];
  private readonly resolved = new Map<string, LinkVerdict>();

  constructor(files: ReadonlySet<string>, { site, base }: { site: string; base: string }) {
    this.files = files;
    const siteUrl = new URL(site);
    this.origin = siteUrl.origin;
    this.host = siteUrl.host;
    // As the URL parser writes a path (percent-encoded), so that link paths compare with it.
    this.base = new URL(normalizeBase(base), siteUrl).pathname;
  }

  addPage(file: string, scan: PageScan): void {
    this.ids.set(file, scan.ids);
    let pageUrl: URL | undefined;
    for (const link of scan.links) {
      // Most links (the header's, every card's) are written from the root: resolve each once.
      const fromRoot = ABSOLUTE_OR_ROOT.test(link);
      let verdict = fromRoot ? this.resolved.get(link) : undefined;
      if (!verdict) {
        pageUrl ??= new URL(servedPath(file, this.base), this.origin);
        verdict = this.resolve(link, pageUrl);
        if (fromRoot) this.resolved.set(link, verdict);
      }
      if ('reason' in verdict) this.problems.push({ page: file, link, reason: verdict.reason });
      else if ('targetFile' in verdict && verdict.fragments.length > 0) {
        this.fragmentLinks.push({ page: file, link, target: verdict.targetFile, fragments: verdict.fragments });
      }
    }
  }

  private resolve(link: string, pageUrl: URL): LinkVerdict {
    let target: URL;
    try {
      target = new URL(link, pageUrl);
    } catch {
      return { reason: 'is not a valid URL' };
    }
    // The site's own pages, however the link spells the site (http or https, any case, a port
    // that is the default), are checked like relative links; any other host or scheme is external.
    if (!isOnSiteHost(target, this.host)) return { external: true };
    if (!target.pathname.startsWith(this.base)) return { reason: `is outside the base path ${this.base}` };
    const targetFile = servedFile(target.pathname, this.base);
    if (targetFile === undefined) return { reason: 'has a malformed %-escape in its path, so it names no file' };
    if (!this.files.has(targetFile)) {
      return { reason: `points to ${shortLink(targetFile)}, which the build did not write` };
    }
    return { targetFile, fragments: fragmentIds(target.hash) };
  }

  /** Every problem found, in page order. */
  finish(): LinkProblem[] {
    for (const { page, link, target, fragments } of this.fragmentLinks) {
      const ids = this.ids.get(target);
      if (!fragments.some((fragment) => ids?.has(fragment))) {
        this.problems.push({
          page,
          link,
          reason: `fragment #${shortLink(fragments.at(-1)!)} is not an id on ${target}`,
        });
      }
    }
    return [...this.problems].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
  }
}

/** Every file a build wrote, as paths relative to its output folder. */
export async function listFiles(outDir: string): Promise<Set<string>> {
  return new Set((await glob('**/*', { cwd: outDir, dot: true })).map((file) => file.split('\\').join('/')));
}

/** What a file that could not be checked is reported with instead of its checks. */
export function uncheckedReason(error: unknown): string {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `could not be checked (${shortLink(reason)}): fix what in the page or its paper causes this`;
}

/**
 * Scans the HTML pages among `files`, a slice at a time, handing each scan to `visit`. With a
 * cache, a page that is unchanged since it was scanned is not read again, and one whose bytes
 * were scanned before is not parsed again. Whatever goes wrong with one page (it cannot be read or
 * parsed, or `visit` throws on it) goes to `failed` with the page, and the other pages are still
 * checked.
 */
export async function scanSite(
  outDir: string,
  files: ReadonlySet<string>,
  visit: (file: string, scan: PageScan) => void,
  failed: (file: string, error: unknown) => void,
  cache?: ScanCache,
): Promise<void> {
  const html = [...files].filter((file) => file.endsWith('.html')).sort();
  const keep = stringPool();
  await inSlices(
    html,
    (file) => scanFile(outDir, file, cache, keep).catch((error: unknown) => ({ error })),
    (file, scan) => {
      try {
        if ('error' in scan) throw scan.error;
        visit(file, scan);
      } catch (error) {
        failed(file, error);
      }
    },
  );
}

async function scanFile(
  outDir: string,
  file: string,
  cache: ScanCache | undefined,
  keep: (text: string) => string,
): Promise<PageScan> {
  const path = join(outDir, file);
  if (!cache) return scanHtml(await readFile(path, 'utf8'), keep);
  const signature = await ScanCache.signature(path);
  const known = cache.getByFile(file, signature);
  if (known) return known;
  const bytes = await readFile(path);
  const digest = ScanCache.digest(bytes);
  const seen = cache.getByDigest(file, signature, digest);
  if (seen) return seen;
  const scan = scanHtml(bytes.toString('utf8'), keep);
  cache.set(file, signature, digest, scan);
  return scan;
}

export function formatLinkProblem(problem: LinkProblem, outDir?: string): string {
  const page = outDir ? relative(process.cwd(), join(outDir, problem.page)) : problem.page;
  return `${page}: link "${shortLink(problem.link)}" ${problem.reason}`;
}
