// npm run check [-- <content dir>]: checks every paper without building the site.
import { checkContent } from '../src/content/check.ts';
import { formatProblem } from '../src/content/problems.ts';

const contentDir = process.argv[2];
const started = performance.now();
const { problems, files } = await checkContent(
  contentDir ? { papersDir: `${contentDir}/papers`, topicsFile: `${contentDir}/topics.yaml` } : {},
);
const elapsed = Math.round(performance.now() - started);
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\n✗ ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} files (${elapsed} ms).`);
  process.exit(1);
}
console.log(`✓ ${files} papers OK (${elapsed} ms).`);
