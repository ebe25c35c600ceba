import { countOf } from '../lib/count.ts';
import { terminalText } from '../lib/encode/terminal.ts';
import { shortened } from '../lib/shortened.ts';
import { byCodeUnits } from '../lib/text-order.ts';

/** A value from a paper quoted in a message, cut (one rule for the check and the browser). */
export { shortened };

/**
 * A problem found in a content file, reported as `file:line: field: message`. The content check,
 * the loader (and so the build) all report the same problems the same way.
 */
export interface ContentProblem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /**
   * The line the problem is at; none for a problem about what has no lines (a folder, a link, an
   * entry that is no regular file), which is shown as `file: field: message`.
   */
  line?: number;
  column?: number;
  /** Frontmatter field (`tags[1]`), or `body`, or `file` for whole-file problems. */
  field: string;
  message: string;
  /**
   * Which rule found it (`author-repeated`, `topic-unknown`), set where the problem is made: what
   * makes problems alike (formatProblems, sameProblemInFiles), so that no code reads a message's
   * wording to learn what it reports. A problem without one is alike only to the same message.
   */
  kind?: string;
  /** Other files the problem names (the paper that already has this arXiv id), for tools that act on one file. */
  otherFiles?: readonly string[];
}

/** The order problems are reported in, by the check and the build alike: by file, then line. */
export function byPlace(a: ContentProblem, b: ContentProblem): number {
  return byCodeUnits(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0);
}

/**
 * One line for a terminal or a CI log: the file's name, a field or a message may hold what a
 * stranger's pull request wrote (a file name with escape sequences, a value quoted in a message),
 * so each is shown with terminalText.
 */
export function formatProblem(problem: ContentProblem): string {
  return `${terminalText(problem.file)}${lineOf(problem)}: ${terminalText(problem.field)}: ${terminalText(problem.message)}`;
}

/** Where in its file a problem is, as it follows the file's name: `:7`, `:7:3`, or nothing (no line). */
function lineOf({ line, column }: Pick<ContentProblem, 'line' | 'column'>): string {
  if (line === undefined) return '';
  return column ? `:${line}:${column}` : `:${line}`;
}

/** How many problems of one kind in one field list (authors[i]) and file are shown one by one. */
export const SHOWN_ALIKE = 3;

/** Fields named in the line that stands for the rest of a kind; the count says how many more. */
const NAMED_ALIKE = 10;

/**
 * The lines that report `problems`, in their order, where a file has many problems alike: one
 * rule (problemKind, whatever values the messages quote) for items of one list field (`authors[10]`, `authors[11]`…; 10,000 bad names gave
 * 20,000 lines that buried every other problem). The first SHOWN_ALIKE of a kind are listed as
 * they are; the next stands for all the rest, at its own line and field, with how many more and
 * which, so that a contributor fixes them in one pass:
 * `x.mdx:7: authors[3]: must be… (and 9,996 more authors with the same problem: authors[3] (line 7), authors[4] (line 8), …)`.
 */
export function formatProblems(problems: readonly ContentProblem[]): string[] {
  return problemLines(problems).map(({ line }) => line);
}

/**
 * The same problems as GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::…`),
 * which the PR check's log turns into annotations on the pull request's changed lines. One per
 * line of formatProblems (alike problems summed up alike). Each value is first what a terminal may
 * show (terminalText: the file's name and the quoted values are a stranger's), then escaped as the
 * runner reads it: in the message `%`, CR and LF; in a property also `:` and `,`, which end it.
 */
export function githubAnnotations(problems: readonly ContentProblem[]): string[] {
  return problemLines(problems).map(({ problem }) => {
    const properties = [
      `file=${workflowProperty(problem.file)}`,
      ...(problem.line === undefined ? [] : [`line=${problem.line}`]),
      ...(problem.column && problem.line !== undefined ? [`col=${problem.column}`] : []),
      `title=${workflowProperty(problem.field)}`,
    ];
    return `::error ${properties.join(',')}::${workflowData(problem.message)}`;
  });
}

