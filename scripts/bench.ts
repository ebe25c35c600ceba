// npm run bench -- --papers 10000 [--runs N] [--json file] [--keep] [--skip-warm] [--max-old-space-size MB] [--help]
// Measures every figure of the budget table (src/bench/budgets.ts) on a synthetic corpus: cold
// build and peak RSS, two warm rebuilds (one paper added, one word of a paper changed), the
// content check cold and cached, and in Chromium the bytes of a first search (a common word, a
// rare word, a word with a topic filter) and the answer time after typing; and the page weights.
// Writes bench-results/<papers>-<UTC time>.json and prints a README table row with the budgets.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { budgetSizeFor, formatLimit } from '../src/bench/budgets.ts';
import { addOnePaper, writeCorpus } from '../src/bench/corpus.ts';
import { editOneWord } from '../src/bench/edit.ts';
import { measureOutput, median, timedRun, type OutputFigures, type RunFigures } from '../src/bench/measure.ts';
import {
  resultsTableHeader,
  resultsTableRow,
  summarize,
  verdicts,
  formatValue,
  type BudgetedFigures,
} from '../src/bench/report.ts';
import { measureAnswerTimes, measureSearchBytes, type AnswerTime, type SearchBytes } from '../src/bench/search.ts';
import { chooseSearchWords, type SearchWords } from '../src/bench/words.ts';
import { serveStatic } from '../src/dev/browser.ts';
import { inSlices } from '../src/integrations/files.ts';
import { terminalLines } from '../src/lib/encode/terminal.ts';
import { siteConfig } from '../src/site.config.ts';

const usage = `Usage: npm run bench -- [--papers N] [--runs N] [--json file] [--keep] [--skip-warm]
                     [--max-old-space-size MB]

  --papers N                 papers in the synthetic corpus (default 1000; budgets exist for 10000, 100000)
  --runs N                   measure N times and report medians (default 1)
  --json file                write the figures there (default bench-results/<papers>-<UTC time>.json)
  --keep                     keep the corpus, dist/ and caches under .tmp/bench-<papers>/
  --skip-warm                skip the two warm rebuilds
  --max-old-space-size MB    the builds' V8 heap limit (default: npm run build's, sized to the corpus)
  --help                     print this
`;

/** Prints a message (the usage, or what is wrong with the arguments) and ends with its exit code. */
function stop(message: string, exitCode: number): never {
  // Short, so process.exit drops nothing of it; exit code 2 for a wrong command, as check's.
  (exitCode === 0 ? console.log : console.error)(terminalLines(message));
  process.exit(exitCode);
}

/** A positive whole number given as an option, or the command stops saying what was wrong. */
function positiveWhole(name: string, text: string): number {
  const number = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(number) || number < 1) {
    stop(`--${name} takes a positive whole number, not "${text}".\n\n${usage}`, 2);
  }
  return number;
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      papers: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '1' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      // The warm rebuilds are budgeted at every size; skip them only when asked.
      'skip-warm': { type: 'boolean', default: false },
      'max-old-space-size': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  // parseArgs' own message names the option (unknown, or missing its value).
  stop(`${(error as Error).message}\n\n${usage}`, 2);
}
const { values } = parsed;
if (values.help) stop(usage, 0);
const papers = positiveWhole('papers', values.papers);
const runs = positiveWhole('runs', values.runs);
if (values['max-old-space-size'] !== undefined) positiveWhole('max-old-space-size', values['max-old-space-size']);

const root = process.cwd();
// Inside the project: Astro keeps a build's server files next to an outDir inside the project.
const work = join(root, '.tmp', `bench-${papers}`);
const content = join(work, 'content');
const outDir = join(work, 'dist');
const cacheDir = join(work, 'cache');
const env = {
  ...process.env,
  PAPER_DIGEST_CONTENT: content,
  PAPER_DIGEST_OUT_DIR: outDir,
  PAPER_DIGEST_CACHE_DIR: cacheDir,
  ...(values['max-old-space-size'] ? { NODE_OPTIONS: `--max-old-space-size=${values['max-old-space-size']}` } : {}),
};
// The build as `npm run build` runs it, with its heap limit sized to the corpus (or --max-old-space-size).
const buildScript = join(root, 'scripts/build.ts');
/** Left in the cache folder by a build until every check of dist/ passed (src/integrations/output.ts). */
const UNFINISHED_MARK = join(cacheDir, 'paper-digest-build-unfinished');

const log = (message: string) => console.log(`[bench] ${message}`);

function succeeded(name: string, run: RunFigures): RunFigures {
  if (run.exitCode !== 0) {
    console.error(run.output.slice(-4000));
    throw new Error(`${name} failed with exit code ${run.exitCode}`);
  }
  return run;
}

