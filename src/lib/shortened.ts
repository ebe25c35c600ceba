import { MAX_COMBINING_MARKS } from './combining-marks.ts';

const characters = new Intl.Segmenter('en', { granularity: 'grapheme' });
const MARK = /\p{M}/u;

/**
 * A value from a paper quoted in a message: long enough to recognise, never a screenful. Cut
 * between whole characters as a reader sees them (grapheme clusters: a cut inside one would leave
 * half a character, a letter without its accent or a flag without its second half), counting
 * `max` of them. A character with more than MAX_COMBINING_MARKS combining marks (a pile of
 * "Zalgo" marks, which the check refuses and which a terminal draws across the lines around it)
 * ends the quote, its letter and first marks kept, so a quoted value never carries such a pile. Pure and
 * on its own, so the browser's modules that build messages (the paper-id grammar) cut as the
 * content check does (src/content/problems.ts re-exports it).
 */
export function shortened(value: string, max = 60): string {
  let kept = '';
  let count = 0;
  for (const { segment } of characters.segment(value)) {
    if (count === max) return `${kept}…`;
    // Marks, not code points: an emoji joined by ZWJs (a family, a flag) is many code points.
    const pileStart = markAfterLimit(segment);
    if (pileStart !== undefined) return `${kept}${segment.slice(0, pileStart)}…`;
    kept += segment;
    count += 1;
  }
  return value;
}

/** Where the first combining mark past MAX_COMBINING_MARKS starts in a character, if it has one. */
function markAfterLimit(character: string): number | undefined {
  let marks = 0;
  let index = 0;
  for (const point of character) {
    if (MARK.test(point) && ++marks > MAX_COMBINING_MARKS) return index;
    index += point.length;
  }
  return undefined;
}
