import katex from 'katex';
import { codePointName } from './code-point.ts';

/**
 * Math in titles, `$…$`. A title's math is copied into every BibTeX entry, and BibTeX hands it to
 * the LaTeX of whoever cites the paper: there, any control sequence runs, and TeX primitives
 * (`\immediate\write`, `\openout`, `\input`, `\read`, `\csname`, `\def`, `\catcode`) write and read
 * files or redefine things. So title math may use only the commands below: each is accepted by
 * KaTeX and only typesets in LaTeX (with amsmath and amssymb, which papers citing papers with math
 * load). Anything else is a check error, and the BibTeX writer prints such math as text.
 *
 * The rule is an allowlist, not a list of dangers: a command is refused unless it is listed here.
 */

/**
 * Why TeX's caret notation is refused in math, and what to write: said for a title's math and an
 * abstract's (pipeline.ts, where KaTeX says only "Expected group after '^'").
 */
export const CARET_NOTATION =
  "TeX's caret notation (`^^` and two hex digits) reads as another character (`^^5c` is a backslash): write the character itself, or a superscript as `^{…}` with braces.";

const GREEK =
  'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa lambda mu nu xi pi varpi ' +
  'rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi ' +
  'Psi Omega';
const LETTERS = 'ell hbar imath jmath partial nabla infty emptyset varnothing aleph Re Im wp prime';
const FONTS = 'mathbb mathcal mathbf mathrm mathit mathsf mathtt mathfrak boldsymbol operatorname text';
const ACCENTS = 'hat widehat tilde widetilde bar overline underline vec dot ddot check breve acute grave';
const BIG_OPERATORS = 'sum prod coprod int iint oint bigcup bigcap bigoplus bigotimes bigvee bigwedge';
/** The commands KaTeX prints as a word of upright letters (`\log n` shows `log n`). */
export const TEX_FUNCTION_NAMES =
  'log ln lg exp sin cos tan cot sec csc sinh cosh tanh arcsin arccos arctan max min sup inf lim liminf limsup ' +
  'det dim ker deg gcd Pr arg bmod pmod';
const RELATIONS =
  'leq le geq ge neq ne ll gg approx sim simeq cong equiv propto subset subseteq supset supseteq in notin ni mid ' +
  'parallel perp prec succ preceq succeq lesssim gtrsim leqslant geqslant to rightarrow leftarrow Rightarrow ' +
  'Leftarrow leftrightarrow Leftrightarrow mapsto longrightarrow longmapsto implies iff gets';
const BINARY =
  'times cdot pm mp div ast star circ bullet oplus otimes odot cup cap setminus wedge vee land lor neg lnot';
const MISC =
  'ldots cdots dots vdots ddots forall exists nexists top bot angle triangle lbrace rbrace langle rangle lfloor ' +
  'rfloor lceil rceil vert Vert lvert rvert lVert rVert colon';
const STRUCTURE = 'frac dfrac tfrac binom sqrt left right big Big bigg Bigg quad qquad';

/** Every command title math may use, by name (`\alpha` is `alpha`). */
export const TITLE_MATH_COMMANDS: ReadonlySet<string> = new Set(
  [GREEK, LETTERS, FONTS, ACCENTS, BIG_OPERATORS, TEX_FUNCTION_NAMES, RELATIONS, BINARY, MISC, STRUCTURE]
    .join(' ')
    .split(' '),
);

/** Control symbols (a backslash and one non-letter) that only space or draw: `\,` `\;` `\:` `\!` `\ ` `\|`. */
export const TITLE_MATH_SYMBOLS: ReadonlySet<string> = new Set([',', ';', ':', '!', ' ', '|']);

/** What to write instead of a refused command or character, where there is a usual answer. */
const INSTEAD: Readonly<Record<string, string>> = {
  '\\{': '\\lbrace',
  '\\}': '\\rbrace',
  '\\%': 'a % outside the math',
  '\\\\': 'one line (titles have no line breaks)',
  '\\mathscr': '\\mathcal',
  '\\textbf': '\\mathbf',
  '\\textit': '\\mathit',
  '\\textrm': '\\mathrm',
  '\\mbox': '\\text',
  '\\emph': '\\mathit',
  '\\lt': '<',
  '\\gt': '>',
  '\\bf': '\\mathbf{…}',
  '\\rm': '\\mathrm{…}',
  '\\cal': '\\mathcal{…}',
};

