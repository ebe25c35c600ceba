// npm run new-paper -- <arxiv id or URL> --tags a,b [--date YYYY-MM-DD] [--code URL] [--offline --title … --authors "A; B"]
// npm run new-paper -- <id> <id> … [--from-file ids.txt] [--tags a,b | --accept-suggested] [--date YYYY-MM-DD]
// Writes content/papers/<year>/<id>.mdx from the arXiv API. The logic is in src/content/new-paper.ts
// (one paper) and src/content/new-papers.ts (many).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { commandLineProblem, withoutOptionEnd } from '../src/content/command-line.ts';
import { emptyFlagProblem, NewPaperError, newPaper } from '../src/content/new-paper.ts';
import {
  batchSummary,
  DEFAULT_BATCH,
  DEFAULT_DELAY_MS,
  idsFromFile,
  idsFromText,
  newPapers,
  untilInterrupted,
  type PaperOutcome,
} from '../src/content/new-papers.ts';
import { typedIn } from '../src/content/paths.ts';
import { fileSystemReason } from '../src/content/read-files.ts';
import { formatProblem } from '../src/content/problems.ts';
import { acceptedTags } from '../src/content/suggest-tags.ts';
import { terminalLines } from '../src/lib/encode/terminal.ts';

// What arXiv or an id list says (a title, an id as written) may hold escape sequences or bidi
// characters: shown as \u{…} line by line, as the check's messages are.
const say = (text: string) => console.log(terminalLines(text));
const warn = (text: string) => console.error(terminalLines(text));

const usage = `Usage: npm run new-paper -- <arXiv id or URL> --tags topic-a,topic-b [options]
       npm run new-paper -- <id> <id> … [--from-file ids.txt] [--tags a,b | --accept-suggested] [--date YYYY-MM-DD]

  <arXiv id or URL>     2306.13575, 2306.13575v2, arXiv:2306.13575, https://arxiv.org/abs/2306.13575,
                        https://arxiv.org/pdf/2306.13575v1.pdf, 10.48550/arXiv.2306.13575,
                        hep-th/9901001, math.GT/0309136
  --tags a,b            topics from content/topics.yaml (required)
  --date YYYY-MM-DD     the digest date (default: today, UTC)
  --code URL            the official code repository (https)
  --project URL         the project page (https)
  --venue TEXT          where it was published, e.g. "NeurIPS 2023"
  --offline             do not ask arXiv; write the entry from the flags below
  --title TEXT          title (offline, or to replace arXiv's)
  --authors "A; B"      authors in order, separated by semicolons
  --published DATE      date of the first version, YYYY-MM-DD
  --abstract TEXT       the abstract, math in $…$
  --dry-run             check the entry and print it instead of writing it

Many papers (a day's list): several ids, or --from-file, or one id without --tags.
  --from-file FILE      ids or URLs, one a line (UTF-8); blank lines, # comments and a note
                        beside an id (2401.00007 // note) are ignored
  --tags a,b            the same topics for every paper; without it, topics are proposed
                        from the papers already in the digest, with a score
  --accept-suggested    write the proposed topics (otherwise papers are fetched, checked
                        and listed with their proposals, but not written)
  --date, --dry-run     as above
arXiv is asked once per ${DEFAULT_BATCH} ids, ${DEFAULT_DELAY_MS / 1000} s apart. Ids already in the digest are skipped.

Ctrl-C stops a batch: what is written stays (each file whole), nothing more is asked or written.

Exit code: 0 every paper was written (or checked, or skipped), 1 a paper failed or needs tags,
130 stopped by Ctrl-C, 2 the command was wrong (an unknown option, no id, one-paper flags with many ids, an unreadable
--from-file, a --date or --tags that no paper could take), as for npm run check.
`;

/** The exit code of a command that could not be run as typed, as `npm run check` uses it. */
const WRONG_COMMAND = 2;
/** Said after a refusal of the command as typed: nothing was asked of arXiv, no file written. */
const NOTHING_DONE = 'Nothing was fetched or written.';
/** The exit code of a batch stopped by Ctrl-C. */
const INTERRUPTED = 130;

