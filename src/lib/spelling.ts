/**
 * "Did you mean …?" for a query word that no paper has: the closest words of the digest's own
 * vocabulary (built by src/lib/search-data.ts, loaded only then). Runs in the browser.
 */
import { BETWEEN_WORDS, comparable, typosAllowed } from './search-query.ts';
import { editDistance } from './suggest.ts';

/**
 * The edits a suggestion may be from the word `typed`: fewer than one in four of its
 * letters (none for a word of four letters or fewer, one up to eight, two from nine), and never
 * more than the typos search itself forgives (typosAllowed). A reader's typo changes one letter
 * of a short word; a correctly spelled word the digest lacks is as many letters from some word it
 * has (`week`: `weak`, `spring`: `strong`, `recsys`: `recasts`), which is another word, no typo.
 */
export function typosSuggested(typed: string): number {
  const length = comparable(typed).length;
  // A vowel sign or virama (क्षमता) is a letter the reader typed, though comparable drops it.
  const written = typed.normalize('NFC').match(/[\p{L}\p{M}\p{N}]/gu)?.length ?? 0;
  return Math.min(typosAllowed(length), Math.ceil(Math.max(length, written) / 4) - 1);
}

/**
 * The vocabulary word closest to `word` within the typos its length allows a suggestion
 * (typosSuggested), or undefined. `vocabulary` is ordered most frequent first, so among equally
 * close words the commoner wins.
 */
export function closestWord(word: string, vocabulary: readonly string[]): string | undefined {
  const wanted = comparable(word);
  const max = typosSuggested(word);
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

/**
 * An English ending after an apostrophe (`network's`, `networks'`, `don't`, `we'll`), and any
 * punctuation after it: it is no part of the word to correct.
 */
const APOSTROPHE_ENDING = /^(.*\p{L})(['\u2019]\p{L}{0,2})[^\p{L}\p{N}]*$/u;

/**
 * "Did you mean" for one word of the query as the reader typed it. A word with an ending after an
 * apostrophe is corrected before the apostrophe and keeps its ending (`netwrok's` → `network's`):
 * read whole, `don't` is `dont`, which `done` is one letter from, though the reader meant no such
 * word.
 */
export function closestSpelling(typed: string, vocabulary: readonly string[]): string | undefined {
  const ending = APOSTROPHE_ENDING.exec(typed);
  if (!ending) return closestWord(typed, vocabulary);
  const word = closestWord(ending[1]!, vocabulary);
  return word && word + ending[2]!;
}

/** The words and the punctuation between them of a word joined by punctuation (`neural-netwrk`): BETWEEN_WORDS. */
const JOINED_PARTS = new RegExp(`(${BETWEEN_WORDS.source})`, 'u');

/**
 * "Did you mean" for a word joined by punctuation (`neural-netwrk`, `self-atention`), which the
 * vocabulary, a list of single words, has no entry for: each part of four letters or more that
 * is no word of the digest is corrected (closestSpelling), the others and the punctuation kept
 * (`neural-network`). Undefined where a part has no correction, or no part needed one.
 * `vocabularyOf` gives the vocabulary shard of a part (vocabularyShard).
 */
export function closestJoinedSpelling(
  typed: string,
  vocabularyOf: (part: string) => readonly string[],
): string | undefined {
  const pieces = typed.split(JOINED_PARTS);
  if (pieces.filter((piece) => comparable(piece) !== '').length < 2) return undefined;
  let corrected = 0;
  const spelled = pieces.map((piece, index) => {
    const wanted = comparable(piece);
    if (index % 2 === 1 || wanted.length < 4) return piece;
    const vocabulary = vocabularyOf(piece);
    if (vocabulary.some((word) => comparable(word) === wanted)) return piece;
    const closest = closestSpelling(piece, vocabulary);
    if (closest !== undefined) corrected += 1;
    return closest;
  });
  return corrected === 0 || spelled.includes(undefined) ? undefined : spelled.join('');
}

/** The vocabulary's files: one per first letter, `_` for words that start with anything else. */
export const VOCABULARY_SHARDS = [...'abcdefghijklmnopqrstuvwxyz_'];

/** The vocabulary shard a word's suggestions come from: its first letter (`_` for anything else). */
export function vocabularyShard(word: string): string {
  const first = comparable(word)[0] ?? '';
  return /^[a-z]$/.test(first) ? first : '_';
}

/**
 * The other vocabulary shard to look in for a word whose first two letters may be swapped
 * (`rtansformer`: `t`, where `transformer` is), or undefined where both letters give the word's
 * own shard. A swap is the commonest typo (editDistance counts it as one edit), but at the start
 * it moves the word to another shard, whose words its own shard's closestWord never sees.
 */
export function swappedStartShard(word: string): string | undefined {
  const letters = comparable(word);
  if (letters.length < 2) return undefined;
  const swapped = vocabularyShard(letters[1]!);
  return swapped === vocabularyShard(letters) ? undefined : swapped;
}

/**
 * "Did you mean" from the other shard (swappedStartShard) for a word whose first two letters are
 * swapped: only a word that starts with them the other way round (`rtansformer` → `transformer`),
 * within the typos the word's length allows a suggestion (typosSuggested), the swap counted as one. Any close word of that shard
 * would also take a word with its first letter dropped (`qlora` → `lora`, `vllm` → `llm`), which is
 * another word, not a typo.
 */
export function swappedStartSpelling(typed: string, vocabulary: readonly string[]): string | undefined {
  const ending = APOSTROPHE_ENDING.exec(typed);
  const letters = comparable(ending ? ending[1]! : typed);
  if (letters.length < 2 || letters[0] === letters[1]) return undefined;
  const max = typosSuggested(ending ? ending[1]! : typed) - 1; // the swap is one of them
  if (max < 0) return undefined;
  const start = letters[1]! + letters[0]!;
  const unswapped = start + letters.slice(2);
  let best: { word: string; distance: number } | undefined;
  for (const candidate of vocabulary) {
    const word = comparable(candidate);
    if (!word.startsWith(start)) continue;
    const distance = editDistance(unswapped, word, best ? best.distance - 1 : max);
    if (distance <= max && (!best || distance < best.distance)) best = { word: candidate, distance };
    if (best?.distance === 0) break;
  }
  return best && best.word + (ending ? ending[2]! : '');
}
