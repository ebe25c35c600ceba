import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblems } from '../../src/content/problems.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';
import { authorSlug } from '../../src/lib/authors.ts';
import { HOSTILE_KINDS_7 } from '../helpers/hostile-kinds-7.ts';
import { HOSTILE_KINDS_8 } from '../helpers/hostile-kinds-8.ts';
import { HOSTILE_KINDS_10 } from '../helpers/hostile-kinds-10.ts';
import { HOSTILE_KINDS_11 } from '../helpers/hostile-kinds-11.ts';
import { HOSTILE_KINDS_12 } from '../helpers/hostile-kinds-12.ts';
import { HOSTILE_KINDS_13 } from '../helpers/hostile-kinds-13.ts';
import { HOSTILE_KINDS_9 } from '../helpers/hostile-kinds-9.ts';
import { HOSTILE_KINDS, type HostileKind } from '../helpers/hostile-kinds.ts';
import { messageProblems, outputProblems } from '../helpers/output-consumers.ts';

/**
 * The hostile kinds (tests/helpers/hostile-kinds.ts, and the seventh to tenth passes',
 * hostile-kinds-7.ts to hostile-kinds-13.ts)
 * one file at a time: each the check must refuse is refused naming its file, a line of it and the
 * field, with what is right, in lines a terminal shows as text; each it accepts gives outputs every
 * consumer reads as safe data (outputProblems). The whole sets are also built
 * (tests/build/hostile-kinds*.test.ts); the seventh pass's byte files are read in
 * bad-papers-kinds-7.test.ts.
 */
const schema = createPaperSchema(new Set(['optimization']));
const path = (id: string) => `content/papers/2025/${id}.mdx`;
const resultsOf = (kinds: readonly HostileKind[]) =>
  kinds.map((kind) => ({ kind, ...validatePaper(path(kind.id), new TextEncoder().encode(kind.file), schema) }));
const results = resultsOf(HOSTILE_KINDS);

describe('hostile kinds', () => {
  it('are at least 30, each with its own id', () => {
    expect(HOSTILE_KINDS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE_KINDS.map((kind) => kind.id)).size).toBe(HOSTILE_KINDS.length);
  });

  it('reads NFC and NFD spellings of one name as one author, and a paper naming both as a repeat', () => {
    const accepted = results.filter(({ kind }) => kind.id === 'nfc-author' || kind.id === 'nfd-author');
    const slugs = accepted.map(({ paper }) => authorSlug(paper!.data.authors[0]!));
    expect(new Set(slugs).size).toBe(1);
    const repeat = results.find(({ kind }) => kind.id === 'nfc-nfd-repeat')!;
    expect(repeat.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/:5: authors\[1\]: repeats authors\[0\]/),
    ]);
  });
});

