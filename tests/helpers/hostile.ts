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