/** The options the command takes, as parseArgs reads them. */
const OPTIONS = {
  tags: { type: 'string' },
  date: { type: 'string' },
  code: { type: 'string' },
  project: { type: 'string' },
  venue: { type: 'string' },
  offline: { type: 'boolean' },
  title: { type: 'string' },
  authors: { type: 'string' },
  published: { type: 'string' },
  abstract: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'from-file': { type: 'string' },
  'accept-suggested': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

// Not process.exit: into a pipe, output is still being written when the call returns, and exiting
// then cuts it off. Setting the exit code lets Node flush everything first.
process.exitCode = await main();

async function main(): Promise<number> {
  // No id starts with "-": a `--` typed before the ids ends no options (withoutOptionEnd).
  const args = withoutOptionEnd(process.argv.slice(2), OPTIONS);
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    warn(`${commandLineProblem(error, { command: 'npm run new-paper', args, options: OPTIONS })}\n\n${usage}`);
    return WRONG_COMMAND;
  }
  const { values } = parsed;
  // An argument may hold a pasted list ("2306.13575, 2401.00001"): each id in it counts, as on a
  // line of a --from-file (idsFromText, the one reading of a list); alone it was refused whole.
  const positionals = parsed.positionals.flatMap((argument) => {
    const ids = idsFromText(argument);
    return ids.length > 1 ? ids : [argument];
  });
  if (values.help) {
    say(usage);
    return 0;
  }
  const singlePaperFlags = [
    'offline',
    'title',
    'authors',
    'published',
    'abstract',
    'code',
    'project',
    'venue',
  ] as const;
  const given = singlePaperFlags.filter((flag) => values[flag] !== undefined);
  // One id with no --tags (and none of the one-paper flags) gets proposals too.
  const batch =
    positionals.length > 1 ||
    values['from-file'] !== undefined ||
    values['accept-suggested'] === true ||
    (positionals.length === 1 && values.tags === undefined && given.length === 0);
  if (batch) {
    if (given.length > 0) {
      warn(`${given.map((flag) => `--${flag}`).join(', ')}: only for one paper at a time, with --tags.\n\n${usage}`);
      return WRONG_COMMAND;
    }
    let inputs = [...positionals];
    if (values['from-file'] !== undefined) {
      // Read as given, "" named the folder the command was typed in ('it is a folder').
      const empty = emptyFlagProblem('from-file', values['from-file'], new Date());
      if (empty) {
        warn(`✗ ${empty} ${NOTHING_DONE}`);
        return WRONG_COMMAND;
      }
      try {
        // From where the command was typed: npm runs it from the project's root.
        const read = idsFromFile(
          await readFile(resolve(typedIn('new-paper', process.env, process.cwd()), values['from-file'])),
        );
        if ('problem' in read) {
          warn(`✗ --from-file ${values['from-file']}: ${read.problem} ${NOTHING_DONE}`);
          return WRONG_COMMAND;
        }
        inputs = [...inputs, ...read.ids];
      } catch (error) {
        warn(
          `✗ --from-file ${values['from-file']}: cannot read it (${fileSystemReason(error)}). Give a text file with one arXiv id or URL a line. ${NOTHING_DONE}`,
        );
        return WRONG_COMMAND;
      }
    }
    return runBatch(inputs, {
      tags: list(values.tags, /[,\s]+/),
      date: values.date,
      acceptSuggested: values['accept-suggested'],
      dryRun: values['dry-run'],
    });
  }
  if (positionals.length !== 1) {
    warn(
      `${positionals.length === 0 ? 'Give one arXiv id or URL.' : `Give one arXiv id or URL, not ${positionals.length}.`}\n\n${usage}`,
    );
    return WRONG_COMMAND;
  }

  try {
    const result = await newPaper(
      {
        input: positionals[0]!,
        tags: list(values.tags, /[,\s]+/),
        date: values.date,
        code: values.code,
        project: values.project,
        venue: values.venue,
        offline: values.offline,
        title: values.title,
        authors: list(values.authors, /;/),
        published: values.published,
        abstract: values.abstract,
        dryRun: values['dry-run'],
      },
      { progress: (line) => warn(line) },
    );
    for (const note of result.notes) warn(note);
    if (result.written) {
      say(`\n✓ Wrote ${result.file}${result.source === 'template' ? ' (a template from your flags)' : ''}.`);
      say('Next: read it over, adjust the tags, run `npm run check`, and open a pull request (see CONTRIBUTING.md).');
    } else {
      warn(`\n✓ ${result.file} would pass the content check (dry run, nothing written):\n`);
      console.log(result.text); // passed the check: no control or bidi character, and saved as is
    }
  } catch (error) {
    if (!(error instanceof NewPaperError)) throw error;
    warn(`✗ ${error.message}`);
    for (const problem of error.problems) warn(formatProblem(problem));
    if (error.text !== undefined && values['dry-run']) say(`\n${error.text}`);
    else if (error.text !== undefined)
      warn('\nRun again with --dry-run to print the entry; you can save it by hand and fix what is listed.');
    // A flag no paper could take (--date, --tags) is the command's fault, as in a batch.
    return error.wrongCommand ? WRONG_COMMAND : 1;
  }
  return 0;
}

