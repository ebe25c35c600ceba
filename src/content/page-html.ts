import { compactMathHtml } from '../lib/math-html.ts';
import { withIndexedParts, withIndexedTex } from '../lib/search-data.ts';

/**
 * The abstract as a paper page shows it: each formula's TeX and the parts of each compound word in
 * hidden copies for the search index, and KaTeX's markup made lighter (same layout, same MathML, no
 * TeX annotation). Made once per paper in the loader's workers and cached with the paper, not at
 * every page render; the feeds read the full rendering and keep each formula's TeX as its
 * `<math>`'s alttext (feedHtml in src/lib/feed.ts).
 */
export function pageHtml(html: string): string {
  return compactMathHtml(withIndexedTex(withIndexedParts(html)));
}
