// npm run bench -- --papers 10000 [--json file] [--keep]
// Builds a synthetic corpus cold and warm, times the content check, and measures the output.
import { cpus, totalmem } from 'node:os';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addOnePaper, writeCorpus } from '../src/bench/corpus.ts';
import { measureOutput, timedRun, type RunFigures } from '../src/bench/measure.ts';
import { siteConfig } from '../src/site.config.ts';
import { launchBrowser, serveStatic, watchPage } from '../src/dev/browser.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '1000' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // At 100,000 papers a warm rebuild takes as long as the cold one; skip it to save the time.
    'skip-warm': { type: 'boolean', default: false },
    'max-old-space-size': { type: 'string' },
  },
});
const papers = Number(values.papers);
if (!Number.isInteger(papers) || papers < 1) throw new Error('--papers must be a positive whole number');

const root = process.cwd();
// Inside the project: Astro keeps a build's server files next to an outDir inside the project.
const work = join(root, '.tmp', `bench-${papers}`);
const content = join(work, 'content');
const outDir = join(work, 'dist');
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });

const log = (message: string) => console.log(`[bench] ${message}`);
log(`writing ${papers} synthetic papers to ${content}`);
await writeCorpus({ papers, outDir: content });

const env = {
  ...process.env,
  PAPER_DIGEST_CONTENT: content,
  PAPER_DIGEST_OUT_DIR: outDir,
  PAPER_DIGEST_CACHE_DIR: join(work, 'cache'),
  ...(values['max-old-space-size'] ? { NODE_OPTIONS: `--max-old-space-size=${values['max-old-space-size']}` } : {}),
};
const astro = join(root, 'node_modules/.bin/astro');

function report(name: string, run: RunFigures): void {
  if (run.exitCode !== 0) {
    console.error(run.output.slice(-4000));
    throw new Error(`${name} failed with exit code ${run.exitCode}`);
  }
  log(
    `${name}: ${run.seconds.toFixed(1)} s, peak RSS ${Math.round(run.peakRssMB)} MB, ${((run.seconds * 1000) / papers).toFixed(2)} ms/paper`,
  );
}

log('cold build');
const cold = await timedRun(astro, ['build'], { cwd: root, env });
report('cold build', cold);

const output = await measureOutput(outDir);
log(`output: ${output.files} files, ${output.totalMB} MB`);
log(
  `paper page: median ${output.paperPage.medianKB} KB (${output.paperPage.medianGzipKB} KB gzip), largest ${output.paperPage.largestKB} KB (${output.paperPage.largestGzipKB} KB gzip)`,
);
log(
  `list pages: largest ${output.listPage.largestKB} KB (${output.listPage.largest}), most papers on a page ${output.listPage.mostPapers} (page size ${siteConfig.pageSize})`,
);

let warm: RunFigures | undefined;
if (!values['skip-warm']) {
  log('warm build (one paper added)');
  await addOnePaper(content, papers);
  warm = await timedRun(astro, ['build'], { cwd: root, env });
  report('warm build', warm);
}

log('content check, cold (no cache) and again with its cache filled');
const check = await timedRun('node', ['scripts/check.ts', content, '--no-cache'], { cwd: root, env: process.env });
report('npm run check (cold)', check);
report(
  'npm run check (filling the cache)',
  await timedRun('node', ['scripts/check.ts', content], { cwd: root, env: process.env }),
);
const cachedCheck = await timedRun('node', ['scripts/check.ts', content], { cwd: root, env: process.env });
report('npm run check (cached)', cachedCheck);

// What a browser downloads for a one-word search: every response from /pagefind/.
let searchKB: number | null = null;
try {
  const server = await serveStatic(outDir);
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${server.url}search/?q=network`, { waitUntil: 'networkidle' });
  await page
    .waitForSelector('[data-search-results] li, .search-results li', { timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle');
  const bytes = [...watch.bytes].filter(([url]) => url.includes('/pagefind/')).reduce((sum, [, size]) => sum + size, 0);
  searchKB = Math.round(bytes / 1024);
  log(`one-word search downloads ${searchKB} KB from /pagefind/`);
  await browser.close();
  await server.close();
} catch (error) {
  log(`search download not measured: ${String(error).split('\n')[0]}`);
}

const figures = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
  },
  papers,
  coldBuild: { seconds: cold.seconds, peakRssMB: cold.peakRssMB, msPerPaper: (cold.seconds * 1000) / papers },
  warmBuild: warm ? { seconds: warm.seconds, peakRssMB: warm.peakRssMB } : null,
  check: { seconds: check.seconds, peakRssMB: check.peakRssMB },
  cachedCheck: { seconds: cachedCheck.seconds, peakRssMB: cachedCheck.peakRssMB },
  output,
  searchDownloadKB: searchKB,
};
const jsonFile = resolve(values.json ?? join('bench-results', `bench-${papers}.json`));
await mkdir(join(jsonFile, '..'), { recursive: true });
await writeFile(jsonFile, `${JSON.stringify(figures, null, 2)}\n`);
log(`figures written to ${jsonFile}`);
if (!values.keep) await rm(work, { recursive: true, force: true });
