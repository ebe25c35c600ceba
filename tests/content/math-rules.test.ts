import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/content/frontmatter.ts';
import {
  ALLOWED_COMMANDS,
  ALLOWED_ENVIRONMENTS,
  ALLOWED_NODE_TYPES,
  controlSequences,
  MAX_ABSTRACT_MATH_NODES,
  MAX_FORMULA_HEIGHT_EM,
  typesetFormula,
} from '../../src/content/math-rules.ts';
import { katexOptions, renderPaperBody } from '../../src/content/pipeline.ts';
import { projectRoot } from '../helpers/build.ts';
import { MATH_SAMPLE } from '../helpers/math-sample.ts';

const render = (body: string) => renderPaperBody(body, { file: 'x.mdx', bodyLine: 10 });
const messages = (body: string) => render(body).problems.map((problem) => problem.message);
const inline = (tex: string) => messages(`Text $${tex}$ text.`);

/** Every formula of the seed, as written: `$$…$$` first, then `$…$`. */
async function seedFormulas(): Promise<{ file: string; tex: string; display: boolean }[]> {
  const files = await glob('content/papers/**/*.mdx', { cwd: projectRoot });
  const formulas: { file: string; tex: string; display: boolean }[] = [];
  for (const file of files) {
    const { source } = parseSource(file, await readFile(`${projectRoot}/${file}`, 'utf8'));
    const body = source!.body;
    for (const [, tex] of body.matchAll(/\$\$([\s\S]+?)\$\$/g)) formulas.push({ file, tex: tex!, display: true });
    for (const [, tex] of body.replace(/\$\$[\s\S]+?\$\$/g, '').matchAll(/\$([^$]+)\$/g)) {
      formulas.push({ file, tex: tex!, display: false });
    }
  }
  return formulas;
}

describe('refusals of made-up names', () => {
  it('quote the start of a long command or environment name, on a short line', () => {
    const name = 'z'.repeat(900);
    for (const [tex, quoted] of [
      [`\\${name}`, `\\${'z'.repeat(39)}…`],
      [`\\begin{${name}}x\\end{${name}}`.slice(0, 990), `${'z'.repeat(40)}…`],
    ] as const) {
      const [message] = inline(tex);
      expect(message).toContain(quoted);
      expect(message!.length).toBeLessThan(400);
    }
  });
});

