import { describe, expect, it } from 'vitest';
import { parseSource, parseYaml, YAML_LIMITS } from '../../src/content/frontmatter.ts';

describe('parseSource', () => {
  it('keeps dates and ids as strings and maps fields to lines', () => {
    const { source, problems } = parseSource(
      'p.mdx',
      '---\ntitle: T\ndate: 2025-06-06\ntags:\n  - a\n  - b\n---\n\nBody\n',
    );
    expect(problems).toEqual([]);
    expect(source?.data).toEqual({ title: 'T', date: '2025-06-06', tags: ['a', 'b'] });
    expect(source?.lineOf(['tags', 1])).toBe(6);
    expect(source?.bodyLine).toBe(8);
    expect(source?.body).toBe('\nBody\n');
  });

  it("names a frontmatter written twice at the second one's line, in unlike layouts", () => {
    const first = '---\ntitle: T\ndate: "2025-06-06"\n---\n';
    for (const [text, line] of [
      [`${first}---\nvenue: V\n---\nBody\n`, 5], // right after the first
      [`${first}\n\n---\n# a comment\nauthors:\n  - Ada Lovelace\n---\n\nBody\n`, 7], // after blank lines, a comment first
      [`${first}---   \ntitle: T\n---\n`, 5], // fence with trailing spaces, no body after
    ] as const) {
      const { problems } = parseSource('p.mdx', text);
      expect(problems, text).toHaveLength(1);
      expect(problems[0]!.line, text).toBe(line);
      expect(problems[0]!.message, text).toMatch(
        /^The frontmatter is written twice: a second `---` block of fields starts at line \d+/,
      );
    }
    // A body that opens with a rule and no fields after it is left to the body's rules.
    for (const text of [`${first}---\n\nBody\n`, `${first}---\nSome text\n---\n`]) {
      expect(parseSource('p.mdx', text).problems, text).toEqual([]);
    }
  });

  it('remembers how a number was written', () => {
    const { source } = parseSource('p.mdx', '---\narxiv: 2401.10000\n---\n');
    expect(source?.data.arxiv).toBe(2401.1);
    expect(source?.sourceOf(['arxiv'])).toBe('2401.10000');
  });

  it.each([
    ['no frontmatter', 'Just text', 1, 'must start with a `---` line'],
    ['unclosed frontmatter', '---\ntitle: T\n', 1, 'never closed'],
    ['malformed YAML', '---\ntitle: [unclosed\n---\n', 2, 'YAML:'],
    ['duplicate key', '---\ntitle: A\ntitle: B\n---\n', 3, 'Map keys must be unique'],
    ['explicit tag', '---\ntitle: !!binary aGk=\n---\n', 2, 'Explicit YAML tags'],
    ['a list, not a mapping', '---\n- a\n---\n', 1, 'must be a YAML mapping of fields (`title: …`), not a list.'],
    ['a bare word, not a mapping', '---\ntitle\n---\n', 1, 'not the string "title".'],
    [
      'an empty frontmatter',
      '---\n---\n',
      1,
      'The frontmatter is empty: write the paper’s fields between the `---` lines',
    ],
    ['comments only', '---\n# to do\n---\n', 1, 'The frontmatter is empty'],
  ])('rejects %s', (_name, text, line, message) => {
    const { source, problems } = parseSource('p.mdx', text);
    expect(source).toBeUndefined();
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toContain(message);
  });
});

