import { describe, expect, it } from 'vitest';
import {
  byPlace,
  ContentError,
  fieldName,
  formatProblem,
  formatProblems,
  githubAnnotations,
  sameProblemInFiles,
  SHOWN_ALIKE,
  type ContentProblem,
} from '../../src/content/problems.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';
import { shortened } from '../../src/lib/shortened.ts';
import { MAX_COMBINING_MARKS } from '../../src/lib/combining-marks.ts';
import { hostileStrings, seededRandom } from '../helpers/hostile.ts';
import { terminalText } from '../../src/lib/encode/terminal.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostilePaperFiles, mutatedPaperFiles } from '../helpers/hostile-papers.ts';
import { HOSTILE_KINDS } from '../helpers/hostile-kinds.ts';

const plain = 'must be a plain name: no \\ { } $ ^ ~ < > | #';
const tag = 'contains "<b", which readers take for the start of a tag';

/** `count` bad author names in one file, from line 4, each with both problems (as the check gives them). */
function badNames(file: string, count: number): ContentProblem[] {
  return Array.from({ length: count }, (_, index) => [
    { file, line: 4 + index, field: `authors[${index}]`, message: tag },
    { file, line: 4 + index, field: `authors[${index}]`, message: plain },
  ]).flat();
}

describe('formatProblems', () => {
  it('lists the first few problems alike in one list field of one file, then one line for the rest', () => {
    const problems = [
      ...badNames('a.mdx', 10_000),
      { file: 'a.mdx', line: 10_004, field: 'date', message: 'is not a date' },
      ...badNames('b.mdx', 5),
    ];
    const lines = formatProblems(problems);
    // Per kind (two kinds, two files): SHOWN_ALIKE lines, then one for the rest; and the date.
    expect(lines).toHaveLength(2 * 2 * (SHOWN_ALIKE + 1) + 1);
    for (const line of lines) expect(line).toMatch(/^[ab]\.mdx:\d+: (authors\[\d+\]|date): /);
    const a = lines.filter((line) => line.startsWith('a.mdx:') && line.includes(plain));
    expect(a.slice(0, SHOWN_ALIKE)).toEqual(
      Array.from({ length: SHOWN_ALIKE }, (_, index) => `a.mdx:${4 + index}: authors[${index}]: ${plain}`),
    );
    const rest = a[SHOWN_ALIKE]!;
    const first = SHOWN_ALIKE;
    expect(rest.startsWith(`a.mdx:${4 + first}: authors[${first}]: ${plain} (and `)).toBe(true);
    expect(rest).toContain(`and ${(10_000 - first - 1).toLocaleString('en')} more in authors with the same problem: `);
    expect(rest).toContain(`authors[${first + 1}] (line ${5 + first}), authors[${first + 2}] (line ${6 + first})`);
    expect(rest.endsWith(', …)')).toBe(true);
    expect(rest.length).toBeLessThan(700);
    expect(lines).toContain('a.mdx:10004: date: is not a date');
    // Another file's problems are its own.
    expect(lines.filter((line) => line.startsWith('b.mdx:') && line.includes('(and 1 more in authors'))).toHaveLength(
      2,
    );
  });

  it('lists a kind whole when the line for the rest would stand for only one', () => {
    const problems = badNames('a.mdx', SHOWN_ALIKE + 1);
    expect(formatProblems(problems)).toHaveLength(problems.length);
    expect(formatProblems(problems).join('\n')).not.toContain('more in authors');
  });

  it('keeps a build’s error short for a file of thousands of bad names', () => {
    const error = new ContentError(badNames('a.mdx', 10_000));
    expect(error.problems).toHaveLength(20_000);
    expect(error.message.split('\n')).toHaveLength(1 + 2 * (SHOWN_ALIKE + 1));
  });
});

describe('field names', () => {
  const schema = createPaperSchema(new Set(['optimization']));
  const paper = (extra: string) =>
    new TextEncoder().encode(
      `---\ntitle: "A paper"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n${extra}\n---\n\nAn abstract.\n`,
    );

  it('show a key of the file by its first 40 characters, so an unknown field of any length is one short line', () => {
    // `? key` has no length limit in YAML: a key of 5,000 letters made a message line of 5,132 characters.
    const long = 'k'.repeat(5000);
    for (const [extra, field] of [
      [`? ${long}\n: 1`, `${'k'.repeat(40)}…`],
      [`links:\n  ? ${long}\n  : https://example.org/`, `links.${'k'.repeat(40)}…`],
    ] as const) {
      const { paper: valid, problems } = validatePaper('p.mdx', paper(extra), schema);
      expect(valid).toBeUndefined();
      expect(problems.map((problem) => problem.field)).toEqual([field]);
      expect(formatProblem(problems[0]!).length).toBeLessThan(250);
    }
    // A key given twice is quoted the same way.
    const twice = validatePaper('p.mdx', paper(`? ${long}\n: 1\n? ${long}\n: 2`), schema).problems;
    expect(twice.map(formatProblem)).toEqual([
      `p.mdx:10: frontmatter: YAML: Map keys must be unique; "${'k'.repeat(40)}…" is already given on line 8: keep one.`,
    ]);
    expect(fieldName(['links', 'code'])).toBe('links.code');
    expect(fieldName(['authors', 2])).toBe('authors[2]');
  });
});

