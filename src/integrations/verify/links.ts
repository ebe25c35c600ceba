import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { linksOf, scanHtml, type PageScan } from './scan.ts';
import { ScanCache } from './scan-cache.ts';
import { inSlices } from '../files.ts';

/**
 * Checks that every internal link and fragment in a built site resolves: each `href`/`src` that
 * points into the site (relative, root-relative, or absolute on the site's own origin) must name
 * a file in the output, and each `#fragment` must name an `id` on the target page.
 */
export interface LinkProblem {
  page: string;
  link: string;
  reason: string;
}

type LinkVerdict = { external: true } | { reason: string } | { targetFile: string; fragment: string };

/** A link with a scheme (`https:`, `mailto:`), protocol-relative, or from the site root: the same from any page. */
const ABSOLUTE_OR_ROOT = /^(?:[a-z][a-z\d+.-]*:|\/)/i;

/** The URL path a built file is served at, e.g. `papers/x/index.html` → `/base/papers/x/`. */
function servedPath(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * Takes pages one at a time and keeps only their ids, so a site of a hundred thousand pages is
 * checked without holding every page's links in memory. Links to a fragment of another page are
 * settled at the end, once every page's ids are known.
 */
export class LinkChecker {
  private readonly files: ReadonlySet<string>;
  private readonly origin: string;
  private readonly base: string;
  private readonly ids = new Map<string, Set<string>>();
  private readonly fragmentLinks: { page: string; link: string; target: string; fragment: string }[] = [];
  private readonly problems: LinkProblem[] = [];
  private readonly resolved = new Map<string, LinkVerdict>();

  constructor(files: ReadonlySet<string>, { site, base }: { site: string; base: string }) {
    this.files = files;
    this.origin = new URL(site).origin;
    this.base = base;
  }

  addPage(file: string, scan: PageScan): void {
    this.ids.set(file, scan.ids);
    let pageUrl: URL | undefined;
    for (const link of linksOf(scan)) {
      // Most links (the header's, every card's) are written from the root: resolve each once.
      const fromRoot = ABSOLUTE_OR_ROOT.test(link);
      let verdict = fromRoot ? this.resolved.get(link) : undefined;
      if (!verdict) {
        pageUrl ??= new URL(servedPath(file, this.base), this.origin);
        verdict = this.resolve(link, pageUrl);
        if (fromRoot) this.resolved.set(link, verdict);
      }
      if ('reason' in verdict) this.problems.push({ page: file, link, reason: verdict.reason });
      else if ('targetFile' in verdict && verdict.fragment) {
        this.fragmentLinks.push({ page: file, link, target: verdict.targetFile, fragment: verdict.fragment });
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
    if (target.origin !== this.origin || !/^https?:$/.test(target.protocol)) return { external: true };
    if (!target.pathname.startsWith(this.base)) return { reason: `is outside the base path ${this.base}` };
    const path = decodeURIComponent(target.pathname.slice(this.base.length));
    const targetFile = path === '' || path.endsWith('/') ? `${path}index.html` : path;
    if (!this.files.has(targetFile)) return { reason: `points to ${targetFile}, which the build did not write` };
    return { targetFile, fragment: decodeURIComponent(target.hash.slice(1)) };
  }

  /** Every problem found, in page order. */
  finish(): LinkProblem[] {
    for (const { page, link, target, fragment } of this.fragmentLinks) {
      if (!this.ids.get(target)?.has(fragment)) {
        this.problems.push({ page, link, reason: `fragment #${fragment} is not an id on ${target}` });
      }
    }
    return [...this.problems].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
  }
}

/** Every file a build wrote, as paths relative to its output folder. */
export async function listFiles(outDir: string): Promise<Set<string>> {
  return new Set((await glob('**/*', { cwd: outDir, dot: true })).map((file) => file.split('\\').join('/')));
}

/**
 * Scans the HTML pages among `files`, a slice at a time, handing each scan to `visit`. With a
 * cache, a page whose bytes were scanned before is not parsed again.
 */
export async function scanSite(
  outDir: string,
  files: ReadonlySet<string>,
  visit: (file: string, scan: PageScan) => void,
  cache?: ScanCache,
): Promise<void> {
  const html = [...files].filter((file) => file.endsWith('.html')).sort();
  await inSlices(
    html,
    (file) => readFile(join(outDir, file)),
    (file, bytes) => {
      if (!cache) return visit(file, scanHtml(bytes.toString('utf8')));
      const digest = ScanCache.digest(bytes);
      let scan = cache.get(digest);
      if (!scan) {
        scan = scanHtml(bytes.toString('utf8'));
        cache.set(digest, scan);
      }
      visit(file, scan);
    },
  );
}

export async function checkInternalLinks(
  outDir: string,
  options: { site: string; base: string },
): Promise<LinkProblem[]> {
  const files = await listFiles(outDir);
  const checker = new LinkChecker(files, options);
  await scanSite(outDir, files, (file, scan) => checker.addPage(file, scan));
  return checker.finish();
}

export function formatLinkProblem(problem: LinkProblem, outDir?: string): string {
  const page = outDir ? relative(process.cwd(), join(outDir, problem.page)) : problem.page;
  return `${page}: link "${problem.link}" ${problem.reason}`;
}
