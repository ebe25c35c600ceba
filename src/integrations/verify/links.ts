import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { linksOf, scanHtml, type PageScan } from './scan.ts';
import { glob } from 'tinyglobby';

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

/** The URL path a built file is served at, e.g. `papers/x/index.html` → `/base/papers/x/`. */
function servedPath(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

export async function checkInternalLinks(
  outDir: string,
  { site, base }: { site: string; base: string },
): Promise<LinkProblem[]> {
  const files = new Set((await glob('**/*', { cwd: outDir, dot: true })).map((file) => file.split('\\').join('/')));
  const pages = new Map<string, PageScan>();
  await Promise.all(
    [...files]
      .filter((file) => file.endsWith('.html'))
      .map(async (file) => pages.set(file, scanHtml(await readFile(join(outDir, file), 'utf8')))),
  );
  return checkLinks(pages, files, { site, base });
}

/** The link check over pages already scanned (the post-build verification scans once). */
export function checkLinks(
  pages: ReadonlyMap<string, PageScan>,
  files: ReadonlySet<string>,
  { site, base }: { site: string; base: string },
): LinkProblem[] {
  const origin = new URL(site).origin;

  const problems: LinkProblem[] = [];
  for (const [file, scan] of [...pages].sort(([a], [b]) => a.localeCompare(b))) {
    const { ids } = scan;
    const pageUrl = new URL(servedPath(file, base), origin);
    for (const link of linksOf(scan)) {
      let target: URL;
      try {
        target = new URL(link, pageUrl);
      } catch {
        problems.push({ page: file, link, reason: 'is not a valid URL' });
        continue;
      }
      if (target.origin !== origin || !/^https?:$/.test(target.protocol)) continue; // external
      if (!target.pathname.startsWith(base)) {
        problems.push({ page: file, link, reason: `is outside the base path ${base}` });
        continue;
      }
      const path = decodeURIComponent(target.pathname.slice(base.length));
      const targetFile = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      if (!files.has(targetFile)) {
        problems.push({ page: file, link, reason: `points to ${targetFile}, which the build did not write` });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment) {
        const targetIds = targetFile === file ? ids : pages.get(targetFile)?.ids;
        if (!targetIds?.has(fragment)) {
          problems.push({ page: file, link, reason: `fragment #${fragment} is not an id on ${targetFile}` });
        }
      }
    }
  }
  return problems;
}

export function formatLinkProblem(problem: LinkProblem, outDir?: string): string {
  const page = outDir ? relative(process.cwd(), join(outDir, problem.page)) : problem.page;
  return `${page}: link "${problem.link}" ${problem.reason}`;
}