describe('hostile kinds of every pass', () => {
  it('the eighth pass has at least 30', () => {
    expect(HOSTILE_KINDS_8.length).toBeGreaterThanOrEqual(30);
  });

  // A later pass's kind with an earlier kind's id would test nothing new under that id (and its
  // build test would write both to one file): every id, of every pass, is its own.
  it('each have an id of their own, across every pass', () => {
    const ids = [
      HOSTILE_KINDS,
      HOSTILE_KINDS_7,
      HOSTILE_KINDS_8,
      HOSTILE_KINDS_9,
      HOSTILE_KINDS_10,
      HOSTILE_KINDS_11,
      HOSTILE_KINDS_12,
      HOSTILE_KINDS_13,
    ].flatMap((kinds) => kinds.map((kind) => kind.id));
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});

describe.each([
  ['hostile kinds', results],
  ['hostile kinds, seventh pass', resultsOf(HOSTILE_KINDS_7)],
  ['hostile kinds, eighth pass', resultsOf(HOSTILE_KINDS_8)],
  ['hostile kinds, ninth pass', resultsOf(HOSTILE_KINDS_9)],
  ['hostile kinds, tenth pass', resultsOf(HOSTILE_KINDS_10)],
  ['hostile kinds, eleventh pass', resultsOf(HOSTILE_KINDS_11)],
  ['hostile kinds, twelfth pass', resultsOf(HOSTILE_KINDS_12)],
  ['hostile kinds, thirteenth pass', resultsOf(HOSTILE_KINDS_13)],
])('%s', (_, passResults) => {
  it.each(passResults.filter(({ kind }) => kind.refused !== undefined).map((result) => [result.kind.id, result]))(
    '%s is refused naming file, line and field, saying what is right',
    (_, { kind, paper, problems }) => {
      expect(paper).toBeUndefined();
      expect(
        problems.map((problem) => problem.field),
        problems.map(formatProblem).join('\n'),
      ).toContain(kind.refused);
      const named = problems.filter((problem) => problem.field === kind.refused);
      if (kind.line !== undefined) expect(named.map((problem) => problem.line)).toContain(kind.line);
      if (kind.says) expect(named.map((problem) => problem.message).join('\n')).toMatch(kind.says);
      // Every message as the check prints it: terminal-safe, its file, a real line, a field.
      expect(messageProblems(path(kind.id), kind.file, problems)).toEqual([]);
      // What is right: each message gives advice after its finding (a colon, a semicolon or a sentence).
      for (const problem of named) expect(problem.message, problem.message).toMatch(/[:;.]\s*\S/);
      // Every line the check prints is one line of text a terminal shows as written.
      for (const line of formatProblems(problems))
        expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u);
    },
  );

  it.each(passResults.filter(({ kind }) => kind.refused === undefined).map((result) => [result.kind.id, result]))(
    '%s is accepted, and each output reads as its consumer expects',
    (_, { paper, problems }) => {
      expect(problems.map(formatProblem)).toEqual([]);
      expect(outputProblems(paper!).problems).toEqual([]);
    },
  );
});

describe('TeX an abstract may not hold, with what to write instead', () => {
  const paper = (body: string) =>
    `---\ntitle: A paper\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nAn abstract.\n\n${body}\n`;
  const problemsOf = (body: string) =>
    validatePaper(path('tex-advice'), new TextEncoder().encode(paper(body)), schema).problems.map(formatProblem);

  // `\write18{…}`'s braces failed to parse as MDX's expression: the message said only to escape a brace.
  // Across a line break, spaces and `%` comments (what TeX skips before an argument) it still did.
  it.each([
    ['We run \\immediate\\write18{rm -rf /} here.', 12, 8, '\\immediate\\write18'],
    ['See \\textsc{Word Count: 5} and more.', 12, 5, '\\textsc'],
    ['See \\textsc\n{Word Count: 5} here.', 12, 5, '\\textsc'],
    ['We run \\immediate\\write18\n{rm -rf /} here.', 12, 8, '\\immediate\\write18'],
    ['\\input\n  {x y}', 12, 1, '\\input'],
    ['A line.\nThen \\input % the file\n  % and more\n  {x y}', 13, 6, '\\input'],
    ['A \\immediate\n  \\write18 % now\n{rm -rf /}', 12, 3, '\\immediate\\write18'],
    ['See \\textsc\r\n{Word Count: 5} here.', 12, 5, '\\textsc'],
  ])('names TeX before braces MDX cannot read (%j) at its place', (body, line, column, tex) => {
    const problems = problemsOf(body);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${path('tex-advice')}:${line}:${column}: body: MDX syntax: `);
    expect(problems[0]).toContain(`TeX outside math ("${tex}") is shown as written`);
    expect(problems[0]).toContain('write what it prints instead');
    expect(problems[0]).not.toContain('escape it with a backslash');
  });

  // A blank line is a paragraph (TeX's \\par), and a `{` in a comment is TeX's comment: neither is
  // the command's argument, and the braces keep MDX's advice.
  it.each(['See \\textsc\n\n{Word Count: 5} here.', 'See \\textsc % {Word Count: 5} here.'])(
    'does not read braces TeX would not give the command (%j) as its argument',
    (body) => {
      const problems = problemsOf(body);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('escape it with a backslash');
      expect(problems[0]).not.toContain('TeX outside math');
    },
  );

  // KaTeX said only "Expected group after '^'" of TeX's caret notation.
  it.each(['See $x^^5c$ here.', 'See $x^^5cinput{/etc/passwd}$ here.', 'See $$a^^41$$ here.', 'A $b$ and $x ^^5c y$.'])(
    'names caret notation in math (%j), and what to write',
    (body) => {
      const problems = problemsOf(body);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        /^content\/papers\/2025\/tex-advice\.mdx:12:\d+: body: LaTeX: `\^\^` is not allowed in math: TeX's caret notation .*write the character itself/,
      );
    },
  );

  it('keeps KaTeX\'s words for a "^" with nothing after it', () => {
    expect(problemsOf('See $x^$ here.')).toEqual([
      expect.stringMatching(/:12:\d+: body: LaTeX: Expected group after '\^'/),
    ]);
  });
});
