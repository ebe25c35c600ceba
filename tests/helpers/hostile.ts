/**
 * Seeded random hostile strings for property tests (fast-check is not installed): every TeX, XML,
 * HTML and JSON special, backslash sequences and TeX primitives, number-like words, Unicode
 * (letters, combining marks, astral characters, bidi and invisible characters), controls and long
 * runs. The same seed gives the same strings, so a failure can be reproduced.
 */

import { seededRandom } from '../../src/bench/random.ts';

export { seededRandom };

export const TEX_SPECIALS = ['\\', '{', '}', '$', '&', '#', '^', '_', '%', '~'];

/** Pieces an attacker would try, in any output format. */
export const HOSTILE_PIECES = [
  ...TEX_SPECIALS,
  '<',
  '>',
  '"',
  "'",
  '`',
  '|',
  '@',
  ',',
  '=',
  '--',
  '---',
  "''",
  '``',
  ',,',
  '?`',
  '!`',
  '<<',
  '>>',
  ' and ',
  ' AND ',
  '\\\\',
  '\\%',
  '\\\\%',
  '\\immediate\\write18{touch pwned}',
  '\\immediate\\openout1=pwned.tex',
  '\\input{/etc/hostname}',
  '\\read',
  '\\csname input\\endcsname',
  '\\def\\x{y}',
  '\\catcode`\\@=0',
  '\\string',
  '\\expandafter',
  '^^5cinput',
  '^^7b',
  '\\{',
  '\\}',
  '@misc{evil,',
  '}, title = {',
  ']]>',
  '<![CDATA[',
  '<!--',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '&amp;',
  '&lt;',
  '&#60;',
  '&#x3C;',
  '&',
  '\u2028',
  '\u2029',
  '1e3',
  '0x1F',
  '007',
  'true',
  'null',
  '-0',
  '1_000',
  ' 42 ',
  'é',
  'Ç',
  'ß',
  'e\u0301',
  'ℝ',
  '日本語',
  '😀',
  '\u{1D400}',
  '\u202E',
  '\u200B',
  '\u00A0',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\uFFFE',
  '\uD800',
];

/**
 * A random string from hostile pieces, letters and spaces, sometimes with a run of one piece
 * repeated up to `maxRepeat` times (long runs test limits and line breaking).
 */
export function hostileString(
  random: () => number,
  pieces: readonly string[] = HOSTILE_PIECES,
  maxRepeat = 220,
): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = ['GPT-4', 'MLPs', 'Attention', 'a', 'the', 'x', 'Kolmogorov-Arnold', 'O(n)'];
  const parts: string[] = [];
  const length = 1 + Math.floor(random() * 12);
  for (let index = 0; index < length; index++) {
    const roll = random();
    if (roll < 0.45) parts.push(pick(pieces));
    else if (roll < 0.8) parts.push(pick(words));
    else if (roll < 0.95) parts.push(' ');
    else parts.push(pick(pieces).repeat(1 + Math.floor(random() * maxRepeat)));
  }
  return parts.join('');
}

/** `count` hostile strings from `seed`. */
export function hostileStrings(seed: number, count: number, pieces?: readonly string[], maxRepeat?: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => hostileString(random, pieces, maxRepeat));
}

/** Code points a random string draws often: each range is [first, last]. */
const UNICODE_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x7f], // ASCII, controls and every markup, TeX and JSON special
  [0x80, 0x9f], // C1 controls
  [0x0300, 0x036f], // combining marks
  [0x1ab0, 0x1aff], // more combining marks
  [0x20d0, 0x20ff], // combining marks for symbols
  [0x2000, 0x206f], // spaces, zero-width characters, bidi controls, line and paragraph separators
  [0xd800, 0xdfff], // surrogates, drawn alone: lone surrogates
  [0xfdd0, 0xfdef], // noncharacters
  [0xfff0, 0xffff], // specials, U+FFFE and U+FFFF
  [0xe0000, 0xe007f], // tags
];

/**
 * `count` random strings over all of Unicode (fast-check is not installed): code points of every
 * plane, lone surrogates, controls, noncharacters, format characters and runs of combining marks,
 * ASCII often. Each is at most `maxLength` code points. The same seed gives the same strings.
 */
export function unicodeStrings(seed: number, count: number, maxLength = 40): string[] {
  const random = seededRandom(seed);
  const between = (first: number, last: number) => first + Math.floor(random() * (last - first + 1));
  return Array.from({ length: count }, () => {
    let text = '';
    const length = Math.floor(random() * (maxLength + 1));
    for (let index = 0; index < length; index++) {
      const roll = random();
      // A range above, any character of the Basic Multilingual Plane, or any code point at all.
      const code =
        roll < 0.6
          ? between(...UNICODE_RANGES[Math.floor(random() * UNICODE_RANGES.length)]!)
          : roll < 0.8
            ? between(0, 0xffff)
            : between(0, 0x10ffff);
      // A surrogate as one code unit alone, a lone surrogate (fromCharCode says what is meant).
      text += code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code);
    }
    return text;
  });
}
