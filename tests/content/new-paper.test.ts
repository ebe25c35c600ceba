import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join, relative } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { remove } from 'unist-util-remove';
import { afterAll, describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { parse } from 'yaml';
import { parseArxivInput, type FetchLike } from '../../src/content/arxiv.ts';
import { checkContent } from '../../src/content/check.ts';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import {
  abstractToMdx,
  convertAbstract,
  fromTex,
  newPaper as newPaperNow,
  NewPaperError,
  type NewPaperContext,
  type NewPaperOptions,
} from '../../src/content/new-paper.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { seededRandom } from '../../src/bench/random.ts';
import { buildFixture, projectRoot } from '../helpers/build.ts';
import { removeTempProjects, runNewPaperCli, tempProject } from '../helpers/new-paper.ts';

afterAll(removeTempProjects);

/**
 * new-paper with the clock in January 2099, where the synthetic answers' papers (9901.*) are:
 * a digest date after tomorrow is refused, as `npm run check` refuses it.
 */
const newPaper = (options: NewPaperOptions, context: NewPaperContext = {}) =>
  newPaperNow(options, { now: () => new Date('2099-01-10T12:00:00Z'), ...context });

const recorded = (name: string) => readFile(join(projectRoot, 'tests/fixtures/arxiv', name), 'utf8');
const seedFile = join(projectRoot, 'content/papers/2025/2306.13575.mdx');

/** A stand-in for `fetch` that answers with a recorded response and remembers what was asked. */
function fakeFetch(
  answer: string | { status: number; body: string } | ((url: string, signal: AbortSignal) => Promise<Response>),
) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(url);
    if (typeof answer === 'function') return answer(url, init.signal);
    const { status, body } = typeof answer === 'string' ? { status: 200, body: answer } : answer;
    return new Response(body, { status, headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
  };
  return { fetch, calls };
}

async function paperFiles(root: string): Promise<string[]> {
  return (await readdir(join(root, 'content/papers'), { recursive: true }))
    .filter((name) => name.endsWith('.mdx'))
    .sort();
}

async function check(root: string) {
  const { problems, papers } = await checkContent({
    root,
    // The recorded arXiv answers are synthetic papers of January 2099 (ids 9901.*).
    today: new Date('2099-01-10T12:00:00Z'),
    papersDir: 'content/papers',
    topicsFile: 'content/topics.yaml',
  });
  return { problems: problems.map(formatProblem), papers };
}

async function refusal(promise: Promise<unknown>): Promise<NewPaperError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NewPaperError);
  return error as NewPaperError;
}

describe('reading what a contributor pastes', () => {
  it.each([
    ['2306.13575', '2306.13575', undefined],
    ['2306.13575v2', '2306.13575', 2],
    [' arXiv:2306.13575v12 ', '2306.13575', 12],
    ['arxiv.org/abs/2306.13575', '2306.13575', undefined],
    ['https://arxiv.org/abs/2306.13575v2', '2306.13575', 2],
    ['http://www.arxiv.org/abs/2306.13575/', '2306.13575', undefined],
    ['https://arxiv.org/pdf/2306.13575v1', '2306.13575', 1],
    ['https://arxiv.org/pdf/2306.13575v1.pdf', '2306.13575', 1],
    ['https://arxiv.org/pdf/2306.13575', '2306.13575', undefined],
    ['https://export.arxiv.org/abs/2306.13575?context=cs#abstract', '2306.13575', undefined],
    ['https://arxiv.org/html/2306.13575v1', '2306.13575', 1],
    ['1412.6980', '1412.6980', undefined],
    ['0704.0001', '0704.0001', undefined],
    ['math.GT/0309136', 'math.GT/0309136', undefined],
    ['math.GT/0309136v1', 'math.GT/0309136', 1],
    ['https://arxiv.org/abs/hep-th/9901001v3', 'hep-th/9901001', 3],
    ['https://arxiv.org/pdf/cond-mat/0702661v2', 'cond-mat/0702661', 2],
    // As copied from a sentence, a reference list, a PDF's margin or a DOI.
    ['2306.13575.', '2306.13575', undefined],
    ['(arXiv:2306.13575v2),', '2306.13575', 2],
    ['"2306.13575"', '2306.13575', undefined],
    ['<https://arxiv.org/abs/2306.13575>.', '2306.13575', undefined],
    ['https://arxiv.org/pdf/2306.13575v1.pdf;', '2306.13575', 1],
    ['2306.13575.pdf', '2306.13575', undefined],
    ['2306.13575v3.pdf', '2306.13575', 3],
    ['2306.13575V2', '2306.13575', 2],
    ['2306. 13575', '2306.13575', undefined],
    ['2306.13575 v2', '2306.13575', 2],
    ['\u200b2306.13575\ufeff', '2306.13575', undefined],
    ['arXiv:2306.13575v2 [cs.LG] 5 Oct 2023', '2306.13575', 2],
    ['arXiv:math/0309136 [math.GT]', 'math/0309136', undefined],
    ['https://browse.arxiv.org/abs/2306.13575', '2306.13575', undefined],
    ['10.48550/arXiv.2306.13575', '2306.13575', undefined],
    ['https://doi.org/10.48550/arXiv.2306.13575', '2306.13575', undefined],
    ['doi:10.48550/ARXIV.2306.13575', '2306.13575', undefined],
    ['HEP-TH/9901001', 'hep-th/9901001', undefined],
    ['math.gt/0309136v2', 'math.GT/0309136', 2],
    // As the search reads them too (arxivIdInText, one reading for both): a reference's forms,
    // the sites that show a paper at its id, full-width text, the DOI's ending.
    ['arXiv preprint arXiv:2306.13575, 2023', '2306.13575', undefined],
    ['CoRR abs/2306.13575', '2306.13575', undefined],
    ['https://huggingface.co/papers/2306.13575', '2306.13575', undefined],
    ['https://ar5iv.labs.arxiv.org/html/2306.13575v2', '2306.13575', 2],
    ['ａｒＸｉｖ：2306.13575', '2306.13575', undefined],
    ['arXiv.2306.13575', '2306.13575', undefined],
    ['doi.org/10.48550/arXiv.2306.13575', '2306.13575', undefined],
    // A Markdown link to a paper's page, as curators paste from notes: refused as 'not an arXiv id'.
    ['[2306.13575](https://arxiv.org/abs/2306.13575)', '2306.13575', undefined],
    ['[Scaling MLPs: A Tale of Inductive Bias](https://arxiv.org/abs/2306.13575v2)', '2306.13575', 2],
    ['[arXiv:2306.13575 [cs.LG]](<https://arxiv.org/pdf/2306.13575v2>)', '2306.13575', 2],
    ['[the paper](https://arxiv.org/abs/math.GT/0309136 "arXiv")', 'math.GT/0309136', undefined],
    ['[2306.13575](https://example.org/notes/scaling)', '2306.13575', undefined],
    // A line of a curator's notes: one id and a note set off beside it. Each was refused as 'not an arXiv id'.
    ['2401.00007 // note', '2401.00007', undefined],
    ['2401.00007 -- note', '2401.00007', undefined],
    ['2401.00007 ; note', '2401.00007', undefined],
    ['2401.00007 (the LoRA one)', '2401.00007', undefined],
    ['2401.00007v2 — the LoRA one, v1 had a bug', '2401.00007', 2],
    ['2401.00007 - LoRA | fine-tuning', '2401.00007', undefined],
    ['https://arxiv.org/abs/2401.00007v3 // LoRA (see also §2)', '2401.00007', 3],
    ['arXiv:2401.00007 [cs.LG] -- LoRA', '2401.00007', undefined],
    ['[LoRA](https://arxiv.org/abs/2401.00007) // read first', '2401.00007', undefined],
    ['LoRA: 2401.00007', '2401.00007', undefined],
    ['(the LoRA one) hep-th/9901001', 'hep-th/9901001', undefined],
    ['2401.00007 // same as arXiv:2401.00007', '2401.00007', undefined],
  ])('%s → %s (version %s)', (input, id, version) => {
    expect(parseArxivInput(input)).toEqual(version === undefined ? { id } : { id, version });
  });

  it.each([
    ['', /Give an arXiv id/],
    ['not-an-id', /is not an arXiv id or URL/],
    ['2306.1357', /ids from 2306 have five digits after the dot/],
    ['2313.13575', /not a year and month/],
    ['1501.0001', /five digits/],
    ['1412.69801', /four digits/],
    ['0612.0001', /is not a valid arXiv id/],
    ['https://arxiv.org/list/cs.LG/recent', /not a paper's page/],
    ['https://example.org/abs/2306.13575', /is not an arXiv id or URL/],
    ['2306.13575 2306.13576', /is not an arXiv id or URL/],
    ['10.48550/arXiv.2306.1357', /five digits after the dot/],
    ['https://arxiv.org/abs/2306.13575v2x', /is not an arXiv id or URL/],
    // A link whose text and address name two papers (or two versions): which is meant cannot be told.
    ['[2306.13576](https://arxiv.org/abs/2306.13575)', /names two arXiv ids, 2306\.13576 and 2306\.13575/],
    ['[2306.13575v1](https://arxiv.org/abs/2306.13575v2)', /names two arXiv ids, 2306\.13575v1 and 2306\.13575v2/],
    ['[Scaling MLPs](https://arxiv.org/list/cs.LG/recent)', /not a paper's page/],
    ['[Scaling MLPs](https://example.org/abs/2306.13575)', /is not an arXiv id or URL/],
    // A note beside an id: a note that names another paper (or another version, or a mistyped id),
    // an id that is not one, words with no mark setting them off, or a note and no id.
    [
      '2401.00007 // not 2401.00008',
      /names two arXiv ids, 2401\.00007 and 2401\.00008 \(in its note\): give the one you mean/,
    ],
    ['2401.00007v2 (v1 is 2401.00007v1)', /names two arXiv ids, 2401\.00007v2 and 2401\.00007v1 \(in its note\)/],
    ['2401.00007 // see [it](https://arxiv.org/abs/2401.00009)', /names two arXiv ids, 2401\.00007 and 2401\.00009/],
    ['2401.00007, 2401.0008', /names two arXiv ids, 2401\.00007 and 2401\.0008 \(in its note\)/],
    [
      '2401.0007 // the LoRA one',
      /"2401\.0007 \/\/ the LoRA one" is not a valid arXiv id: ids from 2401 have five digits/,
    ],
    ['2401.00007 the LoRA one', /"2401\.00007 the LoRA one" is not an arXiv id or URL/],
    ['see 2401.00007 and more', /is not an arXiv id or URL/],
    ['// the LoRA one', /is not an arXiv id or URL/],
    ['LoRA (the one we read)', /is not an arXiv id or URL/],
  ])('refuses %j', (input, message) => {
    expect(() => parseArxivInput(input)).toThrow(message);
  });
});

describe('an arXiv id of a month still to come', () => {
  // `9912.12345` follows the grammar and reads as December 2099: new-paper asked arXiv for it, and
  // the check took it, blaming the digest date for being before it.
  const today = new Date('2026-12-07T06:00:00Z');

  it('is refused by new-paper, with the reason, before arXiv is asked', async () => {
    const root = await tempProject();
    for (const input of ['9912.12345', 'arXiv:2701.00001v2']) {
      const { fetch, calls } = fakeFetch('');
      await expect(newPaperNow({ input, tags: ['optimization'] }, { root, fetch, now: () => today })).rejects.toThrow(
        /is not a valid arXiv id: \d{4} reads as \w+ 20\d\d, a month still to come/,
      );
      expect(calls).toEqual([]);
    }
    expect(parseArxivInput('9912.12345', new Date('2099-12-01T00:00:00Z'))).toEqual({ id: '9912.12345' });
  });

  it("is refused by the check at its field, by the check's clock", async () => {
    const paper = (arxiv: string) =>
      `---\ntitle: A paper\nauthors:\n  - Ada Lovelace\ndate: "2026-12-07"\narxiv: "${arxiv}"\ntags:\n  - optimization\n---\n\nAn abstract.\n`;
    const root = await tempProject();
    await mkdir(join(root, 'content/papers/2026'), { recursive: true });
    await writeFile(join(root, 'content/papers/2026/9912.12345.mdx'), paper('9912.12345'));
    await writeFile(join(root, 'content/papers/2026/2612.00001.mdx'), paper('2612.00001'));
    const { problems } = await checkContent({
      root,
      today,
      papersDir: 'content/papers',
      topicsFile: 'content/topics.yaml',
    });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/papers\/2026\/9912\.12345\.mdx:6: arxiv: is not a valid arXiv id: 9912 reads as December 2099, a month still to come .*hep-th\/9912001\.$/,
      ),
    ]);
  });
});

