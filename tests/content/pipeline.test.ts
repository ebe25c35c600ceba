import { describe, expect, it } from 'vitest';
import { EXCERPT_LENGTH, isSafeUrl, renderPaperBody } from '../../src/content/pipeline.ts';

const render = (body: string) => renderPaperBody(body, { file: 'x.mdx', bodyLine: 10 });

describe('renderPaperBody', () => {
  it('typesets inline and display math with KaTeX at build time', () => {
    const { rendered, problems } = render('Sample complexity $\\mathcal{O}(d^k)$.\n\n$$\n\\sum_i x_i\n$$\n');
    expect(problems).toEqual([]);
    expect(rendered?.hasMath).toBe(true);
    expect(rendered?.html).toContain('class="katex"');
    expect(rendered?.html).toContain('class="katex-display"');
    expect(rendered?.html).toContain('<math');
    expect(rendered?.html).not.toContain('katex-error');
    expect(rendered?.text).toBe('Sample complexity $\\mathcal{O}(d^k)$.\n\n$$\\sum_i x_i$$');
  });

  it('renders plain Markdown without math or stylesheet need', () => {
    const { rendered } = render('A *plain* abstract with a [link](https://example.org/x).');
    expect(rendered?.hasMath).toBe(false);
    expect(rendered?.html).toBe(
      '<p>A <em>plain</em> abstract with a <a href="https://example.org/x" rel="noopener noreferrer">link</a>.</p>',
    );
  });

  it('marks a link whose text is its address, which print does not write a second time', () => {
    const { rendered } = render(
      'Code: [https://example.org/x](https://example.org/x), [example.org/y/](https://example.org/y) and [z](https://example.org/z).',
    );
    expect(rendered?.html).toBe(
      '<p>Code: <a href="https://example.org/x" rel="noopener noreferrer" class="shown-address">https://example.org/x</a>, ' +
        '<a href="https://example.org/y" rel="noopener noreferrer" class="shown-address">example.org/y/</a> and ' +
        '<a href="https://example.org/z" rel="noopener noreferrer">z</a>.</p>',
    );
  });

  it('keeps the words of list items, quoted paragraphs and display math apart in its plain text', () => {
    // The plain text is what related papers and the search vocabulary read as words.
    const { rendered } = render('1. one\n2. two\n\n> a\n>\n> b\n\n- x\n  $$y$$\n- z');
    expect(rendered?.text).toBe('one two\n\na b\n\nx $$y$$ z');
  });

  it('reports positions in file lines, after the frontmatter', () => {
    const { problems } = render('ok\n\nbad {x}');
    expect(problems).toEqual([expect.objectContaining({ file: 'x.mdx', line: 12, column: 5, field: 'body' })]);
  });

  it("names a formula's error where it is in the file, not where the formula starts", () => {
    // A display formula of many lines was reported at its `$$`, whatever line held the error.
    const cases: [string, string][] = [
      ['First.\n\n$$\n\\begin{aligned}\na &= \\foo\n\\end{aligned}\n$$\n\nEnd.', '\\foo'],
      ['A $x$ and $y + z \\badcmd$ here.', '\\badcmd'],
      ['A $x +\n  y \\nope$ over two lines.', '\\nope'],
      ['A $y \\begin{equation} z$.', '\\begin{equation}'],
      ['```math\nx\n\\unknown\n```', '\\unknown'],
      ['> quoted\n> $$\n> a \\refused\n> $$', '\\refused'],
    ];
    for (const bodyLine of [3, 17]) {
      for (const [body, command] of cases) {
        const { problems } = renderPaperBody(body, { file: 'x.mdx', bodyLine });
        const fileLines = [...Array<string>(bodyLine - 1).fill('title: x'), ...body.split('\n')];
        expect(problems, body).toHaveLength(1);
        const { line, column } = problems[0]!;
        expect(fileLines[line! - 1]!.slice(column! - 1), body).toMatch(
          new RegExp(`^${command.replace(/\\/g, '\\\\')}`),
        );
      }
      // An error at the formula's end (a brace left open) is at its closing dollar.
      const [open] = renderPaperBody('Text $a + \\frac{x$ end.', { file: 'x.mdx', bodyLine }).problems;
      expect(open).toMatchObject({ line: bodyLine, column: 'Text $a + \\frac{x'.length + 1 });
    }
  });

  it("writes the places inside MDX's reasons as lines of the file too, not of the abstract", () => {
    // MDX names the tag it could not close by its place in the text it parsed (the body): the
    // message must point to the file's line, where the tag is, whatever the frontmatter's length.
    const bodies = [
      'First.\n\nA <div> here.',
      'a <b>x</i> y',
      '*a <b>x* y</b>',
      'x\n\n> a <i>b\n\nc</i>',
      'x\n\n- one\n- <b>a\n- c</b>',
    ];
    for (const bodyLine of [2, 11, 40]) {
      for (const body of bodies) {
        const [problem] = renderPaperBody(body, { file: 'x.mdx', bodyLine }).problems;
        const fileLines = [...Array<string>(bodyLine - 1).fill('title: x'), ...body.split('\n')];
        const places = [...problem!.message.matchAll(/`(<[a-z]+>)` \((\d+):(\d+)-(\d+):(\d+)\)/g)];
        expect(places, body).toHaveLength(1);
        const [, tag, line, column, endLine, endColumn] = places[0]!;
        expect(fileLines[Number(line) - 1]!.slice(Number(column) - 1, Number(endColumn) - 1), body).toBe(tag);
        expect(endLine, body).toBe(line);
      }
      // Places that name no tag: the paragraph `x</b>`, body line 5, from column 1 to 6.
      const [problem] = renderPaperBody('a\n\n<b>\n\nx</b>', { file: 'x.mdx', bodyLine }).problems;
      expect(problem!.message).toContain(
        `after the end of \`paragraph\` (${bodyLine + 4}:6) or another opening tag after the start of \`paragraph\` (${bodyLine + 4}:1)`,
      );
    }
  });

  it('rejects what MDX would execute and never renders it', () => {
    for (const body of [
      'export const a = 1',
      'import x from "y"',
      '{1+1}',
      '<div>hi</div>',
      'a <b onClick={x}>b</b>',
    ]) {
      const { rendered, problems } = render(body);
      expect(rendered).toBeUndefined();
      expect(problems.length).toBeGreaterThan(0);
    }
  });

  it('says why prose that starts a paragraph with "import " or "export " is refused, and how to write it', () => {
    const [problem] = render('We study trade.\n\nexport controls matter.').problems;
    expect(problem).toMatchObject({ line: 12, field: 'body' });
    expect(problem!.message).toContain(
      'MDX reads a paragraph that starts with the word "export" and a space as JavaScript',
    );
    expect(problem!.message).toContain('(&#101;xport)');
    // The advice it gives works: the paragraph renders as written.
    const advised = render('We study trade.\n\n&#101;xport controls matter.');
    expect(advised.problems).toEqual([]);
    expect(advised.rendered!.html).toContain('<p>export controls matter.</p>');
    expect(render('import of goods').problems[0]!.message).toContain('(&#105;mport)');
  });

  it('refuses a comment of either kind at its start, with advice that does not lead to the other', () => {
    // MDX's parser stops at the `!` of `<!--` and suggests `{/* … */}`, which is refused in turn.
    const cases: [string, number, number][] = [
      ['An abstract <!-- a note --> here.', 10, 13],
      ['An abstract.\n\n<!--\na note\n-->', 12, 1],
      ['An abstract {/* a note */} here.', 10, 13],
      ['An abstract.\n\n{/* a note */}', 12, 1],
      ['An abstract.\n\n{// a note\n}', 12, 1],
    ];
    for (const [body, line, column] of cases) {
      const { rendered, problems } = render(body);
      expect(rendered, body).toBeUndefined();
      expect(problems, body).toEqual([
        expect.objectContaining({ line, column, field: 'body', message: expect.stringMatching(/^Comments \(/) }),
      ]);
      expect(problems[0]!.message, body).toContain('delete the comment');
      expect(problems[0]!.message, body).not.toContain('to create a comment in MDX');
    }
    // An expression that holds more than a comment is still an expression, and `<!` of no
    // comment gets MDX's reason without the note.
    for (const body of ['a {/* x */ 1} b', 'a {} b'])
      expect(render(body).problems[0]!.message, body).toMatch(/^`\{…\}` expressions/);
    // Read in one pass: many comments before code are no work for a backtracking pattern.
    expect(render(`a {${'/**/ '.repeat(1500)}x} b`).problems[0]!.message).toMatch(/^`\{…\}` expressions/);
    const doctype = render('a <!DOCTYPE x> b').problems[0]!.message;
    expect(doctype).toMatch(/^MDX syntax: /);
    expect(doctype).not.toContain('{/*');
  });

  it('says that footnotes are not supported, however the note is written', () => {
    // This Markdown has no footnotes: `[^1]: note` was read as a link definition to "note" (refused
    // as no URL), and a note of several words as a paragraph shown with its `[^1]:`.
    for (const note of [
      'twice',
      'https://example.org/',
      'a note of several words',
      'see [a link](https://example.org/).',
    ]) {
      const { rendered, problems } = render(`An abstract[^1] here.\n\n[^1]: ${note}`);
      expect(rendered, note).toBeUndefined();
      expect(problems, note).toEqual([
        expect.objectContaining({
          line: 12,
          column: 1,
          field: 'body',
          message: expect.stringMatching(/^Footnotes \(/),
        }),
      ]);
    }
    // A reference link's label may hold a caret where it is not first, and brackets stay text.
    expect(render('An [x][a^b] here.\n\n[a^b]: https://example.org/').problems).toEqual([]);
    expect(render('An abstract on [^1] as text, and [x]: y.').problems).toEqual([]);
  });

  it('refuses a footnote wherever GFM reads one, and says how to write its mark as text', () => {
    const advice = (label: string) =>
      `Footnotes (\`[^${label}]: …\`) are not supported in an abstract: write the note in the text, in parentheses, and leave out its \`[^${label}]\` mark; to show \`[^${label}]:\` as written, escape its bracket: \`\\[^${label}]:\`.`;
    const problemsOf = (body: string) =>
      render(body).problems.map(({ line, column, message }) => [line, column, message]);
    // Unmarked, alone (a link definition to "note") or as a paragraph of several words.
    expect(problemsOf('[^abc]: note')).toEqual([[10, 1, advice('abc')]]);
    expect(problemsOf('[^abc]: a note')).toEqual([[10, 1, advice('abc')]]);
    // In a list item, a quote, both, and after indentation (MDX has no indented code).
    expect(problemsOf('- [^abc]: a note')).toEqual([[10, 3, advice('abc')]]);
    expect(problemsOf('1. item\n\n   [^n]: a note')).toEqual([[12, 4, advice('n')]]);
    expect(problemsOf('- item\n  [^abc]: a note')).toEqual([[11, 3, advice('abc')]]);
    expect(problemsOf('> > [^abc]: a note')).toEqual([[10, 5, advice('abc')]]);
    expect(problemsOf('- > [^abc]: a note')).toEqual([[10, 5, advice('abc')]]);
    expect(problemsOf('   [^abc]: a note')).toEqual([[10, 4, advice('abc')]]);
    expect(problemsOf('Text.\n    [^abc]: a note')).toEqual([[11, 5, advice('abc')]]);
    // The way out the message gives is text, wherever it is written.
    for (const body of ['\\[^abc]: a note', '- \\[^abc]: a note', '> \\[^abc]: note', '   \\[^abc]: note']) {
      expect(render(body).problems, body).toEqual([]);
    }
  });

  it("refuses a footnote on any line of a paragraph, and text that only looks like one's start nowhere", () => {
    // A definition cannot interrupt a paragraph: on its second line it was shown, `[^1]:` and all.
    const footnoteAt = (body: string) =>
      render(body).problems.map(({ line, column, message }) => [line, column, message.slice(0, 10)]);
    expect(footnoteAt('Text.\n[^1]: a note after a line')).toEqual([[11, 1, 'Footnotes ']]);
    expect(footnoteAt('Text *that\n[^note-2]: goes* on.')).toEqual([[11, 1, 'Footnotes ']]);
    expect(footnoteAt('> A quote.\n> [^a]: its note')).toEqual([[11, 3, 'Footnotes ']]);
    // A label that is no footnote's name counts when the text marks it.
    expect(footnoteAt('Text[^*] here.\n\n[^*]: the note')).toEqual([[12, 1, 'Footnotes ']]);
    // Escaped, as a regular expression's class, in code or math, or not where a line starts: text.
    for (const body of [
      '\\[^1]: is how GFM writes a footnote; we do not use it.',
      '[^a-z]: matches any non-lowercase letter, and so on.',
      '[^A-Za-z0-9]: matches any other character.',
      'Text.\n[^.,]: matches any character but a full stop or a comma.',
      'Text `a\n[^1]: b` here.',
      'Text $a\n[^1]: b$ here.',
      'Text and [^1]: b here.',
    ]) {
      expect(render(body).problems, body).toEqual([]);
    }
  });

  it('reports a KaTeX error instead of leaving red text', () => {
    const { rendered, problems } = render('Bad $\\frac{1}{$ math');
    expect(rendered).toBeUndefined();
    expect(problems[0]?.message).toMatch(/^LaTeX: /);
  });

  it.each(['\\href{https://x.org}{a}', '\\url{https://x.org}', '\\includegraphics{x.png}', '\\htmlClass{a}{b}'])(
    'refuses %s inside math',
    (tex) => {
      const { rendered, problems } = render(`Math $${tex}$`);
      expect(rendered).toBeUndefined();
      expect(problems.map((problem) => problem.message)).toContainEqual(
        expect.stringMatching(/is not allowed \(math may not contain links/),
      );
    },
  );

  it.each([
    ['https://example.org', true],
    ['http://example.org', false],
    ['mailto:a@example.org', true],
    ['javascript:alert(1)', false],
    [' JAVASCRIPT:alert(1)', false],
    ['vbscript:msgbox', false],
    ['data:text/html,x', false],
    ['/relative', false],
  ])('isSafeUrl(%s) = %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe("a code block's language", () => {
  it.each(['python', 'c++', 'objective-c', 'F#', 'x86asm', 'py3 linenos', 'a'.repeat(32)])('takes ```%s', (info) => {
    const { rendered, problems } = render(`First line.\n\n\`\`\`${info}\nx = 1\n\`\`\``);
    expect(problems).toEqual([]);
    expect(rendered?.html).toContain(`<code class="language-${info.split(' ')[0]}">`);
  });

  it.each([
    ['a'.repeat(5000), `"${'a'.repeat(40)}…", is 5000 characters long`],
    ['a'.repeat(33), 'is 33 characters long'],
    ['{.python}', '"{.python}", is no language\'s name'],
    ['a"b', '"a"b", is no language\'s name'],
    ['-python', "is no language's name"],
    ['日本語', "is no language's name"],
  ])('refuses language %# (no name, or too long) at its line, not as a class', (lang, message) => {
    // The fence opens the abstract's third line (bodyLine 10), inside a list item for ~~~.
    for (const body of [`First line.\n\n\`\`\`${lang}\nx = 1\n\`\`\``, `First line.\n\n- ~~~${lang}\n  x\n  ~~~`]) {
      const { rendered, problems } = render(body);
      expect(rendered).toBeUndefined();
      expect(problems).toEqual([
        {
          file: 'x.mdx',
          line: 12,
          column: expect.any(Number),
          field: 'body',
          kind: 'unsafe-code',
          message: expect.stringContaining(`A code block's language (the word after \`\`\` or ~~~), `),
        },
      ]);
      expect(problems[0]!.message).toContain(message);
      expect(problems[0]!.message.length).toBeLessThan(300);
    }
  });
});

describe('nesting', () => {
  it('refuses a tree deeper than the limit however large the stack, and accepts one at it', () => {
    // 40 nested quotes never overflow a stack, so only the explicit limit can refuse them.
    const quoted = (depth: number) => `${'> '.repeat(depth)}An abstract.`;
    expect(render(quoted(40)).problems).toEqual([
      expect.objectContaining({ line: 10, message: expect.stringContaining('nested too deeply') }),
    ]);
    expect(render(quoted(20)).problems).toEqual([]);
  });

  it('refuses a list indented one level deeper on each line at the line where it goes too deep', () => {
    // Each line opens one list: no line opens too many, the tree is 95 lists deep. The list of
    // body line n is at depth 2n (the root is 1), its item at 2n + 1, the item's paragraph and
    // text below: the first node past 32 is line 15's text, file line 24 (body line 1 is line 10).
    const lines = Array.from({ length: 95 }, (_, depth) => `${'  '.repeat(depth)}- a`).join('\n');
    expect(render(lines).problems).toEqual([
      expect.objectContaining({
        line: 24,
        message: expect.stringContaining('is nested too deeply: here the abstract is inside more than 32'),
      }),
    ]);
    expect(render(lines.split('\n').slice(0, 14).join('\n')).problems).toEqual([]);
  });

  it('refuses a line of thousands of nested lists at its line, before parsing it (that took 30 s)', () => {
    // "this line opens" is the message of the check that reads lines before the parser runs (the
    // parsed tree's own check says "here the abstract is inside"): so the parser never saw it.
    const { problems } = render(`Fine.\n\n${'- '.repeat(4990)}a`);
    expect(problems).toEqual([
      expect.objectContaining({ line: 12, message: expect.stringContaining('nested too deeply: this line opens') }),
    ]);
    // At the limit a line is parsed, and the tree's own depth decides.
    expect(render(`${'> '.repeat(28)}An abstract.`).problems).toEqual([]);
    expect(render(`${'1. '.repeat(33)}a`).problems).toEqual([
      expect.objectContaining({ line: 10, message: expect.stringContaining('nested too deeply') }),
    ]);
  });
});

describe('headings by the thousand', () => {
  it('refuses the 101st line underlined as a heading at its line, before parsing (2,490 took micromark 6 s)', () => {
    // "Fine." is file line 10; each "a" then "=": the 101st "=" is body line 2 + 2 × 101. Only the
    // check that reads lines before the parser runs says "more than 100 lines of only": a parsed
    // heading would be refused as a heading, so the message says the parser never saw it.
    const { problems } = render(`Fine.\n\n${'a\n=\n'.repeat(2490)}`);
    expect(problems).toEqual([
      expect.objectContaining({ line: 213, message: expect.stringContaining('more than 100 lines of only') }),
    ]);
    expect(render(`${'a\n-\n'.repeat(2490)}`).problems).toEqual([
      expect.objectContaining({ line: 211, message: expect.stringContaining('more than 100 lines of only') }),
    ]);
    // Fewer are parsed, and each heading is refused at its line, as before.
    const few = render('a\n===\n\nb\n---\n').problems;
    expect(few.map((problem) => [problem.line, problem.message.slice(0, 8)])).toEqual([
      [10, 'Headings'],
      [13, 'Headings'],
    ]);
  });
});

describe('excerpts for cards', () => {
  it('keeps a short first paragraph whole and drops later paragraphs and display math', () => {
    const { rendered } = render('First $x^2$ paragraph.\n\n$$\ny\n$$\n\nSecond paragraph.');
    expect(rendered?.excerptHtml).toMatch(/^<p>First <span class="katex">.*<\/span> paragraph\.<\/p>$/);
    expect(rendered?.excerptHtml).not.toContain('katex-display');
    expect(rendered?.excerptHtml).not.toContain('Second');
  });

  it('cuts a long paragraph at a word boundary, never inside a formula', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const { rendered } = render(`${words} $\\alpha$ ${words}`);
    const excerpt = rendered!.excerptHtml;
    expect(excerpt.endsWith('…</p>')).toBe(true);
    expect(excerpt).toMatch(/word\d+…<\/p>$/);
    const text = excerpt.replace(/<[^>]+>/g, '');
    expect(text.length).toBeLessThanOrEqual(281);
    // The formula is either whole or absent.
    expect((excerpt.match(/<span class="katex">/g) ?? []).length).toBe((excerpt.match(/<\/math>/g) ?? []).length);
  });
});

describe('display math wherever it stands', () => {
  it('typesets $$…$$ inside a paragraph as display math, in a focusable scroll box', () => {
    const { rendered, problems } = render('The loss $$\\sum_i x_i$$ is small.');
    expect(problems).toEqual([]);
    expect(rendered?.html).toMatch(
      /^<p>The loss <span class="katex-display" tabindex="0" role="region" aria-label="Formula"><span class="katex">.*<math [^>]*display="block"/,
    );
    expect(rendered?.html).toMatch(/<\/span> is small\.<\/p>$/);
    expect(rendered?.text).toBe('The loss $$\\sum_i x_i$$ is small.');
  });

  it('numbers the scroll boxes of an abstract with several, so that each region has a name of its own', () => {
    const { rendered, problems } = render('First $$a$$ then\n\n$$b$$\n\n```math\nc\n```\n\nand $d$.');
    expect(problems).toEqual([]);
    const labels = [...rendered!.html.matchAll(/role="region" aria-label="([^"]*)"/g)].map((match) => match[1]);
    expect(labels).toEqual(['Formula 1 of 3', 'Formula 2 of 3', 'Formula 3 of 3']);
  });

  it('keeps $…$ inline', () => {
    const { rendered } = render('The loss $\\sum_i x_i$ is small.');
    expect(rendered?.html).not.toContain('katex-display');
  });

  it('ends a card excerpt before display math set inside the paragraph', () => {
    const { rendered } = render('The loss $$\\sum_i x_i$$ is small.');
    expect(rendered?.excerptHtml).toBe('<p>The loss  …</p>');
  });

  it.each([
    ['$$\\sum_i x_i$$ holds for every loss.', '<p> holds for every loss.</p>'],
    ['$$\\sum_i x_i$$\n\nThe loss is small.', '<p>The loss is small.</p>'],
    ['- first finding\n- second finding\n\nThen prose.', '<p>first finding</p>'],
    ['1. A loose item.\n\n2. Another.', '<p>A loose item.</p>'],
    ['> Quoted opening.\n\nProse.', '<p>Quoted opening.</p>'],
  ])('makes a card excerpt of the first text of %j, whatever comes before it', (body, excerpt) => {
    expect(render(body).rendered?.excerptHtml).toBe(excerpt);
  });

  it.each(['```math\n\\frac{a}{b}\n```', '~~~math\n\\frac{a}{b}\n~~~'])(
    'typesets the fence %j as display math',
    (body) => {
      const { rendered, problems } = render(body);
      expect(problems).toEqual([]);
      expect(rendered?.html).toMatch(/^<span class="katex-display" tabindex="0"/);
    },
  );

  it.each([
    // At the refused command, on the fence's next line; a formula refused whole, at its fence.
    ['```math\n\\raisebox{-9em}{x}\n```', 'LaTeX: \\raisebox is not allowed in an abstract', 13],
    ['~~~math\n\\def\\a{x}\n~~~', 'LaTeX: \\def is not allowed in an abstract', 13],
    [
      `\`\`\`math\n${'x'.repeat(1001)}\n\`\`\``,
      'LaTeX: a formula of 1001 characters is too long (at most 1000): shorten it, or write it as smaller formulas with words between them.',
      12,
    ],
  ])('holds a math fence to the same rules: %j', (body, message, line) => {
    const { rendered, problems } = render(`Text.\n\n${body}`);
    expect(rendered).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ line, column: 1, message: expect.stringContaining(message) })]);
  });
});