describe('the allowlist', () => {
  it('accepts every formula of the seed, and of the math sample', async () => {
    const formulas = await seedFormulas();
    expect(formulas.length).toBeGreaterThan(30);
    for (const { file, tex, display } of formulas) {
      expect(() => typesetFormula(tex, { ...katexOptions, displayMode: display }), `${file}: ${tex}`).not.toThrow();
    }
    expect(render(MATH_SAMPLE).problems).toEqual([]);
  });

  it('lists only commands KaTeX knows, and each of them typesets', () => {
    for (const command of ALLOWED_COMMANDS) {
      // Spacing symbols and letters alone, or with arguments, in an environment where needed.
      const tex = /^\\(left|right|middle|big|Big|bigg|Bigg)[lrm]?$/.test(command)
        ? '\\left( x \\middle| y \\right)'
        : command === '\\begin' ||
            command === '\\end' ||
            command === '\\\\' ||
            command === '\\hline' ||
            command === '\\hdashline'
          ? '\\begin{array}{c} \\hline a \\\\ \\hdashline b \\end{array}'
          : /^\\['"`^~=.]$/.test(command)
            ? `\\text{${command}e}`
            : command === '\\textdollar' // a text symbol, as in LaTeX
              ? '\\text{\\textdollar}5'
              : command === '\\limits' || command === '\\nolimits'
                ? `\\sum${command}_a^b`
                : command === '\\over' || command === '\\choose'
                  ? `{a ${command} b}`
                  : command === '\\substack'
                    ? '\\sum_{\\substack{a \\\\ b}}'
                    : command === '\\&'
                      ? 'a \\& b'
                      : `${command}{x}{y}`;
      expect(() => typesetFormula(tex, { ...katexOptions, displayMode: false }), tex).not.toThrow();
    }
  });

  it.each([...ALLOWED_ENVIRONMENTS])('accepts the environment %s', (environment) => {
    const columns =
      environment === 'array' ? '{cc}' : environment === 'subarray' ? '{c}' : environment === 'alignedat' ? '{2}' : '';
    const row = environment === 'subarray' ? 'a' : 'a & b';
    expect(inline(`\\begin{${environment}}${columns} ${row} \\\\ ${row} \\end{${environment}}`)).toEqual([]);
  });

  // Each family the issue names, and a few more, with the message a contributor sees.
  it.each([
    [
      '\\raisebox{-20em}{FAKE NOTICE}',
      '\\raisebox is not allowed in an abstract: a formula may not move, hide or overlap',
    ],
    ['\\smash{\\begin{matrix}a\\\\b\\end{matrix}}', '\\smash is not allowed in an abstract: a formula may not move'],
    ['\\mathrlap{\\text{over the next card}}', '\\mathrlap is not allowed in an abstract'],
    ['\\mathllap{x}', '\\mathllap is not allowed in an abstract'],
    ['\\mathclap{x}', '\\mathclap is not allowed in an abstract'],
    ['\\rlap{x}', '\\rlap is not allowed in an abstract'],
    ['\\llap{x}', '\\llap is not allowed in an abstract'],
    ['x\\kern-30em y', '\\kern is not allowed in an abstract'],
    ['x\\mkern-300mu y', '\\mkern is not allowed in an abstract'],
    ['x\\hspace{-20em} y', '\\hspace is not allowed in an abstract'],
    ['x\\mskip-200mu y', '\\mskip is not allowed in an abstract'],
    ['x\\hskip-20em y', '\\hskip is not allowed in an abstract'],
    ['\\rule{-1em}{20em}', '\\rule is not allowed in an abstract'],
    ['\\rule{20em}{20em}', '\\rule is not allowed in an abstract'],
    ['\\vphantom{\\begin{matrix}a\\\\b\\end{matrix}}', '\\vphantom is not allowed in an abstract'],
    ['\\phantom{x}', '\\phantom is not allowed in an abstract'],
    ['\\Huge x', '\\Huge is not allowed in an abstract: math is set at the size of the text around it'],
    ['\\tiny x', '\\tiny is not allowed in an abstract: math is set at the size'],
    [
      '\\def\\a{\\raisebox{-9em}{x}}\\a',
      '\\def is not allowed in an abstract: it defines a macro or reaches into TeX itself',
    ],
    ['\\gdef\\a{x}\\a', '\\gdef is not allowed in an abstract: it defines a macro'],
    ['\\newcommand{\\a}{x}\\a', '\\newcommand is not allowed in an abstract: it defines a macro'],
    ['\\renewcommand{\\arraystretch}{100}', '\\renewcommand is not allowed in an abstract: it defines a macro'],
    ['\\let\\a\\raisebox', '\\let is not allowed in an abstract: it defines a macro'],
    ['\\arraystretch', '\\arraystretch is not allowed in an abstract'],
    ['\\color{red}{x}', '\\color is not allowed in an abstract: formulas are shown in the colours and frames'],
    ['\\textcolor{red}{x}', '\\textcolor is not allowed in an abstract'],
    ['\\colorbox{red}{x}', '\\colorbox is not allowed in an abstract'],
    [
      '\\href{https://evil.example}{x}',
      '\\href is not allowed (math may not contain links, HTML attributes or images)',
    ],
    ['\\htmlStyle{position:fixed}{x}', '\\htmlStyle is not allowed (math may not contain links'],
    ['\\verb|\\def|', '\\verb is not allowed in an abstract: it is not one of the commands an abstract may use'],
    ['\\csname raisebox\\endcsname', '\\csname is not allowed in an abstract: it defines a macro'],
    ['\\tag{1} x', "\\tag is not allowed in an abstract: an abstract's formulas are not numbered or referred to"],
    ['x \\label{eq:1}', "\\label is not allowed in an abstract: an abstract's formulas are not numbered"],
    ['\\mbox{poly}(n)', '\\mbox is not allowed in an abstract: write text in a formula as \\text{…}'],
    ['\\hbox{x}', '\\hbox is not allowed in an abstract: write text in a formula as \\text{…}'],
    [
      '\\begin{align*} a &= b \\end{align*}',
      'the environment align* is not allowed in an abstract: write aligned (inside $$…$$), which takes the same & and \\\\',
    ],
    [
      '\\begin{equation} x \\end{equation}',
      'the environment equation is not allowed in an abstract: write the formula alone',
    ],
    ['\\begin{gather} x \\end{gather}', 'the environment gather is not allowed in an abstract: write gathered'],
    ['\\begin{CD} a @>>> b \\end{CD}', 'the environment CD is not allowed in an abstract: use one of matrix, pmatrix'],
    ['\\begin {array x}', '\\begin must be followed by an environment name in braces'],
  ])('refuses %s', (tex, message) => {
    expect(inline(tex)).toEqual([expect.stringContaining(`LaTeX: ${message}`)]);
  });

  it('checks the commands inside \\text and comments too', () => {
    expect(inline('\\text{\\raisebox{1em}{x}}')[0]).toContain('\\raisebox is not allowed');
    expect(messages('Text $$x % \\raisebox$$ and')[0]).toContain('\\raisebox is not allowed');
  });

  it('splits control sequences as KaTeX does', () => {
    expect(controlSequences('\\\\def \\alpha2\\,\\ \n').map(({ name }) => name)).toEqual([
      '\\\\',
      '\\alpha',
      '\\,',
      '\\ ',
    ]);
  });
});

describe('after KaTeX has read the formula', () => {
  it('produces only node types of the list from listed commands (KaTeX’s own macros included)', () => {
    // \not draws with a zero-width lap, \vdots with a rule, \! and \coloneqq with negative kerns.
    expect(inline('a \\not= b \\neq c \\notin D \\coloneqq \\vdots \\! x \\iff y \\pmod{n}')).toEqual([]);
    expect(ALLOWED_NODE_TYPES.has('raisebox')).toBe(false);
    expect(ALLOWED_NODE_TYPES.has('smash')).toBe(false);
    expect(ALLOWED_NODE_TYPES.has('sizing')).toBe(false);
    expect(ALLOWED_NODE_TYPES.has('color')).toBe(false);
  });

  it.each([
    ['\\begin{aligned} a \\\\[-10em] b \\end{aligned}', 'the size -10em is too large (at most 2em, as \\qquad).'],
    ['\\begin{aligned} a \\\\[-1ex] b \\end{aligned}', 'the size -1ex is negative: leave it out.'],
    ['\\begin{aligned} a \\\\[3em] b \\end{aligned}', 'the size 3em is too large (at most 2em, as \\qquad).'],
    ['\\begin{aligned} a \\\\[100pt] b \\end{aligned}', 'the size 100pt is too large (at most 2em, as \\qquad).'],
    ['a \\\\ b', 'a line break (\\\\) belongs inside an environment: use \\begin{aligned}…\\end{aligned}.'],
  ])('caps the sizes written in %s', (tex, message) => {
    expect(inline(tex)).toEqual([`LaTeX: ${message}`]);
  });

  it('accepts small row gaps', () => {
    expect(inline('\\begin{aligned} a &= b \\\\[2pt] c &= d \\end{aligned}')).toEqual([]);
  });

  it('bounds how tall a formula is, inline and on display', () => {
    const rows = (count: number) => `\\begin{pmatrix}${'a \\\\ '.repeat(count)}a\\end{pmatrix}`;
    expect(inline(rows(4))).toEqual([]);
    expect(inline(rows(12))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^LaTeX: the formula is [\\d.]+em tall \\(at most ${MAX_FORMULA_HEIGHT_EM.inline}em inline\\): split it\\.$`,
        ),
      ),
    ]);
    expect(messages(`Text\n\n$$\n${rows(12)}\n$$\n`)).toEqual([]);
    expect(messages(`Text\n\n$$\n${rows(40)}\n$$\n`)).toEqual([
      expect.stringMatching(/^LaTeX: the formula is [\d.]+em tall \(at most 40em on display\)/),
    ]);
  });
});

describe('bounded cost', () => {
  const budgetMessage = `LaTeX: the abstract's math is too big (more than ${MAX_ABSTRACT_MATH_NODES} symbols and groups in all, counted as KaTeX reads them): shorten the formulas.`;

  it('refuses 10 KB of formulas that would render to megabytes, once, and typesets none after', () => {
    // Each formula is under the length limit; together they would be about 1.5 MB of HTML.
    const formula = `$${'x+'.repeat(490)}x$`;
    const body = Array.from({ length: 10 }, () => formula).join('\n\n');
    expect(body.length).toBeGreaterThan(9_800);
    expect(messages(body)).toEqual([budgetMessage]);
  });

  it('counts many small formulas against the same budget', () => {
    const body = Array.from({ length: 1_500 }, () => '$x$').join(' ');
    expect(messages(body)).toEqual([budgetMessage]);
  });

  it('stops at the first formula that needs too many expansions of KaTeX’s own macros', () => {
    const formula = `$${'\\neq'.repeat(240)}$`;
    const body = Array.from({ length: 10 }, () => formula).join('\n\n');
    expect(messages(body)).toEqual([
      `LaTeX: Too many expansions (more than ${katexOptions.maxExpand} steps of KaTeX's own macros): shorten the formula`,
    ]);
  });

  it('refuses a formula longer than the limit before reading it', () => {
    expect(inline('x'.repeat(1001))).toEqual([
      'LaTeX: a formula of 1001 characters is too long (at most 1000): shorten it, or write it as smaller formulas with words between them.',
    ]);
  });
});
