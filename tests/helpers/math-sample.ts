/**
 * An abstract with math of many shapes, for tests of what is done to KaTeX's markup: scripts,
 * limits, fractions, roots, accents, braces, delimiters, arrays, text, and display formulas like
 * the benchmark's (src/bench/corpus.ts).
 */
export const MATH_SAMPLE = [
  'Inline $p$, $x_i^2$, $\\mathcal{O}(d^k) < 1$, $\\widetilde\\Theta(d^4)$, $\\|\\theta\\|_2$ and',
  '$\\sqrt{\\frac{a}{b+1}}$, $\\hat{x} \\ne \\bar y$, $\\mathbb{R}^{d \\times d}$, $\\text{if } n \\geq 2$,',
  '$f: \\mathbb{R} \\rightarrow \\mathbb{R}$, $\\binom{n}{k}$, $\\overbrace{a+b}^{2}$, $a \\mathbin{\\&} b$.',
  '',
  '$$',
  'f(x) = \\sum_{q=0}^{2n} \\Phi_q\\left( \\sum_{p=1}^{n} \\phi_{q,p}(x_p) \\right) + \\int_0^1 \\! g \\,dt',
  '$$',
  '',
  '$$',
  '\\mathcal{L}(\\theta) = \\frac{1}{n} \\sum_{i=1}^{n} \\ell(f_\\theta(x_i), y_i)',
  '$$',
  '',
  '$$',
  '\\begin{pmatrix} 1 & \\frac12 \\\\ \\alpha & \\lim_{n\\to\\infty} a_n \\end{pmatrix}',
  '$$',
].join('\n');

/** How many formulas MATH_SAMPLE has: `$$…$$` blocks, then `$…$` in the rest. */
export const MATH_SAMPLE_FORMULAS = (() => {
  const display = MATH_SAMPLE.match(/\$\$[\s\S]*?\$\$/g) ?? [];
  const inline = MATH_SAMPLE.replace(/\$\$[\s\S]*?\$\$/g, '').match(/\$[^$]+\$/g) ?? [];
  return display.length + inline.length;
})();
