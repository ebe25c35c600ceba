/**
 * How the site writes a count of things: `1 paper`, `2 papers`, `10,000 papers`. Pages, feeds'
 * and `.bib` headers and the browser scripts all say it this one way.
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}

/** `1 paper`, `12 papers`. */
export const paperCount = (count: number): string => countOf(count, 'paper');

/**
 * What a list page's description says of its papers: `No papers in the digest yet.`, `1 paper by
 * Ada in the digest.`, `12 papers by Ada in the digest, newest first.` (an order only where there
 * are two papers to order). `by` is what stands after the count, if anything. Topics and authors alike.
 */
export function listedPapersSentence(count: number, by = ''): string {
  if (count === 0) return 'No papers in the digest yet.';
  const listed = `${paperCount(count)}${by ? ` ${by}` : ''} in the digest`;
  return count === 1 ? `${listed}.` : `${listed}, newest first.`;
}