describe("a parser's message that quotes the file", () => {
  const schema = createPaperSchema(new Set(['optimization']));
  const long = 'k'.repeat(5000);
  const lines = (venue: string, body: string) =>
    validatePaper(
      'p.mdx',
      new TextEncoder().encode(
        `---\ntitle: "A paper"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n${venue}\n---\n\n${body}\n`,
      ),
      schema,
    ).problems.map(formatProblem);

  it('is cut, so that a tag or an element name as long as the file allows is one short line', () => {
    // yaml's "Unresolved tag: !kkk…" and our "Explicit YAML tags (!kkk…)" were 5,074 and 5,110
    // characters; MDX's "Expected a closing tag for `<kkk…>`" 5,191.
    for (const found of [lines(`venue: !${long} x`, 'An abstract.'), lines('venue: x', `<${long}>`)]) {
      expect(found.length).toBeGreaterThan(0);
      for (const line of found) expect(line.length, line.slice(0, 120)).toBeLessThan(450);
    }
    expect(lines(`venue: !${long} x`, 'An abstract.')).toContain(
      `p.mdx:8: frontmatter: Explicit YAML tags (!${'k'.repeat(39)}…) are not allowed; write plain values.`,
    );
  });
});

describe('shortened (a quoted value)', () => {
  const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];

  it('cuts between characters as a reader sees them, never inside one', () => {
    // A letter and its accent, a flag of two regional indicators: one character each.
    expect(shortened('a\u0301'.repeat(100), 60)).toBe(`${'a\u0301'.repeat(60)}…`);
    expect(shortened('\u{1F1EB}\u{1F1F7}'.repeat(70), 60)).toBe(`${'\u{1F1EB}\u{1F1F7}'.repeat(60)}…`);
    expect(shortened('short', 60)).toBe('short');
    expect(shortened('x'.repeat(61), 60)).toBe(`${'x'.repeat(60)}…`);
    // An emoji of seven code points joined by ZWJs is one character, with no mark: kept whole.
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
    expect(shortened(`${family} ${'y'.repeat(100)}`, 3)).toBe(`${family} y…`);
    expect(shortened(family.repeat(3), 60)).toBe(family.repeat(3));
  });

  it('ends the quote at a character with a pile of marks, keeping the letter and the marks a letter may carry', () => {
    // A cut value used to end in up to 59 combining marks, drawn across the terminal's lines.
    const zalgo = `Name e${'\u0301'.repeat(59)}${'x'.repeat(100)}`;
    expect(shortened(zalgo)).toBe(`Name e${'\u0301'.repeat(MAX_COMBINING_MARKS)}…`);
    // Short values too: the pile is never quoted whole.
    expect(shortened(`e${'\u0301'.repeat(20)}`)).toBe(`e${'\u0301'.repeat(MAX_COMBINING_MARKS)}…`);
  });

  it('gives a prefix of any string, of at most max characters, none with more marks than a letter may carry', () => {
    for (const value of hostileStrings(16, 400)) {
      const quoted = shortened(value, 20);
      const body = quoted.endsWith('…') && quoted !== value ? quoted.slice(0, -1) : quoted;
      expect(value.startsWith(body)).toBe(true);
      expect(graphemes(body).length).toBeLessThanOrEqual(20);
      const mostMarks = Math.max(0, ...graphemes(body).map(({ segment }) => segment.match(/\p{M}/gu)?.length ?? 0));
      expect(mostMarks).toBeLessThanOrEqual(MAX_COMBINING_MARKS);
    }
  });
});

/**
 * A workflow command as the GitHub Actions runner reads it (its ActionCommand.TryParseV2): the
 * command, its properties up to the first `::` (split at `,`, then at the first `=`), and the data;
 * each value unescaped (%0D, %0A, %3A, %2C, then %25).
 */
