import { Transform } from 'unicode2latex';
import { TITLE_MATH_COMMANDS } from '../title-math.ts';
import { codePointName } from '../code-point.ts';

/**
 * Non-ASCII text as ASCII LaTeX that pdflatex sets in a plain document (OT1 fonts, amsmath and
 * amssymb, no fontenc, no inputenc setup beyond LaTeX's default UTF-8): the `.bib` files' encoder
 * for letters and symbols. Raw UTF-8 in a `.bib` stops the citing document ("Unicode character α
 * not set up for use with LaTeX"), and BibTeX, which counts bytes, cuts a letter in two when it
 * makes an alpha.bst label (`Çelik` → an invalid UTF-8 byte).
 *
 * Each character (with its combining marks) is looked up in unicode2latex's BibTeX table (kept by
 * Better BibTeX for Zotero), and its LaTeX is used only when every command in it is one that a
 * plain document has (`PLAIN_TEXT_COMMANDS`, or a title-math command in math): the table also
 * gives commands from T1 (`\DJ`, `\TH`, `\NG`), TS1 (`\texteuro`), tipa and other packages,
 * which a plain document does not load. The result is braced, so BibTeX reads an accented letter
 * as one "special character" (`{\"O}zdemir`, `{\c{C}}elik`: its purify$ and labels keep the
 * letter whole) and no ligature forms with the text around it; math goes in `{$…$}`.
 *
 * What has no such form falls back, in order: the letter with the accents a plain document can
 * set (Vietnamese `ứ` → `{\'u}`, the horn dropped); its spelling in ASCII letters (`Đ` → `D`,
 * `Þ` → `Th`, `ŋ` → `ng`, `ɔ` → `o`, compatibility forms such as `ﬁ` → `fi`); and last its code
 * point, `{[U+738B]}`, which prints in any document and says which character it was (CJK and other
 * scripts have no form without a package the citing document may not have).
 */

/** Text-mode commands that LaTeX's kernel sets in OT1 (each checked with pdflatex). */
export const PLAIN_TEXT_COMMANDS: ReadonlySet<string> = new Set([
  ...['`', "'", '^', '"', '~', '=', '.', 'u', 'v', 'H', 'c', 'd', 'b', 'r', 't'],
  ...'i j ss ae AE oe OE o O aa AA l L IJ ij'.split(' '),
  ...'dag ddag S P pounds copyright dots textexclamdown textquestiondown textbackslash textasciicircum'.split(' '),
  ...'textasciitilde textbar textless textgreater textbraceleft textbraceright textendash textemdash'.split(' '),
  ...'textquoteleft textquoteright textquotedblleft textquotedblright textbullet textperiodcentered'.split(' '),
  ...'textvisiblespace textunderscore textdagger textdaggerdbl textparagraph textsection'.split(' '),
]);

/** Math commands beyond the title-math ones that LaTeX with amsmath and amssymb sets (each checked with pdflatex). */
export const PLAIN_MATH_COMMANDS: ReadonlySet<string> = new Set([
  ...TITLE_MATH_COMMANDS,
  ...(
    'hbar jmath imath digamma backepsilon bullet prime wp aleph uparrow downarrow updownarrow nwarrow nearrow ' +
    'searrow swarrow hookleftarrow hookrightarrow circlearrowright leftharpoonup leftharpoondown rightharpoonup ' +
    'rightleftharpoons Uparrow Downarrow Updownarrow dashleftarrow dashrightarrow mp wr asymp doteq doteqdot leqq ' +
    'geqq precapprox succapprox uplus sqsubseteq sqsupseteq sqcap sqcup ominus oslash vdash dashv diamond bowtie ' +
    'frown smile circledS square rhd lhd bigtriangledown Diamond bigcirc heartsuit diamondsuit clubsuit flat ' +
    'natural sharp lgroup rgroup Longleftarrow Longrightarrow longleftarrow longleftrightarrow Longleftrightarrow ' +
    'bigodot amalg varepsilon varkappa'
  ).split(' '),
]);

/** Letters whose table forms need T1 or tipa (or are math, for a letter), spelled as they usually are in ASCII. */
const ASCII_SPELLING: Readonly<Record<string, string>> = {
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Þ: 'Th',
  þ: 'th',
  Ŋ: 'Ng',
  ŋ: 'ng',
  Ɔ: 'O',
  ɔ: 'o',
  Ɛ: 'E',
  ɛ: 'e',
};

/** Combining marks kept on one letter: a letter with more is not text LaTeX can set (nor the check allows). */
const MAX_MARKS = 4;

let transform: Transform | undefined;