describe('dollars', () => {
  it('refuses a "$" that opens no math once, where it stands, and not the TeX after it', () => {
    const { rendered, problems } = render('Some text.\n\nWe bound it by $\\epsilon and show it is tight.');
    expect(rendered).toBeUndefined();
    expect(problems.map(({ line, column, message }) => [line, column, message.slice(0, 33)])).toEqual([
      [12, 16, 'has a "$" that opens no math (a f'],
    ]);
  });

  it('refuses amounts of money that Markdown pairs as a formula, at the formula', () => {
    for (const body of ['Runs cost $5 and $10.', 'Runs cost $5 and $ 10.', 'From $5-$10 a run.']) {
      const { problems } = render(body);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toContain('though it reads as amounts of money');
      expect(problems[0]!.column).toBe(body.indexOf('$') + 1);
    }
  });

  it('refuses an amount that an escaped dollar closes as math (inside math a backslash escapes nothing)', () => {
    const { problems } = render('Runs cost $5, or \\$10.');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('"$5, or \\$10" is typeset as the formula "5, or \\"');
  });

  it('refuses math that an escaped dollar closes, once, and says how to write a dollar sign in math', () => {
    for (const body of ['A $\\$5$ fee.', 'A fee of $x + \\$5$ a run, and $y$.']) {
      const { problems } = render(body);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toContain('is closed by the "$" of "\\$"');
      expect(problems[0]!.message).toContain('write a dollar sign in math as \\text{\\textdollar}');
      expect(problems[0]!.column).toBe(body.indexOf('$') + 1);
    }
    // A line break (`\\`) before the closing `$` is no escape; `$$…$$` takes `\$`.
    expect(
      render('Rows $\\begin{aligned}a\\\\b\\end{aligned}$ and $$\\$5$$, $\\text{\\textdollar}5$.').problems,
    ).toEqual([]);
  });

  it('says that \\textdollar, a text command, goes inside \\text{…}', () => {
    const { problems } = render('A $\\textdollar 5$ fee.');
    expect(problems.map((problem) => problem.message)).toEqual([
      'LaTeX: \\textdollar is a text command: write it inside \\text{…} (\\text{\\textdollar})',
    ]);
  });

  it('keeps amounts, escaped dollars and math that starts with a digit', () => {
    for (const body of ['Runs cost $5 each.', 'It takes $2^k$ steps and $n$ runs.', 'Pay \\$5 and \\$10.']) {
      expect(render(body).problems).toEqual([]);
    }
  });
});

