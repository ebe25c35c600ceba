import { INDEX_ONLY_END, INDEX_ONLY_START, revealTex } from '../lib/search-query.ts';

/**
 * Copying text with math in it. KaTeX writes each formula twice, as MathML for screen readers
 * (`.katex-mathml`, visually hidden, not removed) and as HTML for the eye, and a browser copies
 * both: `$(x, f(x))$` in an abstract was pasted as "( x , f ( x ) ) (x,f(x))", one MathML token a
 * line, then the flattened letters (`x^2` as "x2"). So where a selection holds a formula, the
 * copied text has each formula once as its TeX, `$x^2$` (`$$…$$` for display math), as KaTeX's own
 * copy-tex extension writes it: what a reader pastes into a paper or a note reads right. The TeX is
 * the page's own, in the hidden span before each formula (search-data.ts, withIndexedTex), its
 * index-only words left out; where there is none (a card's excerpt), its MathML as one line,
 * `O(n^2)`. The HTML copied is the page's, for pasting into a rich editor; a
 * selection without a formula is left to the browser. No bytes on any page: it runs on copy.
 */

/** A formula's TeX as the page holds it (the hidden span before it), or its shown text. */
function texOf(formula: Element): string {
  const outer = formula.parentElement?.classList.contains('katex-display') ? formula.parentElement : formula;
  const source = outer.previousElementSibling;
  if (source instanceof HTMLElement && source.hidden) {
    const fenced = new RegExp(`${INDEX_ONLY_START}[^${INDEX_ONLY_END}]*${INDEX_ONLY_END}`, 'g');
    const tex = revealTex(source.textContent ?? '')
      .replace(fenced, '')
      .trim();
    if (tex !== '') return tex;
  }
  const math = formula.querySelector('math');
  return math ? linearMath(math) : (formula.querySelector('.katex-html')?.textContent ?? '');
}

/**
 * A formula's MathML as one line of text, where the page holds no TeX for it (a card's excerpt):
 * scripts as `^` and `_`, a fraction as `/`, a root as `√`, each braced where it is more than one
 * character (`O(n^2)`, `x_{ij}`, `{a+b}/2`), so `n^2` is not read as "n2".
 */
function linearMath(node: Node): string {
  if (!(node instanceof Element)) return node.textContent ?? '';
  if (node.localName === 'annotation' || node.localName === 'annotation-xml') return '';
  const parts = [...node.children].map(linearMath);
  const [base = '', first = '', second = ''] = parts.map((part) => ([...part].length > 1 ? `{${part}}` : part));
  switch (node.localName) {
    case 'msup':
    case 'mover':
      return `${base}^${first}`;
    case 'msub':
    case 'munder':
      return `${base}_${first}`;
    case 'msubsup':
    case 'munderover':
      return `${base}_${first}^${second}`;
    case 'mfrac':
      return `${base}/${first}`;
    case 'msqrt':
      return `√{${parts.join('')}}`;
    case 'mroot':
      return `√[${parts[1] ?? ''}]{${parts[0] ?? ''}}`;
    case 'mspace':
      return ' ';
    default:
      return node.children.length === 0 ? (node.textContent ?? '') : parts.join('');
  }
}

/** The formula (`.katex-display`, else `.katex`) a node is in, if any. */
function formulaAround(node: Node): Element | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest('.katex-display') ?? element?.closest('.katex') ?? null;
}

/**
 * The text to copy for a selected range, each formula in it as its TeX; undefined where the range
 * holds no formula (the browser's own copy is right then). A range that starts or ends inside a
 * formula takes the whole formula: part of a formula's TeX is no formula. Read as the page lays it
 * out (innerText: a line between paragraphs, nothing hidden).
 */
export function copiedText(range: Range): string | undefined {
  const start = formulaAround(range.startContainer);
  const end = formulaAround(range.endContainer);
  if (start) range.setStartBefore(start);
  if (end) range.setEndAfter(end);
  const root = range.commonAncestorContainer;
  const within = root instanceof Element ? root : root.parentElement;
  const formulas = [...(within?.querySelectorAll('.katex') ?? [])].filter((formula) => range.intersectsNode(formula));
  if (formulas.length === 0) return undefined;
  // The copy, laid out off screen so that innerText reads its paragraphs as the page shows them.
  const copy = document.createElement('div');
  copy.style.cssText = 'position:fixed;left:-10000px;top:0;width:40em';
  copy.append(range.cloneContents());
  // The copy's formulas are the selected ones, in the same order.
  [...copy.querySelectorAll('.katex')].forEach((formula, index) => {
    formula.replaceWith(formulas[index] ? texOf(formulas[index]) : '');
  });
  document.body.append(copy);
  const text = copy.innerText;
  copy.remove();
  return text;
}

document.addEventListener('copy', (event) => {
  const selection = window.getSelection();
  if (!event.clipboardData || !selection || selection.isCollapsed || selection.rangeCount === 0) return;
  const range = selection.getRangeAt(0).cloneRange();
  const text = copiedText(range);
  if (text === undefined) return;
  const html = document.createElement('div');
  html.append(range.cloneContents());
  event.clipboardData.setData('text/plain', text);
  event.clipboardData.setData('text/html', html.innerHTML);
  event.preventDefault();
});
