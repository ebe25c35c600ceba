/**
 * TeX written where nothing reads TeX: in a title outside its `$…$`, or in an abstract's prose.
 * Pages show it as written (`\emph{new}`, backslash and braces), descriptions drop the command
 * (plain-text.ts), and Markdown eats the backslash of an accent (`G\"odel` is shown `G"odel`), so
 * readers, feeds and search would each see a different text. A command (`\emph`, `\cite`,
 * `\LaTeX`) or an accent before a letter (`\"o`, `\'e`, `\^{o}`) is refused; an escaped character
 * (`\%`, `\$`, `\{`, `\_`) means itself and is not TeX here.
 */
const TEX_IN_PROSE = /\\\\|\\(?:[A-Za-z]+|["'`^~=.]\{?[A-Za-z])/g;

/**
 * The first TeX command or accent in `prose` (text with no math in it), and where it starts. A
 * backslash written twice (`C:\\tmp`) is an escaped backslash, a literal one, and starts nothing.
 */
export function texInProse(prose: string): { tex: string; index: number } | undefined {
  for (const match of prose.matchAll(TEX_IN_PROSE)) {
    if (match[0] !== '\\\\') return { tex: match[0], index: match.index };
  }
  return undefined;
}

/**
 * What to write instead of `tex`, for a field where `instead` says how to mark up text, and which
 * takes math in `$…$` unless `math` is false.
 */
export function texInProseAdvice(tex: string, instead: string, math = true): string {
  return `TeX outside math ("${tex.length > 40 ? `${tex.slice(0, 40)}…` : tex}") is shown as written, backslash and all: write what it prints instead (the letter itself, such as ö for \\"o; ${instead})${math ? ', and math in $…$' : ''}`;
}
