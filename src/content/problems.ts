import { countOf } from '../lib/count.ts';
import { terminalText } from '../lib/encode/terminal.ts';

/**
 * A problem found in a content file, reported as `file:line: field: message`. The content check,
 * the loader (and so the build) all report the same problems the same way.
 */
export interface ContentProblem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column?: number;
  /** Frontmatter field (`tags[1]`), or `body`, or `file` for whole-file problems. */
  field: string;
  message: string;
}

/**
 * One line for a terminal or a CI log: the file's name, a field or a message may hold what a
 * stranger's pull request wrote (a file name with escape sequences, a value quoted in a message),
 * so each is shown with terminalText.
 */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.column ? `${problem.line}:${problem.column}` : `${problem.line}`;
  return `${terminalText(problem.file)}:${where}: ${terminalText(problem.field)}: ${terminalText(problem.message)}`;
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
    for (const problem of problems) {
      const line = formatProblem(problem);
      bytes += Buffer.byteLength(line) + 1;
      if (bytes > MAX_LISTED_BYTES) break;
      listed.push(line);
    }
    if (listed.length < problems.length) {
      listed.push(
        `… and ${countOf(problems.length - listed.length, 'more problem')}: \`npm run check\` lists them all.`,
      );
    }
    super(`Paper content has ${countOf(problems.length, 'problem')}:\n${listed.join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    // The problems are the whole story: a stack trace would point at the loader, not the file.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** A field's name as problems show it: `authors[2]`, `links.code`, or `frontmatter` for the whole. */
export function fieldName(path: readonly (string | number)[]): string {
  return (
    path.reduce<string>(
      (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part),
      '',
    ) || 'frontmatter'
  );
}

/**
 * A value from a paper quoted in a message: long enough to recognise, never a screenful, and cut
 * between whole characters (a cut inside a surrogate pair would leave half a character).
 */
export function shortened(value: string, max = 60): string {
  const characters = [...value];
  return characters.length <= max ? value : `${characters.slice(0, max).join('')}…`;
}
