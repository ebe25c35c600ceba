import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { terminalText } from '../../lib/encode/terminal.ts';
import { normalizeBase } from '../../lib/urls.ts';
import { xmlErrors } from '../../lib/xml.ts';
import { formatLinkProblem, LinkChecker, listFiles, scanSite, shortLink, uncheckedReason } from './links.ts';
import { indexedPages } from '../pagefind.ts';
import { inSlices } from '../files.ts';
import { DocumentCache } from './document-cache.ts';
import { ScanCache } from './scan-cache.ts';
import { outputProblems, type ExpectedOutput } from './outputs.ts';

/**
 * The checks a finished build must pass before it may be published. `astro build` exits 0 on
 * some broken output (a KaTeX error left as red text, a link to nowhere), so the build runs these
 * on `dist/` at the end (see src/integrations/publish.ts) and fails when any of them finds something.
 */

export interface VerifyOptions {
  site: string;
  base: string;
}

/**
 * Every check on the pages and feeds. It can run while the search index is being written: it
 * reads no file under `pagefind/`, and no page links into it.
 */
export async function verifyPages(
  outDir: string,
  {
    site,
    base,
    cacheFile,
    documentCacheFile,
    expected,
  }: VerifyOptions & { cacheFile?: string; documentCacheFile?: string; expected?: readonly ExpectedOutput[] },
): Promise<{ problems: string[]; paperPages: number }> {
  const cache = cacheFile ? await ScanCache.open(cacheFile) : undefined;
  const files = new Set([...(await listFiles(outDir))].filter((file) => !file.startsWith('pagefind/')));
  const links = new LinkChecker(files, { site, base: normalizeBase(base) });
  // Every file the content implies is there, and no two of them are one file (outputs.ts).
  const problems: string[] = expected ? outputProblems(expected, files) : [];
  let paperPages = 0;
  await scanSite(
    outDir,
    files,
    (file, scan) => {
      if (/^papers\/[^/]+\/index\.html$/.test(file)) paperPages += 1;
      if (!scan.title) problems.push(`${file}: has no <title>`);
      if (!scan.lang) problems.push(`${file}: has no lang attribute on <html>`);
      // The 404 page is served at every missing URL, so it has no canonical URL of its own.
      if (!scan.canonical && file !== '404.html') problems.push(`${file}: has no canonical URL`);
      if (scan.katexErrors > 0) problems.push(`${file}: has ${scan.katexErrors} KaTeX error(s) in its markup`);
      for (const url of scan.unsafeUrls) {
        problems.push(
          `${file}: <${url.element} ${url.attribute}="${shortLink(url.value, 60)}"> uses an unsafe URL scheme`,
        );
      }
      links.addPage(file, scan);
    },
    (file, error) => problems.push(`${file}: ${uncheckedReason(error)}`),
    cache,
  );
  await cache?.save();
  problems.push(...links.finish().map((problem) => formatLinkProblem(problem)));

  problems.push(...(await checkDocuments(outDir, files, documentCacheFile)));
  return { problems, paperPages };
}

/**
 * Feeds, sitemaps and the OPML must be well-formed XML, and JSON files valid JSON. A file that
 * passed and has not changed since (DocumentCache) is not read again.
 */
async function checkDocuments(outDir: string, files: Set<string>, cacheFile: string | undefined): Promise<string[]> {
  const cache = cacheFile ? await DocumentCache.open(cacheFile) : undefined;
  const documents = [...files].filter((name) => /\.(xml|opml|json)$/.test(name)).sort();
  const found = new Map<string, string[]>();
  await inSlices(documents, async (file) => {
    const path = join(outDir, file);
    try {
      const signature = await ScanCache.signature(path);
      if (cache?.passed(file, signature)) return;
      const text = await readFile(path, 'utf8');
      const problems = file.endsWith('.json')
        ? jsonErrors(text).map((error) => `${file}: is not valid JSON: ${error}`)
        : xmlErrors(text).map((error) => `${file}: is not well-formed XML: ${error}`);
      if (problems.length === 0) cache?.record(file, signature);
      else found.set(file, problems);
    } catch (error) {
      found.set(file, [`${file}: ${uncheckedReason(error)}`]);
    }
  });
  await cache?.save();
  // In file order, whatever order the reads finished in.
  return documents.flatMap((file) => found.get(file) ?? []);
}

function jsonErrors(text: string): string[] {
  try {
    JSON.parse(text);
    return [];
  } catch (error) {
    return [String(error)];
  }
}

/** Only paper pages may be in the search index: exactly one entry per paper page. */
export async function verifySearchIndex(outDir: string, paperPages: number): Promise<string[]> {
  const entryFile = join(outDir, 'pagefind/pagefind-entry.json');
  if (!existsSync(entryFile)) return ['pagefind/: the search index was not written'];
  let indexed: number;
  try {
    indexed = indexedPages(await readFile(entryFile, 'utf8'));
  } catch (error) {
    return [`pagefind/pagefind-entry.json: ${uncheckedReason(error)}`];
  }
  return indexed === paperPages
    ? []
    : [`pagefind/: the search index holds ${indexed} pages, but there are ${paperPages} paper pages`];
}

/** Throws with every problem (the first 50 of them), so a bad build fails. */
export function assertNoProblems(problems: string[], heading = 'The build output failed verification'): void {
  if (problems.length === 0) return;
  // A problem quotes links and paths of pages made from paper files: shown as terminal text.
  const shown = problems.slice(0, 50).map((problem) => `  - ${terminalText(problem)}`);
  if (problems.length > 50) shown.push(`  … and ${problems.length - 50} more`);
  throw new Error(`${heading} (${problems.length} problems):\n${shown.join('\n')}`);
}