describe('links in abstracts', () => {
  const site = 'https://owner.github.io/paper-digest/';
  const withSite = (body: string) => renderPaperBody(body, { file: 'x.mdx', bodyLine: 10, siteUrl: site });

  it.each([
    ['https://OWNER.github.io:443/x', 'it leads to this digest itself (https://owner.github.io)'],
    ['https://owner.github.io/paper-digest/papers/2401.00001/', 'it leads to this digest itself'],
    ['/papers/x/', 'it is not a full URL (relative and #fragment links are not allowed)'],
    ['papers/x', 'it is not a full URL'],
    ['//evil.example.net/x', 'it is not a full URL'],
    ['#section', 'it is not a full URL'],
    ['http://example.org/', 'use a full https:// URL (or mailto:) to another site.'],
    ['https://a.org/%zz', 'a "%" must start an escape of two hex digits: write %25 for a literal %.'],
    ['https://a.org/%', 'a "%" must start an escape'],
    // Markdown reads `\\@` as `@`, and `\\\\` as one backslash.
    ['https://arxiv.org\\@evil.example.net/', 'it contains a user name or password'],
    ['https://arxiv.org\\\\@evil.example.net/', 'it contains a backslash'],
    ['https://user:pass@a.org/', 'it contains a user name or password'],
    ['https://arxiv.org@evil.example.net/', 'it contains a user name or password'],
    // As links in the frontmatter: a host on the web, not the reader's own machine or network.
    [
      'https://127.0.0.1/admin',
      'it must name a web host with a domain, e.g. "https://github.com/…", not an IP address or a local name.',
    ],
    ['https://0x7f.1/', 'it must name a web host with a domain'],
    ['https://[::1]/', 'it must name a web host with a domain'],
    ['https://localhost/', 'it must name a web host with a domain'],
    ['https://router/', 'it must name a web host with a domain'],
    ['https://a..org/', 'it must name a web host with a domain'],
    // DNS's limits: a label of 64 letters, or a name of 254 characters in all, is looked up nowhere.
    [
      `https://${'a'.repeat(64)}.org/`,
      'it must name a host DNS can look up: its part 1 (of 2, between dots) has 64 characters',
    ],
    [`https://${'abcdefghi.'.repeat(25)}info/`, 'it must name a host DNS can look up: it has 254 characters'],
    [
      'https://-example.org/',
      'it must name a host as host names are written (RFC 1123): its part 1 (of 2, between dots), "-example", starts or ends with a hyphen',
    ],
    [
      'mailto:ada@example-.org',
      'it must name a host as host names are written (RFC 1123): its part 1 (of 2, between dots), "example-", starts',
    ],
    // A host that passes for another: a Cyrillic а (U+0430) in arxiv, written or as punycode, and
    // a whole part of Cyrillic look-alikes (асе.com) beside a Latin one.
    ['https://\u0430rxiv.org/abs/1', 'it names the host "\u0430rxiv.org" (xn--rxiv-43d.org as published)'],
    ['https://xn--rxiv-43d.org/abs/1', 'it names the host "\u0430rxiv.org" (xn--rxiv-43d.org as published)'],
    ['https://\u0430\u0441\u0435.com/', 'it names the host "\u0430\u0441\u0435.com"'],
    // A joiner in a host (characters.ts keeps it in Indic words) reads as the host without it.
    [
      'https://\u0915\u094D\u200D\u0937.com/',
      'it names the host "\u0915\u094D\u200D\u0937.com" (xn--11b2ezcw70k.com as published), which holds the invisible',
    ],
    // A mailto: link is one address: no header fields (a hidden copy, a filled-in message), no
    // second address, nothing that is no address, and a domain on the web as an https host's.
    [
      'mailto:ada@example.org?bcc=eve@evil.example.net&body=hi',
      'it has "?bcc=eve@evil.example.net&body=hi" after the address, which would fill in the reader\'s message (cc, bcc, subject or body): a mailto: link is one e-mail address and nothing after it: write mailto:name@example.org.',
    ],
    ['mailto:ada@example.org?subject=x', 'it has "?subject=x" after the address'],
    ['mailto:javascript:alert(1)', '"javascript:alert(1)" is not one e-mail address: a mailto: link is one'],
    ['mailto:ada@example.org,eve@evil.example.net', '"ada@example.org,eve@evil.example.net" is not one e-mail address'],
    ['mailto:ada', '"ada" is not one e-mail address'],
    // An escape of no character: no address (it was the message "could not be processed").
    ['mailto:ada%C3@example.org', '"ada%C3@example.org" is not one e-mail address'],
    ['mailto:ada@127.0.0.1', 'it must name a web host with a domain'],
    ['mailto:ada@localhost', 'it must name a web host with a domain'],
    ['mailto:ada@\u0430rxiv.org', 'it names the host "\u0430rxiv.org"'],
  ])('refuses [text](%s)', (url, message) => {
    const { rendered, problems } = withSite(`First line.\n\nSee [this](${url}).`);
    expect(rendered).toBeUndefined();
    expect(problems).toEqual([
      {
        file: 'x.mdx',
        line: 12,
        column: 5,
        field: 'body',
        kind: 'unsafe-link',
        message: expect.stringMatching(
          new RegExp(`^Link URL ".*" is not allowed: ${message.replace(/[()\\.%?]/g, '\\$&')}`),
        ),
      },
    ]);
  });

  it.each([
    '[](https://a.org/)',
    '[ ](https://a.org/)',
    '[$\\quad$](https://a.org/)',
    '[$\\,$ ](https://a.org/)',
    '[`  `](https://a.org/)',
    '[*—*](https://a.org/)',
    '[x][a]',
  ])('refuses a link with no letter or digit to name it: %s', (link) => {
    const body = `First line.\n\nSee ${link.replace('[x]', '[]')} here.${link.endsWith('[a]') ? '\n\n[a]: https://a.org/' : ''}`;
    const { rendered, problems } = withSite(body);
    expect(rendered).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        line: 12,
        column: 5,
        field: 'body',
        message: expect.stringMatching(/^A link's text has no letter or digit once its math is typeset \(/),
      }),
    ]);
  });

  it('refuses a link whose text names another site than the one it leads to', () => {
    for (const [link, named, host = 'evil.example.net'] of [
      ['[https://arxiv.org](https://evil.example.net/)', 'arxiv.org'],
      ['[arxiv.org/abs/1706.03762](https://evil.example.net/x)', 'arxiv.org'],
      ['[www.github.com/owner/repo](https://evil.example.net/)', 'github.com'],
      ['[see https://arxiv.org/abs/1 here](https://evil.example.net/)', 'arxiv.org'],
      ['[github.com][a]', 'github.com'],
      ['[pytorch.org/docs](https://pytorch.org.evil.example.net/)', 'pytorch.org', 'pytorch.org.evil.example.net'],
      ['[www.ox.ac.uk](https://evil.ac.uk/)', 'ox.ac.uk', 'evil.ac.uk'],
      // Written so that the host reads the same: a final dot (a sentence's, or DNS's root), the
      // ideographic full stops that browsers read as a dot, another web scheme, and a host before
      // an `@`, which makes it a user name of the host after it.
      ['[arxiv.org.](https://evil.example.net/)', 'arxiv.org'],
      ['[arxiv\u3002org](https://evil.example.net/)', 'arxiv.org'],
      ['[arxiv\uFF61org/abs/1](https://evil.example.net/)', 'arxiv.org'],
      // And what a reader takes for a dot, though no parser does (UTS #39: its prototype is `.`).
      ['[arxiv\u2024org](https://evil.example.net/)', 'arxiv.org'],
      ['[see arxiv\u0701org/abs/1 now](https://evil.example.net/)', 'arxiv.org'],
      ['[arxiv\uA4F8org](https://evil.example.net/)', 'arxiv.org'],
      // A top-level domain in letters that pass for Latin ones (Greek ο, Cyrillic о): it reads as .com.
      ['[see evil.c\u03BFm now](https://arxiv.org/)', 'evil.xn--cm-jbc', 'arxiv.org'],
      ['[ftp://arxiv.org/pub](https://evil.example.net/)', 'arxiv.org'],
      ['[https://arxiv.org@evil.example.net/abs/1](https://evil.example.net/abs/1)', 'arxiv.org'],
      // An address's form (a scheme, www., a path, the part before an `@`) in any case; a bare
      // host written as hosts are, in lower case, also beside capitals or inside punctuation.
      ['[WWW.ARXIV.ORG](https://evil.example.net/)', 'arxiv.org'],
      // A link's whole text that is a host, in any case: it reads as where the link goes.
      ['[ARXIV.ORG](https://evil.example.net/)', 'arxiv.org'],
      ['[GitHub.Com](https://evil.example.net/)', 'github.com'],
      ['[ML.NET](https://dotnet.microsoft.com/apps/ml-dotnet)', 'ml.net', 'dotnet.microsoft.com'],
      ['[HTTPS://ARXIV.ORG](https://evil.example.net/)', 'arxiv.org'],
      ['[ArXiv.Org/abs/1](https://evil.example.net/)', 'arxiv.org'],
      ['[https://GitHub.Com@evil.example.net/](https://evil.example.net/)', 'github.com'],
      ['[Math on arxiv.org!](https://evil.example.net/)', 'arxiv.org'],
      ['[«GitHub.com»](https://evil.example.net/)', 'github.com'],
      // A host anywhere in the text, as a reader or a linkifier finds one in a sentence.
      ['[see arxiv.org now](https://evil.example.net/)', 'arxiv.org'],
      ['[code (github.com)](https://evil.example.net/)', 'github.com'],
      ['[https:// arxiv.org](https://evil.example.net/)', 'arxiv.org'],
      ['[the code on github.com, the paper on arxiv.org](https://github.com/a/b)', 'arxiv.org', 'github.com'],
      // Under any top-level domain, in any spelling but a name's: a dotted word whose last part is
      // one is a host, be it a product's name too (as linkifiers read them).
      ['[EVIL.AI](https://arxiv.org/)', 'evil.ai', 'arxiv.org'],
      ['[see evil.io now](https://github.com/)', 'evil.io', 'github.com'],
      ['[see EVIL.COM now](https://arxiv.org/)', 'evil.com', 'arxiv.org'],
      ['[see J.com now](https://arxiv.org/)', 'j.com', 'arxiv.org'],
      ['[bad.co.uk](https://www.ox.ac.uk/)', 'bad.co.uk', 'ox.ac.uk'],
      ['[Bad.Xyz/page](https://arxiv.org/)', 'bad.xyz', 'arxiv.org'],
      ['[Yu.Li](https://example.org/)', 'yu.li', 'example.org'],
      ['[README.md#usage](https://github.com/x/y#usage)', 'readme.md', 'github.com'],
      ['[torchvision.io](https://pytorch.org/vision/stable/io.html)', 'torchvision.io', 'pytorch.org'],
      ['[Infer.NET framework](https://github.com/dotnet/infer)', 'infer.net', 'github.com'],
      ['[ASP.NET Core docs](https://learn.microsoft.com/aspnet/core/)', 'asp.net', 'learn.microsoft.com'],
      // A part of the link's own address names that part only under a country's two-letter domain
      // (a file's, a category's): a generic domain names its host wherever it stands, and a
      // two-letter one that is not a segment of the address (a piece of one, another address's).
      ['[arxiv.org](https://evil.example.net/arxiv.org)', 'arxiv.org', 'evil.example.net'],
      ['[see arxiv.org now](https://evil.example.net/a/arxiv.org#arxiv.org)', 'arxiv.org', 'evil.example.net'],
      ['[X.COM](https://evil.example.net/X.COM)', 'x.com', 'evil.example.net'],
      ['[evil.io](https://github.com/x/y/blob/main/notevil.io)', 'evil.io', 'github.com'],
      ['[evil.io](https://github.com/x/y?file=evil.io)', 'evil.io', 'github.com'],
      ['[cs.CV](https://arxiv.org/list/cs.LG/recent)', 'cs.cv', 'arxiv.org'],
      ['[see evil.io now](https://github.com/evil/io)', 'evil.io', 'github.com'],
    ] as const) {
      const body = `First line.\n\nSee ${link} here.${link.endsWith('[a]') ? '\n\n[a]: https://evil.example.net/' : ''}`;
      expect(withSite(body).problems, link).toEqual([
        expect.objectContaining({
          line: 12,
          column: 5,
          message: `Link text "${link.slice(1, link.indexOf(']'))}" names ${named}, but the link leads to ${host}: a link's text may name only the site it leads to. Write what the link is in words, or link the address its text names.`,
        }),
      ]);
    }
  });

  it("reads a link's title, its tooltip, as its text: it may name only the site the link leads to", () => {
    const titled = (title: string, named: string, host: string) =>
      `Link title "${title}" names ${named}, but the link leads to ${host}: a link's title, shown over it as the link's own words, may name only the site it leads to, as its text may. Write what the link is in words, or leave the title out.`;
    const messagesOf = (body: string) => withSite(`First line.\n\n${body}`).problems.map((p) => p.message);
    for (const [body, message] of [
      [
        'See [the code](https://evil.example.net/ "https://github.com/owner/repo") here.',
        titled('https://github.com/owner/repo', 'github.com', 'evil.example.net'),
      ],
      [
        "See [paper](https://evil.example.net/x 'arxiv.org/abs/1706.03762') here.",
        titled('arxiv.org/abs/1706.03762', 'arxiv.org', 'evil.example.net'),
      ],
      [
        'See [paper](https://evil.example.net/ (Read it on ARXIV.ORG)) here.',
        titled('Read it on ARXIV.ORG', 'arxiv.org', 'evil.example.net'),
      ],
      [
        'See [mail](mailto:eve@evil.example.net "ada@example.org") here.',
        titled('ada@example.org', 'example.org', 'evil.example.net'),
      ],
      // A reference link's title is its definition's.
      [
        'See [paper][p] here.\n\n[p]: https://evil.example.net/ "www.arxiv.org"',
        titled('www.arxiv.org', 'arxiv.org', 'evil.example.net'),
      ],
    ]) {
      expect(messagesOf(body!), body).toEqual([message]);
    }
    for (const body of [
      'See [code](https://github.com/owner/repo "github.com/owner/repo") here.',
      'See [paper](https://export.arxiv.org/abs/1 "arxiv.org") here.',
      'See [code](https://example.org/ "The official code, by Yu.Li") here.',
      'See [list](https://arxiv.org/list/cs.CV/recent "cs.CV") here.',
    ]) {
      expect(messagesOf(body), body).toEqual([]);
    }
  });

  it('reads math in a link text as it shows: without its commands and braces', () => {
    const problems = withSite(
      'First line.\n\nSee [$\\text{arxiv}.\\mathrm{org}$](https://evil.example.net/) here.',
    ).problems;
    expect(problems.map((problem) => problem.message)).toEqual([
      `Link text "arxiv.org" names arxiv.org, but the link leads to evil.example.net: a link's text may name only the site it leads to. Write what the link is in words, or link the address its text names.`,
    ]);
  });

  it('takes a link whose text names its own site, one it is under, or no site; and an international host in one script', () => {
    for (const link of [
      '[https://arxiv.org/abs/1](https://arxiv.org/abs/1)',
      '[arxiv.org](https://export.arxiv.org/abs/1)',
      '[github.com/owner/repo](https://www.github.com/owner/repo)',
      '[Node.js](https://nodejs.org/)',
      // Names of files, categories and libraries whose last part is no top-level domain; a
      // dotted initial.
      '[train.yaml#L10](https://github.com/x/y/blob/main/train.yaml#L10)',
      '[cs.LG/recent](https://arxiv.org/list/cs.LG/recent)',
      '[Vue.js/guide](https://vuejs.org/guide/)',
      // Names written without spaces among other words, each part a name's (a capital and
      // lower-case letters, or an initial): the rule for names, schema.ts.
      '[Y.Li and J.Ma](https://example.org/)',
      "[Yu.Li's code](https://example.org/)",
      '[code by J.-P.Li](https://example.org/)',
      // A dotted word under a country's two-letter domain that is a segment of the link's own
      // address, its path's or its fragment, without case: a category or a file, not a host.
      '[cs.CV](https://arxiv.org/list/cs.CV/recent)',
      '[cs.CL](https://arxiv.org/list/cs.CL/recent)',
      '[cs.RO](https://arxiv.org/list/cs.RO/recent)',
      '[stat.ML](https://arxiv.org/list/stat.ML/recent)',
      '[math.PR](https://arxiv.org/list/math.PR/recent)',
      '[eess.AS](https://arxiv.org/list/eess.AS/recent)',
      '[cs.ai](https://arxiv.org/list/cs.AI/recent)',
      '[README.md](https://github.com/x/y/blob/main/README.md)',
      '[run.sh](https://github.com/x/y/blob/main/scripts/run.sh)',
      '[main.rs](https://github.com/x/y/blob/main/src/main.rs)',
      '[utils.cc](https://gitlab.com/x/y/-/blob/main/utils.cc)',
      '[train.py#L10](https://github.com/x/y/blob/main/train.py#L10)',
      '[see train.py](https://github.com/x/y/blob/main/train.py)',
      '[my_model.py](https://github.com/x/y/blob/main/my_model.py)',
      '[the usage of cli.py](https://example.org/docs#cli.py)',
      // A product's name that is its own site's host.
      '[Math.NET Numerics](https://www.math.net/numerics)',
      // Another host of the same site.
      '[dx.doi.org/10.1000/1](https://doi.org/10.1000/1)',
      '[ai.meta.com/llama](https://llama.meta.com/)',
      '[www.ox.ac.uk](https://www.cs.ox.ac.uk/)',
      '[the code](https://github.com/a/b)',
      '[the code on github.com](https://github.com/a/b)',
      '[a site](https://b\u00FCcher.example.net/)',
      '[a site](https://\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444/)',
      // A sentence's dot after its own host; a user name that is no host; another scheme's name.
      '[arxiv.org.](https://arxiv.org/)',
      '[https://git@github.com/a/b](https://github.com/a/b)',
      // A dotted user name is a user's name: only one that reads as a host is one (`first.last.name`,
      // under .name, would be).
      '[https://jane.doe@gitlab.com/a/b](https://gitlab.com/a/b)',
      '[https://first.middle.last@github.com/a](https://github.com/a)',
      '[hf://datasets/x](https://huggingface.co/datasets/x)',
    ]) {
      expect(withSite(`First line.\n\nSee ${link} here.`).problems, link).toEqual([]);
    }
  });

  it("takes a host at DNS's limits: 253 characters in all, 63 a part", () => {
    for (const host of [`${'a'.repeat(63)}.org`, `${'abcdefghi.'.repeat(25)}org`]) {
      expect(withSite(`First line.\n\nSee [code](https://${host}/) here.`).problems, host).toEqual([]);
    }
  });

  it('takes a link named by words, a number, or math that shows a letter', () => {
    for (const link of [
      '[code](https://a.org/)',
      '[2](https://a.org/)',
      '[$\\alpha$](https://a.org/)',
      '[$\\mathbb{R}^n$ code](https://a.org/)',
    ]) {
      expect(withSite(`First line.\n\nSee ${link} here.`).problems, link).toEqual([]);
    }
  });

  it("reads an e-mail address in a link's text as naming its domain, and a mailto: link as leading to its own", () => {
    const message = (text: string, named: string, host: string) =>
      `Link text "${text}" names ${named}, but the link leads to ${host}: a link's text may name only the site it leads to. Write what the link is in words, or link the address its text names.`;
    const messagesOf = (link: string) => withSite(`First line.\n\nSee ${link} here.`).problems.map((p) => p.message);
    expect(messagesOf('[ada@arxiv.org](https://evil.example.net/)')).toEqual([
      message('ada@arxiv.org', 'arxiv.org', 'evil.example.net'),
    ]);
    expect(messagesOf('[ada@example.org](mailto:eve@evil.example.net)')).toEqual([
      message('ada@example.org', 'example.org', 'evil.example.net'),
    ]);
    expect(messagesOf('[arxiv.org](mailto:eve@evil.example.net)')).toEqual([
      message('arxiv.org', 'arxiv.org', 'evil.example.net'),
    ]);
    for (const link of [
      '[ada@example.org](mailto:ada@example.org)',
      '[write to us](mailto:ada@example.org)',
      '[git@github.com](https://github.com/a/b)',
      // A package's version and an address with a path name no mail domain.
      '[lodash@4.17.21](https://www.npmjs.com/package/lodash/v/4.17.21)',
      '[github.com/ada@example.org](https://github.com/ada@example.org)',
    ]) {
      expect(messagesOf(link), link).toEqual([]);
    }
  });

  it('refuses reference-style links and bare URLs to the site itself', () => {
    expect(withSite('See [this][a].\n\n[a]: https://owner.github.io/x')).toMatchObject({
      problems: [{ line: 12, message: expect.stringContaining('leads to this digest itself') }],
    });
    expect(withSite('See https://owner.github.io/paper-digest/ for more.')).toMatchObject({
      problems: [{ line: 10, message: expect.stringContaining('leads to this digest itself') }],
    });
  });

  it('refuses links to the site over the other scheme, which the build would follow into the site', () => {
    // The site is served over https; a browser follows http://owner.github.io/ to the same pages.
    for (const url of ['http://owner.github.io/paper-digest/x/', 'http://OWNER.github.io:80/y']) {
      expect(withSite(`See [this](${url}).`).problems, url).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/is not allowed: it leads to this digest itself/) }),
      ]);
      expect(withSite(`See ${url} too.`).problems, url).toEqual([
        expect.objectContaining({ message: expect.stringContaining('leads to this digest itself') }),
      ]);
    }
    // Another host, or another port on the same host, is another site.
    for (const url of ['https://owner.github.io.evil.example.net/x', 'https://owner.github.io:8443/x']) {
      expect(withSite(`See [this](${url}).`).problems, url).toEqual([]);
    }
  });

  it('writes only the normalized URL', () => {
    const { rendered } = withSite('See [this](<HTTPS://Example.ORG:443/a b/c?q=%41#x>) and [mail](mailto:a@b.org).');
    expect(rendered?.html).toBe(
      '<p>See <a href="https://example.org/a%20b/c?q=%41#x" rel="noopener noreferrer">this</a> and <a href="mailto:a@b.org" rel="noopener noreferrer">mail</a>.</p>',
    );
  });

  // Published as written or not at all: a `..` part would lead the reader elsewhere than the file says.
  it('refuses a link whose path holds a `.` or `..` part, giving the address it would be published as', () => {
    const { rendered, problems } = withSite('See [this](<HTTPS://Example.ORG:443/a b/../c?q=%41#x>).');
    expect(rendered).toBeUndefined();
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining(
        'it must not hold ".." as a part of its path between slashes: browsers resolve it away and lead readers to https://example.org/c?q=%41#x, not to the address written here; write https://example.org/c?q=%41#x instead.',
      ),
    ]);
  });

  it('compares with the site given, or this process’s settings by default', () => {
    expect(render('[a](https://owner.github.io/)').problems).toEqual([]);
    expect(render('[a](http://localhost:4321/)').problems).toHaveLength(1);
  });
});