/** Unicode characters that title math must spell as TeX (LaTeX's math mode reads ASCII). */
const UNICODE_INSTEAD: Readonly<Record<string, string>> = {
  '≤': '\\leq',
  '≥': '\\geq',
  '≠': '\\neq',
  '≈': '\\approx',
  '∞': '\\infty',
  '×': '\\times',
  '·': '\\cdot',
  '∈': '\\in',
  '→': '\\to',
  '∑': '\\sum',
  '∂': '\\partial',
  '∇': '\\nabla',
  ℓ: '\\ell',
  ℝ: '\\mathbb{R}',
  ℕ: '\\mathbb{N}',
  ℤ: '\\mathbb{Z}',
  '−': '-',
};
const GREEK_LETTERS = [...'αβγδεϵζηθϑικϰλμνξπϖρϱσςτυφϕχψωΓΔΘΛΞΠΣΥΦΨΩ'];
const GREEK_COMMANDS = (
  'alpha beta gamma delta varepsilon epsilon zeta eta theta vartheta iota kappa varkappa lambda mu nu xi pi varpi ' +
  'rho varrho sigma varsigma tau upsilon varphi phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi ' +
  'Psi Omega'
).split(' ');
const GREEK_INSTEAD = new Map(GREEK_LETTERS.map((letter, index) => [letter, `\\${GREEK_COMMANDS[index]}`]));

function unicodeAdvice(char: string): string {
  const command = GREEK_INSTEAD.get(char) ?? UNICODE_INSTEAD[char];
  return command ? `write ${command} instead` : 'write it as a TeX command, or outside the math';
}

/** Characters math may hold besides letters, digits and allowed commands; `%`, `#`, `&`, `\` and `$` are not among them. */
const PLAIN = /[A-Za-z0-9 +\-=<>()[\]|/*'.,:;!?^_{}~@"`]/;

const KATEX_OPTIONS = { throwOnError: true, strict: 'error', trust: false, maxExpand: 1000, maxSize: 20 } as const;

/** `$` and the text of each `$…$` span of a title, as the BibTeX writer reads them (see `splitMath`). */
export function titleMathSpans(title: string): string[] {
  return [...title.matchAll(MATH_SPAN)].map((match) => match[1] ?? '');
}

/** A `$` followed by a non-space, closed by a `$` after a character that is not a space or `\`, and not followed by a digit. */
export const MATH_SPAN = /\$(?![\s$])([^$]*?[^\s$\\])\$(?!\d)/g;

/** Problems of one formula's TeX, each a sentence saying what is wrong and what to write instead. */
export function mathProblems(tex: string): string[] {
  const problems: string[] = [];
  const refused = new Set<string>();
  let depth = 0;
  let unbalanced = false;
  for (let index = 0; index < tex.length;) {
    const char = tex[index]!;
    if (char === '\\') {
      const name = /^\\(?:[A-Za-z]+|[\s\S])?/.exec(tex.slice(index))![0];
      index += name.length;
      const bare = name.slice(1);
      const allowed = /^[A-Za-z]+$/.test(bare) ? TITLE_MATH_COMMANDS.has(bare) : TITLE_MATH_SYMBOLS.has(bare);
      if (!allowed && !refused.has(name)) {
        refused.add(name);
        const shown = name === '\\' ? 'a \\ at the end' : `\`${name.replace(/\s/, ' ')}\``;
        const instead = INSTEAD[name];
        problems.push(
          `${shown} is not allowed in title math: it would be run by LaTeX when the paper is cited. ` +
            (instead
              ? `Write ${instead} instead.`
              : 'Use Greek letters, \\mathbb-style fonts, \\frac, \\sqrt, operators and relations (see README), or write it as text outside the $…$.'),
        );
      }
      continue;
    }
    const codePoint = tex.codePointAt(index)!;
    const symbol = String.fromCodePoint(codePoint);
    index += symbol.length;
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) unbalanced = true;
    if (char === '^' && tex[index] === '^') {
      if (!refused.has('^^')) problems.push(`\`^^\` is not allowed in title math: ${CARET_NOTATION}`);
      refused.add('^^');
    } else if (char === '%') {
      if (!refused.has('%'))
        problems.push('`%` is not allowed in title math: it starts a comment in TeX. Write the % outside the $…$.');
      refused.add('%');
    } else if (!PLAIN.test(symbol) && !refused.has(symbol)) {
      refused.add(symbol);
      const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(symbol) ? `\`${symbol}\`` : codePointName(codePoint);
      problems.push(
        `${shown} is not allowed in title math: ${symbol.charCodeAt(0) < 128 ? 'it has a special meaning in TeX; write it outside the $…$' : unicodeAdvice(symbol)}.`,
      );
    }
  }
  if (unbalanced || depth !== 0)
    problems.push('the braces `{` `}` in title math do not balance: every `{` needs its `}`.');
  if (problems.length === 0) {
    try {
      katex.renderToString(tex, KATEX_OPTIONS);
    } catch (error) {
      problems.push(`KaTeX cannot read it: ${(error as Error).message.replace(/^KaTeX parse error: /, '')}`);
    }
  }
  return problems;
}

/**
 * Problems of the math in a title, for the content check: one message per refused command,
 * character or unbalanced formula, naming the formula. Empty when every formula may go into BibTeX.
 */
export function titleMathProblems(title: string): string[] {
  return titleMathSpans(title).flatMap((tex) => mathProblems(tex).map((message) => `$${tex}$: ${message}`));
}
