import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { glob } from 'tinyglobby';
import { inSlices } from './files.ts';

/**
 * What the index leaves out of a page, on top of Pagefind's own rules (it already skips `nav`,
 * `footer`, `form`, `script`…, and every page without `data-pagefind-body`, so only paper pages
 * are indexed).
 *
 * KaTeX's markup, all of it: its MathML and its visible boxes both read as flattened text
 * (`$2^k-1$` as "2k−1", `$\mathbb{R}^d$` as "Rd"), which a snippet would show as if it were the
 * formula. Each formula is indexed instead from the hidden span that the paper page puts before
 * it, `<span hidden>$…$</span>`, its TeX (src/lib/search-data.ts). The paper's link list
 * (`arXiv PDF Code`) is the same on every page and would only crowd excerpts.
 */
export const PAGEFIND_EXCLUDE_SELECTORS = ['.katex', '.paper-links'];

/**
 * The manifest of the index files written (`manifestFile`, in the cache folder). Dropped after a
 * build that did not finish (src/integrations/output.ts): that build may have written some files
 * the manifest does not describe.
 */
export const SEARCH_MANIFEST = 'pagefind-files.json';

export interface PagefindOptions {
  /** Extra selectors to leave out of the index. */
  excludeSelectors?: string[];
  /**
   * Where to remember the digest of each index file written, so the next build skips the
   * unchanged ones without reading them back (in the build's cache folder).
   */
  manifestFile?: string;
}

/** Throws with every message Pagefind reported for a step, so a broken index fails the build. */
function check(step: string, errors: string[]): void {
  if (errors.length > 0) {
    throw new Error(`Pagefind ${step} failed:\n${errors.map((error) => `  - ${error}`).join('\n')}`);
  }
}

export interface SearchIndexFigures {
  /** Pages in the index, per Pagefind's entry file. */
  pages: number;
  /** Files of the index that were new or changed, and stale files removed. */
  written: number;
  removed: number;
}

/**
 * Builds the Pagefind search index over the paper pages of a finished site, with Pagefind's Node
 * API, into `<outDir>/pagefind/`. Any error Pagefind reports fails the build.
 *
 * In two steps, so the caller can use the time: `indexSearchPages` has Pagefind read every paper
 * page (on all cores), then `write()` has it assemble the index (on one core) and writes it.
 *
 * The index is built in memory and only files that differ from the previous build's are written
 * (by digest, see `manifestFile`): most of it (one fragment per paper) is unchanged when one paper
 * is added, and writing ten thousand files costs more than comparing them. Files the new index
 * does not have are removed, so `pagefind/` never keeps a stale chunk.
 */
export async function indexSearchPages(
  outDir: string,
  options: PagefindOptions = {},
): Promise<{ write: () => Promise<SearchIndexFigures> }> {
  try {
    const { index, errors } = await pagefind.createIndex({
      excludeSelectors: [...PAGEFIND_EXCLUDE_SELECTORS, ...(options.excludeSelectors ?? [])],
    });
    check('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    // Only paper pages carry data-pagefind-body; reading the list pages would be wasted work.
    const added = await index.addDirectory({ path: outDir, glob: 'papers/*/index.html' });
    check('addDirectory', added.errors);
    return {
      write: async () => {
        try {
          const built = await index.getFiles();
          check('getFiles', built.errors);
          return await writeChanged(join(outDir, 'pagefind'), built.files, options.manifestFile);
        } finally {
          await pagefind.close();
        }
      },
    };
  } catch (error) {
    await pagefind.close();
    throw error;
  }
}

async function writeChanged(
  bundle: string,
  files: { path: string; content: Uint8Array }[],
  manifestFile: string | undefined,
): Promise<SearchIndexFigures> {
  // What the previous build wrote, by digest: an unchanged file is not even read back.
  const previous = manifestFile
    ? ((await readFile(manifestFile, 'utf8')
        .then((text) => JSON.parse(text) as Record<string, string>)
        .catch(() => undefined)) ?? {})
    : {};
  const next: Record<string, string> = {};
  let written = 0;
  await inSlices(files, async (file) => {
    const target = join(bundle, file.path);
    const digest = createHash('sha1').update(file.content).digest('base64url');
    next[file.path] = digest;
    if (previous[file.path] === digest && existsSync(target)) return;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
    written += 1;
  });
  const current = new Set(files.map((file) => file.path.split(sep).join('/')));
  const stale = (await glob('**/*', { cwd: bundle })).filter((file) => !current.has(file));
  await inSlices(stale, (file) => rm(join(bundle, file), { force: true }));

  if (manifestFile) await writeFile(manifestFile, JSON.stringify(next));

  const entry = files.find((file) => file.path === 'pagefind-entry.json');
  if (!entry) throw new Error('Pagefind wrote no pagefind-entry.json');
  return { pages: indexedPages(Buffer.from(entry.content).toString('utf8')), written, removed: stale.length };
}

/** Pages in the index, per Pagefind's entry file (all languages). */
export function indexedPages(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
