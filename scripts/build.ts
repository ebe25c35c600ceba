// npm run build [-- <astro build options>]: `astro build`, with a V8 heap limit sized to the corpus
// (src/build/heap-limit.ts): Node's default lets a 10,000-paper build hold gigabytes of garbage,
// and is too small for 100,000 papers. A limit already in NODE_OPTIONS is kept.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { heapLimitMB, withHeapLimit } from '../src/build/heap-limit.ts';
import { PAPERS_DIR } from '../src/content/paths.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '..');
const ASTRO = resolve(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

// A count for sizing only: the build's loader finds the papers, and reports any misplaced file.
const papers = (await glob('*/*.mdx', { cwd: resolve(PROJECT_ROOT, PAPERS_DIR) })).length;
const nodeOptions = withHeapLimit(process.env.NODE_OPTIONS, heapLimitMB(papers));

const astro = spawn(process.execPath, [ASTRO, 'build', ...process.argv.slice(2)], {
  cwd: PROJECT_ROOT,
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
  stdio: 'inherit',
});
// Ctrl-C reaches Astro through the terminal's process group; a signal sent to this process alone
// (CI cancelling a job) is passed on, so no build runs on without its parent.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => astro.kill(signal));
}
astro.on('error', (error) => {
  console.error(`Could not start Astro (${ASTRO}): ${error.message}`);
  process.exit(1);
});
astro.on('exit', (code, signal) => {
  // A build stopped by a signal fails, as the shell reports it (128 + the signal's number).
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