function workflowData(value: string): string {
  return terminalText(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function workflowProperty(value: string): string {
  return workflowData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * What makes two problems alike: the rule that found them (kind), whatever values their messages
 * quote (`repeats authors[0] ("Ada")` and `repeats authors[7] ("Bo")` are one rule broken twice:
 * 5,000 names with repeats gave 2,400 lines, each quoting another name). Without a kind, only the
 * same message.
 */
function problemKind(problem: ContentProblem): string {
  return problem.kind === undefined ? `message:${problem.message}` : `kind:${problem.kind}`;
}

/** formatProblems' lines, each with how many problems it reports (a summary line: its whole kind). */
function problemLines(
  problems: readonly ContentProblem[],
): { line: string; problem: ContentProblem; problems: number }[] {
  const listOf = (field: string) => /^(.*)\[\d+\]$/.exec(field)?.[1];
  const kindOf = (problem: ContentProblem) => {
    const list = listOf(problem.field);
    return list === undefined ? undefined : JSON.stringify([problem.file, list, problemKind(problem)]);
  };
  const alike = new Map<string, ContentProblem[]>();
  for (const problem of problems) {
    const kind = kindOf(problem);
    if (kind === undefined) continue;
    const group = alike.get(kind);
    if (group) group.push(problem);
    else alike.set(kind, [problem]);
  }
  const seen = new Map<string, number>();
  const lines: { line: string; problem: ContentProblem; problems: number }[] = [];
  for (const problem of problems) {
    const kind = kindOf(problem);
    const group = kind === undefined ? undefined : alike.get(kind)!;
    // A kind only one past the shown ones is listed whole: its summary would be no shorter.
    if (!group || group.length <= SHOWN_ALIKE + 1) {
      lines.push({ line: formatProblem(problem), problem, problems: 1 });
      continue;
    }
    const place = seen.get(kind!) ?? 0;
    seen.set(kind!, place + 1);
    if (place < SHOWN_ALIKE) lines.push({ line: formatProblem(problem), problem, problems: 1 });
    else if (place === SHOWN_ALIKE) {
      const rest = group.slice(SHOWN_ALIKE + 1);
      const named = rest
        .slice(0, NAMED_ALIKE)
        .map((other) => (other.line === undefined ? other.field : `${other.field} (line ${other.line})`));
      if (rest.length > NAMED_ALIKE) named.push('…');
      const more = `${rest.length.toLocaleString('en')} more in ${listOf(problem.field)!}`;
      // Alike, not the same, when the rest quote values of their own (each repeats another name).
      const same = rest.every((other) => other.message === problem.message) ? 'the same problem' : 'a problem alike';
      const summary = {
        ...problem,
        message: `${problem.message} (and ${more} with ${same}: ${named.join(', ')})`,
      };
      lines.push({ line: formatProblem(summary), problem: summary, problems: group.length - SHOWN_ALIKE });
    }
  }
  return lines;
}

/**
 * What makes problems in many files the same problem: one rule and one message, in one field or
 * list, but for the file's own name where the message names it (`move it to
 * content/papers/2025/<its name>`: 400 papers put beside their year folder are one cause).
 */
function sameProblemKind(problem: ContentProblem): string {
  return JSON.stringify([
    /^(.*)\[\d+\]$/.exec(problem.field)?.[1] ?? problem.field,
    problem.kind ?? null,
    withoutOwnName(problem),
  ]);
}

/**
 * A problem's message with its own file's name (the last part of its path) taken out where a path
 * in the message ends with it (`…/2025/p1.mdx`): not a name's letters inside a word (`a` in `papers`).
 */
function withoutOwnName({ file, message }: ContentProblem): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (name === '') return message;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return message.replace(new RegExp(`(?<=/)${escaped}(?![\\p{L}\\p{N}_-])`, 'gu'), '\u0000');
}

/**
 * For the top of the check's output, which lists every problem: each problem that more than
 * SHOWN_ALIKE + 1 files have the same (sameProblemKind), most files first, as one line that says
 * in how many files and names the first few, so that a reader in a hurry sees one cause of 300 lines.
 * Not in a problem line's shape (`file:line: field: message`), which tools that read the list match.
 */
export function sameProblemInFiles(problems: readonly ContentProblem[]): string[] {
  const groups = new Map<string, ContentProblem[]>();
  for (const problem of problems) {
    const group = groups.get(sameProblemKind(problem));
    if (group) group.push(problem);
    else groups.set(sameProblemKind(problem), [problem]);
  }
  return [...groups.values()]
    .map((group) => ({ group, files: new Set(group.map(({ file }) => file)).size }))
    .filter(({ files }) => files > SHOWN_ALIKE + 1)
    .sort((a, b) => b.files - a.files)
    .map(({ group, files }) => {
      const [first] = group;
      const named = group.slice(0, SHOWN_ALIKE).map((problem) => `${problem.file}${lineOf({ line: problem.line })}`);
      const own = group.some((problem) => problem.message !== first!.message) ? ', each naming its own file' : '';
      return terminalText(
        `${countOf(files, 'file')} have the same problem in ${first!.field}${own}: ${first!.message} (${named.join(', ')}, …)`,
      );
    });
}

/**
 * How much of the problems a build's error lists, in bytes of UTF-8: Astro prints the error and
 * exits at once, and into a pipe (CI's log) only the first 64 KB of it reached the reader, the last
 * problem cut mid-line (409 of 2,521). The problems that fit, in the check's order, are listed
 * whole, then how many more there are; `npm run check` lists every one.
 */
export const MAX_LISTED_BYTES = 48 * 1024;

/** Thrown by the loader so that a bad paper stops the build with its problems listed (as many as fit). */
export class ContentError extends Error {
  /** Every problem, listed or not. */
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const listed: string[] = [];
    let bytes = 0;
    let reported = 0;
    for (const { line, problems: count } of problemLines(problems)) {
      bytes += Buffer.byteLength(line) + 1;
      if (bytes > MAX_LISTED_BYTES) break;
      listed.push(line);
      reported += count;
    }
    if (reported < problems.length) {
      listed.push(`… and ${countOf(problems.length - reported, 'more problem')}: \`npm run check\` lists them all.`);
    }
    super(`Paper content has ${countOf(problems.length, 'problem')}:\n${listed.join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    // The problems are the whole story: a stack trace would point at the loader, not the file.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** How many characters of a key a field's name shows: every documented field's name is shorter. */
const MAX_KEY_SHOWN = 40;

/**
 * A field's name as problems show it: `authors[2]`, `links.code`, or `frontmatter` for the whole.
 * A key is the file's own (an unknown field), so it is shortened as a quoted value is: a key of
 * 5,000 letters (`? kkk…` has no length limit in YAML) made a message line of 5,132 characters.
 */
export function fieldName(path: readonly (string | number)[]): string {
  return (
    path.reduce<string>((name, part) => {
      if (typeof part === 'number') return `${name}[${part}]`;
      const key = shortened(part, MAX_KEY_SHOWN);
      return name ? `${name}.${key}` : key;
    }, '') || 'frontmatter'
  );
}

/**
 * How much of a parser's own message (yaml's, MDX's) a problem quotes: it may quote the file
 * (`Unresolved tag: !kkk…`, `Expected a closing tag for <kkk…>`), as long as the file allows.
 */
export const MAX_REASON_SHOWN = 200;