/** A build counts only if it exited cleanly and dist/ was verified and marked finished. */
async function build(name: string): Promise<RunFigures> {
  const run = succeeded(name, await timedRun(process.execPath, [buildScript], { cwd: root, env }));
  if (existsSync(UNFINISHED_MARK)) throw new Error(`${name}: exited 0 but dist/ was not verified (${UNFINISHED_MARK})`);
  for (const file of ['index.html', 'search/index.html', 'pagefind/pagefind.js']) {
    if (!existsSync(join(outDir, file))) throw new Error(`${name}: exited 0 but wrote no ${file}`);
  }
  log(
    `${name}: ${run.seconds.toFixed(1)} s, peak RSS ${Math.round(run.peakRssMB)} MB, ${((run.seconds * 1000) / papers).toFixed(2)} ms/paper`,
  );
  return run;
}

async function check(name: string, args: string[]): Promise<RunFigures> {
  const run = succeeded(
    name,
    await timedRun('node', ['scripts/check.ts', content, ...args], { cwd: root, env: process.env }),
  );
  log(`${name}: ${run.seconds.toFixed(1)} s`);
  return run;
}

const paperId = (index: number) => `synthetic-${String(index).padStart(6, '0')}`;

async function paperFile(index: number): Promise<string> {
  const [file] = await glob(`papers/*/${paperId(index)}.mdx`, { cwd: content, absolute: true });
  if (!file) throw new Error(`no file for ${paperId(index)} in ${content}`);
  return file;
}

async function paperPage(index: number): Promise<string> {
  const file = join(outDir, 'papers', paperId(index), 'index.html');
  if (!existsSync(file)) throw new Error(`no page for ${paperId(index)} at ${file}`);
  return readFile(file, 'utf8');
}

interface SearchFigures {
  common: SearchBytes;
  rare: SearchBytes;
  filtered: SearchBytes;
  answers: AnswerTime[];
}

async function measureSearch(words: SearchWords): Promise<SearchFigures> {
  const server = await serveStatic(outDir);
  try {
    const common = await measureSearchBytes(server.url, { q: words.common });
    const rare = await measureSearchBytes(server.url, { q: words.rare });
    const filtered = await measureSearchBytes(server.url, { q: words.common, topic: words.topic });
    // Found nothing: the search is broken, and its bytes mean nothing.
    for (const [name, figures] of Object.entries({ common, rare, filtered })) {
      if (figures.found === 0) throw new Error(`the ${name} search found no paper`);
    }
    if (rare.found !== 1) log(`warning: the rare word "${words.rare}" found ${rare.found} papers, not 1`);
    const answers = await measureAnswerTimes(server.url, [words.common, words.rare, ...words.middling]);
    for (const { word, ms, found } of answers) log(`answer for "${word}": ${Math.round(ms)} ms, ${found} found`);
    log(
      `first search: common "${words.common}" ${Math.round(common.kb)} KB (${Math.round(common.pagefindKB)} KB Pagefind, ${common.found} found), ` +
        `rare "${words.rare}" ${Math.round(rare.kb)} KB, "${words.common}" in ${words.topic} ${Math.round(filtered.kb)} KB (${filtered.found} found)`,
    );
    return { common, rare, filtered, answers };
  } finally {
    await server.close();
  }
}

interface RunResult {
  figures: BudgetedFigures;
  cold: RunFigures;
  warmAdd?: RunFigures;
  warmEdit?: RunFigures & { edit: { paper: string; before: string; after: string } };
  search: SearchFigures;
}

/** The search words, and the file of the rare word's paper (rarePaper is its place in the sorted list). */
type CorpusWords = SearchWords & { rareFile: string };

async function searchWordsOf(folder: string): Promise<CorpusWords> {
  const files = (await glob('papers/**/*.mdx', { cwd: folder })).sort();
  // A slice at a time: 100,000 files opened at once pass the open-file limit (EMFILE).
  const texts: string[] = [];
  await inSlices(
    files,
    (file) => readFile(join(folder, file), 'utf8'),
    (_, text) => texts.push(text),
  );
  const words = chooseSearchWords(texts);
  const rareFile = files[words.rarePaper]!;
  log(
    `search words: common "${words.common}", rare "${words.rare}" (${rareFile}), topic ${words.topic}, middling ${words.middling.join(', ')}`,
  );
  return { ...words, rareFile };
}

/** The check's cache for the bench corpus (named as scripts/check.ts names it): large at 100,000 papers. */
async function removeCheckCache(): Promise<void> {
  const cacheName = createHash('sha256').update(resolve(content)).digest('hex').slice(0, 16);
  await rm(join(root, 'node_modules/.cache/paper-digest', `check-${cacheName}.json`), { force: true });
}

