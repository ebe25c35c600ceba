import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BUNDLE_FOLDER, decodeFileBundle } from '../lib/file-bundle.ts';
import { inSlices } from './files.ts';

/**
 * Unpacks the file bundles Astro wrote under `dist/build-bundles/` (see src/lib/file-bundle.ts)
 * into the files they carry, and removes them, so none is published.
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

export interface Unpacked {
  /** Every file the bundles carry, relative to dist/ (written now or already there). */
  files: string[];
  written: number;
}

/**
 * `astroOutputs`: the files Astro wrote itself (relative to dist/): a bundled file may not be one
 * of them, nor be carried by two bundles.
 */
export async function unpackBundles(
  { outDir, cacheDir }: { outDir: string; cacheDir: string },
  astroOutputs: ReadonlySet<string>,
): Promise<Unpacked> {
  const folder = join(outDir, BUNDLE_FOLDER);
  const manifestFile = join(cacheDir, BUNDLE_MANIFEST);
  const previous = await readManifest(manifestFile);
  const next: Manifest = { version: 1, bundles: {} };
  const carried = new Map<string, string>(); // file → the bundle that carries it
  const folders = new Set<string>();
  let written = 0;

  const names = existsSync(folder) ? (await readdir(folder)).filter((name) => name.endsWith('.json')).sort() : [];
  for (const name of names) {
    const bundle = `${BUNDLE_FOLDER}/${name}`;
    const text = await readFile(join(folder, name), 'utf8');
    const digest = digestOf(text);
    const before = previous?.bundles[name];
    let files: Record<string, string>;
    let toWrite: (readonly [string, string])[];
    if (before?.digest === digest) {
      files = before.files;
      toWrite = []; // same text as last time: only missing files need it parsed
      if (Object.keys(files).some((file) => !existsSync(join(outDir, file)))) {
        toWrite = decodeFileBundle(text, bundle).filter(([file]) => !existsSync(join(outDir, file)));
      }
    } else {
      files = {};
      toWrite = [];
      for (const [file, body] of decodeFileBundle(text, bundle)) {
        files[file] = digestOf(body);
        if (before?.files[file] !== files[file] || !existsSync(join(outDir, file))) toWrite.push([file, body]);
      }
    }
    for (const file of Object.keys(files)) {
      const other = carried.get(file) ?? (astroOutputs.has(file) ? 'a page route' : undefined);
      if (other) throw new Error(`${bundle}: carries ${file}, which ${other} also writes: one file, two outputs`);
      carried.set(file, bundle);
    }
    await inSlices(toWrite, async ([file, body]) => {
      const parent = dirname(join(outDir, file));
      if (!folders.has(parent)) {
        await mkdir(parent, { recursive: true });
        folders.add(parent);
      }
      await writeFile(join(outDir, file), body);
    });
    written += toWrite.length;
    next.bundles[name] = { digest, files };
  }

  await rm(folder, { recursive: true, force: true });
  // Written whole, then moved into place: a build stopped half-way leaves the old manifest or the new.
  await mkdir(cacheDir, { recursive: true });
  await writeFile(`${manifestFile}.tmp`, JSON.stringify(next));
  await rename(`${manifestFile}.tmp`, manifestFile);
  return { files: [...carried.keys()], written };
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