describe('abstract to MDX', () => {
  it.each([
    [
      'keeps paragraphs, joins wrapped lines',
      '  First line\nwrapped.\n  Second paragraph.',
      'First line wrapped.\n\nSecond paragraph.',
    ],
    [
      'keeps math verbatim',
      'Loss $\\{x : f(x) < 1\\}$ and $$\\sum_i x_i$$.',
      'Loss $\\{x : f(x) < 1\\}$ and $$\\sum_i x_i$$.',
    ],
    ['escapes MDX syntax outside math', 'A {set} <b>bold</b> a > b', 'A \\{set\\} \\<b\\>bold\\</b\\> a \\> b'],
    [
      'escapes Markdown syntax outside math',
      'an *emphasis*, `code`, [link](x) & _under_ snake_case',
      'an \\*emphasis\\*, &#96;code&#96;, \\[link\\](x) \\& \\_under\\_ snake_case',
    ],
    ['turns TeX escapes into the characters they print', '90\\% of \\$5 \\& \\#1', '90% of \\$5 \\& #1'],
    ['makes an unpaired dollar literal', 'It costs $5.', 'It costs \\$5.'],
    [
      'reads dollars before a number as amounts, as Pandoc does',
      'From $5 and $10 to $x$, $5-$10, or $2$-approximations',
      'From \\$5 and \\$10 to $x$, \\$5-\\$10, or $2$-approximations',
    ],
    [
      'turns TeX fonts into emphasis, bold and code',
      '\\emph{sparse} \\textit{a*b} \\textbf{ new } \\texttt{x\\_y} {\\em old} {\\bf style} \\textsc{Caps}',
      '*sparse* *a\\*b*  **new**  `x_y` *old* **style** Caps',
    ],
    [
      'turns \\url and \\href into links',
      'At \\url{https://a.org/x_(y)} and \\href{https://b.org/d?e=1}{the demo}.',
      'At [https://a.org/x\\_(y)](https://a.org/x_\\(y\\)) and [the demo](https://b.org/d?e=1).',
    ],
    [
      'turns accents into letters',
      'Erd\\H{o}s, G\\"odel, {\\"o}, \\\'{e}, \\`a, \\c{c}, \\c c, \\ss{} and \\\'{\\i}',
      'Erdős, Gödel, ö, é, à, ç, ç, ß and í',
    ],
    [
      'turns TeX quotes, dashes and ties into what they print, but not arrows, tildes or code',
      "``exact'' `q' 3--5 a---b Fig.~2 ~100 (~10%) a --> b `code`",
      '“exact” ‘q’ 3–5 a—b Fig.\u00A02 ~100 (~10%) a --\\> b &#96;code&#96;',
    ],
    ['keeps a bare address as written', 'See https://a.org/x--y~z.', 'See https://a.org/x--y~z.'],
    [
      'keeps a command with no faithful form as written, escaped',
      'As in \\cite{smith99}, \\footnote{a}.',
      'As in \\\\cite\\{smith99\\}, \\\\footnote\\{a\\}.',
    ],
    [
      // A lone combining mark would print no letter, and the digit under it would be lost or misplaced.
      'keeps an accent over no letter as written, escaped',
      "Grade \\c{1} or \\'{}.",
      "Grade \\\\c\\{1\\} or \\\\'\\{\\}.",
    ],
    [
      "writes a paper's math markup as an abstract's: \\text, aligned, no equation, label or \\nonumber",
      'In $\\mbox{poly}(n)$: $$\\begin{align*} a &= b \\label{eq:1} \\\\ c &= d \\nonumber \\end{align*}$$ $$\\begin{equation}x\\end{equation}$$',
      'In $\\text{poly}(n)$: $$\\begin{aligned} a &= b  \\\\ c &= d  \\end{aligned}$$ $$x$$',
    ],
    [
      'keeps a tag, which prints a number, for the check to report, and a line break before a word',
      '$$a \\tag{1}$$ and $\\begin{aligned}a\\\\label\\end{aligned}$',
      '$$a \\tag{1}$$ and $\\begin{aligned}a\\\\label\\end{aligned}$',
    ],
    [
      "writes LaTeX's math delimiters \\(…\\) and \\[…\\] as $…$ and $$…$$, spaces inside dropped",
      'With \\( O(n) \\) time: \\[\\mbox{loss} = 0\\] and \\(a \\\\ b\\).',
      'With $O(n)$ time: $$\\text{loss} = 0$$ and $a \\\\ b$.',
    ],
    [
      // In TeX a `$` closes inline math whatever follows; Markdown would read `$x$$y$` as one formula "x$$y".
      'writes formulas side by side as one, each part braced as a formula of its own',
      'Both $x$$y$ and $a=$$b$$c$, apart $u$ $v$, display $$d$$',
      'Both ${x}{y}$ and ${a=}{b}{c}$, apart $u$ $v$, display $$d$$',
    ],
    [
      // Markdown ends `$…$` at any `$`; `$$…$$` ends only at `$$`, where `\$` stays.
      'writes a dollar sign inside inline math as \\text{\\textdollar}, and keeps it in display math',
      'Costs $\\$5$, \\(x + \\$1\\), $a \\\\$ and $$\\$2$$',
      'Costs $\\text{\\textdollar}5$, $x + \\text{\\textdollar}1$, $a \\\\$ and $$\\$2$$',
    ],
    [
      'keeps an unclosed or empty \\( as written, for the check to report',
      'An \\(x or \\(\\).',
      'An \\\\(x or \\\\(\\\\).',
    ],
    [
      'converts a TeX group with math in it whole: font, tie and braces around the formula',
      '\\emph{$x$ is small}, Fig.~$2$, \\textbf{see \\(y\\)}',
      '*$x$ is small*, Fig.\u00A0$2$, **see $y$**',
    ],
    [
      'takes a space in an \\href address, percent-encoded',
      '\\href{https://a.org/my file.pdf}{the file}',
      '[the file](https://a.org/my%20file.pdf)',
    ],
    [
      'escapes what would start a block',
      '# not a heading\n  1. not a list\n  - nor this\n  > nor a quote',
      '\\# not a heading\n\n1\\. not a list\n\n\\- nor this\n\n\\> nor a quote',
    ],
    [
      // MDX reads a line that starts `import ` or `export ` as JavaScript, and `~~~` opens a code block;
      // a backslash before `=` or a backtick would be a TeX accent to the check (`\=a` is ā).
      'escapes what would start code, and only that',
      'import of goods\n  export x\n  ~~~ y\n  =a, `b`\n  imports',
      '&#105;mport of goods\n\n&#101;xport x\n\n\\~~~ y\n\n=a, &#96;b&#96;\n\nimports',
    ],
    // arXiv's page reads math across an indented line (MathJax takes the break for a space): split
    // there, each half of the formula showed as text with its dollars.
    [
      'keeps a formula whole across indented lines, and starts the paragraph after it',
      '  We show\n$$\n  f(x) = 1\n$$\nholds.\n  Then more.',
      'We show $$ f(x) = 1 $$ holds.\n\nThen more.',
    ],
    [
      'keeps inline math and \\[…\\] whole across an indented line',
      '  With $a +\n  b$ and \\[ c\n    = d \\]\n  New $x$.',
      'With $a + b$ and $$c = d$$\n\nNew $x$.',
    ],
    [
      'ends a paragraph at a blank line even inside dollars, as TeX ends math there',
      'Costs $$ a\n\n  b $$ here.',
      'Costs \\$\\$ a\n\nb \\$\\$ here.',
    ],
    ['still starts a paragraph at an indented line between amounts', 'From $5\n  to $10.', 'From \\$5\n\nto \\$10.'],
  ])('%s', (_name, input, output) => {
    expect(abstractToMdx(input)).toBe(output);
  });

  it('reports a command whose brace is never closed, rather than styling or linking a lone "{"', () => {
    // The parser reads `\\emph{a` as \\emph with the argument "{": published as an emphasised brace.
    expect(convertAbstract('An \\emph{open text and \\url{https://a.org/x').unknown).toEqual(['\\emph{', '\\url{']);
    expect(fromTex({ title: 'A \\textbf{Bold Title', authors: ['Ada Lovelace'], abstract: '' }).unconverted).toEqual([
      { field: 'title', command: '\\textbf{' },
    ]);
  });

  it("writes math that the check refuses in a paper's markup as math it accepts, printing the same", () => {
    const paperMath = 'In $\\mbox{poly}(n)$: $$\\begin{align} a &= b \\label{x} \\\\ c &= d \\notag \\end{align}$$';
    const render = (body: string) => renderPaperBody(body, { file: 'x.mdx', bodyLine: 1 }).problems;
    expect(render(paperMath)).not.toEqual([]);
    expect(render(abstractToMdx(paperMath))).toEqual([]);
  });

  it('writes dollar signs in math and formulas side by side so that the page prints what TeX prints', () => {
    const paperMath = 'A $\\$5$ fee, \\(x + \\$1\\) and $a=$$b$.';
    const rendered = renderPaperBody(abstractToMdx(paperMath), { file: 'x.mdx', bodyLine: 1 });
    expect(rendered.problems).toEqual([]);
    // MathML's characters, formula by formula: the dollar signs are math, and no `$` is left in the text.
    const page = fromHtml(rendered.rendered!.html, { fragment: true });
    const isElement = (node: RootContent | Root, tagName: string): node is Element =>
      node.type === 'element' && node.tagName === tagName;
    remove(page, (node) => isElement(node as RootContent, 'annotation'));
    const formulas: string[] = [];
    visit(page, 'element', (node) => {
      if (node.tagName === 'math') formulas.push(toText(node));
    });
    expect(formulas).toEqual(['$5', 'x+$1', 'a=b']);
    remove(
      page,
      (node) =>
        isElement(node as RootContent, 'span') && String((node as Element).properties.className).includes('katex'),
    );
    expect(toText(page)).toBe('A  fee,  and .');
  });
});

