import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildsDir } from './build.ts';

/** Builds older than this are from earlier runs; younger ones may belong to a run still going. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Removes earlier runs' fixture builds so they do not pile up, and gives this run a temporary
 * folder of its own: every test file, and every program it starts, makes its scratch files there
 * (os.tmpdir() reads TMPDIR, which the test workers inherit), and the run removes it at the end,
 * so no test has to remember to clean up after itself.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const entries = await readdir(buildsDir).catch(() => []);
  for (const entry of entries) {
    const path = join(buildsDir, entry);
    const { mtimeMs } = await stat(path);
    if (Date.now() - mtimeMs > STALE_MS) await rm(path, { recursive: true, force: true });
  }
  const runTemp = await mkdtemp(join(tmpdir(), 'paper-digest-tests-'));
  process.env.TMPDIR = runTemp;
  return async () => {
    await rm(runTemp, { recursive: true, force: true });
  };
}
