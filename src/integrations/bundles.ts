import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BUNDLE_FOLDER, decodeFileBundle, type BundledFile } from '../lib/file-bundle.ts';
import { decodePageBundle, PAGE_BUNDLE_FOLDER } from '../lib/page-bundle.ts';
import { inSlices } from './files.ts';

/**
 * Unpacks the bundles Astro wrote under `dist/build-bundles/` into the files they carry, and
 * removes them, so none is published: file bundles, `<name>.json` (see src/lib/file-bundle.ts), and
 * page bundles, `pages/<name>/index.html` (see src/lib/page-bundle.ts).
 *
 * dist/ is kept between builds, so a file is written only when its text changed or it is missing:
 * the manifest in the cache folder holds a digest of each bundle and of each file it carried. A
 * bundle Astro did not render again (its cache key is unchanged) is restored by Astro from its
 * own cache, has the same digest, and is not even parsed. Files that no bundle carries any more
 * are left to pruneOutput (they are not among the outputs this returns).
 */
export const BUNDLE_MANIFEST = 'bundled-files.json';

interface Manifest {
  version: 1;
  /** Bundle file name → its digest and the digest of each file it carried. */
  bundles: Record<string, { digest: string; files: Record<string, string> }>;
}

export interface OpenedBundles {
  /** Every file the bundles carry, relative to dist/ (to be written, or already there). */
  files: string[];
  /** Writes the files that changed or are missing, removes the bundles; resolves to how many were written. */
  write: () => Promise<number>;
}

/**
 * Reads the bundles and says which files they carry, so that pruning can run before they are
 * written, and the writing beside the search indexer (it reads only paper pages). `astroOutputs`:
 * the files Astro wrote itself (relative to dist/); a bundled file may not be one of them, nor be
 * carried by two bundles.
 */
export async function openBundles(
  { outDir, cacheDir }: { outDir: string; cacheDir: string },
  astroOutputs: ReadonlySet<string>,
): Promise<OpenedBundles> {
  const folder = join(outDir, BUNDLE_FOLDER);
  const manifestFile = join(cacheDir, BUNDLE_MANIFEST);
  const previous = await readManifest(manifestFile);
  const next: Manifest = { version: 1, bundles: {} };
  const carried = new Map<string, string>(); // file → the bundle that carries it
  const bundles = await findBundles(outDir);
  for (const { name, decode } of bundles) {
    const bundle = `${BUNDLE_FOLDER}/${name}`;
    const text = await readFile(join(folder, name), 'utf8');
    const digest = digestOf(text);
    const before = previous?.bundles[name];
    // The same text as last time (Astro restored it from its cache): no need to parse it.
    const files =
      before?.digest === digest
        ? before.files
        : Object.fromEntries(decode(text, bundle).map(([file, body]) => [file, digestOf(body)]));
    for (const file of Object.keys(files)) {
      const other = carried.get(file) ?? (astroOutputs.has(file) ? 'a page route' : undefined);
      if (other) throw new Error(`${bundle}: carries ${file}, which ${other} also writes: one file, two outputs`);
      carried.set(file, bundle);
    }
    next.bundles[name] = { digest, files };
  }

  const write = async (): Promise<number> => {
    const folders = new Set<string>();
    let written = 0;
    for (const { name, decode } of bundles) {
      const { files } = next.bundles[name]!;
      const before = previous?.bundles[name]?.files;
      const stale = (file: string) => before?.[file] !== files[file] || !existsSync(join(outDir, file));
      if (!Object.keys(files).some(stale)) continue;
      // Parsed again rather than kept from above: at 100,000 papers the bodies weigh gigabytes.
      const bundle = await readFile(join(folder, name), 'utf8');
      const toWrite = decode(bundle, `${BUNDLE_FOLDER}/${name}`).filter(([file]) => stale(file));
      await inSlices(toWrite, async ([file, body]) => {
        const parent = dirname(join(outDir, file));
        if (!folders.has(parent)) {
          await mkdir(parent, { recursive: true });
          folders.add(parent);
        }
        await writeFile(join(outDir, file), body);
      });
      written += toWrite.length;
    }
    await rm(folder, { recursive: true, force: true });
    // Written whole, then moved into place: a build stopped half-way leaves the old manifest or the new.
    await mkdir(cacheDir, { recursive: true });
    await writeFile(`${manifestFile}.tmp`, JSON.stringify(next));
    await rename(`${manifestFile}.tmp`, manifestFile);
    return written;
  };

  return { files: [...carried.keys()], write };
}

/**
 * The bundles in dist/, by name relative to the bundles' folder (`x.json`, `pages/y/index.html`),
 * in name order, each with the decoder of its kind.
 */
async function findBundles(
  outDir: string,
): Promise<{ name: string; decode: (text: string, name: string) => BundledFile[] }[]> {
  const list = async (folder: string) => (existsSync(folder) ? (await readdir(folder)).sort() : []);
  const fileBundles = (await list(join(outDir, BUNDLE_FOLDER)))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, decode: decodeFileBundle }));
  const pagesFolder = PAGE_BUNDLE_FOLDER.slice(BUNDLE_FOLDER.length + 1);
  const pageBundles = (await list(join(outDir, PAGE_BUNDLE_FOLDER)))
    .map((name) => `${pagesFolder}/${name}/index.html`)
    .filter((name) => existsSync(join(outDir, BUNDLE_FOLDER, name)))
    .map((name) => ({ name, decode: decodePageBundle }));
  return [...fileBundles, ...pageBundles];
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    return data.version === 1 && typeof data.bundles === 'object' ? data : undefined;
  } catch {
    return undefined; // none yet, or unreadable: every file is written
  }
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