describe('TeX in a title', () => {
  const title = (tex: string) => fromTex({ title: tex, authors: ['Ada Lovelace'], abstract: '' });
  it.each([
    [
      'writes \\(…\\) and \\[…\\] as $…$ (a title has no display math)',
      'On \\( O(n) \\) and \\[k\\] Bounds',
      'On $O(n)$ and $k$ Bounds',
    ],
    [
      'reads an escaped dollar as a dollar that opens no math',
      'From \\$5 to \\$10 with $x$',
      'From $5 to $10 with $x$',
    ],
    [
      'keeps $…$ math as written and converts the text around it',
      'G\\"odel and $\\ell_1$ \\emph{Norms}',
      'Gödel and $\\ell_1$ Norms',
    ],
  ])('%s', (_name, input, output) => {
    expect(title(input)).toEqual({ title: output, authors: ['Ada Lovelace'], body: '' });
  });

  it('refuses escaped dollars that the title would pair as math (TeX prints "$x$", the page would typeset x)', () => {
    expect(title('Why \\$x\\$ Is Not Math').unconverted).toEqual([
      expect.objectContaining({ field: 'title', command: '\\$', reason: expect.stringContaining('pair') }),
    ]);
    // A dollar next to real math pairs with nothing: it is text.
    expect(title('A \\$ Sign and $x$').unconverted).toBeUndefined();
  });
});

