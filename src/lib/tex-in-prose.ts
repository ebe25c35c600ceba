import { shortened } from './shortened.ts';

/**
 * TeX written where nothing reads TeX: in a title outside its `$…$`, in a venue, or in an
 * abstract's prose. Pages show it as written (`\emph{new}`, backslash and braces), descriptions
 * drop the command (plain-text.ts), and Markdown eats the backslash of an accent (`G\"odel` is
 * shown `G"odel`), so readers, feeds and search would each see a different text. A command
 * (`\emph`, `\cite`, `\LaTeX`) or an accent before a letter (`\"o`, `\'e`, `\^{o}`) is refused.
 * In Markdown (an abstract) an escaped character (`\%`, `\$`, `\{`, `\_`) means itself and is not
 * TeX; in a plain-text field (a title, a venue) nothing reads escapes, so `50\%` would be shown
 * with its backslash, and the escape is refused too.
 */
const TEX_IN_PROSE = /\\\\|\\(?:[A-Za-z]+|["'`^~=.]\{?[A-Za-z])/g;
const TEX_IN_PLAIN_TEXT = /\\(?:[A-Za-z]+|["'`^~=.]\{?[A-Za-z]|[!-/:-@[-`{-~])/g;

/**
 * The first TeX command or accent in `prose` (text with no math in it), and where it starts. In
 * Markdown a backslash written twice (`C:\\tmp`) is an escaped backslash, a literal one, and starts
 * nothing; in plain text (`markup: 'plain'`) every backslash before a letter or a punctuation mark
 * is TeX, since it would be shown as written.
 */
export function texInProse(
  prose: string,
  { markup = 'markdown' }: { markup?: 'markdown' | 'plain' } = {},
): { tex: string; index: number } | undefined {
  for (const match of prose.matchAll(markup === 'plain' ? TEX_IN_PLAIN_TEXT : TEX_IN_PROSE)) {
    if (markup === 'plain' || match[0] !== '\\\\') return { tex: match[0], index: match.index };
  }
  return undefined;
}

/**
 * The first `$` in `prose` (text outside math) that is neither escaped (`\$`, in Markdown) nor a
 * dollar sign before an amount (`$5`): a `$` that opens no math is a formula left unclosed, or
 * closed with a space before its `$` (`$x $`), and would be shown as a dollar and raw TeX.
 */
export function strayDollar(
  prose: string,
  { markup = 'markdown' }: { markup?: 'markdown' | 'plain' } = {},
): number | undefined {
  for (let index = prose.indexOf('$'); index !== -1; index = prose.indexOf('$', index + 1)) {
    let backslashes = 0;
    while (markup === 'markdown' && prose[index - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1 || /\d/.test(prose[index + 1] ?? '')) continue;
    return index;
  }
  return undefined;
}

/** What to write instead of a `$` that opens no math (strayDollar), in a field that takes `$…$`. */
export function strayDollarAdvice(escape: boolean): string {
  const dollar = escape
    ? 'write a dollar sign as \\$ (\\$ alone, or \\$5)'
    : 'a dollar sign goes right before its amount ($5)';
  return `has a "$" that opens no math (a formula left unclosed, or with a space before its closing "$"): close the math as $x$, with no space inside either "$", or ${dollar}`;
}

/**
 * Whether the inline math `$tex$` is amounts of money that Markdown paired as math: its closing
 * `$` is followed by a digit (`$5 and $10`), or it starts with a digit and ends with a space
 * (`$5 and $ 10`). Pandoc, and the titles' own rule (MATH_SPAN), read neither as math.
 */
export function looksLikeAmounts(tex: string, after: string): boolean {
  return /^\d/.test(after) || (/^\d/.test(tex) && /\s$/.test(tex));
}

/**
 * What to write instead of `tex`, for a field where `instead` says how to mark up text, and which
 * takes math in `$…$` unless `math` is false.
 */
export function texInProseAdvice(tex: string, instead: string, math = true): string {
  if (/^\\[!-/:-@[-`{-~]$/.test(tex)) {
    // A double quote is quoted in single quotes: `write """ alone` read as three quotes.
    const quote = (text: string) => (text.includes('"') ? `'${text}'` : `"${text}"`);
    return `${quote(tex)} is shown as written, backslash and all (nothing here reads a TeX escape): write ${quote(tex[1]!)} alone`;
  }
  return `TeX outside math ("${shortened(tex, 40)}") is shown as written, backslash and all: write what it prints instead (the letter itself, such as ö for \\"o; ${instead})${math ? ', and math in $…$' : ''}`;
}
