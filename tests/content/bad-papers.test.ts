import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { projectRoot } from '../helpers/build.ts';

const dir = 'tests/fixtures/bad-papers';
const file = (name: string) => `${dir}/papers/${name}.mdx`;

/** One fixture per problem, with the exact line a contributor must see. */
const expected: [string, string][] = [
  ['control-character', ':2:11: file: contains the invisible control character U+0007: delete it.'],
  ['data-link', ':10:5: body: Link URL "data:text/html;base64,PHNjcmlwdD4=" is not allowed'],
  ['duplicate-b', `:6: arxiv: arXiv 2306.13575 is already in the digest as ${file('duplicate-a')}:6`],
  ['export-statement', ':10:1: body: `import`/`export` is not allowed in a paper'],
  ['import-statement', ':10:1: body: `import`/`export` is not allowed in a paper'],
  ['expression', ':10:18: body: `{…}` expressions are not allowed in a paper'],
  ['http-link', ':9: links.code: must be a full https:// URL'],
  ['impossible-date', ':5: date: is not a real calendar date'],
  ['javascript-link', ':10:5: body: Link URL "JavaScript:alert(1)" is not allowed'],
  ['jsx-element', ':10:13: body: JSX/HTML elements (<span>) are not allowed'],
  ['script-tag', ':10:1: body: JSX/HTML elements (<script>) are not allowed'],
  ['katex-expansion', ':10:6: body: LaTeX: Too many expansions'],
  ['katex-href', ':10:7: body: LaTeX: \\href is not allowed'],
  ['katex-invalid', ":10:6: body: LaTeX: Unexpected end of input in a macro argument, expected '}'"],
  ['latin1', ':1: file: is not valid UTF-8'],
  ['missing-authors', ':1: authors: is required: add a `authors:` field (a list, one item per line).'],
  ['numeric-arxiv', ':6: arxiv: was read by YAML as the number 2401.1; quote it: "2401.10000".'],
  ['unknown-key', ':4: authros: unknown field. Did you mean "authors"?'],
  ['unknown-tag', ':7: tags[0]: unknown topic "optimisation". Did you mean "optimization"?'],
  ['yaml-alias', ':2: frontmatter: YAML anchors and aliases (`&name`, `*name`) are not allowed'],
];

describe('content check on a folder of bad papers', () => {
  it.each(expected)('%s is reported with file, line and field', async (name, message) => {
    const { problems } = await checkContent({ root: projectRoot, papersDir: `${dir}/papers`, topicsFile: `${dir}/topics.yaml` });
    const lines = problems.map(formatProblem);
    expect(lines.some((line) => line.startsWith(file(name) + message))).toBe(true);
  });

  it('accepts none of them', async () => {
    const { papers, problems } = await checkContent({ root: projectRoot, papersDir: `${dir}/papers`, topicsFile: `${dir}/topics.yaml` });
    // duplicate-a is valid on its own; its twin is the one reported.
    expect(papers.map((paper) => paper.id)).toEqual(['duplicate-a', 'duplicate-b']);
    const reported = new Set(problems.map((problem) => problem.file));
    for (const [name] of expected) expect(reported).toContain(file(name));
  });

  it('npm run check prints every problem and exits 1', async () => {
    const run = promisify(execFile);
    const failure = await run('node', ['scripts/check.ts', dir], { cwd: projectRoot }).catch((error: unknown) => error);
    const { code, stderr } = failure as { code: number; stderr: string };
    expect(code).toBe(1);
    for (const [name, message] of expected) expect(stderr).toContain(file(name) + message);
  });

  it('npm run check passes the bundled content', async () => {
    const { problems, files } = await checkContent({ root: projectRoot });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(files).toBeGreaterThanOrEqual(55);
  });
});