describe('npm run new-paper on recorded arXiv answers', () => {
  const options = (input: string, extra: Partial<NewPaperOptions> = {}): NewPaperOptions => ({
    input,
    tags: ['mlp-architectures'],
    date: '2025-06-06',
    ...extra,
  });

  it('writes the seed entry, byte for byte, from the normal answer; the check accepts it', async () => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch(await recorded('2306.13575.xml'));
    const result = await newPaper(
      options('https://arxiv.org/abs/2306.13575v2', {
        tags: ['vision-mlps', 'mlp-architectures', 'image-classification'],
        venue: 'NeurIPS 2023',
        code: 'https://github.com/gregorbachmann/scaling_mlps',
      }),
      { root, fetch },
    );
    expect(calls).toEqual(['https://export.arxiv.org/api/query?id_list=2306.13575']);
    expect(result).toMatchObject({ file: 'content/papers/2025/2306.13575.mdx', source: 'arxiv', written: true });
    const written = await readFile(join(root, result.file), 'utf8');
    expect(written).toBe(await readFile(seedFile, 'utf8'));
    expect(await check(root)).toMatchObject({ problems: [] });
  });

  it.each([
    ['2306.13575v3', "You gave v3, but arXiv's latest version of 2306.13575 is v1: check the id"],
    ['https://arxiv.org/abs/9901.00011v2', "You gave v2; the entry is written from v3, arXiv's latest"],
  ])('says when the version given (%s) is not the one arXiv answers with', async (input, note) => {
    const root = await tempProject();
    const answer = input.startsWith('2306')
      ? await recorded('2306.13575.xml')
      : await recorded('batch-9901.00010-00013.xml');
    const { fetch } = fakeFetch(answer);
    const result = await newPaper({ input, tags: ['optimization'], date: '2099-01-10', dryRun: true }, { root, fetch });
    expect(result.notes.join('\n')).toContain(note);
    // Asked without a version, or for the latest, nothing is said.
    const plain = await newPaper(
      { input: input.replace(/v\d$/, ''), tags: ['optimization'], date: '2099-01-10', dryRun: true },
      { root, fetch },
    );
    expect(plain.notes.join('\n')).not.toContain('You gave');
  });

  it('uses today (UTC) as the digest date when --date is not given', async () => {
    const root = await tempProject();
    const { fetch } = fakeFetch(await recorded('2306.13575.xml'));
    // 23:30 on New Year's Eve in UTC-5 is already January 1st in UTC.
    const now = () => new Date('2031-01-01T04:30:00Z');
    const result = await newPaper({ input: '2306.13575', tags: ['mlp-architectures'] }, { root, fetch, now });
    expect(result.file).toBe('content/papers/2031/2306.13575.mdx');
    expect(result.text).toContain('date: "2031-01-01"');
  });

  it('writes entries that the check and the build accept, the build showing what arXiv says', async () => {
    const root = await tempProject();
    await newPaper(options('2306.13575'), { root, fetch: fakeFetch(await recorded('2306.13575.xml')).fetch });
    // An odd answer: math over indented lines, MDX syntax in a CDATA section, particles, suffixes.
    const odd = fakeFetch(await recorded('9901.00030-odd.xml'));
    await newPaper(options('9901.00030', { date: '2099-01-10' }), { root, fetch: odd.fetch });
    expect((await check(root)).problems).toEqual([]);
    // Relative to the project, as the build's content folder always is.
    const build = await buildFixture(relative(projectRoot, join(root, 'content')));
    expect(build.ok, build.output).toBe(true);
    const html = await readFile(join(build.outDir, 'papers/2306.13575/index.html'), 'utf8');
    expect(html).toContain('Scaling MLPs: A Tale of Inductive Bias');
    expect(html).toContain('Gregor Bachmann');
    expect(html).toContain('All of our experiments were run on a single GPU.');

    const page = fromHtml(await readFile(join(build.outDir, 'papers/9901.00030/index.html'), 'utf8'));
    // Each of the abstract's formulas whole, as MathML: the display sum over three lines and the
    // inline one over two (written as text with their dollars when the lines were split).
    const formulas: string[] = [];
    visit(page, 'element', (node) => {
      if (node.tagName === 'math') formulas.push(toText(node));
    });
    expect(formulas).toEqual(['∑i=1nxi≤1', 'a+b']);
    const paragraphs: string[] = [];
    visit(page, 'element', (node) => {
      if (node.tagName === 'p') paragraphs.push(toText(node));
    });
    const first = paragraphs.find((paragraph) => paragraph.startsWith('We study why a preprint was withdrawn'));
    expect(first).toMatch(/ as well\.$/);
    expect(first).not.toContain('$');
    const text = toText(page);
    expect(text).toContain('import of goods and <b>bold</b> & {braces} are text here.');
    expect(text).toContain('# not a heading, - not a list, > not a quote, and export is a word.');
    for (const name of ['Ada van der Example', 'Bo Sample Jr.', 'Placeholder', 'The Synthetic Collaboration'])
      expect(text).toContain(name);
  });

  it('keeps TeX as math and escapes the rest (title and abstract with TeX)', async () => {
    const root = await tempProject();
    const { fetch } = fakeFetch(await recorded('9901.00001-tex.xml'));
    const result = await newPaper(options('9901.00001', { date: '2099-01-10' }), { root, fetch });
    expect(result.file).toBe('content/papers/2099/9901.00001.mdx');
    const [frontmatter = '', body = ''] = result.text.split('\n---\n');
    const data = parse(frontmatter.replace(/^---\n/, '')) as Record<string, unknown>;
    expect(data.title).toBe('An $O(\\sqrt{n})$ Bound for $\\ell_p$-Regression with $k < n$ Samples');
    // <published> 2099-01-01T22:30:00-05:00 is January 2nd in UTC.
    expect(data.published).toBe('2099-01-02');
    expect(body).toContain('$f(x) = \\|Ax - b\\|_p^p$');
    expect(body).toContain('$k < n$ and $\\{a_i\\}_{i=1}^k$');
    expect(body).toContain('$$\\frac{n}{k}.$$');
    expect(body).toContain('the \\{previous\\} bound for 90% of the cases \\<that matter\\>');
    expect(body).toContain('The code costs \\$0 \\& is free.');
    expect(body).toContain('\n\nIn a second paragraph, we show \\*why\\* the rate is tight.');
    expect(result.notes.join('\n')).toContain('journal reference "Synthetic J. Examples 1 (2099) 1-12"');

    const { problems, papers } = await check(root);
    expect(problems).toEqual([]);
    // Checked without a cache, so the paper comes back rendered.
    const rendered = papers[0]!.rendered!;
    expect(rendered.hasMath).toBe(true);
    expect(rendered.html).toContain('class="katex"');
    expect(rendered.html).not.toContain('katex-error');
    expect(rendered.text).toContain('the {previous} bound for 90% of the cases <that matter> by a factor of');
    expect(rendered.text).toContain('The code costs $0 & is free.');
  });

  it('turns TeX outside math into what it prints (title, names, abstract); the check and the page agree', async () => {
    const root = await tempProject();
    const { fetch } = fakeFetch(await recorded('9901.00020-tex-text.xml'));
    await newPaper(options('9901.00020', { date: '2099-01-10' }), { root, fetch });
    const { problems, papers } = await check(root);
    expect(problems).toEqual([]);
    const paper = papers[0]!;
    expect(paper.data.title).toBe('Schrödinger Bridges for Synthetic Data: a $\\ell_1$ Study');
    expect(paper.data.authors).toEqual(['Françoise Exemplé', 'Jürgen Müller-Beispiel', 'Paul Erdős Example']);
    const { html, text } = paper.rendered!;
    expect(html).toContain('<em>synthetic</em>');
    expect(html).toContain('<strong>new</strong>');
    expect(html).toContain('<code>bridge_solve</code>');
    expect(html).toContain('href="https://github.com/example/bridge_solve"');
    expect(html).toContain('>demo</a>');
    expect(html).not.toContain('\\');
    // Every word arXiv gives is there; the amounts stay amounts, and $n$ and $k<n$ are math.
    expect(text).toContain(
      'We study synthetic bridges à la Schrödinger with a new solver, bridge_solve, on 90% of the benchmarks & more. ' +
        'Training costs $5 per run and $10 per sweep, for $n$ samples and $k<n$ steps. ' +
        'It is 3–5 times faster than “exact” solvers—see Fig. 2. Code: https://github.com/example/bridge_solve, and a demo.',
    );
  });

  it('leaves out what arXiv text holds that shows nothing, and writes the text it shows (seeded)', async () => {
    // Invisible characters of unlike kinds (zero-width, soft hyphen, bidi marks and isolates, word
    // joiner, BOM, a variation selector, a tag character, a Hangul filler, a blank braille cell)
    // are left out; a C1 control and a line separator stand for the space between words.
    const invisible = [
      '\u200b',
      '\u00ad',
      '\u200f',
      '\u2066',
      '\u2060',
      '\ufeff',
      '\ufe0f',
      '\u{e0041}',
      '\u3164',
      '\u2800',
    ];
    const spaces = ['\u0085', '\u2028'];
    const random = seededRandom(2201);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const sprinkle = (text: string) =>
      text.replace(/[a-z]/g, (letter) => (random() < 0.15 ? letter + pick(invisible) : letter));
    const original = await recorded('9901.00020-tex-text.xml');
    const title = 'Schrödinger Bridges for Synthetic Data: a $\\ell_1$ Study';
    for (let round = 0; round < 8; round++) {
      const root = await tempProject();
      const xml = original
        .replace('Bridges for \\emph{Synthetic}', sprinkle('Bridges for \\emph{Synthetic}'))
        .replace('Paul Erd\\H{o}s Example', sprinkle('Paul') + pick(spaces) + 'Erd\\H{o}s Example')
        .replace('We study \\emph{synthetic} bridges', sprinkle('We study \\emph{synthetic} bridges'))
        .replace('faster\nthan', `faster${pick(spaces)}than`);
      const { fetch } = fakeFetch(xml);
      const result = await newPaper(options('9901.00020', { date: '2099-01-10' }), { root, fetch });
      expect(result.notes.join('\n')).toMatch(/Left out characters that show nothing \(U\+[0-9A-F]{4,5}/);
      const { problems, papers } = await check(root);
      expect(problems).toEqual([]);
      expect(papers[0]!.data.title).toBe(title);
      expect(papers[0]!.data.authors).toEqual(['Françoise Exemplé', 'Jürgen Müller-Beispiel', 'Paul Erdős Example']);
      expect(papers[0]!.rendered!.text).toContain('We study synthetic bridges à la Schrödinger');
      expect(papers[0]!.rendered!.text).toContain('3–5 times faster than “exact”');
    }
  });

  it('keeps a zero-width joiner or non-joiner where a script spells with it, and leaves out the others', async () => {
    // Persian, Devanagari and an emoji sequence need theirs; in a Latin word or before a space one hides.
    const root = await tempProject();
    const { fetch } = fakeFetch(
      (await recorded('9901.00020-tex-text.xml'))
        .replace('Bridges for', 'Bri\u200Ddges (نمی\u200Cشود, क्\u200Dष) for')
        .replace('We study', 'We \u200Cstudy 👩\u200D💻 and ہم\u200Cآہنگ'),
    );
    const result = await newPaper(options('9901.00020', { date: '2099-01-10' }), { root, fetch });
    expect(result.notes.join('\n')).toMatch(
      /Left out characters that show nothing \(U\+200D in the title; U\+200C in the abstract\)/,
    );
    const { problems, papers } = await check(root);
    expect(problems).toEqual([]);
    expect(papers[0]!.data.title).toBe(
      'Schrödinger Bridges (نمی\u200Cشود, क्\u200Dष) for Synthetic Data: a $\\ell_1$ Study',
    );
    expect(papers[0]!.rendered!.text).toContain('We study 👩\u200D💻 and ہم\u200Cآہنگ synthetic bridges');
  });

  it.each([
    // arXiv abstracts end with their code's address, as \url, \href or bare, over http too.
    ['\\url{http://www.cs.example.edu/~ann/code_v1.html}', 'http://www.cs.example.edu/~ann/code_v1.html', undefined],
    ['\\href{http://example.org/demo}{our demo}', 'our demo (http://example.org/demo)', undefined],
    ['Code: https://github.com/owner/repo_name.', 'Code: https://github.com/owner/repo_name.', undefined],
    ['(see http://a.example.org/*x*/[y](z)_{q}_)', '(see http://a.example.org/*x*/[y](z)_{q}_)', undefined],
    [
      '\\url{https://github.com/owner/repo_name}',
      'https://github.com/owner/repo_name',
      'https://github.com/owner/repo_name',
    ],
  ])('writes %s so that the check takes it and the page shows %s', async (tex, shown, link) => {
    const root = await tempProject();
    const { fetch } = fakeFetch(
      (await recorded('9901.00020-tex-text.xml')).replace('and a \\href{https://example.org/demo}{demo}.', tex),
    );
    await newPaper(options('9901.00020', { date: '2099-01-10' }), { root, fetch });
    const { problems, papers } = await check(root);
    expect(problems).toEqual([]);
    const { text, html } = papers[0]!.rendered!;
    expect(text).toContain(shown);
    // A link only where the check takes one; an address it does not is text, never a link.
    expect([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1])).toEqual(
      ['https://github.com/example/bridge_solve', link].filter((href) => href !== undefined),
    );
  });

  // Feed readers make a link of an address written as text, so as text it must lead where a
  // link may (bareAddressProblems): the reader's own machine or network is no such place.
  it.each([
    ['\\url{https://localhost:8080/x_y}', 'https://localhost:8080/x_y'],
    ['\\href{https://127.0.0.1/}{the server}', 'https://127.0.0.1/'],
    ['\\url{http://[::1]:8888/}', 'http://[::1]:8888/'],
    ['Demo at http://10.0.0.7/demo.', 'http://10.0.0.7/demo'],
  ])('refuses %s as the check does, naming the address, and writes nothing', async (tex, address) => {
    const root = await tempProject();
    const { fetch } = fakeFetch(
      (await recorded('9901.00020-tex-text.xml')).replace('and a \\href{https://example.org/demo}{demo}.', tex),
    );
    const error = await refusal(newPaper(options('9901.00020', { date: '2099-01-10' }), { root, fetch }));
    expect(error.message).toBe('The entry for 9901.00020 would not pass the content check, so nothing was written.');
    expect(error.problems.map((problem) => [problem.field, problem.message])).toEqual([
      [
        'body',
        expect.stringContaining(
          `the address "${address}" in the text, which feed readers and mail clients make a link, is not allowed: it must name a web host with a domain`,
        ),
      ],
    ]);
    // At the line that holds it, as the entry writes it (Markdown escapes a bracket).
    expect(error.text!.split('\n')[error.problems[0]!.line! - 1]).toContain(address.replace(/[[\]]/g, '\\$&'));
    expect(await paperFiles(root)).toEqual([]);
  });

  // An address that leads to no web host with a domain is refused with its scheme wherever it is
  // written, in `code` too: the message says the one way there is, and that way passes.
  it.each([
    ['Data: s3://my-bucket/data/train.', 's3://my-bucket/data/train', 'the s3 location my-bucket/data/train'],
    ['Logs in hdfs://namenode:8020/user/x;', 'hdfs://namenode:8020/user/x', 'the hdfs location namenode:8020/user/x'],
    ['(gs://bucket_1/shards)', 'gs://bucket_1/shards', 'the gs location bucket_1/shards'],
    ['Demo at \\url{http://203.0.113.7:8000/demo}.', 'http://203.0.113.7:8000/demo', '203.0.113.7:8000/demo'],
    ['\\href{https://[2001:db8::7]/x}{here}', 'https://[2001:db8::7]/x', '[2001:db8::7]/x'],
  ])('says how to write %s so that the check takes it, and that way passes', async (tex, address, unlinked) => {
    const xml = (await recorded('9901.00020-tex-text.xml')).replace(
      'and a \\href{https://example.org/demo}{demo}.',
      tex,
    );
    const error = await refusal(
      newPaper(options('9901.00020', { date: '2099-01-10' }), {
        root: await tempProject(),
        fetch: fakeFetch(xml).fetch,
      }),
    );
    expect(error.problems).toHaveLength(1);
    const { message } = error.problems[0]!;
    expect(message).toContain(`the address "${address}" in the text`);
    expect(message).toContain(`write it without "${address.slice(0, address.indexOf('//') + 2)}", as "${unlinked}"`);
    expect(message).toContain('give it with --abstract');
    // The advice taken: an abstract with the address written as the message says.
    const root = await tempProject();
    const abstract = `We keep the data at ${unlinked}, as arXiv's abstract says.`;
    await newPaper(options('9901.00020', { date: '2099-01-10', abstract }), { root, fetch: fakeFetch(xml).fetch });
    const { problems, papers } = await check(root);
    expect(problems).toEqual([]);
    expect(papers[0]!.rendered!.text).toContain(unlinked);
  });

  // An address refused for its host, not for having none, is to be linked to the real site:
  // written without its scheme it would still name that host, and be refused again.
  it.each([
    ['Code at \\url{http://\u0430rxiv.org/x}.', 'http://\u0430rxiv.org/x', 'mixes Cyrillic and Latin letters'],
    ['Code at https://\u0430pple.com/x today.', 'https://\u0430pple.com/x', 'mixes Cyrillic and Latin letters'],
    [
      'Code at \\url{https://\u0915\u094D\u200D\u0937.com/x}.',
      'https://\u0915\u094D\u200D\u0937.com/x',
      'ZERO WIDTH JOINER',
    ],
  ])('gives no advice to drop the scheme of %s, a look-alike host', async (tex, address, why) => {
    const xml = (await recorded('9901.00020-tex-text.xml')).replace(
      'and a \\href{https://example.org/demo}{demo}.',
      tex,
    );
    const error = await refusal(
      newPaper(options('9901.00020', { date: '2099-01-10' }), {
        root: await tempProject(),
        fetch: fakeFetch(xml).fetch,
      }),
    );
    expect(error.problems).toHaveLength(1);
    const { message } = error.problems[0]!;
    expect(message).toContain(`the address "${address}" in the text`);
    expect(message).toContain(why);
    expect(message).toContain("link to the site's real address");
    expect(message).not.toContain('write it without');
  });

  it.each([
    [
      'the abstract',
      (xml: string) => xml.replace('see Fig.~2.', 'see Fig.~2 and \\cite{smith99}.'),
      'body',
      '\\cite{smith99}',
      '--abstract',
    ],
    [
      'the title',
      (xml: string) => xml.replace('Study</title>', 'Study\\footnote{Extended}</title>'),
      'title',
      '\\footnote{Extended}',
      '--title',
    ],
    [
      'a name',
      (xml: string) => xml.replace('M\\"uller-Beispiel', 'M\\"uller\\thanks{Lab}'),
      'authors[1]',
      '\\thanks{Lab}',
      '--authors',
    ],
  ])(
    'stops at TeX that has no form on the page, in %s, naming the line and the flag',
    async (_where, edit, field, command, flag) => {
      const root = await tempProject();
      const { fetch } = fakeFetch(edit(await recorded('9901.00020-tex-text.xml')));
      const error = await refusal(newPaper(options('9901.00020', { date: '2099-01-10' }), { root, fetch }));
      expect(error.message).toBe('The entry for 9901.00020 would not pass the content check, so nothing was written.');
      // The check may add its own words about the same field (a name may hold no backslash).
      expect(new Set(error.problems.map((problem) => problem.field))).toEqual(new Set([field]));
      const problem = error.problems.find((problem) => problem.message.includes(command));
      expect(problem).toMatchObject({ file: 'content/papers/2099/9901.00020.mdx', field });
      expect(problem!.message).toContain(`${command} is TeX that has no form on the page`);
      expect(problem!.message).toContain(`with ${flag} "…"`);
      // The line is the one that holds the command in the entry that would have been written.
      const line = error.text!.split('\n')[problem!.line! - 1]!;
      expect(line).toContain(command.slice(1, command.indexOf('{')));
      expect(await paperFiles(root)).toEqual([]);
    },
  );

  it.each([
    [
      'an environment',
      '\\begin{itemize}\\item a\\end{itemize}',
      'an environment, such as a list or a table, outside math',
    ],
    ['verbatim text', '\\verb|x_1|', 'verbatim text): write it as `code`'],
    ['a group never closed', '\\emph{open', 'its group opens with "{" and is never closed'],
  ])('says why %s in the abstract has no form on the page', async (_kind, tex, reason) => {
    const root = await tempProject();
    const xml = (await recorded('9901.00020-tex-text.xml')).replace('see Fig.~2.', `see Fig.~2 and ${tex}`);
    const error = await refusal(
      newPaper(options('9901.00020', { date: '2099-01-10' }), { root, fetch: fakeFetch(xml).fetch }),
    );
    const problem = error.problems.find((found) => found.field === 'body');
    expect(problem?.message).toContain(`is TeX that has no form on the page (${reason}`);
    expect(problem?.message).toContain('with --abstract "…"');
  });

  // arXiv's list may write an author's affiliation, or its numbers, in parentheses after the name:
  // the digest lists, links and cites names, so the name is written and the rest left out, said.
  it.each([
    ['Ada van der Example (MIT)', 'Ada van der Example', '(MIT)'],
    ['Ada van der Example (1 and 2)', 'Ada van der Example', '(1 and 2)'],
    [
      'Ada van der Example (Dept. of CS (AI Lab), Univ.) (Google)',
      'Ada van der Example',
      '(Dept. of CS (AI Lab), Univ.) (Google)',
    ],
    ['Ad\\`a van der Example  (Universit\\`a di Example)', 'Adà van der Example', '(Università di Example)'],
  ])('writes the name of %j, leaving out its affiliation and saying so', async (written, name, dropped) => {
    const root = await tempProject();
    const xml = (await recorded('9901.00030-odd.xml')).replace(
      '<name>Ada van der Example</name>',
      `<name>${written}</name>`,
    );
    const result = await newPaper(options('9901.00030', { date: '2099-01-10' }), { root, fetch: fakeFetch(xml).fetch });
    expect((parse(result.text.split('---\n')[1]!) as { authors: string[] }).authors).toEqual([
      name,
      'Bo Sample Jr.',
      'Placeholder',
      'The Synthetic Collaboration',
    ]);
    expect(result.notes.join('\n')).toContain(`"${name}" without "${dropped.replace(/\\`a/, 'à')}"`);
    expect((await check(root)).problems).toEqual([]);
  });

  it('leaves a name alone whose parentheses are no affiliation after it, and says nothing', async () => {
    for (const written of ['Ada (Ann) van der Example', '(Ada van der Example)', 'Ada van der Example ()x']) {
      const xml = (await recorded('9901.00030-odd.xml')).replace(
        '<name>Ada van der Example</name>',
        `<name>${written}</name>`,
      );
      const result = await newPaper(options('9901.00030', { date: '2099-01-10', dryRun: true }), {
        root: await tempProject(),
        fetch: fakeFetch(xml).fetch,
      }).catch((error: unknown) => error as NewPaperError);
      expect(result instanceof NewPaperError ? result.text : result.text, written).toContain(written);
      if (!(result instanceof NewPaperError)) expect(result.notes.join('\n'), written).not.toContain('affiliation');
    }
  });

  // `et al.` stands for names arXiv does not give: the check refuses it, and new-paper says how to
  // give the names (it invents none, and leaves none out unsaid).
  it.each(['et al.', 'Bo Sample et al.'])(
    'refuses %j as an author, saying to give the names with --authors',
    async (written) => {
      const root = await tempProject();
      const xml = (await recorded('9901.00030-odd.xml')).replace('<name>Placeholder</name>', `<name>${written}</name>`);
      const error = await refusal(
        newPaper(options('9901.00030', { date: '2099-01-10' }), { root, fetch: fakeFetch(xml).fetch }),
      );
      expect(error.problems).toEqual([
        expect.objectContaining({
          field: 'authors[2]',
          message: expect.stringContaining(
            'To write the authors otherwise, give them with --authors "First Author; Second Author"',
          ),
        }),
      ]);
      expect(await paperFiles(root)).toEqual([]);
    },
  );

  // The advice is a sentence after the check's, whether its message ends with a full stop or not.
  it.each([
    ['<name>Placeholder</name>', '<name>et al.</name>', 'authors[2]'],
    ['<name>Placeholder</name>', '<name>Ada аpple</name>', 'authors[2]'],
    ['We study why', 'We study аpple.com/x and why', 'body'],
    ['We study why', 'We study https://аpple.com/x and why', 'body'],
  ])('gives its flag advice as a sentence of its own (%#)', async (from, to, field) => {
    const xml = (await recorded('9901.00030-odd.xml')).replace(from, to);
    const error = await refusal(
      newPaper(options('9901.00030', { date: '2099-01-10' }), {
        root: await tempProject(),
        fetch: fakeFetch(xml).fetch,
      }),
    );
    expect(error.problems).toEqual([expect.objectContaining({ field })]);
    expect(error.problems[0]!.message).toMatch(/[^.][.!?]["'”)]? To write the (?:authors|abstract) otherwise, give/u);
  });

  it('keeps many authors, in order, quoting the names YAML needs quoted', async () => {
    const root = await tempProject();
    const { fetch } = fakeFetch(await recorded('9901.00002-many-authors.xml'));
    const expected = JSON.parse(await recorded('9901.00002-many-authors.authors.json')) as string[];
    const result = await newPaper(options('9901.00002', { date: '2099-01-10' }), { root, fetch });
    const { papers, problems } = await check(root);
    expect(problems).toEqual([]);
    expect(papers[0]!.data.authors).toEqual(expected);
    expect(papers[0]!.data.title).toBe('A Large-Scale Synthetic Benchmark: Sixty Authors, One Title');
    expect(result.text).toContain('title: "A Large-Scale Synthetic Benchmark: Sixty Authors, One Title"');
    expect(result.notes[0]).toContain('60 authors');
  });

  it.each([
    [
      '9901.00003',
      '9901.00003-not-found.xml',
      /^arXiv has no paper 9901\.00003: check the id\. Nothing was written\.$/,
    ],
    ['9901.00003', '9901.00003-not-found-legacy.xml', /^arXiv has no paper 9901\.00003/],
    ['9901.00004', '9901.00004-error.xml', /^arXiv refused the id 9901\.00004: incorrect id format for 9901\.00004\./],
    ['9901.00005', '9901.00005-malformed.xml', /^arXiv's answer for 9901\.00005 is not a usable Atom feed: .*line \d+/],
    [
      '9901.00021',
      '9901.00021-withdrawn.xml',
      /^arXiv's latest version of 9901\.00021 \(v2\) withdraws the paper: "This paper has been withdrawn by the authors"\. A withdrawn paper is not added to the digest\. Nothing was written\.$/,
    ],
  ])('%s (%s): a clear error, and nothing written', async (id, name, message) => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch(await recorded(name));
    const error = await refusal(newPaper(options(id), { root, fetch }));
    expect(error.message).toMatch(message);
    expect(calls).toHaveLength(1);
    expect(await paperFiles(root)).toEqual([]);
  });

  it('refuses an answer about another paper, or one that lacks what an entry needs', async () => {
    const root = await tempProject();
    const other = fakeFetch(await recorded('2306.13575.xml'));
    expect((await refusal(newPaper(options('9901.00001'), { root, fetch: other.fetch }))).message).toMatch(
      /it holds an entry for https:\/\/arxiv\.org\/abs\/2306\.13575v1, which was not asked, and none for 9901\.00001\./,
    );
    const noDate = (await recorded('9901.00002-many-authors.xml')).replace(/<published>.*<\/published>/, '');
    const missing = fakeFetch(noDate);
    expect(
      (await refusal(newPaper(options('9901.00002', { date: '2099-01-10' }), { root, fetch: missing.fetch }))).message,
    ).toMatch(/<published> date "" is not a date/);
    const html = fakeFetch({ status: 400, body: '<html><body>Bad Request</body></html>' });
    expect(
      (await refusal(newPaper(options('9901.00002', { date: '2099-01-10' }), { root, fetch: html.fetch }))).message,
    ).toMatch(/HTTP 400/);
    expect(await paperFiles(root)).toEqual([]);
  });

  // Minimal synthetic answers of the shapes arXiv fails with; no paper's metadata in them.
  const syntheticErrorFeed = [
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>Synthetic query</title>',
    '<entry><id>https://export.arxiv.org/api/synthetic-error</id><title>Error</title>',
    '<summary>synthetic error message</summary></entry></feed>',
  ].join('');
  it.each([
    [
      'an empty answer',
      { status: 200, body: '' },
      /^arXiv's answer for 9901\.00001 is not a usable Atom feed: the answer is empty\. Nothing was written\. That is arXiv's side \(or the network's\), not your command: run the same command again later\.$/,
    ],
    [
      'an answer that is not XML',
      { status: 200, body: 'Synthetic plain text' },
      /^arXiv's answer for 9901\.00001 is not a usable Atom feed: [^.]*\(line 1\)\. Nothing was written\. That is arXiv's side/,
    ],
    [
      'an error entry whose id is not an api/errors address: its title says Error',
      { status: 200, body: syntheticErrorFeed },
      /^arXiv refused the id 9901\.00001: synthetic error message\. Nothing was written\.$/,
    ],
  ])('%s: says what happened and what to do, and writes nothing', async (_name, answer, message) => {
    const root = await tempProject();
    const { fetch } = fakeFetch(answer);
    expect((await refusal(newPaper(options('9901.00001'), { root, fetch }))).message).toMatch(message);
    expect(await paperFiles(root)).toEqual([]);
  });

  it("says whose each date is when the check refuses one: --date's, today's, arXiv's or --published's", async () => {
    const root = await tempProject();
    const dateProblems = async (extra: Partial<NewPaperOptions>, answer?: string) => {
      const { fetch } = fakeFetch(answer ?? 'unused');
      const error = await refusal(newPaper(options('9901.00010', extra), { root, fetch }));
      return error.problems.filter((problem) => problem.field === 'date' || problem.field === 'published');
    };
    const arxiv = await recorded('batch-9901.00010.xml'); // first version 2099-01-08
    // --date before arXiv's first version: the flag's date and arXiv's, named so.
    expect((await dateProblems({ date: '2099-01-05' }, arxiv)).map((problem) => problem.message)).toEqual([
      "is after the digest date 2099-01-05: a paper is featured after its first version; check both dates. The digest date 2099-01-05 is your --date; 2099-01-08, the first version's date, is arXiv's.",
    ]);
    // Before the id's month too: each of the two problems says it.
    const early = await dateProblems({ date: '2098-12-31' }, arxiv);
    expect(early.map((problem) => problem.field).sort()).toEqual(['date', 'published']);
    for (const problem of early)
      expect(problem.message).toMatch(
        / The digest date 2098-12-31 is your --date; 2099-01-08, the first version's date, is arXiv's\.$/,
      );
    // Offline, no --date: today's date, and the first version's date the flag gave.
    const offline = { offline: true, title: 'A Title', authors: ['Ada Example'], date: undefined };
    const today = await dateProblems({ ...offline, published: '2099-01-11' });
    expect(today.map((problem) => problem.message)).toEqual([
      expect.stringMatching(
        / The digest date 2099-01-10 is today's \(no --date was given\); 2099-01-11, the first version's date, is your --published\.$/,
      ),
    ]);
    // A date problem with no first-version date: only the digest date's source.
    expect((await dateProblems({ ...offline, date: '2098-12-20' })).map((problem) => problem.message)).toEqual([
      expect.stringMatching(
        / first appeared: the digest date is when the digest featured it\. The digest date 2098-12-20 is your --date\.$/,
      ),
    ]);
    expect(await paperFiles(root)).toEqual([]);
  });

  it('an answer about another paper says to run the command again later', async () => {
    const root = await tempProject();
    const { fetch } = fakeFetch(await recorded('2306.13575.xml'));
    expect((await refusal(newPaper(options('9901.00001'), { root, fetch }))).message).toMatch(
      /none for 9901\.00001\. Nothing was written\. That is arXiv's side \(or the network's\), not your command: run the same command again later\.$/,
    );
  });

  it('refuses an id already in the digest before any network call, naming the file', async () => {
    const root = await tempProject({ papers: [{ from: seedFile, to: '2025/2306.13575.mdx' }] });
    const { fetch, calls } = fakeFetch(await recorded('2306.13575.xml'));
    const error = await refusal(newPaper(options('https://arxiv.org/pdf/2306.13575v2'), { root, fetch }));
    expect(error.message).toBe(
      'arXiv 2306.13575 is already in the digest: content/papers/2025/2306.13575.mdx:8. Edit that file instead.',
    );
    expect(calls).toEqual([]);
  });

  it('refuses a paper whose file name is taken, before any network call', async () => {
    const root = await tempProject({
      papers: [
        { from: join(projectRoot, 'tests/fixtures/site/papers/2025/plain-paper.mdx'), to: '2024/9901.00001.mdx' },
      ],
    });
    const { fetch, calls } = fakeFetch(await recorded('9901.00001-tex.xml'));
    const error = await refusal(newPaper(options('9901.00001'), { root, fetch }));
    expect(error.message).toContain('content/papers/2024/9901.00001.mdx already publishes at /papers/9901.00001/');
    expect(calls).toEqual([]);
  });

  it('checks the flags before asking arXiv: unknown topics get a suggestion, dates must be real', async () => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch(await recorded('2306.13575.xml'));
    const error = await refusal(
      newPaper(options('2306.13575', { tags: ['mlp-architecture'], date: '2025-02-30', published: '2023/6/23' }), {
        root,
        fetch,
      }),
    );
    expect(error.message).toContain('--tags: unknown topic "mlp-architecture". Did you mean "mlp-architectures"?');
    expect(error.message).toContain('--date 2025-02-30: must be a real calendar date');
    // --published is read as --date is: the date to write when it reads one way only.
    expect(error.message).toContain(
      '--published 2023/6/23: must be a real calendar date written YYYY-MM-DD (write --published 2023-06-23).',
    );
    const noTags = await refusal(newPaper({ input: '2306.13575' }, { root, fetch }));
    expect(noTags.message).toMatch(
      /^--tags is required: one or more topics from content\/topics\.yaml.*mlp-architectures/,
    );
    // Given, but naming no topic (`--tags ""`, `--tags ,`: the CLI splits it to none): said so, not "required".
    const emptyTags = await refusal(newPaper({ input: '2306.13575', tags: [] }, { root, fetch }));
    expect(emptyTags.message).toMatch(
      /^--tags names no topic \(it is empty, or only commas and spaces\): give one or more topics from content\/topics\.yaml, comma-separated\. Topics: .*mlp-architectures/,
    );
    expect(calls).toEqual([]);
  });

  // `--date ""` (or `--date=`) said '--date : must be a real calendar date…', the value shown as
  // nothing; `--code ""` or `--venue ""` was taken as left out, and `--title ""` or `--abstract ""`
  // replaced arXiv's with nothing. Each flag given empty is refused, named plainly, with what to write.
  it.each([
    [
      'date',
      /^--date is empty \(""\): give the digest date as YYYY-MM-DD \(e\.g\. --date 2025-06-07, today\), or leave --date out/,
    ],
    [
      'published',
      /^--published is empty \(""\): give the first version's date as YYYY-MM-DD .*or leave --published out/,
    ],
    [
      'code',
      /^--code is empty \(""\): give the https:\/\/ address of the paper's official code .*or leave --code out\.$/,
    ],
    [
      'project',
      /^--project is empty \(""\): give the https:\/\/ address of the paper's project page .*or leave --project out\.$/,
    ],
    [
      'venue',
      /^--venue is empty \(""\): give where the paper was published \(e\.g\. --venue "NeurIPS 2023"\), or leave --venue out\.$/,
    ],
    ['title', /^--title is empty \(""\): give the title .*or leave --title out for arXiv's\.$/],
    [
      'abstract',
      /^--abstract is empty \(""\): give the abstract, math in \$…\$, or leave --abstract out for arXiv's\.$/,
    ],
  ] as const)(
    'refuses --%s given empty before asking arXiv, naming the value and what to write',
    async (flag, said) => {
      const root = await tempProject();
      const { fetch, calls } = fakeFetch(await recorded('2306.13575.xml'));
      const now = () => new Date('2025-06-07T12:00:00Z');
      for (const value of ['', ' \t']) {
        const error = await refusal(newPaper(options('2306.13575', { [flag]: value }), { root, fetch, now }));
        expect(error.wrongCommand).toBe(true);
        if (value === '') expect(error.message).toMatch(said);
        // Each space named, as an editor shows none of them (spaceName, the rule of every field).
        else
          expect(error.message).toContain(
            `--${flag} holds only spaces (U+0020 SPACE, U+0009 CHARACTER TABULATION): give `,
          );
        // Only that: a --date or --published given empty is not also "no real calendar date".
        expect(error.message.split('\n')).toHaveLength(1);
      }
      expect(calls).toEqual([]);
      expect(await paperFiles(root)).toEqual([]);
    },
  );

  // A write the file system refused threw its own error: a stack trace, and the paper's file unnamed.
  it('says why an entry cannot be written (a full disk, a file where the year folder goes), writing nothing', async () => {
    const root = await tempProject();
    const { fetch } = fakeFetch(await recorded('2306.13575.xml'));
    const folder = join(root, 'content/papers/2025');
    await mkdir(folder);
    await symlink('/dev/full', join(folder, `.2306.13575.mdx.${process.pid}.tmp`));
    const full = await refusal(newPaper(options('2306.13575'), { root, fetch }));
    expect(full.message).toBe(
      'Cannot write content/papers/2025/2306.13575.mdx (the disk is full, ENOSPC: free some space); nothing was written. Run the same command again once it can be.',
    );
    expect(await readdir(folder)).toEqual([]);
    await rm(folder, { recursive: true });
    await writeFile(folder, '');
    const notFolder = await refusal(newPaper(options('2306.13575'), { root, fetch }));
    expect(notFolder.message).toBe(
      'Cannot write content/papers/2025/2306.13575.mdx (content/papers/2025 is a file, not a folder, EEXIST: move or rename that file); nothing was written. Run the same command again once it can be.',
    );
    // The CLI prints it as a refusal, exit code 1, with no stack trace.
    const cli = await runNewPaperCli(
      root,
      '2401.09999',
      '--offline',
      '--title',
      'A Title',
      '--authors',
      'Ada Lovelace',
      '--tags',
      'optimization',
      '--date',
      '2025-06-06',
    );
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(
      `✗ Cannot write ${join(folder, '2401.09999.mdx')} (${folder} is a file, not a folder, EEXIST: move or rename that file); nothing was written.`,
    );
    expect(cli.stderr).not.toMatch(/^\s+at /m);
  });

  it('never writes an entry the content check would refuse', async () => {
    const root = await tempProject();
    const broken = (await recorded('9901.00002-many-authors.xml')).replace(
      'It has no math.',
      'Its math is broken: $\\frac{1}{$.',
    );
    const { fetch } = fakeFetch(broken);
    const error = await refusal(newPaper(options('9901.00002', { date: '2099-01-10' }), { root, fetch }));
    expect(error.message).toBe('The entry for 9901.00002 would not pass the content check, so nothing was written.');
    expect(error.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/papers\/2099\/9901\.00002\.mdx:\d+:\d+: body: LaTeX: /),
    ]);
    expect(error.text).toContain('$\\frac{1}{$');
    const badLink = await refusal(
      newPaper(options('9901.00002', { date: '2099-01-10', code: 'http://github.com/x/y' }), {
        root,
        fetch: fakeFetch(await recorded('9901.00002-many-authors.xml')).fetch,
      }),
    );
    expect(badLink.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/papers\/2099\/9901\.00002\.mdx:\d+: links\.code: must be a full https:\/\/ URL/),
    ]);
    expect(await paperFiles(root)).toEqual([]);
  });

  // `--tags Optimization` was refused: 'unknown topic "Optimization". Did you mean "optimization"?'.
  it('takes a topic typed in other letter case as that topic, written as the vocabulary writes it', async () => {
    const root = await tempProject();
    const { fetch } = fakeFetch(await recorded('2306.13575.xml'));
    const tags = ['Optimization', 'MLP-Architectures', 'OPTIMIZATION', 'optimization'];
    const result = await newPaper(options('2306.13575', { tags, dryRun: true }), { root, fetch });
    expect((parse(result.text.split('---\n')[1]!) as { tags: string[] }).tags).toEqual([
      'optimization',
      'mlp-architectures',
    ]);
  });

  it.each([
    // A Kelvin sign (U+212A) is `k` in lower case, a Cyrillic О (U+041E) looks like O, İ is Turkish.
    ['\u212Aernel-methods', 'U+212A'],
    ['\u041Eptimization', 'U+041E'],
    ['\u0130n-context-learning', 'U+0130'],
  ])('still refuses %j, a look-alike of a topic, naming its character', async (tag, codePoint) => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch(await recorded('2306.13575.xml'));
    const error = await refusal(newPaper(options('2306.13575', { tags: [tag], dryRun: true }), { root, fetch }));
    expect(error.message).toContain(`--tags: unknown topic "${tag}" (it holds `);
    expect(error.message).toContain(codePoint);
    expect(calls).toEqual([]);
  });

  it('with --dry-run, checks and returns the entry without writing it', async () => {
    const root = await tempProject();
    const { fetch } = fakeFetch(await recorded('2306.13575.xml'));
    const result = await newPaper(options('2306.13575', { dryRun: true }), { root, fetch });
    expect(result.written).toBe(false);
    expect(result.text).toContain('title: "Scaling MLPs: A Tale of Inductive Bias"');
    expect(await paperFiles(root)).toEqual([]);
  });
});

