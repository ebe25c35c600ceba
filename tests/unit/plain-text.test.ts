import { describe, expect, it } from 'vitest';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import { plainTextOfHtml } from '../../src/lib/plain-text.ts';
import { MATH_SAMPLE } from '../helpers/math-sample.ts';

/** The pipeline's rendering of a paper body: full HTML and the excerpt cards and descriptions use. */
const render = (body: string) => {
  const { rendered, problems } = renderPaperBody(body, { file: 'test.mdx', bodyLine: 1 });
  expect(problems).toEqual([]);
  return rendered!;
};
const plain = (body: string) => plainTextOfHtml(render(body).html);

describe('plainTextOfHtml', () => {
  it.each([
    ['Points in $\\mathbb{R}^d$ and $\\mathbb{R}^{d \\times d}$.', 'Points in ℝ^d and ℝ^(d×d).'],
    ['Cost $\\mathcal{O}(d^k) < \\epsilon$ here.', 'Cost 𝒪(d^k) < ϵ here.'],
    ['A sum $\\sum_{i=1}^{n} x_i^2$.', 'A sum ∑_(i=1)^n x_i^2.'],
    ['Half $\\frac{a+b}{2}$ and $\\sqrt{x+1}$ and $\\sqrt[3]{x}$.', 'Half (a+b)/2 and √(x+1) and x^(1/3).'],
    ['Accents $\\hat{x} \\ne \\bar y$ and $\\vec{v}$, $\\overline{AB}$.', 'Accents x̂ ≠ ȳ and v⃗, A̅B̅.'],
    [
      'Lie algebra $\\mathfrak{g}$, bold $\\mathbf{x}$, $\\operatorname{softmax}(x)$.',
      'Lie algebra 𝔤, bold 𝐱, softmax(x).',
    ],
    ['Limit $\\lim_{n\\to\\infty} a_n$.', 'Limit lim_(n→∞) a_n.'],
    ['Choose $\\binom{n}{k}$.', 'Choose (n k).'],
  ])('reads %s as %s', (body, expected) => {
    expect(plain(body)).toBe(expected.normalize('NFC'));
  });

  it('keeps a literal dollar sign and backslash of the prose: they are text, not TeX', () => {
    expect(plain('It costs \\$5 per run, in C:\\\\tmp.')).toBe('It costs $5 per run, in C:\\tmp.');
  });

  it('leaves no TeX and no markup from any formula of the math sample', () => {
    const text = plain(MATH_SAMPLE);
    expect(text).not.toMatch(/[$\\{}]|mathcal|frac|katex|span/);
    expect(text).toContain('ℝ^(d×d)');
    expect(text).toContain('ℒ(θ) = 1/n ∑_(i=1)^n ℓ(f_θ(x_i), y_i)');
  });

  it('turns an excerpt into text that ends between formulas, never inside one', () => {
    const formula = '$\\mathcal{O}(n \\log n)$';
    const body = `${Array.from({ length: 40 }, (_, index) => `Word${index} ${formula}`).join(' ')}.`;
    const text = plainTextOfHtml(render(body).excerptHtml);
    expect(text).toMatch(/…$/);
    expect(text).not.toMatch(/[$\\]/);
    // Every formula in the text is whole: as many opening as closing brackets.
    expect(text.split('(').length).toBe(text.split(')').length);
    expect(text).toMatch(/^Word0 𝒪\(n log n\) Word1/);
  });
});
