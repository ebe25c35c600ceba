import unhomoglyph from 'unhomoglyph';
import { authorKey } from './authors.ts';

/**
 * Which names and topic labels look alike: UTS #39's skeleton (Unicode's confusables.txt, by the
 * `unhomoglyph` package) after the name fold (authorKey: case, accents, TeX). A module of its own,
 * not part of authors.ts, because the browser's author search imports authors.ts and the
 * confusables table is 100 KB: only the content check and the build need it.
 */

/**
 * The letters a reader takes a look-alike for: those of the basic Latin alphabet, which every
 * Latin word is read in. (Greek `β` passes for `ß` and `Σ` for `Ʃ` to confusables.txt, but no
 * reader takes `β-VAE` or `Σ-Delta` for a word in those letters.)
 */
const ORDINARY_LATIN = /^[A-Za-z]+$/;

/**
 * The basic Latin letters that a letter of another script passes for: Cyrillic `а` → `a`, Greek
 * `Α` → `A`, `α` → `a`, `ο` → `o`, `ν` → `v`, `ρ` → `p`, Cherokee `Ꮐ` → `G`, Armenian `ս` → `u`.
 * Undefined for a Latin letter, a character that is no letter, and a letter that looks like no
 * basic Latin one (Greek `μ`, `β`, `λ`, `Σ`, Cyrillic `ж`, or `в`, which looks like the small
 * capital `ʙ`): such a letter is read as what it is, so a Greek letter used as a symbol (`μP`,
 * `β-VAE`) deceives no reader.
 */
export function latinLookAlike(char: string): string | undefined {
  if (!/^\p{L}$/u.test(char) || /\p{sc=Latin}/u.test(char)) return undefined;
  const skeleton = unhomoglyph(char);
  return skeleton !== char && ORDINARY_LATIN.test(skeleton) ? skeleton : undefined;
}

/**
 * What a name or label looks like: two with one look-alike key read the same (`Асе Smith` with
 * Cyrillic А, с, е and `Ace Smith`; `Ian` and `lan`; `µP` with the micro sign and `μP`). The
 * skeleton is taken before the fold, where capitals still look like capitals (Cyrillic `В` like
 * `B`, though its small `в` looks like no `b`), then again after it, until nothing changes.
 */
export function lookAlikeKey(text: string): string {
  let key = authorKey(skeleton(text));
  // Each pass maps to the table's prototypes and folds; a few settle any text (the cap is a guard).
  for (let pass = 0; pass < 4; pass++) {
    const next = authorKey(skeleton(key));
    if (next === key) break;
    key = next;
  }
  return key;
}

/** The skeleton of each printable ASCII character (`m` → `rn`, `I` → `l`, `0` → `O`), from the table. */
const ASCII_SKELETON = Array.from({ length: 0x7f }, (_, code) => unhomoglyph(String.fromCharCode(code)));

/**
 * UTS #39's skeleton of a text (decomposed, then each character mapped to its prototype). Most
 * names are ASCII, which has only a few look-alikes, mapped here a character at a time: the
 * package's regular expression of six thousand alternatives took as long per name as the fold.
 */
function skeleton(text: string): string {
  if (/^[\x00-\x7e]*$/.test(text)) {
    let mapped = '';
    for (let index = 0; index < text.length; index++) mapped += ASCII_SKELETON[text.charCodeAt(index)]!;
    return mapped;
  }
  return unhomoglyph(text.normalize('NFD'));
}

/**
 * The characters that make two look-alike spellings differ, each said with its code point and
 * what it looks like, for messages: `"А" (U+0410, Cyrillic) looks like "A"`. Characters one
 * spelling has and the other lacks, that the skeleton maps to something else.
 */
export function lookAlikeLetters(one: string, other: string, scriptOf: (char: string) => string): string[] {
  const has = (text: string) => new Set(text.normalize('NFC'));
  const [ones, others] = [has(one), has(other)];
  const differing = [
    ...[...ones].filter((char) => !others.has(char)),
    ...[...others].filter((char) => !ones.has(char)),
  ];
  return differing.flatMap((char) => {
    const looks = unhomoglyph(char.normalize('NFD'));
    if (looks === char.normalize('NFD')) return [];
    return [`"${char}" (${codeOf(char)}, ${scriptOf(char)}) looks like "${looks}"`];
  });
}

export function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
