import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { KatexOptions } from 'katex';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { MathBudgetSpent, newMathBudget, typesetFormula } from './math-rules.ts';

/**
 * Typesets the math of remark-math (`<code class="math-inline">`, `<pre><code class="math-display">`)
 * with KaTeX, like rehype-katex, but keeps KaTeX's HTML as it is, in a `raw` node, instead of
 * parsing it back into a tree: that round trip through parse5 (and serializing the tree again)
 * was a third of the time it takes to render an abstract. Nothing after this plugin needs to look
 * inside a formula, and the formula's TeX is kept on the node (`data.tex`) for those that measure it.
 *
 * Every formula goes through the rules of src/content/math-rules.ts (allowed commands, sizes, how
 * big and how tall), whichever Markdown syntax it came from. A refused formula or a KaTeX error is
 * reported as a file message (with its cause and the formula's place), and the formula is left out:
 * a paper with a message is refused, so no output is kept anyway.
 * The result must be stringified with `allowDangerousHtml`; KaTeX escapes the text it writes,
 * and with `trust` refusing every command it writes no link, class or style from the TeX.
 *
 * Display math is wrapped in a scroll box a keyboard can reach (displayMathAttributes):
 * a formula wider than a phone's column scrolls sideways inside it, with a cue (global.css).
 */
export interface RawMath {
  type: 'raw';
  value: string;
  data: { tex: string; display: boolean };
}

/**
 * Attributes of a display formula's scroll box (KaTeX's `.katex-display`): focusable, so that
 * the arrow keys scroll it, and named, since a focusable region needs a name. Where an abstract
 * has several, each is numbered ("Formula 2 of 3"): a screen reader's list of a page's regions
 * would otherwise show the same name several times, none to tell which is which.
 */
const displayMathAttributes = (label: string) => `tabindex="0" role="region" aria-label="${label}"`;

export function rehypeKatexRaw(options: KatexOptions) {
  return (tree: Root, file: VFile) => {
    // One budget of math for the whole abstract: once spent, the rest is not typeset at all.
    const budget = newMathBudget();
    let spent = false;
    const displayed: RawMath[] = [];
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
      // A <pre> (display math, or a fenced ```math block) and `$$…$$` inside a paragraph
      // (src/content/pipeline.ts marks it `math-display`) are typeset in display mode.
      const display = element.tagName === 'pre' || classes.includes('math-display');

      const tex = toText(element, { whitespace: 'pre' });
      const replacement: ElementContent[] = [];
      try {
        if (spent) return [SKIP, index + 1];
        const html = typesetFormula(tex, { ...options, displayMode: display, throwOnError: true }, budget);
        const formula: RawMath = { type: 'raw', value: html, data: { tex, display } };
        if (display) displayed.push(formula);
        replacement.push(formula);
      } catch (error) {
        spent ||= error instanceof MathBudgetSpent || budget.nodes < 0;
        const message = file.message('Could not render math with KaTeX', {
          cause: error as Error,
          place: element.position ?? code.position,
          ruleId: (error as Error).name.toLowerCase(),
          source: 'katex',
        });
        // The formula as typeset: the error's own position counts in it (src/content/pipeline.ts).
        message.actual = tex;
      }
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
    displayed.forEach((formula, at) => {
      const label = displayed.length === 1 ? 'Formula' : `Formula ${at + 1} of ${displayed.length}`;
      formula.value = withScrollBox(formula.value, label);
    });
  };
}

/** KaTeX's display output starts with its `.katex-display` box: that box is the one that scrolls. */
function withScrollBox(html: string, label: string): string {
  const open = '<span class="katex-display">';
  if (!html.startsWith(open)) throw new Error('KaTeX display math no longer starts with .katex-display');
  return `<span class="katex-display" ${displayMathAttributes(label)}>${html.slice(open.length)}`;
}

export function isRawMath(node: unknown): node is RawMath {
  return (node as RawMath).type === 'raw' && typeof (node as RawMath).data?.tex === 'string';
}
