import { describe, expect, it } from 'vitest';
import { TITLE_MATH_COMMANDS, mathProblems, titleMathProblems } from '../../src/lib/title-math.ts';
import { usageOf } from '../helpers/title-math.ts';

describe('title math', () => {
  it('accepts what titles use', () => {
    for (const title of [
      'Learning in $\\mathbb{R}^d$ with $\\mathcal{O}(n \\log n)$ Samples',
      'On $\\ell_p$ Norms and $\\frac{1}{\\sqrt{2}}$',
      'Top-$k$ Attention for $\\alpha \\leq \\beta$, $x_{i,j}^{(t)}$ and $\\|W\\|_2$',
      'The $\\widetilde{\\mathcal{O}}(d^k)$ Bound, $\\operatorname{softmax}$ and $\\text{ReLU}$',
      'Costs $5 and $10', // prices, not math
    ]) {
      expect(titleMathProblems(title), title).toEqual([]);
    }
  });

  it('refuses every command that is not on the list, saying which and what to write', () => {
    expect(titleMathProblems('A $\\immediate\\write18{rm -rf /}$ b')).toEqual([
      '$\\immediate\\write18{rm -rf /}$: `\\immediate` is not allowed in title math: it would be run by LaTeX when the paper is cited. Use Greek letters, \\mathbb-style fonts, \\frac, \\sqrt, operators and relations (see README), or write it as text outside the $…$.',
      '$\\immediate\\write18{rm -rf /}$: `\\write` is not allowed in title math: it would be run by LaTeX when the paper is cited. Use Greek letters, \\mathbb-style fonts, \\frac, \\sqrt, operators and relations (see README), or write it as text outside the $…$.',
    ]);
    expect(titleMathProblems('$\\{x\\}$')[0]).toBe(
      '$\\{x\\}$: `\\{` is not allowed in title math: it would be run by LaTeX when the paper is cited. Write \\lbrace instead.',
    );
    expect(titleMathProblems('$50\\\\%$')).toEqual([
      '$50\\\\%$: `\\\\` is not allowed in title math: it would be run by LaTeX when the paper is cited. Write one line (titles have no line breaks) instead.',
      '$50\\\\%$: `%` is not allowed in title math: it starts a comment in TeX. Write the % outside the $…$.',
    ]);
    for (const command of [
      'input',
      'openout',
      'read',
      'csname',
      'def',
      'catcode',
      'string',
      'expandafter',
      'let',
      'newcommand',
      'href',
      'url',
      'relax',
      'mathscr',
      'char',
      'uppercase',
      'jobname',
      'endinput',
      'special',
      'pdfprimitive',
    ]) {
      expect(titleMathProblems(`$x\\${command}$`).join(' '), command).toContain(`\`\\${command}\``);
    }
  });

  it('refuses characters that act in TeX, unbalanced braces, ^^ and non-ASCII, and formulas KaTeX cannot read', () => {
    expect(mathProblems('a^^5cinput')).toEqual([
      "`^^` is not allowed in title math: TeX's caret notation (`^^` and two hex digits) reads as another character (`^^5c` is a backslash): write the character itself, or a superscript as `^{…}` with braces.",
    ]);
    expect(mathProblems('a#b&c')).toEqual([
      '`#` is not allowed in title math: it has a special meaning in TeX; write it outside the $…$.',
      '`&` is not allowed in title math: it has a special meaning in TeX; write it outside the $…$.',
    ]);
    expect(mathProblems('{x')).toEqual(['the braces `{` `}` in title math do not balance: every `{` needs its `}`.']);
    expect(mathProblems('}x{')).toEqual(['the braces `{` `}` in title math do not balance: every `{` needs its `}`.']);
    expect(mathProblems('α ≤ ℝ')).toEqual([
      '`α` is not allowed in title math: write \\alpha instead.',
      '`≤` is not allowed in title math: write \\leq instead.',
      '`ℝ` is not allowed in title math: write \\mathbb{R} instead.',
    ]);
    expect(mathProblems('x\u202Ey')).toEqual([
      'U+202E is not allowed in title math: write it as a TeX command, or outside the math.',
    ]);
    expect(mathProblems('a^b^c')[0]).toMatch(/^KaTeX cannot read it: Double superscript/);
    expect(mathProblems('\\frac{1}')[0]).toMatch(/^KaTeX cannot read it/);
  });

  it('lists only commands KaTeX accepts', () => {
    const unknown = [...TITLE_MATH_COMMANDS].filter((name) => usageOf(name) === undefined);
    expect(unknown).toEqual([]);
    // …and that the rules accept in that use (tests/unit/bibtex-tex.test.ts compiles each in LaTeX).
    for (const name of TITLE_MATH_COMMANDS) expect(mathProblems(usageOf(name)!), name).toEqual([]);
  });
});
