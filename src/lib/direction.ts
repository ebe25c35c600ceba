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

// ---- The script a text is written in ----

/**
 * Scripts a title may be written in, other than Latin, with their ISO 15924 codes, as a language
 * tag's script subtag names them (BCP 47), each with the letters the script shares with others
 * (Script_Extensions: the kana's `ー`). Han, kana and Hangul are read together (cjkCode).
 */
const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/\p{scx=Greek}/u, 'Grek'],
  [/\p{scx=Cyrillic}/u, 'Cyrl'],
  [/\p{scx=Armenian}/u, 'Armn'],
  [/\p{scx=Georgian}/u, 'Geor'],
  [/\p{scx=Hebrew}/u, 'Hebr'],
  [/\p{scx=Arabic}/u, 'Arab'],
  [/\p{scx=Syriac}/u, 'Syrc'],
  [/\p{scx=Thaana}/u, 'Thaa'],
  [/\p{scx=Devanagari}/u, 'Deva'],
  [/\p{scx=Bengali}/u, 'Beng'],
  [/\p{scx=Gurmukhi}/u, 'Guru'],
  [/\p{scx=Gujarati}/u, 'Gujr'],
  [/\p{scx=Oriya}/u, 'Orya'],
  [/\p{scx=Tamil}/u, 'Taml'],
  [/\p{scx=Telugu}/u, 'Telu'],
  [/\p{scx=Kannada}/u, 'Knda'],
  [/\p{scx=Malayalam}/u, 'Mlym'],
  [/\p{scx=Sinhala}/u, 'Sinh'],
  [/\p{scx=Thai}/u, 'Thai'],
  [/\p{scx=Lao}/u, 'Laoo'],
  [/\p{scx=Tibetan}/u, 'Tibt'],
  [/\p{scx=Myanmar}/u, 'Mymr'],
  [/\p{scx=Khmer}/u, 'Khmr'],
  [/\p{scx=Ethiopic}/u, 'Ethi'],
];
const NOT_LATIN_LETTER = /[^\P{L}\p{sc=Latin}]/u;
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;

/**
 * A letter of a script, but Latin and Greek, and no letter of every script (`ℝ`, `𝑥`, Common):
 * formulas use those, so a quick test before reading an abstract's blocks passes over them.
 */
const OTHER_SCRIPT_LETTER = /[^\P{L}\p{sc=Latin}\p{sc=Greek}\p{sc=Common}\p{sc=Inherited}]/u;

/** Whether text holds a letter of a script other than Latin and Greek (OTHER_SCRIPT_LETTER). */
export function hasLetterOfOtherScript(text: string): boolean {
  return OTHER_SCRIPT_LETTER.test(text);
}

/** The code of letters of Han, kana and Hangul together: kana with or without Han is Jpan, Hangul Kore or Hang. */
function cjkCode(letters: readonly string[]): string {
  const has = (script: RegExp) => letters.some((letter) => script.test(letter));
  if (has(/[\p{scx=Hiragana}\p{scx=Katakana}]/u)) return 'Jpan';
  if (has(/\p{scx=Hangul}/u)) return has(/\p{scx=Han}/u) ? 'Kore' : 'Hang';
  return 'Hani';
}

/**
 * The `lang` to write on an element showing `text` (a title as shown, after titleText), or
 * undefined. The site's pages say `lang="en"`, which a screen reader takes for the voice, a
 * browser for hyphenation, spelling and translation. Nothing in a paper's file says what language
 * its title is in, and words are not read to guess one; but where most of its letters are of one
 * script that is not Latin, it is known not to be English, only its script: `und-Cyrl`
 * ("undetermined language, Cyrillic script", BCP 47), `und-Hani`, `und-Jpan` (kana), `und-Kore`,
 * `und-Arab`. A script is not a language (Cyrillic writes Russian and Ukrainian, Han Chinese and
 * Japanese), so no language is named. Text whose letters are mostly Latin (English or not: a
 * French title is not told from an English one) gets none, and so no bytes on an ordinary page;
 * a few Greek letters of a formula in an English title do not make it Greek.
 */
export function scriptLanguage(text: string): string | undefined {
  // Most titles have no letter but Latin ones: nothing to count.
  if (!NOT_LATIN_LETTER.test(text)) return undefined;
  const letters = text.match(LETTER) ?? [];
  const counts = new Map<string, number>();
  const cjk: string[] = [];
  for (const letter of letters) {
    if (!NOT_LATIN_LETTER.test(letter)) continue;
    if (CJK.test(letter)) cjk.push(letter);
    const code = CJK.test(letter) ? 'CJK' : SCRIPTS.find(([script]) => script.test(letter))?.[1];
    if (code !== undefined) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  for (const [code, count] of counts)
    if (count * 2 > letters.length) return `und-${code === 'CJK' ? cjkCode(cjk) : code}`;
  return undefined;
}
