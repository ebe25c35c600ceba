import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildsDir } from './build.ts';

/** Builds older than this are from earlier runs; younger ones may belong to a run still going. */
const STALE_MS = 60 * 60 * 1000;

/** Removes earlier runs' fixture builds so they do not pile up. */
export default async function setup(): Promise<void> {
  const entries = await readdir(buildsDir).catch(() => []);
  for (const entry of entries) {
    const path = join(buildsDir, entry);
    const { mtimeMs } = await stat(path);
    if (Date.now() - mtimeMs > STALE_MS) await rm(path, { recursive: true, force: true });
  }
}
