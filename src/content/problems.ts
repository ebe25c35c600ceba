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

/** Thrown by the loader so that a bad paper stops the build with every problem listed. */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    super(`Paper content has ${countOf(problems.length, 'problem')}:\n${problems.map(formatProblem).join('\n')}`);
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