describe('without arXiv', () => {
  const template: NewPaperOptions = {
    input: '9901.00006',
    tags: ['optimization'],
    date: '2099-01-10',
    title: 'A Template Paper',
    authors: ['Ada Example', 'Bao Sample'],
  };

  it('--offline writes a template from the flags, says so, and never calls arXiv', async () => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch('unused');
    const result = await newPaper({ ...template, offline: true, published: '2099-01-02' }, { root, fetch });
    expect(calls).toEqual([]);
    expect(result).toMatchObject({ source: 'template', written: true, file: 'content/papers/2099/9901.00006.mdx' });
    expect(result.notes.join('\n')).toMatch(/^Offline: the entry is a template written from your flags/);
    expect(result.notes.join('\n')).toContain('The abstract is empty: paste it below the frontmatter');
    expect(result.text).toBe(
      [
        '---',
        'title: "A Template Paper"',
        'authors:',
        '  - Ada Example',
        '  - Bao Sample',
        'date: "2099-01-10"',
        'arxiv: "9901.00006"',
        'published: "2099-01-02"',
        'tags:',
        '  - optimization',
        '---',
        '',
      ].join('\n'),
    );
    // The template is written, and the check asks for the abstract until it is pasted in.
    expect((await check(root)).problems).toEqual([
      "content/papers/2099/9901.00006.mdx:12: body: is empty: paste the paper's abstract below the frontmatter's closing `---`.",
    ]);
  });

  it('--offline without a title and authors refuses, saying which flags to give', async () => {
    const root = await tempProject();
    const error = await refusal(newPaper({ input: '9901.00006', tags: ['optimization'], offline: true }, { root }));
    expect(error.message).toMatch(/^With --offline, the entry is written from flags: give --title and --authors/);
    expect(await paperFiles(root)).toEqual([]);
  });

  it.each([
    [
      'a network error',
      () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } })),
      /could not be reached \(ENOTFOUND\)/,
    ],
    [
      'arXiv asking for fewer requests',
      () => Promise.resolve(new Response('Too Many Requests', { status: 429 })),
      /not answering right now \(HTTP 429: Too Many Requests\)/,
    ],
    [
      'arXiv throttling',
      () => Promise.resolve(new Response('Rate exceeded.', { status: 503 })),
      /not answering right now \(HTTP 503: Rate exceeded\.\)/,
    ],
  ])('when arXiv cannot be reached (%s), writes the template and says so', async (_name, answer, message) => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch(answer);
    const result = await newPaper({ ...template, abstract: 'An abstract with $x^2$.' }, { root, fetch });
    expect(calls).toHaveLength(1);
    expect(result.source).toBe('template');
    expect(result.notes[0]).toMatch(message);
    expect(result.notes[0]).toMatch(/^For \S+, arXiv /);
    expect(result.notes[0]).toContain('Writing a template from your flags instead.');
    expect(result.text).toMatch(/---\n\nAn abstract with \$x\^2\$\.\n$/);
    expect(await check(root)).toMatchObject({ problems: [] });
  });

  it('gives up on a silent arXiv after the timeout', async () => {
    const root = await tempProject();
    const hang = (_url: string, signal: AbortSignal) =>
      new Promise<Response>((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason as Error)),
      );
    const { fetch } = fakeFetch(hang);
    const error = await refusal(
      newPaper({ input: '9901.00006', tags: ['optimization'] }, { root, fetch, timeoutMs: 50 }),
    );
    expect(error.message).toMatch(
      /^For 9901\.00006, arXiv could not be reached \(no answer within 50 ms\)\. Nothing was written\.\nThat is arXiv's side \(or the network's\), not your command: run the same command again later\. Or write the entry from flags: give --title and --authors/,
    );
    expect(await paperFiles(root)).toEqual([]);
  });

  it('when arXiv is busy, says how long it asks to wait, and to run the command again; nothing written', async () => {
    const root = await tempProject();
    const { fetch } = fakeFetch(() =>
      Promise.resolve(new Response('Service Unavailable', { status: 503, headers: { 'retry-after': '600' } })),
    );
    const error = await refusal(newPaper({ input: '9901.00006', tags: ['optimization'] }, { root, fetch }));
    expect(error.message).toBe(
      'For 9901.00006, arXiv is not answering right now (HTTP 503: Service Unavailable); it asks to wait 10 minutes before asking again (new-paper waits up to 60 s). Nothing was written.\n' +
        "That is arXiv's side (or the network's), not your command: run the same command again later. " +
        'Or write the entry from flags: give --title and --authors (e.g. --title "Scaling MLPs: A Tale of Inductive Bias" --authors "Gregor Bachmann; Sotiris Anagnostidis").',
    );
    expect(await paperFiles(root)).toEqual([]);
  });
});

