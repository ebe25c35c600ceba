import katex from 'katex';
import { plainTextOfHtml } from './plain-text.ts';
import { MATH_SPAN } from './title-math.ts';

/** Titles with math already read (a title is shown on many pages). */
const readTitles = new Map<string, string>();

/**
 * A title as readers see it, wherever it is shown (pages, cards, feeds, search, the reading list):
 * each `$…$` formula, found as the BibTeX writer finds it (MATH_SPAN), is typeset by KaTeX as
 * MathML and read back as Unicode text by plainTextOfHtml (`$\mathcal{O}(n \log n)$` →
 * `𝒪(n log n)`, `$O(n^2)$` → `O(n^2)`). A formula KaTeX cannot read (the content check refuses
 * those) stays as written. Only citations keep the TeX (`citation_title`, BibTeX), for LaTeX.
 */
export function titleText(title: string): string {
  if (!title.includes('$')) return title;
  let text = readTitles.get(title);
  if (text === undefined) {
    text = readTitle(title);
    readTitles.set(title, text);
  }
  return text;
}

function readTitle(title: string): string {
  const text = title.replace(MATH_SPAN, (span: string, tex: string) => {
    try {
      const math = plainTextOfHtml(katex.renderToString(tex, { output: 'mathml', throwOnError: true, trust: false }));
      // A relation stands apart, as typeset (`a<b` is set `a < b`): a `<` then a letter would
      // start a tag to a reader that shows the title as HTML.
      return math.replace(/\s*([<>])\s*/g, ' $1 ');
    } catch {
      return span;
    }
  });
  return text.replace(/\s+/g, ' ').trim();
}
