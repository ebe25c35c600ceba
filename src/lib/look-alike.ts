import unhomoglyph from 'unhomoglyph';
import { authorKey } from './authors.ts';
import { codePointName } from './code-point.ts';

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
 * Text with each character a reader takes for a full stop written as one: those whose UTS #39
 * prototype is `.` (`․` ONE DOT LEADER, Lisu `ꓸ`, Syriac `܁`, Arabic-Indic zero `٠`…). A host
 * written with one, `arxiv․org`, reads as arxiv.org though no parser reads a host in it.
 */
export function withLookAlikeDots(text: string): string {
  return text.replace(/[^\x00-\x7F]/gu, (char) => (unhomoglyph(char) === '.' ? '.' : char));
}

/**
 * What a name or label looks like: two with one look-alike key read the same (`Асе Smith` with
 * Cyrillic А, с, е and `Ace Smith`; `Ian` and `lan` with a small L; `µP` with the micro sign and
 * `μP`). Each character is mapped to its prototype (UTS #39's skeleton, `skeletonOf`) before the
 * fold, where capitals still look like capitals (Cyrillic `В` like `B`, though its small `в` looks
 * like no `b`); the fold's own letters are mapped again after it, until nothing changes.
 *
 * Two departures from the plain skeleton, each of which would refuse real names:
 * - the prototype of `I`, `l`, `1`, `|` (and of Greek `Ι`, `ℓ`) is kept apart from the small `l`
 *   that the fold makes of a capital `L`: `Ian` and `lan` look alike, `Ian` and `Lan` do not;
 * - an ASCII letter is no look-alike of a run of others: `Kim` and `Kirn` are two real names, though
 *   confusables.txt writes `m` as `rn`. (Topic slugs, a short list the maintainers name, do take
 *   that: slugLookAlikeKey.)
 */
export function lookAlikeKey(text: string): string {
  let key = authorKey(nameSkeleton(text, { ascii: true }));
  // The fold's small letters of other scripts may have prototypes of their own (a capital with none).
  for (let pass = 0; pass < 4; pass++) {
    const next = authorKey(nameSkeleton(key, { ascii: false }));
    if (next === key) break;
    key = next;
  }
  return key;
}

/**
 * What a topic slug looks like, by the plain skeleton: `language-rnodels` as `language-models`,
 * `l1-methods` as `ll-methods`, `l0-methods` as `lo-methods`. Slugs are lowercase ASCII.
 */
export function slugLookAlikeKey(slug: string): string {
  let mapped = '';
  for (let index = 0; index < slug.length; index++) {
    const code = slug.charCodeAt(index);
    mapped += code < 0x7f ? ASCII_SKELETON[code]! : unhomoglyph(slug[index]!);
  }
  // Lower case, as slugs are: the prototype of `0` is a capital `O`, which a slug's `o` is not.
  return mapped.toLowerCase();
}

/** The skeleton of each printable ASCII character (`m` → `rn`, `I` → `l`, `0` → `O`), from the table. */
const ASCII_SKELETON = Array.from({ length: 0x7f }, (_, code) => unhomoglyph(String.fromCharCode(code)));

/**
 * The prototype of the letters shaped as a single stroke (`I`, `l`, `1`, `|`, Greek `Ι`, `ℓ`), in
 * place of confusables.txt's small `l`, which the fold also makes of a capital `L`. `_` stands for
 * it: no name or label has one, and the fold (on its fast path for ASCII) and the labels' own
 * comparison (comparable, which drops other punctuation: `I-JEPA` is no `JEPA`) keep it.
 */
const STROKE = '_';

/** A character's prototype in a name: its skeleton, with a single stroke as STROKE. */
const prototypes = new Map<string, string>();
function prototypeOf(char: string): string {
  let prototype = prototypes.get(char);
  if (prototype === undefined) {
    const skeleton = unhomoglyph(char);
    // A single letter's prototype, not a run of them (`m` is no `rn` in a name).
    const single = /^[\x00-\x7f]$/.test(char) && [...skeleton].length > 1 ? char : skeleton;
    prototype = single === 'l' || single === STROKE ? STROKE : single;
    prototypes.set(char, prototype);
  }
  return prototype;
}

/** prototypeOf each printable ASCII character, looked up without the map: most names are ASCII. */
const ASCII_PROTOTYPE = Array.from({ length: 0x7f }, (_, code) => prototypeOf(String.fromCharCode(code)));
const ASCII_ONLY = /^[\x00-\x7e]*$/;

/**
 * UTS #39's skeleton of a name (decomposed, each character mapped to its prototype), as
 * prototypeOf maps them; with `ascii: false` ASCII stays as it is (the fold's letters, mapped once).
 */
function nameSkeleton(text: string, { ascii }: { ascii: boolean }): string {
  let mapped = '';
  if (ASCII_ONLY.test(text)) {
    if (!ascii) return text;
    for (let index = 0; index < text.length; index++) mapped += ASCII_PROTOTYPE[text.charCodeAt(index)]!;
    return mapped;
  }
  for (const char of text.normalize('NFD')) mapped += !ascii && char < '\x7f' ? char : prototypeOf(char);
  return mapped;
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
    return [`"${char}" (${codePointName(char)}, ${scriptOf(char)}) looks like "${looks}"`];
  });
}
