import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { fixturePaperFiles, projectRoot } from '../helpers/build.ts';
import { runScript } from '../helpers/cli.ts';

const dir = 'tests/fixtures/bad-papers';
/**
 * Each fixture is in the folder of its date's year (2025 for one without a readable date): a
 * name (`control-character`) is its one file, a name with its folder (`2024/url-collision`) that file.
 */
const byName = new Map<string, string[]>();
for (const path of fixturePaperFiles(dir)) {
  const name = path.replace(/^\d{4}\//, '').replace(/\.mdx$/, '');
  byName.set(name, [...(byName.get(name) ?? []), path]);
}
const file = (name: string) => {
  if (name.includes('/')) return `${dir}/papers/${name}.mdx`;
  const paths = byName.get(name) ?? [];
  // url-collision: the one that is not named with its folder.
  const path = paths.find((candidate) => !candidate.startsWith('2024/url-collision')) ?? `${name}.mdx`;
  return `${dir}/papers/${path}`;
};

/** One fixture per problem, with the exact line a contributor must see. */
const expected: [string, string][] = [
  ['control-character', ':2:11: file: contains the invisible control character U+0007: delete it.'],
  ['data-link', ':10:5: body: Link URL "data:text/html;base64,PHNjcmlwdD4=" is not allowed'],
  ['duplicate-b', `:6: arxiv: arXiv 2306.13575 is already in the digest as ${file('duplicate-a')}:6`],
  // Case and accents join one author ("EKIN AKYUREK" is no problem); punctuation splits, on one page.
  [
    'author-slug-b',
    `:5: authors[1]: "J R Smith" and "J. R. Smith" (${file('author-slug-a')}:5) are different names with one author page, /authors/j-r-smith/: write the name the same way in both files (case and accents may differ, punctuation and spaces between words may not).`,
  ],
  ['export-statement', ':10:1: body: `import`/`export` is not allowed in a paper'],
  ['import-statement', ':10:1: body: `import`/`export` is not allowed in a paper'],
  ['expression', ':10:18: body: `{…}` expressions are not allowed in a paper'],
  // acorn stops at a fixed depth: a thousand nested ( overflowed the main thread's stack, not a worker's.
  ['script-nesting', ':10:35: body: MDX syntax: Could not parse expression with acorn'],
  ['http-link', ':9: links.code: must be a full https:// URL'],
  ['impossible-date', ':5: date: is not a real calendar date'],
  ['javascript-link', ':10:5: body: Link URL "JavaScript:alert(1)" is not allowed'],
  ['jsx-element', ':10:13: body: JSX/HTML elements (<span>) are not allowed'],
  ['script-tag', ':10:1: body: JSX/HTML elements (<script>) are not allowed'],
  // Braces inside an element fail to parse first (acorn stops at the colon of `{color:red}`, column 34):
  // the element is named, not only the braces' escape.
  [
    'element-with-braces',
    ':10:34: body: MDX syntax: Could not parse expression with acorn, inside <style>. JSX/HTML elements (<style>) are not allowed in a paper.',
  ],
  ['katex-expansion', ':10:7: body: LaTeX: \\def is not allowed in an abstract: it defines a macro'],
  ['katex-href', ':10:8: body: LaTeX: \\href is not allowed'],
  ['katex-invalid', ":10:16: body: LaTeX: Unexpected end of input in a macro argument, expected '}'"],
  // Reported where the Latin-1 é (byte E9) of "Café" is, not at line 1.
  ['latin1', ':2:12: file: is not valid UTF-8: the byte E9 here is no UTF-8 character'],
  ['missing-authors', ':1: authors: is required: add the `authors:` field (a list, one item per line).'],
  ['numeric-arxiv', ':6: arxiv: was read by YAML as the number 2401.1; quote it: "2401.10000".'],
  ['unknown-key', ':3: authros: unknown field. Did you mean "authors"?'],
  // Quoted, 20250606 is still no date: the message says what the field takes, not only "quote it".
  [
    'numeric-date',
    ':5: date: was read by YAML as the number 20250606, and as text it is refused too: must be a date written YYYY-MM-DD, in quotes, e.g. "2025-06-06".',
  ],
  ['prefixed-arxiv', ':6: arxiv: must be the id alone, without prefix, address or version: "2401.10000".'],
  // Feed readers show RSS titles as HTML, with no CSP: a title holds no tag.
  ['title-markup', ':2: title: contains "<i", which readers that show it as HTML'],
  // A file named for an arXiv id is that paper's address and holds that paper.
  [
    '2402.00001',
    ':6: arxiv: is 2402.00009, but the file is named for arXiv 2402.00001: name the file 2402.00009.mdx, or correct the id',
  ],
  ['zalgo-author', ':5:19: file: has 30 combining marks (U+0301…) on one letter: a letter may carry at most 4'],
  ['unknown-tag', ':7: tags[0]: unknown topic "optimisation". Did you mean "optimization"?'],
  ['yaml-alias', ':2: frontmatter: YAML anchors and aliases (`&name`, `*name`) are not allowed'],
  ['bom', ':1: file: starts with a byte-order mark (BOM): save it as UTF-8 without BOM.'],
  ['long-title', ':2: title: has 324 characters; must be at most 300 characters: shorten it.'],
  // Title math goes into every .bib: a TeX primitive there would run on the citing reader's machine.
  ['author-tex', ':5: authors[1]: must be a plain name: no \\ { } $ ^ ~ < > | #'],
  ['title-tex-primitive', ':2: title: $\\immediate\\write18{rm -rf ~}x$: `\\immediate` is not allowed in title math'],
  ['long-author', ':4: authors[0]: has 211 characters; must be at most 200 characters: shorten it.'],
  ['long-body', ':10: body: has 10561 characters; an abstract must be at most 10000'],
  ['unknown-link-key', ':9: links.projet: unknown field. Did you mean "project"?'],
  // Hostile input: every way we know to smuggle code, markup or unbounded work into a page.
  ['vbscript-link', ':10:5: body: Link URL "VBScript:msgbox(1)" is not allowed'],
  ['event-handler', ':10:13: body: JSX/HTML elements (<img>) are not allowed'],
  ['attribute-expression', ':10:13: body: JSX/HTML elements (<a>) are not allowed'],
  ['katex-image', ':10:11: body: LaTeX: \\includegraphics is not allowed (math may not contain links'],
  ['katex-url', ':10:10: body: LaTeX: \\url is not allowed'],
  ['katex-html-attribute', ':10:9: body: LaTeX: \\htmlStyle is not allowed'],
  [
    'katex-nesting',
    ':10:6: body: LaTeX: a formula of 6001 characters is too long (at most 1000): shorten it, or write it as smaller formulas with words between them.',
  ],
  [
    'katex-enormous',
    ':10:6: body: LaTeX: a formula of 1401 characters is too long (at most 1000): shorten it, or write it as smaller formulas with words between them.',
  ],
  [
    'markdown-nesting',
    ':10: body: is nested too deeply: this line opens more than 32 quotes and lists. Simplify the abstract.',
  ],
  ['bidi-override', ':2:11: file: contains the invisible control character U+202E: delete it.'],
  ['nul-byte', ':10:4: file: contains the invisible control character U+0000: delete it.'],
  ['smuggled-tag', ':2: frontmatter: Explicit YAML tags (tag:yaml.org,2002:js/function) are not allowed'],
  ['malformed-yaml', ':2: frontmatter: YAML: Missing closing "quote'],
  ['timestamp-date', ':5: date: must be a date written YYYY-MM-DD, in quotes, e.g. "2025-06-06"'],
  ['other-date-format', ':5: date: must be a date written YYYY-MM-DD, in quotes'],
  ['empty-title', ':2: title: must not be empty'],
  // Characters that YAML escapes decode to: checked on the decoded value, naming the code point.
  [
    'escape-bidi-title',
    ':2: title: contains the invisible control character U+202E, written as a YAML escape: delete it.',
  ],
  [
    'escape-esc-author',
    ':4: authors[0]: contains the invisible control character U+001B, written as a YAML escape: delete it.',
  ],
  [
    'escape-bell-venue',
    ':6: venue: contains the invisible control character U+0007, written as a YAML escape: delete it.',
  ],
  [
    'escape-nul-link',
    ':7: links.code: contains the invisible control character U+0000, written as a YAML escape: delete it.',
  ],
  [
    'escape-next-line',
    ':2: title: contains the invisible control character U+0085, written as a YAML escape: delete it.',
  ],
  ['escape-hex-c1', ':2: title: contains the invisible control character U+009B, written as a YAML escape: delete it.'],
  [
    'escape-lone-surrogate',
    ':2: title: contains the lone surrogate (half of a character) U+D800, written as a YAML escape',
  ],
  [
    'escape-tag-characters',
    ':2: title: contains the invisible tag character U+E0041, written as a YAML escape: delete it.',
  ],
  ['escape-zero-width', ':5: authors[1]: contains the invisible formatting character U+200B, written as a YAML escape'],
  ['escape-line-separator', ':6: venue: contains the line or paragraph separator U+2028, written as a YAML escape'],
  ['escape-in-topic', ':7: tags[0]: contains the invisible formatting character U+200D, written as a YAML escape'],
  [
    'escape-in-key',
    ':6: frontmatter: has a key that contains the invisible control character U+202E, written as a YAML',
  ],
  ['escape-noncharacter', ':2: title: contains the noncharacter U+FFFE, written as a YAML escape: delete it.'],
  ['escape-newline-title', ':2: title: contains a line break (U+000A): write it on one line, with single spaces.'],
  ['block-scalar-title', ':2: title: contains a line break (U+000A): write it on one line, with single spaces.'],
  ['escape-tab-author', ':4: authors[0]: contains a tab (U+0009): write it on one line, with single spaces.'],
  ['raw-zero-width', ':2:13: file: contains the invisible formatting character U+200B: delete it.'],
  ['raw-soft-hyphen', ':4:13: file: contains the invisible formatting character U+00AD: delete it.'],
  ['raw-tag-character-body', ':10:12: file: contains the invisible tag character U+E0049: delete it.'],
  [
    'body-character-reference',
    ':10:13: body: contains the invisible control character U+202E, written as a character reference',
  ],
  // Cost: the frontmatter is size-limited before YAML reads it, and YAML's output is bounded.
  ['many-keys', ':2: frontmatter: YAML: a mapping of 2501 keys; at most 50: keep to the documented fields.'],
  ['deep-nesting', ':14: frontmatter: YAML: nested more than 8 levels deep: write plain fields.'],
  // Refused from yaml's syntax tree: composing it overflowed the main thread's stack, not a worker's.
  ['yaml-deep-flow', ':2: frontmatter: YAML: nested more than 8 levels deep: write plain fields.'],
  ['flow-commas', ':3: frontmatter: YAML: 19999 more errors like these.'],
  [
    'complex-key',
    ':3: frontmatter: YAML: keys must be plain words, the names of fields (`title:`, `authors:`, `date:`, `arxiv:`, `published:`, `venue:`, `tags:`, `links:`), not a list',
  ],
  ['duplicate-key', ':3: frontmatter: YAML: Map keys must be unique; "title" is already given on line 2: keep one.'],
  ['proto-key', ':6: __proto__: unknown field.'],
  // File names: one id grammar, which no output path of another paper can match.
  ['output-clash.bib', ':1: file: name "output-clash.bib.mdx" must be the arXiv id (e.g. 2306.13575.mdx'],
  ['notes.html', ':1: file: name "notes.html.mdx" must be the arXiv id'],
  ['Upper-Case', ':1: file: name "Upper-Case.mdx" must be the arXiv id'],
  ['my_paper', ':1: file: name "my_paper.mdx" must be the arXiv id'],
  // Dates: four-digit years from arXiv's first, and dates that agree with each other.
  [
    'year-one-hundred',
    ':5: date: must be in 1991 or later (the year arXiv began): check its year; a digest date is the day the digest featured the paper',
  ],
  [
    'year-1990',
    ':5: date: must be in 1991 or later (the year arXiv began): check its year; a digest date is the day the digest featured the paper',
  ],
  [
    'published-1990',
    ":6: published: must be in 1991 or later (the year arXiv began): check its year against the first version's date (v1 on the paper's arXiv page), or delete the published line for a paper older than arXiv",
  ],
  [
    'published-after-date',
    ':6: published: is after the digest date 2024-03-01: a paper is featured after its first version',
  ],
  [
    'published-wrong-month',
    ':7: published: is after 2023-06, the month arXiv 2306.13576 was first announced, which is never before its first version: use the date of version 1 on arXiv',
  ],
  ['date-before-arxiv', ':5: date: is before 2023-06, when arXiv 2306.13577 first appeared'],
  ['future-date', ':5: date: 9999-12-31 is in the future: a digest date may be '],
  // Links: parsed once by the WHATWG parser; what it would silently rewrite is refused.
  ['backslash-url', ':7: links.code: must not contain a backslash (\\): write the address with `/`'],
  ['credentials-url', ':7: links.project: must not contain a user name or password (`user@`)'],
  ['encoded-credentials-url', ':7: links.code: must not contain a user name or password (`user@`)'],
  [
    'dotless-host',
    ':7: links.code: must name a web host with a domain, e.g. "https://github.com/…", not an IP address',
  ],
  ['ip-host', ':7: links.pdf: must name a web host with a domain'],
  ['space-in-url', ':7: links.code: must not contain spaces or line breaks: percent-encode them (%20)'],
  ['protocol-relative-url', ':7: links.code: must be a full https:// URL'],
  ['ftp-url', ':7: links.pdf: must be a full https:// URL'],
  // An abstract must have text.
  ['empty-abstract', ":9: body: is empty: paste the paper's abstract below the frontmatter's closing `---`."],
  ['blank-abstract', ":9: body: is empty: paste the paper's abstract"],
  // A code block is on the page but not the abstract's text: "is empty" would contradict what the contributor sees.
  // A problem of the whole abstract is at its first line with text (10), not the blank line after `---`.
  [
    'code-only-abstract',
    ':10: body: has only code blocks (``` fences), which search and related papers do not read as its text: write the abstract as paragraphs; a code block may follow them.',
  ],
  // … that readers see: feeds and link previews show math typeset and drop TeX commands.
  [
    'backslash-abstract',
    ':10: body: has no letter or digit: feeds and link previews, which show math typeset and no TeX commands, would show only "⧵ ⧵".',
  ],
  [
    'spacing-math-abstract',
    ':10: body: has no letter or digit: feeds and link previews, which show math typeset and no TeX commands, would show nothing.',
  ],
  [
    'punctuation-abstract',
    ':10: body: has no letter or digit: feeds and link previews, which show math typeset and no TeX commands, would show only "{…} — ?".',
  ],
  // TeX outside math is shown as written (and Markdown eats an accent's backslash): refused where it stands.
  ['tex-accent-abstract', ':10:16: body: TeX outside math ("\\"o") is shown as written, backslash and all'],
  ['tex-command-abstract', ':10:11: body: TeX outside math ("\\textbf") is shown as written'],
  [
    'tex-title',
    ':2: title: TeX outside math ("\\emph") is shown as written, backslash and all: write what it prints instead (the letter itself, such as ö for \\"o; a title has no emphasis), and math in $…$',
  ],
  [
    'tex-venue',
    ':6: venue: TeX outside math ("\\emph") is shown as written, backslash and all: write what it prints instead (the letter itself, such as ö for \\"o; a venue is plain text)',
  ],
  // In a title or a venue nothing reads a TeX escape: `50\\%` would be shown with its backslash.
  [
    'escape-in-title',
    ':2: title: "\\%" is shown as written, backslash and all (nothing here reads a TeX escape): write "%" alone',
  ],
  ['escape-in-venue', ':6: venue: "\\&" is shown as written, backslash and all'],
  // A `$` that opens no math is a formula left open: one problem, the `$`, not also the TeX after it.
  ['unclosed-math-abstract', ':10:23: body: has a "$" that opens no math'],
  ['unclosed-math-title', ':2: title: has a "$" that opens no math'],
  // Markdown pairs two amounts as one formula; Pandoc and the titles' rule do not.
  [
    'money-as-math-abstract',
    ':10:16: body: "$5 and $10" is typeset as the formula "5 and ", though it reads as amounts of money',
  ],
  // A lone `#` is an empty heading, and an abstract has none.
  ['empty-heading-abstract', ':10:1: body: Headings (`#`, or a line underlined with `===` or `---`) are not allowed'],
  // A paper lives in its year's folder: one directly in papers/ is refused, and the folder named.
  [
    'not-in-year-folder',
    `:1: file: is not in a year folder: a paper lives in the folder of its date's four-digit year (this one's is 2025); move it to ${dir}/papers/2025/not-in-year-folder.mdx.`,
  ],
  // A mark with no letter under it, or on a sign: an author apart from Ada Lovelace, reading the same.
  [
    'bare-mark-author',
    ':5:5: file: has a combining mark "\u25CC\u0301" (U+0301) with no letter under it (at the start, or after a space): put it right after the letter it belongs on, or delete it; to show the mark alone in a title or an abstract, write it after a dotted circle, "\u25CC\u0301" (U+25CC).',
  ],
  [
    'mark-on-sign-author',
    `:4: authors[0]: has a combining mark "\u25CC\u0308" (U+0308) on ".", which is no letter: a name's marks are its letters' accents; put it on its letter ("é") or delete it`,
  ],
  // Feed readers make a link of an address in the text: this one leads to evil.example.
  [
    'bare-address-abstract',
    ':12: body: the address "https://github.com@evil.example/ada/code" in the text, which feed readers and mail clients make a link, is not allowed: it contains a user name or password (before an "@"): leave them out.',
  ],
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

/** The check of the whole folder, run once and shared by the tests below. */
let checked: ReturnType<typeof checkContent> | undefined;
const checkBadPapers = () =>
  (checked ??= checkContent({ root: projectRoot, papersDir: `${dir}/papers`, topicsFile: `${dir}/topics.yaml` }));

describe('content check on a folder of bad papers', () => {
  it.each(expected)('%s is reported with file, line and field', async (name, message) => {
    const { problems } = await checkBadPapers();
    const lines = problems.map(formatProblem);
    expect(lines.some((line) => line.startsWith(file(name) + message))).toBe(true);
  });

  it('accepts none of them', async () => {
    const { papers, problems } = await checkBadPapers();
    // Each of a pair is valid on its own; the cross-file check reports the second of each pair.
    // A future date is refused by the check's clock rule only.
    expect(papers.map((paper) => paper.file).sort()).toEqual(
      [
        '2024/url-collision',
        'author-slug-a',
        'author-slug-b',
        'duplicate-a',
        'duplicate-b',
        'future-date',
        'url-collision',
      ]
        .map(file)
        .sort(),
    );
    const reported = new Set(problems.map((problem) => problem.file));
    for (const [name] of expected) expect(reported).toContain(file(name));
  });

  it('reports every problem of a file with several, and files that are not papers', async () => {
    const { problems } = await checkBadPapers();
    const lines = problems.map(formatProblem);
    for (const message of several) {
      expect(lines.some((line) => line.startsWith(file('several-problems') + message))).toBe(true);
    }
    expect(lines).toContain(
      `${dir}/papers/stray-notes.txt:1: file: is not a paper: papers are .mdx files; move or rename it.`,
    );
  });

  it('reports a misspelled field once, as the field it meant, not also that field as missing', async () => {
    const { problems } = await checkBadPapers();
    expect(problems.filter((problem) => problem.file === file('unknown-key')).map(formatProblem)).toEqual([
      `${file('unknown-key')}:3: authros: unknown field. Did you mean "authors"?`,
    ]);
  });

  it('reports a smuggled YAML tag once, as a tag, not also as yaml\'s "Unresolved tag"', async () => {
    const { problems } = await checkBadPapers();
    expect(problems.filter((problem) => problem.file === file('smuggled-tag')).map(formatProblem)).toEqual([
      `${file('smuggled-tag')}:2: frontmatter: Explicit YAML tags (tag:yaml.org,2002:js/function) are not allowed; write plain values.`,
    ]);
  });

  it('names the other file of a collision, and keeps the first of each pair', async () => {
    const { problems } = await checkBadPapers();
    const files = problems.map((problem) => problem.file);
    expect(files).not.toContain(file('duplicate-a'));
    expect(files).not.toContain(file('author-slug-a'));
    expect(files.filter((name) => name === file('author-slug-b'))).toHaveLength(1);
    expect(files).not.toContain(file('2024/url-collision'));
  });

  it('npm run check prints every problem and exits 1', async () => {
    const { code, stderr } = await runScript('scripts/check.ts', [dir]);
    expect(code).toBe(1);
    for (const [name, message] of expected) expect(stderr).toContain(file(name) + message);
    for (const message of several) expect(stderr).toContain(file('several-problems') + message);
    expect(stderr).toMatch(/✗ \d+ problems in \d+ files/);
  });

  it('npm run check prints every problem into a pipe, however many (as CI reads it)', async () => {
    // 400 papers with a problem of about 200 characters each: more than a pipe holds (64 KB). Exiting
    // while the output was still queued cut it after the first 64 KB, mid-line.
    const root = await mkdtemp(join(tmpdir(), 'check-pipe-'));
    await mkdir(join(root, 'papers/2025'), { recursive: true });
    await cp(join(projectRoot, dir, 'topics.yaml'), join(root, 'topics.yaml'));
    const link = `https://example.org/${'a'.repeat(60)}`;
    for (let index = 0; index < 400; index++) {
      const paper = `---\ntitle: "A paper"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\n[a](${link}\\${index})\n`;
      await writeFile(join(root, `papers/2025/p${index}.mdx`), paper);
    }
    const { code, stderr } = await runScript('scripts/check.ts', ['--no-cache', root]);
    expect(code).toBe(1);
    expect(stderr.length).toBeGreaterThan(64 * 1024);
    expect(stderr.split('\n').filter((line) => line.includes(': body: Link URL '))).toHaveLength(400);
    expect(stderr).toContain('✗ 400 problems in 400 files');
  });

  it('npm run check counts the files its problems are in, the topics file too', async () => {
    const root = await mkdtemp(join(tmpdir(), 'check-topics-'));
    await mkdir(join(root, 'papers/2025'), { recursive: true });
    await writeFile(
      join(root, 'topics.yaml'),
      '- slug: optimization\n  label: \u041eptimization\n  description: Optimization.\n',
    );
    const paper = `---\ntitle: "A paper"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nAn abstract.\n`;
    await writeFile(join(root, 'papers/2025/p.mdx'), paper);
    const { code, stderr } = await runScript('scripts/check.ts', ['--no-cache', root]);
    expect(code).toBe(1);
    expect(stderr).toContain('topics.yaml:2: topics[0].label:');
    // Not "in 0 files": the vocabulary is refused before any paper is read.
    expect(stderr).toContain('✗ 1 problem in 1 file');
  });

  it('npm run check refuses a frontmatter link to the site’s own host, as the build’s link check does', async () => {
    const cite = join(projectRoot, 'tests/fixtures/cite');
    // The fixture's links.pdf is https://example.org/paper.pdf: fine for a digest elsewhere.
    expect((await runScript('scripts/check.ts', ['--no-cache', cite])).code).toBe(0);
    const env = { ...process.env, SITE_URL: 'https://example.org', BASE_PATH: '/digest/' };
    const { code, stderr } = await runScript('scripts/check.ts', ['--no-cache', cite], { env });
    expect(code).toBe(1);
    expect(stderr).toContain('tests/fixtures/cite/papers/2025/no-arxiv.mdx:9: links.pdf: leads to this digest itself');
  });

  it('npm run check passes the bundled content', async () => {
    const { problems, files } = await checkContent({ root: projectRoot });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(files).toBeGreaterThanOrEqual(55);
  });
});