describe('character references', () => {
  const render = (body: string) => renderPaperBody(body, { file: 'x.mdx', bodyLine: 10 });

  it.each([
    ['in the text', 'Text on one line,\nand on &#x202E; the next.', 12, 8, 'U+202E'],
    ['decimal, in emphasis', 'An *emphasized &#8238; word*.', 11, 16, 'U+202E'],
    ['named, in a link title', 'See [a page](https://example.com/x "ti&rlm;tle") here.', 11, 39, 'U+200F'],
    ['in a link URL', 'See [a page](https://example.com/&ZeroWidthSpace;x) here.', 11, 34, 'U+200B'],
    ['in a reference definition', 'See [a page][r].\n\n[r]: https://example.com/ "a&shy;b"', 13, 29, 'U+00AD'],
    ['in a code fence language', '```js&#x2066;x\ncode\n```', 11, 6, 'U+2066'],
    // Numbers that name no character of HTML text, which micromark decodes to U+FFFD: published as "�".
    ['NUL, decimal', 'Words &#0; here.', 11, 7, 'U+0000'],
    ['a surrogate', 'Words &#xD800; here.', 11, 7, 'U+D800'],
    ['a carriage return, in a link URL', '[a](https://example.com/&#13;)', 11, 25, 'U+000D'],
    ['a C1 control', 'Words &#x80; here.', 11, 7, 'U+0080'],
    ['a noncharacter', 'Words &#xFFFE; here.', 11, 7, 'U+FFFE'],
  ])('refuses a forbidden character %s, at the reference', (_, body, line, column, code) => {
    const { rendered, problems } = render(`\n${body}`);
    expect(rendered).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        line,
        column,
        field: 'body',
        message: expect.stringContaining(`${code}, written as a character reference: delete it.`),
      }),
    ]);
  });

  it('refuses headings and horizontal rules, which would outrank the paper title', () => {
    const messages = (body: string) =>
      renderPaperBody(body, { file: 'h.mdx', bodyLine: 9 }).problems.map(
        (problem) => `${problem.line}: ${problem.message}`,
      );
    expect(messages('# FREE PRIZES\n\nText.')[0]).toMatch(/^9: Headings \(`#`/);
    expect(messages('Setext heading\n===\n\nText.')[0]).toMatch(/^9: Headings/);
    expect(messages('A line\n---\n')[0]).toMatch(/^9: Headings/);
    expect(messages('Text.\n\n***\n\nMore.')[0]).toMatch(/^11: Horizontal rules/);
    // An abstract's own symbols stay text: a # that starts no heading, a dash that is punctuation.
    expect(messages('We rank #1 --- and a - b = c.')).toEqual([]);
  });

  it('reports a stack of combining marks built from character references, none forbidden alone', () => {
    const { problems } = renderPaperBody(`Zalgo a${'&#x301;'.repeat(8)} and e&#x301; fine.`, {
      file: 'z.mdx',
      bodyLine: 9,
    });
    expect(problems).toEqual([
      {
        file: 'z.mdx',
        line: 9,
        column: 1,
        field: 'body',
        kind: 'character-reference',
        message:
          'has 8 combining marks (U+0301…) on one letter, written as character references: a letter may carry at most 4; delete the rest.',
      },
    ]);
    expect(renderPaperBody('Vie&#x323;&#x302;t and e&#x301;.', { file: 'z.mdx', bodyLine: 9 }).problems).toEqual([]);
  });

  it('reports a character written as itself only once, where the file scan finds it, and a reference by its own code', () => {
    // A raw U+202E is the file scan's to report (validate.ts), with its line and column.
    expect(render('\nText \u202E here.').problems).toEqual([]);
    expect(render('\nText \u202E and &#x2066; here.').problems).toEqual([
      expect.objectContaining({
        line: 11,
        column: 12,
        message: expect.stringContaining('U+2066, written as a character reference'),
      }),
    ]);
  });

  it('refuses a reference to a number past the last character, which names none', () => {
    expect(render('\nWords &#x110000; and &#9999999; here.').problems).toEqual([
      expect.objectContaining({
        line: 11,
        column: 7,
        message: expect.stringContaining('a character reference to U+110000, past the last character (U+10FFFF)'),
      }),
    ]);
  });

  it('keeps a reference to U+FFFD itself, and the character, as a paper may hold them', () => {
    const { rendered, problems } = render('\nWords &#xFFFD; and \uFFFD here.');
    expect(problems).toEqual([]);
    expect(rendered?.text).toContain('Words \uFFFD and \uFFFD here.');
  });

  it('keeps references to characters a paper may hold', () => {
    const { rendered, problems } = render(
      '\nCaf&eacute; &amp; na&#xEF;ve &lt;x&gt; [a](https://example.com/ "&quot;t&quot;").',
    );
    expect(problems).toEqual([]);
    expect(rendered?.text).toContain('Café & naïve <x>');
    // Code shows its references as written, as CommonMark says: nothing is decoded there.
    expect(render('\nCall `f&#x202E;` now.').rendered?.html).toBe('<p>Call <code>f&#x26;#x202E;</code> now.</p>');
  });
});

