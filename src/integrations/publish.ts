import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstroIntegration } from 'astro';
import { openBundles } from './bundles.ts';
import { astroOutputs, finishOutput, pruneOutput, startOutput, type OutputFolders } from './output.ts';
import { indexSearchPages, SEARCH_MANIFEST, type PagefindOptions } from './pagefind.ts';
import { assertNoProblems, verifyPages, verifySearchIndex, type VerifyOptions } from './verify/index.ts';
import {
  decodeExpectedOutputs,
  EXPECTED_OUTPUTS_FILE,
  unlistedOutputs,
  type ExpectedOutput,
} from './verify/outputs.ts';
import { BUNDLE_FOLDER } from '../lib/file-bundle.ts';

/**
 * What happens to `dist/` after Astro has written the pages, in order:
 * 1. the file bundles are read (bundles.ts), and files this build did not produce, Astro's or the
 *    bundles', are removed (the folder is reused, see output.ts);
 * 2. the search index is built (Pagefind runs in its own process); meanwhile the bundles' files
 *    are written and then the pages and feeds are verified here, so the two share the cores;
 * 3. the search index is checked against the paper pages;
 * 4. the build is marked finished. Any failure on the way fails the build.
 */
export function publishSite(options: VerifyOptions & PagefindOptions): AstroIntegration {
  let folders: OutputFolders | undefined;
  return {
    name: 'paper-digest:publish',
    hooks: {
      'astro:config:done': ({ config }) => {
        folders = {
          outDir: fileURLToPath(config.outDir),
          cacheDir: fileURLToPath(config.cacheDir),
          publicDir: fileURLToPath(config.publicDir),
        };
      },
      'astro:build:start': async ({ logger }) => {
        const { previousUnfinished } = await startOutput(folders!);
        if (previousUnfinished) logger.warn('the previous build did not finish: rendering every page again');
      },
      'astro:build:done': async ({ assets, logger }) => {
        const heap = collectGarbage();
        if (heap) logger.info(`heap ${heap.before} MB, ${heap.after} MB once Astro's garbage was collected`);
        // Each step's time goes to the log, so a slow deploy shows which one to look at.
        const time = timer();
        const routeFiles = astroOutputs(folders!.outDir, assets);
        // Read before the bundles' folder, which holds it, is removed.
        const expected = await readExpectedOutputs(folders!.outDir);
        const bundles = await time('bundles read', () => openBundles(folders!, routeFiles));
        const stale = await time('pruned', () => pruneOutput(folders!, [...routeFiles, ...bundles.files]));
        const produced = [...routeFiles, ...bundles.files].filter((file) => !file.startsWith(`${BUNDLE_FOLDER}/`));
        assertNoProblems(unlistedOutputs(expected, produced));
        if (stale.length > 0) logger.info(`removed ${stale.length} file(s) the previous build left`);

        // Pagefind reads the paper pages on every core first, then assembles the index on one.
        // It reads nothing the bundles carry, so their files are written meanwhile, and the pages
        // and feeds are checked once they are all in place, on the core Pagefind leaves free.
        const searchIndex = (async () => {
          const search = await time('search pages read', () =>
            indexSearchPages(folders!.outDir, {
              ...options,
              manifestFile: join(folders!.cacheDir, SEARCH_MANIFEST),
            }),
          );
          return time('search index assembled and written', () => search.write());
        })();
        const checks = (async () => {
          const written = await time('bundled files written', () => bundles.write());
          if (written > 0) logger.info(`${written} bundled file(s) written`);
          return time('pages verified', () =>
            verifyPages(folders!.outDir, {
              ...options,
              cacheFile: join(folders!.cacheDir, 'verify-scans.json'),
              documentCacheFile: join(folders!.cacheDir, 'verify-documents.json'),
              expected,
            }),
          );
        })();
        const [index, pages] = await Promise.all([searchIndex, checks]);
        logger.info(`${index.pages} pages indexed (${index.written} index files written, ${index.removed} removed)`);
        assertNoProblems([...pages.problems, ...(await verifySearchIndex(folders!.outDir, pages.paperPages))]);
        await finishOutput(folders!);
        logger.info(`dist/ indexed and verified in ${time.total()} s (${time.steps()})`);
      },
    },
  };
}

/** The list of files the build means to write (see verify/outputs.ts); a build without it fails. */
async function readExpectedOutputs(outDir: string): Promise<ExpectedOutput[]> {
  try {
    return decodeExpectedOutputs(await readFile(join(outDir, EXPECTED_OUTPUTS_FILE), 'utf8'));
  } catch (error) {
    throw new Error(`${EXPECTED_OUTPUTS_FILE}: the list of files to check dist/ against could not be read`, {
      cause: error,
    });
  }
}

/**
 * Collects the garbage page generation left, before publishing allocates more: at 10,000 papers
 * Astro hands over a heap of 1,170 MB of which 310 MB is live, and V8 would only collect it once
 * the heap grew further. The build's peak memory was at publishing: 2,067 MB before, 1,963 MB
 * after (one cold build each). Undefined where the collector cannot be reached.
 */
function collectGarbage(): { before: number; after: number } | undefined {
  const used = () => Math.round(getHeapStatistics().used_heap_size / 1e6);
  try {
    const before = used();
    // `gc` exists only under --expose-gc; setting the flag now exposes it to new contexts.
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    return { before, after: used() };
  } catch {
    return undefined;
  }
}

/** Times steps (some of them at once) for the log: `name a.b s` each, and the total. */
function timer() {
  const started = performance.now();
  const steps: string[] = [];
  const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
  const time = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await step();
    steps.push(`${name} ${seconds(start)} s`);
    return result;
  };
  return Object.assign(time, { total: () => seconds(started), steps: () => steps.join(', ') });
}
