import { existsSync } from 'node:fs';
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { BUNDLE_MANIFEST } from './bundles.ts';
import { SEARCH_MANIFEST } from './pagefind.ts';
import { inSlices } from './files.ts';

/**
 * Keeps an output folder that is reused from build to build honest.
 *
 * With Astro's incremental build (`experimental.incrementalBuild`), a page whose cache key and
 * code are unchanged, and whose file is still in the output folder, is not written again. That is
 * what makes a rebuild after one new paper fast, and why the folder is not emptied first
 * (`vite.build.emptyOutDir: false`). Two things could then go wrong, and this module prevents both:
 *
 * - **Stale files.** A paper removed, a topic renamed or a list that got shorter leaves pages
 *   behind that this build did not write. `pruneOutput` deletes every file that is not an output
 *   of this build, a file of `public/`, or this build's `_astro/` assets (the folder is emptied
 *   when the build starts, so Vite writes only current ones). The search index prunes its own
 *   folder (see pagefind.ts).
 * - **A build that stopped half-way.** Its output may mix two versions of the content while
 *   Astro's incremental manifest describes neither. `startOutput` leaves a mark that only
 *   `finishOutput` removes, after every check passed; when a build starts and finds the mark, it
 *   deletes the manifest, so every page is rendered again (and the bundles' and the search
 *   index's manifests, so every bundled file and index file is written again).
 */
export interface OutputFolders {
  outDir: string;
  cacheDir: string;
  publicDir: string;
}

/** Astro's incremental build manifest (see astro/dist/core/build/incremental.js). */
const INCREMENTAL_MANIFEST = 'incremental-build.json';
const UNFINISHED_MARK = 'paper-digest-build-unfinished';

export async function startOutput({ outDir, cacheDir }: OutputFolders): Promise<{ previousUnfinished: boolean }> {
  const mark = join(cacheDir, UNFINISHED_MARK);
  const previousUnfinished = existsSync(mark);
  if (previousUnfinished) {
    await rm(join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
    await rm(join(cacheDir, BUNDLE_MANIFEST), { force: true });
    await rm(join(cacheDir, SEARCH_MANIFEST), { force: true });
  }
  await mkdir(cacheDir, { recursive: true });
  await writeFile(mark, 'A build started here and has not finished; the next one renders every page.\n');
  await rm(join(outDir, '_astro'), { recursive: true, force: true });
  return { previousUnfinished };
}

/**
 * Deletes every file under `outDir` that this build did not produce, and the folders left empty.
 * `outputs` are the files this build wrote or kept (relative to `outDir`): those of Astro's routes
 * (see astroOutputs) and those unpacked from bundles (src/integrations/bundles.ts).
 */
export async function pruneOutput({ outDir, publicDir }: OutputFolders, outputs: Iterable<string>): Promise<string[]> {
  const expected = new Set<string>(outputs);
  for (const file of await filesUnder(publicDir)) expected.add(file);
  const stale = (await filesUnder(outDir)).filter(
    (file) => !expected.has(file) && !file.startsWith('_astro/') && !file.startsWith('pagefind/'),
  );
  await inSlices(stale, (file) => rm(join(outDir, file), { force: true }));
  // Folders emptied by the deletions (a removed paper's papers/<id>/), deepest first.
  const folders = new Set(stale.flatMap((file) => ancestors(file)));
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(join(outDir, folder)).catch(() => undefined); // not empty: still in use
  }
  return stale.sort();
}

/** The files Astro wrote or kept for routes (the `assets` of `astro:build:done`), relative to `outDir`. */
export function astroOutputs(outDir: string, assets: Map<string, URL[]>): Set<string> {
  const files = new Set<string>();
  for (const url of [...assets.values()].flat()) files.add(relative(outDir, fileURLToPath(url)).split(sep).join('/'));
  return files;
}

export async function finishOutput({ cacheDir }: OutputFolders): Promise<void> {
  await rm(join(cacheDir, UNFINISHED_MARK), { force: true });
}

async function filesUnder(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  return (await glob('**/*', { cwd: folder, dot: true })).map((file) => file.split(sep).join('/'));
}

/** `a/b/c.html` → `a/b`, `a`. */
function ancestors(file: string): string[] {
  const folders: string[] = [];
  for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) folders.push(folder);
  return folders;
}