function readWorkflowCommand(line: string) {
  const match = /^::([a-z]+) ([^]*?)::([^]*)$/.exec(line);
  if (!match) return undefined;
  const unescape = (value: string) =>
    value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    match[2]!.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), unescape(pair.slice(pair.indexOf('=') + 1))]),
  );
  return { command: match[1], properties, data: unescape(match[3]!) };
}

describe('a problem at no line', () => {
  // A folder, a link or an entry that is no regular file has no lines: the papers folder's problem
  // was shown at `content/papers:1:`, a line it does not have.
  const folder: ContentProblem = {
    file: 'content/papers',
    field: 'file',
    message: 'holds no papers.',
    kind: 'file-place',
  };

  it('is shown as file: field: message, and annotated at its file only', () => {
    expect(formatProblem(folder)).toBe('content/papers: file: holds no papers.');
    expect(formatProblem({ ...folder, column: 3 })).toBe('content/papers: file: holds no papers.');
    expect(githubAnnotations([folder])).toEqual(['::error file=content/papers,title=file::holds no papers.']);
  });

  it("comes before its file's problems at lines, and is named without a line among files alike", () => {
    const atLine = { ...folder, file: 'content/papers', line: 3, message: 'other.' };
    expect(formatProblems([atLine, folder].sort(byPlace))).toEqual([
      'content/papers: file: holds no papers.',
      'content/papers:3: file: other.',
    ]);
    const folders = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ ...folder, file: `content/papers/${name}` }));
    expect(sameProblemInFiles(folders)).toEqual([
      '5 files have the same problem in file: holds no papers. (content/papers/a, content/papers/b, content/papers/c, …)',
    ]);
  });
});

describe('githubAnnotations', () => {
  it('gives each problem line as an error annotation at its file, line and column, the field as its title', () => {
    const problems: ContentProblem[] = [
      { file: 'content/papers/2025/a.mdx', line: 7, field: 'tags[0]', message: 'unknown topic "x". Did you mean "y"?' },
      { file: 'content/papers/2025/b.mdx', line: 12, column: 3, field: 'body', message: '50% of it: a, b:: c' },
    ];
    expect(githubAnnotations(problems)).toEqual([
      '::error file=content/papers/2025/a.mdx,line=7,title=tags[0]::unknown topic "x". Did you mean "y"?',
      '::error file=content/papers/2025/b.mdx,line=12,col=3,title=body::50%25 of it: a, b:: c',
    ]);
    // Problems alike are summed up as in the terminal: one annotation per line printed.
    const many = badNames('a.mdx', 50);
    expect(githubAnnotations(many)).toHaveLength(formatProblems(many).length);
  });

  it("reads back, as the runner reads it, as each value's terminal form: nothing a stranger wrote breaks out (seeded)", () => {
    const random = seededRandom(2202);
    const pieces = [',', ':', '::', '%', '%0A', '%2C', '\r', '\n', '=', '\u001b[2J', '::error file=x::', 'é', '\u202e'];
    const strings = [
      ...hostileStrings(2203, 200),
      ...Array.from({ length: 200 }, () =>
        Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join(
          '',
        ),
      ),
    ];
    for (let index = 0; index + 2 < strings.length; index += 3) {
      const [file, field, message] = strings.slice(index, index + 3) as [string, string, string];
      const annotations = githubAnnotations([{ file, line: index + 1, column: 2, field, message }]);
      expect(annotations).toHaveLength(1);
      expect(annotations[0]).not.toMatch(/[\r\n]/);
      expect(readWorkflowCommand(annotations[0]!)).toEqual({
        command: 'error',
        properties: { file: terminalText(file), line: String(index + 1), col: '2', title: terminalText(field) },
        data: terminalText(message),
      });
    }
  });
});