describe('values YAML would cut short or misread', () => {
  it.each([
    ['a title', '---\ntitle: Learning #hashtags\n---\n', 2, '"Learning"'],
    ['a venue', '---\ntitle: T\nvenue: ICLR 2016 # oral\n---\n', 3, '"ICLR 2016"'],
    ['a list item', '---\nauthors:\n  - Ann Lee\n  - Bo Li #2\n---\n', 4, '"Bo Li"'],
    ['a tab before the #', '---\ntitle: C\t# sharp\n---\n', 2, '"C"'],
    // Quoted cut as every quoted value (shortened): by characters, never half of an emoji's pair.
    ['a long title', `---\ntitle: x${'\u{1F600}'.repeat(40)} # note\n---\n`, 2, `"x${'\u{1F600}'.repeat(40)}"`],
  ])('refuses a comment after %s, which ends the value there', (_name, text, line, kept) => {
    const { source, problems } = parseSource('p.mdx', text);
    expect(source).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toContain(`" #" starts a comment, so this value ends at ${kept}`);
    expect(problems[0]?.message).toContain('put the whole value in quotes');
  });

  it.each([
    ['# inside a word', '---\ntitle: C# and F# compilers\n---\n', 'C# and F# compilers'],
    ['# in quotes', '---\ntitle: "Learning #hashtags"\n---\n', 'Learning #hashtags'],
    ['a comment on its own line', '---\n# the title\ntitle: T\n---\n', 'T'],
    ['a comment after a quoted value', '---\ntitle: "T" # why\n---\n', 'T'],
  ])('keeps %s', (_name, text, title) => {
    const { source, problems } = parseSource('p.mdx', text);
    expect(problems).toEqual([]);
    expect(source?.data.title).toBe(title);
  });

  it.each([
    ['": " inside a plain value', 'title: Attention: A Survey', 'must be in quotes, e.g. title: "Attention: A Survey"'],
    ['a reserved first character', 'title: @home robots', 'put the whole value in quotes'],
    [
      'text after the closing quote',
      'title: "Attention" is all',
      'a value in double quotes ends at the next double quote',
    ],
    // Each kind its own advice, quoting what the file wrote: a `%` was once told to write "@home robots".
    ['a "%" first', 'title: %x of y', 'put the whole value in quotes, e.g. "%x of y"'],
    ['a backtick first', 'title: `x` "y"', 'put the whole value in quotes, e.g. "`x` \\"y\\""'],
    ['a directive', '%YAML 1.2\ntitle: x', 'a line that starts with "%" is a YAML directive'],
    ['an unknown directive', '%x y\ntitle: x', 'a line that starts with "%" is a YAML directive'],
    ['TeX in double quotes', 'title: "$\\mathbb{R}$"', 'write \\\\ for a backslash, or put the value in single quotes'],
    ['a tab as indentation', '\ttitle: x', 'indent with spaces'],
    ['a document end', 'title: x\n...\ndate: y', 'a line of "..." ends the YAML before it'],
  ])('says what to write for %s, at its line', (_name, lines, hint) => {
    const { problems } = parseSource('p.mdx', `---\n${lines}\n---\n`);
    // At the line that holds it: a directive's missing `---` too, not the line after it.
    const line = lines.includes('...') ? 4 : 2;
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toMatch(/^YAML: /);
    expect(problems[0]?.message).toContain(hint);
    for (const { message } of problems) {
      if (!lines.includes('@home')) expect(message).not.toContain('@home');
      expect(message).not.toContain('parseAllDocuments');
    }
  });
});

describe('a plain value YAML 1.1 reads as no text', () => {
  // This digest reads YAML 1.2, where these are text; PyYAML and Ruby's Psych (previews of the
  // file on code review and in editors) read YAML 1.1, where they are booleans or numbers.
  it.each([
    ['title', 'no', 'the boolean false'],
    ['title', 'On', 'the boolean true'],
    ['venue', 'OFF', 'the boolean false'],
    ['venue', '1_000', 'a number'],
    ['venue', '0b101', 'a number'],
    ['venue', '1:20', 'a number'],
    ['venue', '-190:20:30.15', 'a number'],
    ['venue', '1_0.5', 'a number'],
  ])('refuses %s: %s, read as %s there, saying to quote it', (field, value, reading) => {
    const { problems } = parseSource(
      'p.mdx',
      `---
${field}: ${value}
---

Body
`,
    );
    expect(problems.map(({ line, field: named, kind }) => [line, named, kind])).toEqual([
      [2, field, 'yaml-1-1-scalar'],
    ]);
    expect(problems[0]!.message).toContain(`"${value}" is text to this digest but ${reading}`);
    expect(problems[0]!.message).toContain(`write it in quotes, "${value}"`);
  });

  it.each(['"no"', "'On'", 'Yes we can', 'NeurIPS 2.5', '1.2.3', 'y', 'n', '2025-06-06', 'Nov'])(
    'takes %s, which reads as the same text to either',
    (value) => {
      expect(
        parseSource(
          'p.mdx',
          `---
title: ${value}
---

Body
`,
        ).problems,
      ).toEqual([]);
    },
  );
});

