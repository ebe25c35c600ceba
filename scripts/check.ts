// npm run check [-- <content folder>] [--no-cache]: checks every paper without building the site.
// Papers that passed before and have not changed since are not checked again (see check-cache.ts).
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { commandLineProblem } from '../src/content/command-line.ts';
import { checkContent } from '../src/content/check.ts';
import { CONTENT_DIR, typedIn } from '../src/content/paths.ts';
import { countOf, paperCount } from '../src/lib/count.ts';
import { formatProblems, githubAnnotations, sameProblemInFiles } from '../src/content/problems.ts';
import { terminalLines } from '../src/lib/encode/terminal.ts';

// The project the script belongs to: its content folder is the default, and its cache is there,
// from whatever folder the script is run.
const PROJECT_ROOT = resolve(import.meta.dirname, '..');
// A folder the contributor names is from where the command was typed (`npm run check -- .` typed
// in content/ is content/, not the project's root, where npm runs the script).
const TYPED_IN = typedIn('check', process.env, process.cwd());

const usage = `Usage: npm run check [-- [<content folder>] [--no-cache]]

  <content folder>   the folder with papers/ and topics.yaml, from the folder you are in
                     (default: the project's ${CONTENT_DIR})
  --no-cache         check every paper again, even those that passed before unchanged
  --help, -h         print this

Exit code: 0 every paper passed, 1 problems were found (each printed as file:line: field: message),
2 the command was wrong (an unknown option, a second folder, a folder that is not a content folder).
`;

/** The options the command takes, as parseArgs reads them. */
const OPTIONS = {
  'no-cache': { type: 'boolean', default: false },
  // -h as new-paper takes it: a contributor types both.
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsOptionsConfig;

/** The command's arguments, or a message and the exit code when they are not what it takes. */
function readArguments():
  { contentDir: string; shown: string; noCache: boolean } | { message: string; exitCode: number } {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const args = process.argv.slice(2);
    return {
      message: `${commandLineProblem(error, { command: 'npm run check', args, options: OPTIONS, positional: 'a folder' })}\n\n${usage}`,
      exitCode: 2,
    };
  }
  const { values, positionals } = parsed;
  if (values.help) return { message: usage, exitCode: 0 };
  if (positionals.length > 1) {
    return { message: `One content folder at a time: got ${positionals.length}.\n\n${usage}`, exitCode: 2 };
  }
  // Named as typed in messages; read where it is.
  const shown = positionals[0] ?? CONTENT_DIR;
  // resolve, not join: PAPER_DIGEST_CONTENT may be absolute, as the build and new-paper read it.
  const contentDir = resolve(positionals[0] === undefined ? PROJECT_ROOT : TYPED_IN, shown);
  const stats = statSync(contentDir, { throwIfNoEntry: false });
  const wanted = 'Give the folder that holds papers/ and topics.yaml';
  if (!stats) return { message: `${shown}: no such folder. ${wanted}.`, exitCode: 2 };
  if (!stats.isDirectory()) {
    // A paper is checked with the others, whose ids and addresses it must not take: name its folder.
    const folder = contentFolderOf(contentDir);
    const holding = folder
      ? ` The check reads a whole content folder, as a paper's id and address must differ from the others'; for the one that holds this file: npm run check -- ${relative(TYPED_IN, folder) || '.'}`
      : '';
    return {
      message: `${shown}: is a file, not a folder. ${wanted} (default: ${CONTENT_DIR}).${holding}`,
      exitCode: 2,
    };
  }
  // A folder with neither is some other folder (a typo, or one level too deep or too high): saying
  // that its topics.yaml is missing would send the contributor to write one.
  const holds = (name: string) => statSync(join(contentDir, name), { throwIfNoEntry: false }) !== undefined;
  if (!holds('papers') && !holds('topics.yaml')) {
    return {
      message: `${shown}: holds neither papers/ nor topics.yaml, so it is no content folder. ${wanted} (default: ${CONTENT_DIR}).`,
      exitCode: 2,
    };
  }
  return { contentDir, shown, noCache: values['no-cache'] };
}

/** The nearest folder above `file` that holds papers/ and topics.yaml, if any. */
function contentFolderOf(file: string): string | undefined {
  for (let folder = dirname(file); folder !== dirname(folder); folder = dirname(folder)) {
    const holds = (name: string) => statSync(join(folder, name), { throwIfNoEntry: false }) !== undefined;
    if (holds('papers') && holds('topics.yaml')) return folder;
  }
  return undefined;
}

// Not process.exit: into a pipe (CI's log) output is written after the call returns, and exiting
// would drop all but the first 64 KB, cutting a problem mid-line.
const args = readArguments();
if ('message' in args) {
  (args.exitCode === 0 ? console.log : console.error)(terminalLines(args.message));
  process.exitCode = args.exitCode;
} else {
  process.exitCode = await check(args);
}

/** Checks the papers and prints what is wrong, or how many passed; the exit code. */
async function check({ contentDir, noCache }: { contentDir: string; noCache: boolean }): Promise<number> {
  const cacheName = createHash('sha256').update(contentDir).digest('hex').slice(0, 16);
  const started = performance.now();
  // Files are named from the project's root, as the build and GitHub's annotations name them.
  const { problems, files, read } = await checkContent({
    root: PROJECT_ROOT,
    papersDir: join(contentDir, 'papers'),
    topicsFile: join(contentDir, 'topics.yaml'),
    cacheFile: noCache ? undefined : join(PROJECT_ROOT, `node_modules/.cache/paper-digest/check-${cacheName}.json`),
    keepRendered: false,
  });
  const elapsed = Math.round(performance.now() - started);
  // The files the problems are in: a refused topics file stops the check before any paper is read.
  const withProblems = new Set(problems.map((problem) => problem.file)).size;
  const counted = `${countOf(problems.length, 'problem')} in ${countOf(withProblems, 'file')}`;
  // Said first, for whoever reads only the top of a long list, and again last, under it; with the
  // problems many files have the same (a renamed topic), each once, before every line is listed.
  if (problems.length > 0) {
    const same = sameProblemInFiles(problems);
    console.error(`✗ ${counted}${same.length > 0 ? '; the same problem in many files:' : ':'}`);
    if (same.length > 0) console.error(`${same.map((line) => `  ${line}`).join('\n')}\n`);
  }
  for (const line of formatProblems(problems)) console.error(line);
  // On GitHub Actions (the PR check), each problem also becomes an annotation at its file and line
  // in the pull request; the runner reads workflow commands from standard output.
  if (process.env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(problems)) console.log(line);
  if (problems.length === 0) {
    // How many files were read tells whether the cache served: after one edit, one.
    console.log(`✓ ${paperCount(files)} OK (${elapsed} ms, ${countOf(read, 'file')} read).`);
    return 0;
  }
  console.error(`\n✗ ${counted} (${elapsed} ms).`);
  return 1;
}