describe('problems alike that quote values of their own', () => {
  const schema = createPaperSchema(new Set(['optimization']));
  const paper = (names: string[]) =>
    `---\ntitle: "A study"\nauthors:\n${names.map((name) => `  - ${name}\n`).join('')}date: "2025-06-06"\ntags:\n  - optimization\n---\n\nWe study it.\n`;

  it('group as one kind: a 5,000-name list with repeats gives a few lines and a count, not one line a name', () => {
    // 2,500 names, each listed twice (the second half repeats the first): 2,500 "repeats" problems.
    const names = Array.from(
      { length: 2500 },
      (_, index) => `Ada Lovelace${'x'.repeat(index % 7)} ${index.toString(36)}`,
    );
    const { problems } = validatePaper('a.mdx', new TextEncoder().encode(paper([...names, ...names])), schema);
    expect(problems).toHaveLength(2500);
    const lines = formatProblems(problems);
    expect(lines).toHaveLength(SHOWN_ALIKE + 1);
    // Each of the first few says which name it repeats, and the last one stands for the rest.
    lines.slice(0, SHOWN_ALIKE).forEach((line, index) => {
      expect(line).toBe(
        `a.mdx:${4 + 2500 + index}: authors[${2500 + index}]: repeats authors[${index}] ("${names[index]}"): list each author once`,
      );
    });
    expect(lines[SHOWN_ALIKE]).toContain(
      `(and ${(2500 - SHOWN_ALIKE - 1).toLocaleString('en')} more in authors with a problem alike: authors[${2500 + SHOWN_ALIKE + 1}] (line ${4 + 2500 + SHOWN_ALIKE + 1})`,
    );
    expect(new ContentError(problems).message.split('\n')).toHaveLength(1 + SHOWN_ALIKE + 1);
  });

  it('keep kinds apart: another rule, or the same rule in another list or file, is not one of them', () => {
    const repeats = (file: string, field: string, count: number): ContentProblem[] =>
      Array.from({ length: count }, (_, index) => ({
        file,
        line: 10 + index,
        field: `${field}[${index + 5}]`,
        message: `repeats ${field}[${index}] ("n${index}"): list each once`,
        kind: 'repeated',
      }));
    const plainNames = Array.from({ length: 6 }, (_, index) => ({
      file: 'a.mdx',
      line: 40 + index,
      field: `authors[${index + 20}]`,
      message: `has the word "x${index}", which mixes Latin and Cyrillic letters`,
      kind: 'mixed-script',
    }));
    const problems = [
      ...repeats('a.mdx', 'authors', 6),
      ...plainNames,
      ...repeats('a.mdx', 'tags', 6),
      ...repeats('b.mdx', 'authors', 6),
    ];
    const lines = formatProblems(problems);
    // Four kinds of six problems: each SHOWN_ALIKE lines and one for the other three.
    expect(lines).toHaveLength(4 * (SHOWN_ALIKE + 1));
    expect(lines.filter((line) => line.includes('(and 2 more in'))).toHaveLength(4);
  });

  // The kind is the rule's, set where the problem is made (ContentProblem.kind): what its message
  // quotes, and how, is no part of it.
  it('group one rule whatever its messages quote: ten names, each with another compatibility letter', () => {
    const letters = ['𝐀', 'Ｂ', 'ℭ', '𝔇', 'Ⓔ', '𝓕', 'ᴳ', '𝖧', 'Ｉ', '𝙹'];
    const names = letters.map((letter, index) => `${letter}da Lovelace${'x'.repeat(index)}`);
    const { problems } = validatePaper('a.mdx', new TextEncoder().encode(paper(names)), schema);
    expect(problems).toHaveLength(10);
    expect(new Set(problems.map((problem) => problem.kind))).toEqual(new Set(['name-compatibility-form']));
    const lines = formatProblems(problems);
    expect(lines).toHaveLength(SHOWN_ALIKE + 1);
    expect(lines.at(-1)).toContain(`(and ${10 - SHOWN_ALIKE - 1} more in authors with a problem alike: `);
  });

  it('keep two rules apart whose messages differ only in what they quote', () => {
    const made = (kind: string, quoted: string) =>
      Array.from({ length: 6 }, (_, index) => ({
        file: 'a.mdx',
        line: 4 + index,
        field: `authors[${index}]`,
        message: `has "${quoted}${index}": write the name only`,
        kind,
      }));
    const lines = formatProblems([...made('one-rule', 'a'), ...made('another-rule', 'b')]);
    expect(lines).toHaveLength(2 * (SHOWN_ALIKE + 1));
    // …and in many files too: the same words of two rules are two problems.
    const files = (kind: string) =>
      Array.from({ length: 6 }, (_, index) => ({ file: `p${index}.mdx`, line: 1, field: 'body', message: 'x.', kind }));
    expect(sameProblemInFiles([...files('one-rule'), ...files('another-rule')])).toHaveLength(2);
  });

  // One home for what a problem is: every rule that makes one names its kind, so none is left to
  // be told by its wording (a rule without one would group only with its exact message).
  it('have a kind, set by the rule that found them, for every problem of hostile and mutated papers', () => {
    const seedFolder = 'content/papers/2025';
    const seedTexts = readdirSync(seedFolder).map((name) => readFileSync(join(seedFolder, name), 'utf8'));
    const files = [
      ...hostilePaperFiles(20261207, 300),
      ...mutatedPaperFiles(20261208, 300, seedTexts, 300),
      ...HOSTILE_KINDS.map((kind) => ({ id: kind.id, bytes: new TextEncoder().encode(kind.file) })),
    ];
    const found = files.flatMap(
      (file) => validatePaper(`content/papers/2025/${file.id}.mdx`, file.bytes, schema).problems,
    );
    // Enough problems, of enough rules, that a rule left without a kind would show.
    expect(found.length).toBeGreaterThan(300);
    expect(found.filter((problem) => problem.kind === undefined).map(formatProblem)).toEqual([]);
    // A refinement's issue names its rule (report, schema.ts): zod's 'custom' would lump them all.
    expect(found.filter((problem) => problem.kind === 'schema-custom').map(formatProblem)).toEqual([]);
    expect(new Set(found.map((problem) => problem.kind)).size).toBeGreaterThan(20);
  });

  it('say "the same problem" when the rest are the same message', () => {
    const same = Array.from({ length: 6 }, (_, index) => ({
      file: 'a.mdx',
      line: 4 + index,
      field: `authors[${index}]`,
      message: plain,
    }));
    expect(formatProblems(same).at(-1)).toContain('(and 2 more in authors with the same problem: ');
  });

  // A topic renamed under 300 papers, a rule broken the same way in every file: the check lists
  // every line, under one line that says it is one problem.
  it.each([
    ['tags[0]', 'unknown topic "old-topic". Topics are listed in content/topics.yaml.'],
    ['file', 'is not valid UTF-8: save it as UTF-8 (without BOM).'],
    ['body', 'is empty: paste the abstract.'],
  ])('group the same problem (%s) in many files, naming the rest', (field, message) => {
    const files = Array.from(
      { length: 300 },
      (_, index) => `content/papers/2025/p${String(index).padStart(3, '0')}.mdx`,
    );
    const other = { file: files[150]!, line: 2, field: 'title', message: 'is empty.' };
    const problems = [...files.map((file) => ({ file, line: 7, field, message })), other].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
    );
    expect(formatProblems(problems)).toHaveLength(301);
    expect(sameProblemInFiles(problems)).toEqual([
      `300 files have the same problem in ${field}: ${message} (${files
        .slice(0, SHOWN_ALIKE)
        .map((file) => `${file}:7`)
        .join(', ')}, …)`,
    ]);
    // The build's error lists the check's lines (as many as fit), so that the two say the same.
    expect(new ContentError(problems).message.split('\n').slice(1)).toEqual(formatProblems(problems));
  });

  it('group a problem whose message differs only by naming its own file (a paper to move), saying so', () => {
    // 400 papers put directly in papers/ each said "move it to content/papers/2025/<its name>":
    // one cause, 400 lines, and no line at the top to say so.
    const names = Array.from({ length: 400 }, (_, index) => `p${String(index).padStart(3, '0')}.mdx`);
    const problems = names.map((name) => ({
      file: `content/papers/${name}`,
      line: 1,
      field: 'file',
      kind: 'file-place',
      message: `is not in a year folder: move it to content/papers/2025/${name}.`,
    }));
    expect(formatProblems(problems)).toHaveLength(400);
    expect(sameProblemInFiles(problems)).toEqual([
      `400 files have the same problem in file, each naming its own file: is not in a year folder: move it to content/papers/2025/p000.mdx. (content/papers/p000.mdx:1, content/papers/p001.mdx:1, content/papers/p002.mdx:1, …)`,
    ]);
    // Another file's name in the message is a problem of its own.
    const others = names.slice(0, 20).map((name, index) => ({
      file: `content/papers/2025/${name}`,
      line: 3,
      field: 'arxiv',
      message: `is already the id of content/papers/2025/q${index}.mdx.`,
    }));
    expect(sameProblemInFiles(others)).toEqual([]);
  });

  it('keep files apart whose messages differ, or whose problem is in another field', () => {
    const files = Array.from({ length: 20 }, (_, index) => `p${String(index).padStart(2, '0')}.mdx`);
    // Each quotes a value of its own: each is a problem of its own to find.
    const own = files.map((file, index) => ({
      file,
      line: 9,
      field: 'body',
      message: `Link URL "https://x.org/${index}" is not allowed.`,
    }));
    expect(sameProblemInFiles(own)).toEqual([]);
    const fields = files.map((file, index) => ({
      file,
      line: 9,
      field: index % 2 ? 'title' : 'venue',
      message: 'is empty.',
    }));
    expect(sameProblemInFiles(fields)).toHaveLength(2);
    // Four files are listed whole: a line for the rest would stand for one.
    expect(sameProblemInFiles(fields.slice(0, 8))).toEqual([]);
  });
});