describe('card excerpts', () => {
  it('cut a text without spaces between whole characters, never inside a surrogate pair or a cluster', () => {
    for (const unit of ['𠮷', 'e\u0301', '🇩🇪']) {
      for (const lead of ['', 'a']) {
        const body = `${lead}${unit.repeat(400)} tail`;
        const excerpt = renderPaperBody(body, { file: 'x.mdx', bodyLine: 10 }).rendered!.excerptHtml;
        const text = /^<p>(.*)…<\/p>$/s.exec(excerpt)?.[1];
        expect(text, `${lead}+${unit}`).toBeDefined();
        // Whole units only: what is left after the lead is a repetition of the unit.
        expect(
          text!
            .slice(lead.length)
            .split(unit)
            .every((piece) => piece === ''),
          `${lead}+${unit}`,
        ).toBe(true);
        expect(text!.length).toBeLessThanOrEqual(EXCERPT_LENGTH);
        expect(text!.length).toBeGreaterThan(EXCERPT_LENGTH - unit.length - 1);
      }
    }
  });
});

describe("KaTeX's own place in its message", () => {
  const problemsOf = (body: string) => renderPaperBody(body, { file: 't.mdx', bodyLine: 1 }).problems;

  it('is left out where the problem names the line and column, and kept where it cannot', () => {
    // One line: the problem is at the second \over (column 17), so "at position 11: …" says it twice.
    const [placed] = problemsOf('Text $x \\over y \\over z$ end.');
    expect(placed?.message).toBe('LaTeX: only one infix operator per group');
    expect([placed?.line, placed?.column]).toEqual([1, 17]);
    // In a list item the formula's source is not its TeX as written: the problem names the
    // formula's start, and KaTeX's position is the only pointer to the error inside it.
    const [listed] = problemsOf('- Item\n  $$\n  x \\over y\n  \\over z\n  $$\n');
    expect(listed?.message).toMatch(/^LaTeX: only one infix operator per group at position \d+: /);
  });
});