/** The table's LaTeX for one character with its marks, if a plain document can set all of it. */
function tableForm(cluster: string): string | undefined {
  transform ??= new Transform('bibtex', {
    // The table's `O` for 𝒪 loses the script letter that \mathcal keeps; its TS1 `\textpm`,
    // `\texttimes`… need fonts a plain document may lack, and math has them.
    charmap: {
      ...Object.fromEntries(
        [...'𝒜ℬ𝒞𝒟ℰℱ𝒢ℋℐ𝒥𝒦ℒℳ𝒩𝒪𝒫𝒬ℛ𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵'].map((letter, index) => [
          letter,
          { math: `\\mathcal{${String.fromCharCode(65 + index)}}` },
        ]),
      ),
      '±': { math: '\\pm' },
      '×': { math: '\\times' },
      '÷': { math: '\\div' },
      '¬': { math: '\\neg' },
      µ: { math: '\\mu' },
      '·': { math: '\\cdot' },
    },
  });
  const latex = transform.tolatex(cluster, { bracemath: true });
  if (!/^[\x20-\x7E]*$/.test(latex) || latex === cluster) return undefined;
  const math = /^\{\$(.*)\$\}$/s.exec(latex)?.[1];
  const body = math ?? latex;
  if (body.includes('$') || /[%#&]|\^\^/.test(body) || !balanced(body)) return undefined;
  const allowed = math === undefined ? PLAIN_TEXT_COMMANDS : PLAIN_MATH_COMMANDS;
  for (const [, name] of body.matchAll(/\\([A-Za-z]+|[^A-Za-z])/g)) if (!allowed.has(name!)) return undefined;
  if (body.replace(/\\([A-Za-z]+|[^A-Za-z])/g, '').includes('\\')) return undefined; // a lone `\` at the end
  // The table writes some characters as the start of a formula (`⅟` as `\frac{1}`, `∛` as
  // `\sqrt[3]`), to be finished by what follows: alone, those are not LaTeX.
  if (math !== undefined && /\\[dt]?frac(?!\{[^{}]*\}\{)|\\binom(?!\{[^{}]*\}\{)|\\sqrt(?!(\[[^\]]*\])?\{)/.test(body))
    return undefined;
  // amssymb's \mathbb has capitals only: `\mathbb{b}` prints nothing.
  if (/\\mathbb\{(?![A-Z]\})/.test(body)) return undefined;
  // An accent with nothing to sit on (the table's `\c` for ¸) is an error too.
  if (math === undefined && /\\(?:[`'^"~=.]|[uvHcdbrt](?![A-Za-z]))\s*(?:$|\})/.test(body)) return undefined;
  if (
    /\\[A-Za-z]+\s*$/.test(body) &&
    /\\(?:frac|dfrac|tfrac|binom|sqrt|math[a-z]+|boldsymbol|operatorname|text|hat|widehat|tilde|widetilde|bar|overline|underline|vec|dot|ddot|check|breve|acute|grave)\s*$/.test(
      body,
    )
  )
    return undefined;
  // `\c C` → `\c{C}`: one accent, its letter braced, as BibTeX users write it.
  const text = body.replace(/\\([A-Za-z]) ([A-Za-z])/g, '\\$1{$2}');
  return math === undefined ? `{${text}}` : `{$${body}$}`;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

function codePoints(text: string): string {
  // Braced, so no style lowercases it and no `]` ends an optional argument (alpha's `\bibitem[…]`).
  return [...text].map((char) => `{[${codePointName(char)}]}`).join('');
}

/**
 * LaTeX for one character cluster (a character and the combining marks after it), or `undefined`
 * for an ASCII character that is not a letter or digit: the caller escapes it, marks dropped.
 */
function clusterLatex(cluster: string): string | undefined {
  const [base = '', ...allMarks] = [...cluster.normalize('NFD')];
  const marks = allMarks.slice(0, MAX_MARKS);
  if (/^\p{M}$/u.test(base)) return ''; // marks with no letter to sit on draw nothing
  const spelling = ASCII_SPELLING[base];
  if (spelling !== undefined) return spelling;
  // One character first: `≠` is `=` and a mark once decomposed, and the table has `\neq` for it.
  const single = [...cluster].length === 1 ? tableForm(cluster) : undefined;
  if (single !== undefined) return single;
  const ascii = /^[\x00-\x7F]$/.test(base);
  if (ascii && !/^[A-Za-z0-9]$/.test(base)) return undefined;
  const whole = tableForm(`${base}${marks.join('')}`.normalize('NFC'));
  if (whole !== undefined) return whole;
  // The letter with each mark a plain document can set, in order; the others are dropped.
  let kept = '';
  for (const mark of marks) if (tableForm(`${base}${kept}${mark}`.normalize('NFC'))) kept += mark;
  if (kept) return tableForm(`${base}${kept}`.normalize('NFC'))!;
  if (ascii) return base;
  const alone = marks.length > 0 ? tableForm(base) : undefined;
  if (alone !== undefined) return alone;
  const spelled = base.normalize('NFKD').replace(/\p{M}+/gu, '');
  if (/^[A-Za-z0-9]+$/.test(spelled)) return spelled;
  return codePoints(base);
}

const cache = new Map<string, string | undefined>();

/**
 * LaTeX for a character cluster that is not one ASCII character: ASCII only, braces balanced, no
 * `%`, `#`, `&` or `^^`, `$` only around math. `undefined` when the cluster is, decomposed, an
 * ASCII character other than a letter or digit (with marks on it, or `;` for the Greek question
 * mark): the caller escapes that character, `cluster.normalize('NFD')[0]`.
 */
export function nonAsciiLatex(cluster: string): string | undefined {
  if (cache.has(cluster)) return cache.get(cluster);
  const latex = clusterLatex(cluster);
  if (cache.size < 10_000) cache.set(cluster, latex);
  return latex;
}

/** A character and the combining marks after it, or marks alone at the start. */
export const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