describe('a value that ends before its line does', () => {
  // Each quote holds itself its own way (\" in double quotes is two characters in single quotes):
  // the advice names the way of the quote the value was in, and the advice, followed, works.
  it.each([
    [
      'an apostrophe in single quotes',
      "title: 'It's here'",
      "write a quote inside as two ('It''s')",
      "title: 'It''s here'",
      "It's here",
    ],
    ['the other way', "title: 'It's here'", 'or put the value in double quotes', 'title: "It\'s here"', "It's here"],
    [
      'a quote after spaces',
      "venue: 'Rock 'n' roll'",
      'write a quote inside as two',
      "venue: 'Rock ''n'' roll'",
      "Rock 'n' roll",
    ],
    [
      'a quote in double quotes',
      'title: "A "quoted" word"',
      'write a quote inside as \\"',
      'title: "A \\"quoted\\" word"',
      'A "quoted" word',
    ],
    [
      'the other way',
      'title: "A "quoted" word"',
      'or put the value in single quotes',
      'title: \'A "quoted" word\'',
      'A "quoted" word',
    ],
  ])('%s', (_name, line, advice, followed, title) => {
    const { problems } = parseSource('p.mdx', `---\n${line}\n---\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, field: 'frontmatter' });
    expect(problems[0]!.message).toContain(advice);
    const { source, problems: after } = parseSource('p.mdx', `---\n${followed}\n---\n`);
    expect(after).toEqual([]);
    expect(Object.values(source!.data)).toEqual([title]);
  });

  it.each([
    ['a list', 'tags: [a, b] c', 'ends at its "]"', 'tags: [a, b, c]', { tags: ['a', 'b', 'c'] }],
    [
      'a title that starts with one',
      'title: [Re] Reproducibility study',
      'put the whole value in quotes ("[Re] Reproducibility study")',
      'title: "[Re] Reproducibility study"',
      { title: '[Re] Reproducibility study' },
    ],
    [
      'an author that starts with one',
      'authors:\n  - [Group] A B',
      'put the whole value in quotes ("[Group] A B")',
      'authors:\n  - "[Group] A B"',
      { authors: ['[Group] A B'] },
    ],
    [
      'a mapping',
      'links: {code: x} y',
      'ends at its "}"',
      'links: {code: x, project: y}',
      { links: { code: 'x', project: 'y' } },
    ],
  ])(
    '%s: a value that starts with a bracket, with advice for text and for a list',
    (_name, line, advice, followed, data) => {
      const { problems } = parseSource('p.mdx', `---\n${line}\n---\n`);
      expect(problems[0]!.message).toContain(advice);
      expect(parseSource('p.mdx', `---\n${followed}\n---\n`).source!.data).toEqual(data);
    },
  );
});

describe('a quote or a bracket never closed', () => {
  // yaml reports where it gave up, lines below; the problem is at the line that opens it, with
  // advice that, followed, reads.
  it.each([
    [
      'title: "A paper\nauthors:\n  - Ada',
      2,
      'end the value with " on this line',
      'title: "A paper"\nauthors:\n  - Ada',
    ],
    [
      "title: 'A paper\nauthors:\n  - Ada",
      2,
      "end the value with ' on this line",
      "title: 'A paper'\nauthors:\n  - Ada",
    ],
    [
      'title: x\nauthors:\n  - "Ada\n  - Bob',
      4,
      'end the value with " on this line',
      'title: x\nauthors:\n  - "Ada"\n  - Bob',
    ],
    ['tags: [a, b\ndate: "2025-01-01"', 2, 'end the list with "]" on this line', 'tags: [a, b]\ndate: "2025-01-01"'],
    [
      'title: x\ntags: [a,\n  b\nvenue: y',
      3,
      'end the list with "]" on this line',
      'title: x\ntags: [a,\n  b]\nvenue: y',
    ],
    ['links: {code: x\ndate: "2025-01-01"', 2, 'end it with "}" on this line', 'links: {code: x}\ndate: "2025-01-01"'],
    ['tags: [a,, b]', 2, 'items in brackets have one comma between two', 'tags: [a, b]'],
  ])('%j: at line %i', (yaml, line, advice, followed) => {
    const { problems } = parseSource('p.mdx', `---\n${yaml}\n---\n`);
    expect(problems[0]).toMatchObject({ line, field: 'frontmatter' });
    expect(problems[0]!.message).toContain(advice);
    expect(parseSource('p.mdx', `---\n${followed}\n---\n`).problems).toEqual([]);
  });

  // Each never-closed bracket is told at the line of its own opener, not at a later opener of
  // another kind (a "{" inside a "[" are both flow collections to yaml).
  it.each<[string, [number, string][]]>([
    [
      'tags: [a,\n  {b: c\ndate: "x"',
      [
        [2, '"["'],
        [3, '"{"'],
      ],
    ],
    [
      'links: {code: x,\n  more: [a,\n  b\ndate: "x"',
      [
        [2, '"{"'],
        [3, '"["'],
      ],
    ],
    [
      "tags: [a,\n  'b\nvenue: y",
      [
        [2, '"["'],
        [3, 'quote'],
      ],
    ],
  ])('%j: each opener at its line', (yaml, expected) => {
    const { problems } = parseSource('p.mdx', `---\n${yaml}\n---\n`);
    const told = (opener: string) => problems.find((problem) => problem.message.includes(`the ${opener} opened here`));
    for (const [line, opener] of expected) expect(told(opener)?.line, opener).toBe(line);
  });
});

describe('TeX in double quotes', () => {
  // YAML reads `\a`, `\b`, `\e`, `\f`, `\n`, `\r`, `\t`, `\v`, `\0`, `\N`, `\L`, `\P` and `\_` in
  // double quotes as escapes: a TeX command that starts with one lost its backslash and first
  // letter to a bell, a form feed, a tab…, of which the contributor heard, if at all, as an
  // invisible character to delete. Every such command, in every field and on any line of a value.
  const commands = [
    'alpha',
    'approx',
    'beta',
    'bar',
    'epsilon',
    'ell',
    'frac',
    'forall',
    'nabla',
    'nu',
    'rho',
    'right',
    'theta',
    'text',
    'varepsilon',
    'vec',
    'Lambda',
    'Phi',
    'Pi',
    'Psi',
    'Nu',
    '_b',
    '0pt',
  ];
  const places: [string, (value: string) => string, number][] = [
    ['title', (value) => `title: "On ${value} laws"`, 2],
    ['venue', (value) => `title: T\nvenue: "${value}"`, 3],
    ['authors[1]', (value) => `authors:\n  - A B\n  - "${value}"`, 4],
    ['title', (value) => `title: "On the\n  laws ${value}"`, 3],
  ];

  it.each(commands)('\\%s is named as TeX, at its field and line, with advice that works', (command) => {
    const tex = `$\\${command}$`;
    for (const [field, write, line] of places) {
      const { source, problems } = parseSource('p.mdx', `---\n${write(tex)}\n---\n`);
      expect(source, command).toBeUndefined();
      expect(problems, command).toEqual([expect.objectContaining({ line, field })]);
      expect(problems[0]!.message).toContain(`in double quotes "\\${command[0]}" is an escape`);
      expect(problems[0]!.message).toContain(`"\\${command}" is not TeX there`);
      // Followed either way, the advice keeps the command as written.
      for (const followed of [write(tex.replace('\\', '\\\\')), write(tex).replace(/"/g, "'")]) {
        const parsed = parseSource('p.mdx', `---\n${followed}\n---\n`);
        expect(parsed.problems, followed).toEqual([]);
        expect(JSON.stringify(parsed.source!.data), followed).toContain(JSON.stringify(tex).slice(1, -1));
      }
    }
  });

  it.each([
    ['a math command outside math', 'title: "\\alpha-Stable Laws"', '\\alpha'],
    ['a text command', 'title: "A \\textbf{bold} claim"', '\\textbf'],
    ['an accent', 'authors:\n  - "Antonín Dvo\\v{r}ák"', '\\v'],
  ])('names TeX outside math too: %s', (_name, lines, command) => {
    const { problems } = parseSource('p.mdx', `---\n${lines}\n---\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(`so "${command}" is not TeX there`);
  });

  it.each([
    ['a line break before a word', 'title: "A paper\\nwith two lines"', 'A paper\nwith two lines'],
    ['a tab before a word', 'title: "Ada\\tLovelace"', 'Ada\tLovelace'],
    ['a quote before a letter', 'title: "An \\"open\\" world"', 'An "open" world'],
    ['a backslash, written twice', 'title: "On $\\\\frac{a}{b}$"', 'On $\\frac{a}{b}$'],
    ['a hex escape', 'title: "Caf\\xe9 and na\\u00efve"', 'Café and naïve'],
    ['a space escape', 'title: "A\\ B"', 'A B'],
  ])('reads %s as YAML does (the check refuses a line break or a tab in a field afterwards)', (_name, line, title) => {
    const { source, problems } = parseSource('p.mdx', `---\n${line}\n---\n`);
    expect(problems).toEqual([]);
    expect(source!.data.title).toBe(title);
  });
});

describe('explicit tags', () => {
  it('are one problem each, with what to write, whether yaml resolves the tag or not', () => {
    // yaml also reports a tag it cannot resolve ("Unresolved tag"): one cause, one message.
    for (const [value, tag] of [
      ['!!js/function "function () { return 1 }"', 'tag:yaml.org,2002:js/function'],
      ['!kkk x', '!kkk'],
      ['!!int abc', 'tag:yaml.org,2002:int'],
      ['!!binary aGk=', 'tag:yaml.org,2002:binary'],
    ]) {
      const { source, problems } = parseSource('p.mdx', `---\ntitle: ${value}\nvenue: V\n---\n`);
      expect(source, value).toBeUndefined();
      expect(
        problems.map((problem) => [problem.line, problem.message]),
        value,
      ).toEqual([[2, `Explicit YAML tags (${tag}) are not allowed; write plain values.`]]);
    }
    // A tag whose handle is declared nowhere is yaml's to report; it too says what to write.
    const undeclared = parseSource('p.mdx', '---\ntitle: !x!foo bar\n---\n').problems;
    expect(undeclared).toHaveLength(1);
    expect(undeclared[0]?.message).toContain('explicit YAML tags are not allowed; write plain values');
  });
});

describe('anchors and aliases', () => {
  it('are one problem on each line that has them, however many a line has', () => {
    // An alias bomb, `[*a, *a, …]`, printed the same line ten times.
    const text = `---\ntitle: &a T\ntags: [${Array(3000).fill('*a').join(', ')}]\nvenue: *a\n---\n\nBody\n`;
    const { source, problems } = parseSource('p.mdx', text);
    expect(source).toBeUndefined();
    expect(problems.map((problem) => problem.line).sort()).toEqual([2, 3, 4]);
    expect(new Set(problems.map((problem) => problem.message))).toEqual(
      new Set(['YAML anchors and aliases (`&name`, `*name`) are not allowed; write the value out.']),
    );
  });
});

describe('parseSource cost', () => {
  const keys = (count: number) => Array.from({ length: count }, (_, index) => `k${index}: ${index}`).join('\n');

  it('refuses a huge frontmatter by its size, before YAML reads it', () => {
    const text = `---\n${keys(50_000)}\n---\n\nBody\n`;
    const { problems } = parseSource('p.mdx', text);
    expect(problems.map((problem) => problem.message)).toEqual([
      `The frontmatter has ${text.length - '---\n\n---\n\nBody\n'.length} characters; it must be at most ${YAML_LIMITS.frontmatterCharacters}: keep to the documented fields.`,
    ]);
  });

  it('reads 50,000 keys without a quadratic duplicate-key check, and refuses the mapping', () => {
    // The key k49999 is given twice. yaml's own duplicate-key check (quadratic: minutes here) would
    // report it as "Map keys must be unique"; the project's check is skipped for a mapping refused
    // by its size. So the size message alone says that neither check ran, without timing anything.
    const text = `${keys(50_000)}\nk49999: again`;
    const { problems } = parseYaml('p.mdx', text, 1, Number.POSITIVE_INFINITY);
    expect(problems.map((problem) => problem.message)).toEqual([
      `YAML: a mapping of 50001 keys; at most ${YAML_LIMITS.mappingKeys}: keep to the documented fields.`,
    ]);
  });

  it('refuses a list longer than any field needs, at its line', () => {
    const text = `---\ntitle: T\ntags:\n${'  - a\n'.repeat(YAML_LIMITS.sequenceItems + 1)}---\n\nBody\n`;
    const { problems } = parseSource('p.mdx', text);
    expect(problems).toEqual([
      {
        file: 'p.mdx',
        line: 4,
        field: 'frontmatter',
        kind: 'yaml-list-too-long',
        message: `YAML: a list of ${YAML_LIMITS.sequenceItems + 1} items; at most ${YAML_LIMITS.sequenceItems}.`,
      },
    ]);
  });

  it('reports a key given twice with the line of the first', () => {
    const { problems } = parseYaml('p.mdx', 'a: 1\nb: 2\na: 3\n', 2, 1000);
    expect(problems).toEqual([
      {
        file: 'p.mdx',
        line: 4,
        field: 'frontmatter',
        kind: 'yaml-key-repeated',
        message: 'YAML: Map keys must be unique; "a" is already given on line 2: keep one.',
      },
    ]);
  });
});
