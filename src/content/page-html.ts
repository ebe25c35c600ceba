import { compactMathHtml } from '../lib/math-html.ts';
import { withIndexedTex } from '../lib/search-data.ts';

/**
 * The abstract as a paper page shows it: each formula's TeX in a hidden copy for the search index,
 * and KaTeX's markup made lighter (same layout, same MathML, no TeX annotation). Made once per
 * paper in the loader's workers and cached with the paper, not at every page render; the feeds
 * read the full rendering, whose MathML keeps its TeX annotation.
 */
export function pageHtml(html: string): string {
  return compactMathHtml(withIndexedTex(html));
}
