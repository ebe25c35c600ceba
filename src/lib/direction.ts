/**
 * Which way a title, or a block of an abstract, runs. The stylesheet gives each
 * `unicode-bidi: plaintext` (src/styles/global.css), which takes the direction of its first
 * strong letter, as dir="auto" does: a title wholly in Arabic or Hebrew runs right to left, with
 * no bytes on ordinary pages. But the first letter is not what a reader goes by: a title that
 * opens with one Hebrew word and goes on in English ran right to left (aligned right, its English
 * words in reverse order, its closing mark at the left end), and a mostly Arabic title that opens
 * with "GPT" ran left to right. The direction a reader expects is that of the letters that
 * dominate. So a title or block gets `dir` only where its letters' direction differs from its
 * first strong letter's, and the stylesheet then isolates it (`[dir]`), so that `dir` holds: the
 * rare page pays a few bytes, an ordinary one none.
 *
 * Pure, with no dependencies: the reading list's page (src/client/saved-page.ts) uses it too.
 */

export type Direction = 'ltr' | 'rtl';

/**
 * Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
 * Mandaic, their presentation forms, and the right-to-left scripts of the supplementary planes):
 * Unicode's bidi classes R and AL. Every other letter is strong left to right (class L); digits,
 * punctuation and symbols are weak or neutral, and count for neither side.
 */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const LETTER = /\p{L}/gu;

const directionOf = (letter: string): Direction => (RIGHT_TO_LEFT.test(letter) ? 'rtl' : 'ltr');

/** The direction of the first strong letter, as `unicode-bidi: plaintext` finds it; none without letters. */
export function firstStrongDirection(text: string): Direction | undefined {
  const first = /\p{L}/u.exec(text)?.[0];
  return first === undefined ? undefined : directionOf(first);
}

/**
 * The direction of most of the text's letters; none when neither side has more (no letters, or
 * as many of each), where the first letter may decide.
 */
export function dominantDirection(text: string): Direction | undefined {
  let rightToLeft = 0;
  let leftToRight = 0;
  for (const [letter] of text.matchAll(LETTER)) {
    if (directionOf(letter) === 'rtl') rightToLeft++;
    else leftToRight++;
  }
  return rightToLeft > leftToRight ? 'rtl' : leftToRight > rightToLeft ? 'ltr' : undefined;
}

/**
 * The `dir` to write on an element showing `text` (as shown: a title after titleText, a block
 * without its formulas), or undefined where its first letter already gives the direction that
 * dominates: the stylesheet's `unicode-bidi: plaintext` then needs no help.
 */
export function directionAttribute(text: string): Direction | undefined {
  const dominant = dominantDirection(text);
  return dominant !== undefined && dominant !== firstStrongDirection(text) ? dominant : undefined;
}

/** Whether any letter is right to left: text without one never needs a `dir` (a quick test first). */
export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/** First Strong Isolate and Pop Directional Isolate (Unicode 6.3, UAX #9). */
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * A name or title set in a line of plain text (a reference to paste, a feed's byline), isolated
 * when it holds a right-to-left letter: in plain text there is no `<bdi>` or stylesheet to do it,
 * and two Hebrew or Arabic names joined by ", " were laid out as one right-to-left run, the second
 * drawn first, with the comma and the `&` between them moved. An isolate is laid out on its own,
 * in the direction of its first strong letter, and counts as one neutral character outside, so the
 * list keeps its order. Text of left-to-right letters only is returned as it is (no bytes added).
 */
export function isolatedIfRightToLeft(text: string): string {
  return hasRightToLeft(text) ? `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text;
}
