import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { fixturePaperFiles, projectRoot } from '../helpers/build.ts';

const dir = 'tests/fixtures/bad-papers';
/** Each fixture is in the folder of its date's year: `math-<name>` → `…/papers/2025/math-<name>.mdx`. */
const paths = new Map(fixturePaperFiles(dir).map((path) => [path.replace(/^\d{4}\//, ''), path]));
const file = (name: string) => `${dir}/papers/${paths.get(`math-${name}.mdx`) ?? `math-${name}.mdx`}`;

/** Hostile math and links, one fixture each, with the exact line a contributor sees. */
const expected: [string, string][] = [
  [
    'raisebox',
    ':10:10: body: LaTeX: \\raisebox is not allowed in an abstract: a formula may not move, hide or overlap its parts or change its box: use the spacing commands \\, \\; \\quad \\qquad.',
  ],
  ['smash', ':10:10: body: LaTeX: \\smash is not allowed in an abstract: a formula may not move, hide or overlap'],
  ['rlap', ':10:10: body: LaTeX: \\mathrlap is not allowed in an abstract: a formula may not move, hide or overlap'],
  ['negative-kern', ':10:9: body: LaTeX: \\kern is not allowed in an abstract: a formula may not move'],
  [
    'macro',
    ':10:9: body: LaTeX: \\def is not allowed in an abstract: it defines a macro or reaches into TeX itself: write the formula out in full.',
  ],
  ['arraystretch', ':10:12: body: LaTeX: \\renewcommand is not allowed in an abstract: it defines a macro'],
  [
    'huge',
    ':10:6: body: LaTeX: \\Huge is not allowed in an abstract: math is set at the size of the text around it: leave the size command out.',
  ],
  [
    'color',
    ':10:6: body: LaTeX: \\color is not allowed in an abstract: formulas are shown in the colours and frames of the page: leave it out.',
  ],
  ['row-gap', ':10:6: body: LaTeX: the size -20em is too large (at most 2em, as \\qquad).'],
  ['tall', ':10:6: body: LaTeX: the formula is 16.8em tall (at most 12em inline): split it.'],
  // A ```math fence is held to the same rules as $$…$$; `$$…$$` inside a paragraph too.
  ['fence', ':13:1: body: LaTeX: \\raisebox is not allowed in an abstract'],
  ['display-in-text', ':10:12: body: LaTeX: \\vphantom is not allowed in an abstract'],
  [
    'budget',
    ":12:1: body: LaTeX: the abstract's math is too big (more than 1000 symbols and groups in all, counted as KaTeX reads them): shorten the formulas.",
  ],
  [
    'relative-link',
    ':10:5: body: Link URL "/papers/other/" is not allowed: it is not a full URL (relative and #fragment links are not allowed): use a full https:// URL (or mailto:) to another site.',
  ],
  [
    'bad-percent',
    ':10:5: body: Link URL "https://example.org/%zz/code" is not allowed: a "%" must start an escape of two hex digits: write %25 for a literal %.',
  ],
];

const { problems } = await checkContent({
  root: projectRoot,
  papersDir: `${dir}/papers`,
  topicsFile: `${dir}/topics.yaml`,
});
const reported = problems.map(formatProblem);

describe('content check on hostile math and links', () => {
  it.each(expected)('math-%s is reported with file, line, column and the rule', (name, message) => {
    const lines = reported.filter((line) => line.startsWith(file(name)));
    expect(lines).toEqual([expect.stringMatching(`^${(file(name) + message).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`)]);
  });
});