describe('a character KaTeX has no glyph for', () => {
  const problemsOf = (body: string) => renderPaperBody(body, { file: 't.mdx', bodyLine: 1 }).problems;

  it('is named whole (not half of its surrogate pair), with what to write instead', () => {
    // Emoji, a modifier sequence, a letter beyond U+FFFF, in \text, in math, after other text.
    for (const [char, code] of [
      ['\u{1F600}', 'U+1F600'],
      ['\u{1F44D}\u{1F3FD}', 'U+1F44D'],
      ['\u{20000}', 'U+20000'],
      ['\u{1F4A9}', 'U+1F4A9'],
    ] as const) {
      const first = String.fromCodePoint(char.codePointAt(0)!);
      for (const body of [`See $\\text{${char}}$ here.`, `See $x + \\text{a${char}}$.`, `See $${char}$ here.`]) {
        const messages = problemsOf(body).map((problem) => problem.message);
        expect(messages, body).toEqual([
          `LaTeX: KaTeX has no glyph for "${first}" (${code}) in math, nor in \\text{…}: write it in the text outside the $…$, or say it in words`,
        ]);
        expect(messages[0], body).not.toMatch(/[\uD800-\uDFFF]|strict mode|\[unknownSymbol\]/u);
      }
      // What the message says to write passes.
      expect(problemsOf(`See ${char} here.`)).toEqual([]);
    }
  });
});

describe('a problem of the whole abstract', () => {
  // Reported at the abstract's first line with text, which the contributor can find and fix, not
  // the blank line after the frontmatter's `---` (bodyLine 10 here), however many blank lines
  // (or lines of spaces) come first.
  // Past the size of HTML any abstract may render to (validatePaper refuses such a body before).
  const big = 'Many words & more. '.repeat(10_000);
  it.each([
    ['\n', 11],
    ['\n  \n\t\n', 13],
    ['', 10],
  ])('renders to too much HTML: reported after %j at line %i', (before, line) => {
    const { problems } = render(`${before}${big}\n\nMore text.\n`);
    expect(problems).toEqual([
      {
        file: 'x.mdx',
        line,
        field: 'body',
        kind: 'body-too-large',
        message: expect.stringMatching(/^renders to \d+ KB of HTML/),
      },
    ]);
  });
});
