/**
 * How the site writes a count of things: `1 paper`, `2 papers`, `10,000 papers`. Pages, feeds'
 * and `.bib` headers and the browser scripts all say it this one way.
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}

/** `1 paper`, `12 papers`. */
export const paperCount = (count: number): string => countOf(count, 'paper');