describe('a busy arXiv that asks for a pause', () => {
  const now = () => new Date('2099-01-10T12:00:00Z');
  /** A context whose pauses and progress lines are recorded; it never sleeps. */
  const recording = () => {
    const pauses: number[] = [];
    const lines: string[] = [];
    const sleep = async (ms: number) => {
      pauses.push(ms);
    };
    return { pauses, lines, sleep, progress: (line: string) => lines.push(line) };
  };

  it.each([
    ['seconds', '30', 30_000, '30 s'],
    ['an HTTP date', 'Sat, 10 Jan 2099 12:01:00 GMT', 60_000, '60 s'],
  ])(
    'with a Retry-After in %s of at most a minute: says it waits, waits once and writes the paper',
    async (_name, header, ms, words) => {
      const root = await tempProject();
      const answer = await recorded('2306.13575.xml');
      const { fetch, calls } = fakeFetch(() =>
        Promise.resolve(
          calls.length === 1
            ? new Response('Service Unavailable', { status: 503, headers: { 'retry-after': header } })
            : new Response(answer, { status: 200 }),
        ),
      );
      const { pauses, lines, sleep, progress } = recording();
      const result = await newPaper(
        { input: '2306.13575', tags: ['mlp-architectures'], date: '2099-01-10' },
        { root, fetch, now, sleep, progress },
      );
      expect(calls).toHaveLength(2);
      expect(pauses).toEqual([ms]);
      expect(lines).toEqual([
        `arXiv is busy (HTTP 503: Service Unavailable); waiting ${words}, as it asks, then asking once more…`,
      ]);
      expect(result.written).toBe(true);
      expect(await paperFiles(root)).toEqual(['2099/2306.13575.mdx']);
    },
  );

  it('asks again only once: busy again, it says it waited, and writes nothing', async () => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch(() =>
      Promise.resolve(new Response('Rate exceeded.', { status: 429, headers: { 'retry-after': '5' } })),
    );
    const { pauses, sleep, progress } = recording();
    const error = await refusal(
      newPaper({ input: '9901.00006', tags: ['optimization'] }, { root, fetch, now, sleep, progress }),
    );
    expect(calls).toHaveLength(2);
    expect(pauses).toEqual([5_000]);
    expect(error.message).toMatch(
      /^For 9901\.00006, arXiv is not answering right now \(HTTP 429: Rate exceeded\., again after waiting 5 s as it asked\); it asks to wait 5 s before asking again\. Nothing was written\./,
    );
    expect(await paperFiles(root)).toEqual([]);
  });

  it.each([
    ['a wait past the cap', 503, '61'],
    ['a server error other than busy', 500, '5'],
    ['a date already past', 429, 'Sat, 10 Jan 2099 11:59:00 GMT'],
  ])('does not wait for %s', async (_name, status, header) => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch(() =>
      Promise.resolve(new Response('Busy', { status, headers: { 'retry-after': header } })),
    );
    const { pauses, lines, sleep, progress } = recording();
    await refusal(newPaper({ input: '9901.00006', tags: ['optimization'] }, { root, fetch, now, sleep, progress }));
    expect(calls).toHaveLength(1);
    expect(pauses).toEqual([]);
    expect(lines).toEqual([]);
  });
});

