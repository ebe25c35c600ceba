import { MAX_COMBINING_MARKS } from './combining-marks.ts';

const characters = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A value from a paper quoted in a message: long enough to recognise, never a screenful. Cut
 * between whole characters as a reader sees them (grapheme clusters: a cut inside one would leave
 * half a character, a letter without its accent or a flag without its second half), counting
 * `max` of them. A character built of more than a letter and MAX_COMBINING_MARKS marks (a pile of
 * "Zalgo" marks, which the check refuses and which a terminal draws across the lines around it)
 * ends the quote, its first code points kept, so a quoted value never carries such a pile. Pure and
 * on its own, so the browser's modules that build messages (the paper-id grammar) cut as the
 * content check does (src/content/problems.ts re-exports it).
 */
export function shortened(value: string, max = 60): string {
  let kept = '';
  let count = 0;
  for (const { segment } of characters.segment(value)) {
    if (count === max) return `${kept}…`;
    const codePoints = [...segment];
    if (codePoints.length > MAX_COMBINING_MARKS + 1) {
      return `${kept}${codePoints.slice(0, MAX_COMBINING_MARKS + 1).join('')}…`;
    }
    kept += segment;
    count += 1;
  }
  return value;
}
