import katex from 'katex';
import { plainTextOfHtml } from './plain-text.ts';
import { MATH_SPAN } from './title-math.ts';

/**
 * A title as plain text, for outputs that show no markup (the reading list's per-paper JSON):
 * each `$…$` formula, found as the BibTeX writer finds it (MATH_SPAN), is typeset by KaTeX as
 * MathML and read back as Unicode text by plainTextOfHtml (`$O(n^2)$` → `O(n^2)`). A formula KaTeX
 * cannot read (the content check refuses those) stays as written.
 */
export function titleText(title: string): string {
  const text = title.replace(MATH_SPAN, (span: string, tex: string) => {
    try {
      return plainTextOfHtml(katex.renderToString(tex, { output: 'mathml', throwOnError: true, trust: false }));
    } catch {
      return span;
    }
  });
  return text.replace(/\s+/g, ' ').trim();
}