async function oneRun(
  run: number,
  previousWords?: CorpusWords,
): Promise<{ result: RunResult; words: CorpusWords; output?: OutputFigures }> {
  await rm(work, { recursive: true, force: true });
  await removeCheckCache();
  await mkdir(work, { recursive: true });
  log(`run ${run} of ${runs}: writing ${papers} synthetic papers to ${content}`);
  await writeCorpus({ papers, outDir: content });
  // The corpus is the same in every run: so are its words.
  const words = previousWords ?? (await searchWordsOf(content));
  const cold = await build('cold build');
  const output = run === 1 ? await measureOutput(outDir) : undefined;
  if (output) {
    log(`output: ${output.files} files, ${output.totalMB} MB`);
    log(
      `paper page: median ${output.paperPage.medianKB} KB (${output.paperPage.medianGzipKB} KB gzip), largest ${output.paperPage.largestKB} KB (${output.paperPage.largestGzipKB} KB gzip)`,
    );
    log(
      `list pages: largest ${output.listPage.largestKB} KB (${output.listPage.largest}), most papers on a page ${output.listPage.mostPapers} (page size ${siteConfig.pageSize})`,
    );
  }
  const search = await measureSearch(words);

  let warmAdd: RunResult['warmAdd'];
  let warmEdit: RunResult['warmEdit'];
  if (!values['skip-warm']) {
    await addOnePaper(content, papers);
    warmAdd = await build('warm rebuild, one paper added');
    await paperPage(papers);

    const edited = Math.floor(papers / 2);
    const file = await paperFile(edited);
    const edit = editOneWord(await readFile(file, 'utf8'));
    await writeFile(file, edit.text);
    warmEdit = {
      ...(await build(`warm rebuild, one word of ${paperId(edited)} changed`)),
      edit: { paper: paperId(edited), before: edit.before, after: edit.after },
    };
    if (!(await paperPage(edited)).includes(edit.after)) {
      throw new Error(`the warm rebuild did not update ${paperId(edited)}: "${edit.after}" is not on its page`);
    }
  }

  const checkCold = await check('npm run check, cold (no cache)', ['--no-cache']);
  await check('npm run check, filling its cache', []);
  const checkCached = await check('npm run check, cached', []);

  const builds = [cold, warmAdd, warmEdit].filter((figures) => figures !== undefined);
  const figures: BudgetedFigures = {
    coldBuildS: cold.seconds,
    peakRssMB: Math.max(...builds.map((figures) => figures.peakRssMB)),
    warmAddS: warmAdd?.seconds ?? null,
    warmEditS: warmEdit?.seconds ?? null,
    checkColdS: checkCold.seconds,
    checkCachedS: checkCached.seconds,
    searchCommonKB: search.common.kb,
    searchRareKB: search.rare.kb,
    searchFilteredKB: search.filtered.kb,
    searchAnswerMs: median(search.answers.map((answer) => answer.ms)),
  };
  return { result: { figures, cold, warmAdd, warmEdit, search }, words, output };
}

function gitCommit(): string {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
  return dirty ? `${commit}-dirty` : commit;
}

const started = new Date();
const commit = gitCommit();
const results: RunResult[] = [];
let words: CorpusWords | undefined;
let output: OutputFigures | undefined;
for (let run = 1; run <= runs; run++) {
  const measured = await oneRun(run, words);
  results.push(measured.result);
  words ??= measured.words;
  output ??= measured.output;
}
const summary = summarize(results.map((result) => result.figures));

const withoutOutput = (run?: RunFigures) => run && { seconds: run.seconds, peakRssMB: run.peakRssMB };
const record = {
  date: started.toISOString(),
  commit,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
  },
  papers,
  runs,
  budgetSize: budgetSizeFor(papers) ?? null,
  words,
  summary,
  verdicts: verdicts(summary, papers).map(({ figure, value, limit, ok }) => ({ figure: figure.key, value, limit, ok })),
  output,
  perRun: results.map(({ figures, cold, warmAdd, warmEdit, search }) => ({
    figures,
    coldBuild: withoutOutput(cold),
    warmAdd: withoutOutput(warmAdd),
    warmEdit: warmEdit && { ...withoutOutput(warmEdit), edit: warmEdit.edit },
    search,
  })),
};
const stamp = started
  .toISOString()
  .replace(/\.\d+Z$/, 'Z')
  .replaceAll(':', '-');
const jsonFile = resolve(values.json ?? join('bench-results', `${papers}-${stamp}.json`));
await mkdir(join(jsonFile, '..'), { recursive: true });
await writeFile(jsonFile, `${JSON.stringify(record, null, 2)}\n`);
if (!values.keep) {
  await rm(work, { recursive: true, force: true });
  await removeCheckCache();
}

log(`figures written to ${jsonFile}`);
for (const { figure, value, limit, ok } of verdicts(summary, papers)) {
  const shown = value === undefined ? 'not measured' : `${formatValue(value, figure.unit)} ${figure.unit}`;
  log(
    `${ok === undefined ? ' ' : ok ? '✓' : '✗'} ${figure.label}: ${shown}${limit === undefined ? '' : ` (budget ${formatLimit(limit, figure.unit)})`}`,
  );
}
console.log(`\n${resultsTableHeader()}\n${resultsTableRow({ papers, date: record.date, commit, summary, runs })}`);
