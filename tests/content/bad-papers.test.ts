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
  ['katex-expansion', ':10:6: body: LaTeX: \\def is not allowed in an abstract: it defines a macro'],
  ['katex-href', ':10:7: body: LaTeX: \\href is not allowed'],
  ['katex-invalid', ":10:6: body: LaTeX: Unexpected end of input in a macro argument, expected '}'"],
  ['latin1', ':1: file: is not valid UTF-8'],
  ['missing-authors', ':1: authors: is required: add a `authors:` field (a list, one item per line).'],
  ['numeric-arxiv', ':6: arxiv: was read by YAML as the number 2401.1; quote it: "2401.10000".'],
  ['unknown-key', ':4: authros: unknown field. Did you mean "authors"?'],
  ['unknown-tag', ':7: tags[0]: unknown topic "optimisation". Did you mean "optimization"?'],
  ['yaml-alias', ':2: frontmatter: YAML anchors and aliases (`&name`, `*name`) are not allowed'],
  ['bom', ':1: file: starts with a byte-order mark (BOM): save it as UTF-8 without BOM.'],
  ['long-title', ':2: title: has 324 characters; must be at most 300 characters: shorten it.'],
  ['long-author', ':4: authors[0]: has 211 characters; must be at most 200 characters: shorten it.'],
  ['too-many-authors', ':4: authors: has 501 authors; must be at most 500 authors'],
  ['long-body', ':9: body: has 10561 characters; an abstract must be at most 10000'],
  ['unknown-link-key', ':9: links.projet: unknown field. Did you mean "project"?'],
  // Hostile input: every way we know to smuggle code, markup or unbounded work into a page.
  ['vbscript-link', ':10:5: body: Link URL "VBScript:msgbox(1)" is not allowed'],
  ['event-handler', ':10:13: body: JSX/HTML elements (<img>) are not allowed'],
  ['attribute-expression', ':10:13: body: JSX/HTML elements (<a>) are not allowed'],
  ['katex-image', ':10:10: body: LaTeX: \\includegraphics is not allowed (math may not contain links'],
  ['katex-url', ':10:9: body: LaTeX: \\url is not allowed'],
  ['katex-html-attribute', ':10:8: body: LaTeX: \\htmlStyle is not allowed'],
  ['katex-nesting', ':10:6: body: LaTeX: a formula of 6001 characters is too long (at most 1000).'],
  ['katex-enormous', ':10:6: body: LaTeX: a formula of 1401 characters is too long (at most 1000).'],
  ['markdown-nesting', ':9: body: could not be processed: it is nested too deeply. Simplify the abstract.'],
  ['bidi-override', ':2:11: file: contains the invisible control character U+202E: delete it.'],
  ['nul-byte', ':10:4: file: contains the invisible control character U+0000: delete it.'],
  ['smuggled-tag', ':2: frontmatter: Explicit YAML tags (tag:yaml.org,2002:js/function) are not allowed'],
  ['malformed-yaml', ':2: frontmatter: YAML: Missing closing "quote'],
  ['timestamp-date', ':5: date: must be a date written YYYY-MM-DD, in quotes, e.g. "2025-06-06"'],
  ['other-date-format', ':5: date: must be a date written YYYY-MM-DD, in quotes'],
  ['empty-title', ':2: title: must not be empty'],
  [
    'url-collision',
    `:1: file: publishes at the same URL (/papers/url-collision/) as ${file('2024/url-collision')}: rename one of them.`,
  ],
];

/** A file with several problems: each is reported, in one run. */
const several: string[] = [
  ':5: date: is not a real calendar date',
  ':7: tags[0]: unknown topic "optimisation". Did you mean "optimization"?',
  ':10:40: body: JSX/HTML elements (<div>) are not allowed',
];

describe('content check on a folder of bad papers', () => {
  it.each(expected)('%s is reported with file, line and field', async (name, message) => {
    const { problems } = await checkContent({
      root: projectRoot,
      papersDir: `${dir}/papers`,
      topicsFile: `${dir}/topics.yaml`,
    });
    const lines = problems.map(formatProblem);
    expect(lines.some((line) => line.startsWith(file(name) + message))).toBe(true);
  });

  it('accepts none of them', async () => {
    const { papers, problems } = await checkContent({
      root: projectRoot,
      papersDir: `${dir}/papers`,
      topicsFile: `${dir}/topics.yaml`,
    });
    // Each of a pair is valid on its own; the cross-file check reports the second of each pair.
    expect(papers.map((paper) => paper.file).sort()).toEqual(
      ['2024/url-collision', 'duplicate-a', 'duplicate-b', 'url-collision'].map(file).sort(),
    );
    const reported = new Set(problems.map((problem) => problem.file));
    for (const [name] of expected) expect(reported).toContain(file(name));
  });

  it('reports every problem of a file with several, and files that are not papers', async () => {
    const { problems } = await checkContent({
      root: projectRoot,
      papersDir: `${dir}/papers`,
      topicsFile: `${dir}/topics.yaml`,
    });
    const lines = problems.map(formatProblem);
    for (const message of several) {
      expect(lines.some((line) => line.startsWith(file('several-problems') + message))).toBe(true);
    }
    expect(lines).toContain(
      `${dir}/papers/stray-notes.txt:1: file: is not a paper: papers are .mdx files; move or rename it.`,
    );
  });

  it('names the other file of a collision, and keeps the first of each pair', async () => {
    const { problems } = await checkContent({
      root: projectRoot,
      papersDir: `${dir}/papers`,
      topicsFile: `${dir}/topics.yaml`,
    });
    const files = problems.map((problem) => problem.file);
    expect(files).not.toContain(file('duplicate-a'));
    expect(files).not.toContain(file('2024/url-collision'));
  });

  it('npm run check prints every problem and exits 1', async () => {
    const run = promisify(execFile);
    const failure = await run('node', ['scripts/check.ts', dir], { cwd: projectRoot }).catch((error: unknown) => error);
    const { code, stderr } = failure as { code: number; stderr: string };
    expect(code).toBe(1);
    for (const [name, message] of expected) expect(stderr).toContain(file(name) + message);
    for (const message of several) expect(stderr).toContain(file('several-problems') + message);
    expect(stderr).toMatch(/✗ \d+ problems in \d+ files/);
  });

  it('npm run check passes the bundled content', async () => {
    const { problems, files } = await checkContent({ root: projectRoot });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(files).toBeGreaterThanOrEqual(55);
  });
});
