import { byCodeUnits } from './text-order.ts';

/**
 * Close matches for a mistyped name: topics and frontmatter fields in content errors, words of the
 * digest in search (src/lib/spelling.ts). One edit distance for both.
 */

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
 * Candidates close to `input` (by edit distance or shared prefix), closest first. When none is, a
 * name of several words (a topic's slug, `vision-mlps`) that has a word beginning as one of the
 * input's does (`mlp` or `mlps`; `llm` of `multimodal-llms`), shortest first: a contributor writes
 * the word they know, which no edit distance over the whole slug finds. Words under three letters
 * (`in`, `of`) and linking words (`and`, `the`) match nothing.
 */
export function closeMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = input.toLowerCase();
  const all = [...candidates];
  const near = all
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      // A start of three letters names a short name (`tit`, `title`), not a long one (`for`, `formal-verification`).
      const [shorter, longer] = needle.length <= lower.length ? [needle, lower] : [lower, needle];
      const prefix = longer.startsWith(shorter) && (shorter.length >= 4 || shorter.length * 2 >= longer.length);
      return { candidate, score: prefix ? 0.5 : editDistance(needle, lower, Math.max(needle.length, lower.length)) };
    })
    .filter(({ candidate, score }) => score <= Math.max(2, Math.floor(candidate.length / 3)));
  const typed = wordsOf(needle);
  const matches =
    near.length > 0
      ? near
      : all.flatMap((candidate) => {
          const words = wordsOf(candidate.toLowerCase());
          const shares = words.some((word) => typed.some((typedWord) => sameWordStart(word, typedWord)));
          return words.length > 1 && shares ? [{ candidate, score: candidate.length }] : [];
        });
  return (
    matches
      // Ties by code points: localeCompare without a locale takes the machine's (Danish puts `aa` after `z`).
      .sort((a, b) => a.score - b.score || byCodeUnits(a.candidate, b.candidate))
      .slice(0, limit)
      .map(({ candidate }) => candidate)
  );
}

/** The words of a name, split where a slug or a field name splits them, of three letters or more. */
function wordsOf(name: string): string[] {
  return name.split(/[-_\s]+/).filter((word) => word.length >= 3 && !LINKING_WORDS.has(word));
}

/** Words that link others in a name (`expressivity-and-approximation`, `the-pile`): no topic's subject. */
const LINKING_WORDS: ReadonlySet<string> = new Set(['and', 'the', 'for', 'with', 'from', 'via', 'into', 'over', 'not']);

/**
 * Whether two words begin as one: one is the other, or its plural (`mlp`, `mlps`), or the start
 * of it when that start has four letters or more (`vision` for `visio`, `transformers` for
 * `trans`). Three letters begin too many words to say so: `for` is no start of `formal`.
 */
function sameWordStart(word: string, typed: string): boolean {
  const [shorter, longer] = word.length <= typed.length ? [word, typed] : [typed, word];
  return longer === shorter || longer === `${shorter}s` || (shorter.length >= 4 && longer.startsWith(shorter));
}

/**
 * ` Did you mean "a" or "b"?` or an empty string; `shown` writes a match as it is typed (a
 * command's option, `tags`, as `--tags`), the distance being of the names alone.
 */
export function didYouMean(
  input: string,
  candidates: Iterable<string>,
  shown: (match: string) => string = (match) => match,
): string {
  const matches = closeMatches(input, candidates);
  if (matches.length === 0) return '';
  return ` Did you mean ${matches.map((m) => `"${shown(m)}"`).join(' or ')}?`;
}
