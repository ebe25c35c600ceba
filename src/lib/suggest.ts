import { distance } from 'fastest-levenshtein';

/** Candidates close to `input` (by edit distance or shared prefix), closest first. */
export function closeMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = input.toLowerCase();
  return [...candidates]
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const prefix = lower.startsWith(needle) || needle.startsWith(lower);
      return { candidate, score: prefix ? 0.5 : distance(needle, lower) };
    })
    .filter(({ candidate, score }) => score <= Math.max(2, Math.floor(candidate.length / 3)))
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** ` Did you mean "a" or "b"?` or an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const matches = closeMatches(input, candidates);
  if (matches.length === 0) return '';
  return ` Did you mean ${matches.map((m) => `"${m}"`).join(' or ')}?`;
}
