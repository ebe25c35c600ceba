import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Typesets the math of remark-math (`<code class="math-inline">`, `<pre><code class="math-display">`)
 * with KaTeX, like rehype-katex, but keeps KaTeX's HTML as it is, in a `raw` node, instead of
 * parsing it back into a tree: that round trip through parse5 (and serializing the tree again)
 * was a third of the time it takes to render an abstract. Nothing after this plugin needs to look
 * inside a formula, and the formula's TeX is kept on the node (`data.tex`) for those that measure it.
 *
 * A KaTeX error is reported as a file message (with its cause and the formula's place), and the
 * formula is left out: a paper with a message is refused, so no output is kept anyway.
 * The result must be stringified with `allowDangerousHtml`; KaTeX escapes the text it writes,
 * and with `trust` refusing every command it writes no link, class or style from the TeX.
 */
export interface RawMath {
  type: 'raw';
  value: string;
  data: { tex: string };
}

export function rehypeKatexRaw(options: KatexOptions) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (element: Element, index, parent) => {
      if (index === undefined || !parent) return undefined;
      // remark-math writes inline math as <code class="language-math math-inline"> and display
      // math as <pre><code class="language-math math-display">; the whole <pre> is replaced.
      const code = element.tagName === 'pre' ? element.children[0] : element;
      if (code?.type !== 'element' || code.tagName !== 'code') return undefined;
      const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
      const isMath =
        classes.includes('language-math') || classes.includes('math-display') || classes.includes('math-inline');
      if (!isMath) return undefined;
      // A <pre> (display math, or a fenced ```math block) is typeset in display mode.
      const display = element.tagName === 'pre';

      const tex = toText(element, { whitespace: 'pre' });
      const replacement: ElementContent[] = [];
      try {
        const html = katex.renderToString(tex, { ...options, displayMode: display, throwOnError: true });
        replacement.push({ type: 'raw', value: html, data: { tex } } as RawMath as unknown as ElementContent);
      } catch (error) {
        file.message('Could not render math with KaTeX', {
          cause: error as Error,
          place: code.position,
          ruleId: (error as Error).name.toLowerCase(),
          source: 'katex',
        });
        // Typeset once more, leniently, as rehype-katex does: this pass reaches the commands the
        // strict one stopped before, so `trust` can report every refused one too.
        try {
          katex.renderToString(tex, { ...options, displayMode: display, strict: 'ignore', throwOnError: false });
        } catch {
          // The first error is reported already.
        }
      }
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}

export function isRawMath(node: unknown): node is RawMath {
  return (node as RawMath).type === 'raw' && typeof (node as RawMath).data?.tex === 'string';
}
