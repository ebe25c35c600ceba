/**
 * "Did you mean …?" for a query word that no paper has: the closest words of the digest's own
 * vocabulary (built by src/lib/search-data.ts, loaded only then). Runs in the browser.
 */
import { comparable, typosAllowed } from './search-query.ts';

/**
 * Optimal-string-alignment distance (Levenshtein plus swapping two neighbours, each edit 1), or
 * `max + 1` as soon as it must exceed `max`. Written here because the installed Levenshtein
 * libraries do not count a swap as one edit, and swaps are the commonest typo.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The vocabulary word closest to `word` within the typos its length allows, or undefined.
 * `vocabulary` is ordered most frequent first, so among equally close words the commoner wins.
 */
export function closestWord(word: string, vocabulary: readonly string[]): string | undefined {
  const wanted = comparable(word);
  const max = typosAllowed(wanted.length);
  if (max === 0) return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of vocabulary) {
    const distance = editDistance(wanted, comparable(candidate), best ? best.distance - 1 : max);
    if (distance === 0) continue; // the word itself: it had no real match, so it is no suggestion
    if (distance <= max && (!best || distance < best.distance)) best = { word: candidate, distance };
    if (best?.distance === 1) break;
  }
  return best?.word;
}

/** The vocabulary's files: one per first letter, `_` for words that start with anything else. */
export const VOCABULARY_SHARDS = [...'abcdefghijklmnopqrstuvwxyz_'];

/** The vocabulary shard a word's suggestions come from: its first letter (`_` for anything else). */
export function vocabularyShard(word: string): string {
  const first = comparable(word)[0] ?? '';
  return /^[a-z]$/.test(first) ? first : '_';
}