describe('the CLI', () => {
  const cli = runNewPaperCli;

  it('writes an offline entry into the content folder and tells what to do next', async () => {
    const root = await tempProject();
    // The CLI runs on the real clock: the seed paper's facts, in a digest without it.
    const { code, stdout, stderr } = await cli(
      root,
      'https://arxiv.org/abs/2306.13575v1',
      '--offline',
      '--title',
      'Scaling MLPs: A Tale of Inductive Bias',
      '--authors',
      'Gregor Bachmann; Sotiris Anagnostidis; Thomas Hofmann',
      '--tags',
      'vision-mlps,mlp-architectures',
      '--date',
      '2025-06-06',
    );
    expect(stderr).toContain('Offline: the entry is a template');
    expect(code).toBe(0);
    expect(stdout).toContain(
      `✓ Wrote ${join(root, 'content/papers/2025/2306.13575.mdx')} (a template from your flags).`,
    );
    const text = await readFile(join(root, 'content/papers/2025/2306.13575.mdx'), 'utf8');
    expect(text).toContain('authors:\n  - Gregor Bachmann\n  - Sotiris Anagnostidis\n  - Thomas Hofmann\n');
    expect(text).toContain('tags:\n  - vision-mlps\n  - mlp-architectures\n');
  });

  // As its --help says, and as a batch does: a flag no paper could take is the command's fault.
  it.each([
    ['--date', '2024/12/01'],
    ['--date', '2024-13-01'],
    ['--tags', 'no-such-topic'],
  ])('exits 2 for %s %s, which no paper could take, and writes nothing', async (flag, value) => {
    const root = await tempProject();
    const args = ['2306.13575', '--offline', '--title', 'A paper', '--authors', 'Ada Lovelace'];
    const { code, stderr } = await cli(root, ...args, '--tags', 'optimization', flag, value);
    expect(stderr).toMatch(new RegExp(`✗ ${flag}[: ][^\\n]*${value}`));
    expect(code).toBe(2);
    expect(await paperFiles(root)).toEqual([]);
  });

  it("never leaves a cut-off entry under the paper's name when the write fails midway", async () => {
    const root = await tempProject();
    // A file size limit of 512 bytes stops the write of a longer entry midway, as a full disk or
    // a stopped run would: the old write left the first 512 bytes as content/papers/2025/….mdx.
    const args = [
      'scripts/new-paper.ts',
      '2306.13575',
      '--offline',
      '--title',
      'Scaling MLPs: A Tale of Inductive Bias',
      '--authors',
      'Gregor Bachmann; Sotiris Anagnostidis; Thomas Hofmann',
      '--tags',
      'mlp-architectures',
      '--date',
      '2025-06-06',
      '--abstract',
      'We study multi-layer perceptrons on vision tasks at scale. '.repeat(30),
    ];
    const run = await promisify(execFile)('sh', ['-c', 'ulimit -f 1 && exec node "$@"', 'sh', ...args], {
      cwd: projectRoot,
      env: { ...process.env, PAPER_DIGEST_CONTENT: join(root, 'content') },
    }).then(
      () => 'exited 0',
      (error: { code?: number; signal?: string }) => `failed (${error.signal ?? error.code})`,
    );
    expect(run).toMatch(/^failed/);
    expect(await paperFiles(root)).toEqual([]);
  });

  it('refuses a digest date that `npm run check` would refuse as in the future, and writes nothing', async () => {
    const root = await tempProject();
    const { code, stderr } = await cli(
      root,
      '2306.13575',
      '--offline',
      '--title',
      'Scaling MLPs: A Tale of Inductive Bias',
      '--authors',
      'Gregor Bachmann; Sotiris Anagnostidis; Thomas Hofmann',
      '--abstract',
      'Synthetic abstract.',
      '--tags',
      'mlp-architectures',
      '--date',
      '2999-01-01',
    );
    // The command's fault, as its --help says: no paper could take the date.
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /--date 2999-01-01: is in the future: a digest date may be \d{4}-\d{2}-\d{2} \(tomorrow\) at the latest/,
    );
    expect(await paperFiles(root)).toEqual([]);
  });

  it('exits 1 with the reason for an id already in the digest', async () => {
    const root = await tempProject({ papers: [{ from: seedFile, to: '2025/2306.13575.mdx' }] });
    const { code, stderr } = await cli(root, '2306.13575', '--tags', 'mlp-architectures');
    expect(code).toBe(1);
    expect(stderr).toContain('✗ arXiv 2306.13575 is already in the digest');
    expect(await paperFiles(root)).toEqual(['2025/2306.13575.mdx']);
  });

  it('prints usage for --help and for a missing id', async () => {
    const root = await tempProject();
    expect((await cli(root, '--help')).stdout).toContain('Usage: npm run new-paper -- <arXiv id or URL>');
    const missing = await cli(root, '--tags', 'optimization');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give one arXiv id or URL.');
    const unknown = await cli(root, '2306.13575', '--tag', 'optimization');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`Unknown option '--tag'. Did you mean "--tags"?`);
    expect(unknown.stderr).toContain('Usage: npm run new-paper');
    expect(await paperFiles(root)).toEqual([]);
    // A "--" before the ids (npm run new-paper -- -- 2306.13575 …) ends no options: no id starts with "-".
    const afterEnd = await cli(root, '--', '2306.13575', '--tag', 'optimization');
    expect(afterEnd.code).toBe(2);
    expect(afterEnd.stderr).toContain(`Unknown option '--tag'. Did you mean "--tags"?`);
    expect(afterEnd.stderr).not.toContain('Asking arXiv');
    expect((await cli(root, '--help')).stdout).toContain('Exit code: 0 every paper was written');
  });
});