/** A comma- or semicolon-separated flag as its items; undefined when the flag is absent. */
function list(value: string | undefined, separator: RegExp): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(separator)
        .map((item) => item.trim())
        .filter(Boolean);
}

/** Runs a batch and prints one block per paper, then a summary; returns the exit code. */
async function runBatch(
  inputs: string[],
  options: { tags?: string[]; date?: string; acceptSuggested?: boolean; dryRun?: boolean },
): Promise<number> {
  // Ctrl-C once: finish the paper being written (each file is written whole or not at all), send
  // and write nothing more, and report what was done. Ctrl-C again: Node's default, quit at once.
  let report;
  try {
    report = await untilInterrupted(
      (signal) => newPapers({ inputs, ...options }, { progress: (line) => warn(line), signal }),
      () => warn('Stopping: nothing more is asked or written (Ctrl-C again to quit at once)…'),
    );
  } catch (error) {
    if (!(error instanceof NewPaperError)) throw error;
    // A flag that holds for every paper (--date, --tags) is wrong: the command is, as typed.
    warn(`✗ ${error.message}\n${NOTHING_DONE}`);
    return WRONG_COMMAND;
  }
  for (const outcome of report.outcomes) for (const line of describeOutcome(outcome, options.date)) say(line);
  for (const line of batchSummary(report, inputs.length, options)) say(line);
  const stopped = report.outcomes.some((outcome) => outcome.status === 'failed' && outcome.stopped);
  // 130, as a shell reports a command stopped by Ctrl-C (128 + SIGINT).
  return stopped ? INTERRUPTED : report.ok ? 0 : 1;
}

function describeOutcome(outcome: PaperOutcome, date: string | undefined): string[] {
  const name = outcome.input;
  const scores = (proposals: readonly { tag: string; score: number }[]) =>
    proposals
      .slice(0, 5)
      .map(({ tag, score }) => `${tag} ${score.toFixed(2)}`)
      .join(', ');
  switch (outcome.status) {
    case 'written':
    case 'checked':
      return [
        `✓ ${name} → ${outcome.file}${outcome.status === 'checked' ? ' (would pass the check)' : ''}: tags ${outcome.tags.join(', ')}${outcome.proposals ? ' (proposed)' : ''}`,
        ...(outcome.proposals ? [`    proposals: ${scores(outcome.proposals)}`] : []),
        ...(outcome.notes ?? []).map((note) => `    ${note}`),
      ];
    case 'skipped':
      return [`- ${name} skipped: ${outcome.reason}`];
    case 'needs-tags':
      return [
        `? ${name} → ${outcome.file} needs tags; proposals: ${scores(outcome.proposals) || 'none (nothing in the digest is close)'}`,
        `    npm run new-paper -- ${outcome.id} --tags ${acceptedTags(outcome.proposals).join(',') || (outcome.proposals[0]?.tag ?? '<topic>')}${date ? ` --date ${date}` : ''}`,
        ...(outcome.notes ?? []).map((note) => `    ${note}`),
      ];
    case 'failed':
      return [`✗ ${name}: ${outcome.message}`, ...outcome.problems.map((problem) => `    ${formatProblem(problem)}`)];
  }
}
