// npm run check [-- <content dir>] [--no-cache]: checks every paper without building the site.
// Papers that passed before and have not changed since are not checked again (see check-cache.ts).
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/content/check.ts';
import { CONTENT_DIR } from '../src/content/paths.ts';
import { countOf, paperCount } from '../src/lib/count.ts';
import { formatProblems } from '../src/content/problems.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-cache': { type: 'boolean', default: false } },
});
const contentDir = positionals[0] ?? CONTENT_DIR;
const cacheName = createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 16);

const started = performance.now();
const { problems, files, read } = await checkContent({
  papersDir: `${contentDir}/papers`,
  topicsFile: `${contentDir}/topics.yaml`,
  cacheFile: values['no-cache'] ? undefined : `node_modules/.cache/paper-digest/check-${cacheName}.json`,
  keepRendered: false,
});
const elapsed = Math.round(performance.now() - started);
for (const line of formatProblems(problems)) console.error(line);
if (problems.length > 0) {
  // The files the problems are in: a refused topics file stops the check before any paper is read.
  const withProblems = new Set(problems.map((problem) => problem.file)).size;
  console.error(`\n✗ ${countOf(problems.length, 'problem')} in ${countOf(withProblems, 'file')} (${elapsed} ms).`);
  // Not process.exit: into a pipe (CI's log) output is written after the call returns, and exiting
  // would drop all but the first 64 KB, cutting a problem mid-line.
  process.exitCode = 1;
} else {
  // How many files were read tells whether the cache served: after one edit, one.
  console.log(`✓ ${paperCount(files)} OK (${elapsed} ms, ${countOf(read, 'file')} read).`);
}
