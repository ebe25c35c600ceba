import { describe, expect, it } from 'vitest';
import { parseArxivFeed } from '../../src/content/arxiv.ts';
import { checkEntry, fromTex, type EntryFields } from '../../src/content/new-paper.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';
import { readTopics } from '../../src/content/vocabulary.ts';
import { seededRandom } from '../helpers/hostile.ts';

/**
 * new-paper against the check, fuzzed: arXiv titles, authors and abstracts built from TeX-ish
 * pieces whose printed text is known (what arXiv's TeX shows), written as arXiv's Atom answer
 * and read back by parseArxivFeed, turned into an entry by fromTex
 * and checked by checkEntry (the check's own validatePaper, as `npm run new-paper` does). The
 * property: an entry is either accepted and shows readers the printed text (no word lost, no
 * escape shown as a backslash, math kept as math), or refused with problems that name a line of
 * the entry and a field. Never a crash. Seeded: the same inputs every run.
 */

/** A piece of arXiv TeX and the text it prints; `refused` when it has no form on the page. */
type Piece = [tex: string, printed: string, refused?: 'refused'];

const PROSE: Piece[] = [
  ['model', 'model'],
  ['naïve', 'naïve'],
  ['日本語', '日本語'],
  ['Ελληνικά', 'Ελληνικά'],
  ['🙂', '🙂'],
  ['G\\"odel', 'Gödel'],
  ["\\'{e}t\\'{e}", 'été'],
  ['{\\"o}', 'ö'],
  ['\\c{c}a', 'ça'],
  ['Stra\\ss{}e', 'Straße'],
  ['50\\%', '50%'],
  ['50%', '50%'],
  ['\\$5', '$5'],
  ['costs \\$', 'costs $'],
  ['Fig.~1', 'Fig. 1'],
  ['~100', '~100'],
  ['a--b', 'a–b'],
  ['x---y', 'x—y'],
  ["``quoted''", '“quoted”'],
  ["`single'", '‘single’'],
  ['{previous}', '{previous}'],
  ['*star*', '*star*'],
  ['_under_', '_under_'],
  ['snake_case', 'snake_case'],
  ['# hash', '# hash'],
  ['[a](b)', '[a](b)'],
  ['![img](x.png)', '![img](x.png)'],
  ['<b>bold</b>', '<b>bold</b>'],
  ['<script>x</script>', '<script>x</script>'],
  ['&amp;', '&amp;'],
  ['1. item', '1. item'],
  ['- dash', '- dash'],
  ['> quote', '> quote'],
  ['|a|b|', '|a|b|'],
  ['C++', 'C++'],
  ['a/b', 'a/b'],
  ['(see)', '(see)'],
  ['\\&', '&'],
  ['\\#1', '#1'],
  ['a\\_b', 'a_b'],
  ['\\{set\\}', '{set}'],
  ['one\\\\two', 'one two'],
  ['\\LaTeX', 'LaTeX'],
  ['\\ldots', '…'],
  ['{\\o}re', 'øre'],
  ['e.g.\\ this', 'e.g. this'],
  ['@user', '@user'],
  ['&lt;', '&lt;'],
  ['--->', '--->'],
  ['\\textsc{Caps}', 'Caps'],
  ['`code`', '`code`'],
  ['`a', '`a'],
  ['~~~ fence', '~~~ fence'],
  ['=== rule', '=== rule'],
  ['=a', '=a'],
  ['import', 'import'],
  ['export', 'export'],
  ['\\"{}', '\\"{}', 'refused'],
  ['\\emph{open', '\\emph{open', 'refused'],
  ['\\cite{foo}', '\\cite{foo}', 'refused'],
  ['\\foo', '\\foo', 'refused'],
];

/** Abstract-only pieces: math, Markdown from fonts and links. */
const ABSTRACT: Piece[] = [
  ['$x^2$', '$x^2$'],
  ['$\\alpha_{i}$', '$\\alpha_{i}$'],
  ['$\\{a\\}$', '$\\{a\\}$'],
  ['$a<b$', '$a<b$'],
  ['$$a+b$$', '$$a+b$$'],
  ['\\(x+1\\)', '$x+1$'],
  ['\\[y=1\\]', '$$y=1$$'],
  ['\\emph{sparse}', 'sparse'],
  ['\\textbf{big}', 'big'],
  ['{\\em new}', 'new'],
  ['\\texttt{code}', 'code'],
  ['\\url{https://x.org/a_b}', 'https://x.org/a_b'],
  ['\\href{https://x.org/p?q=1}{the site}', 'the site'],
  ['https://x.org/c--d', 'https://x.org/c--d'],
  ['$x$-based', '$x$-based'],
  ['($x$)', '($x$)'],
  ['$\\mbox{a}$', '$\\text{a}$'],
  ['\\(\\mbox{b}\\)', '$\\text{b}$'],
  ['\\( c \\)', '$c$'],
  ['\\textit{\\"o}', 'ö'],
  ['\\emph{$x$ y}', '$x$ y'],
  ['\\url{https://x.org/(a)}', 'https://x.org/(a)'],
  ['\\href{https://x.org/a b}{sp}', 'sp'],
];

/**
 * Title pieces: the prose, and math that the title's own rules check. A title is also read as
 * HTML by feed readers and reference managers, and has no way to write a dollar that is not
 * before its amount: those are refused there (the title rules, with their own advice).
 */
const REFUSED_IN_TITLES = new Set(['<b>bold</b>', '<script>x</script>', '&amp;', '&lt;', 'costs \\$']);
const TITLE: Piece[] = [
  ...PROSE.map(([written, shown, refused]): Piece =>
    refused || REFUSED_IN_TITLES.has(written) ? [written, shown, 'refused'] : [written, shown],
  ),
  ['$O(n)$', '$O(n)$'],
  ['\\(n^2\\)', '$n^2$'],
  ['\\[k\\]', '$k$'],
  ['\\$5', '$5'],
  ['\\$x\\$', '$x$', 'refused'],
  ['\\emph{New}', 'New'],
];

const NAMES: Piece[] = [
  ['Ada Lovelace', 'Ada Lovelace'],
  ['Kurt G\\"odel', 'Kurt Gödel'],
  ["Fran\\c{c}ois Cl\\'ement", 'François Clément'],
  ['J{\\o}rn M{\\"u}ller', 'Jørn Müller'],
  ['Li Wei', 'Li Wei'],
  // As arXiv lists authors: collaborations, initials, particles, suffixes, other scripts, and
  // characters the XML answer escapes (synthetic names).
  ['The Synthetic Collaboration', 'The Synthetic Collaboration'],
  ['Example Collaboration', 'Example Collaboration'],
  ['A.-B. Example', 'A.-B. Example'],
  ["D. O'Sample", "D. O'Sample"],
  ['M. Placeholder Jr.', 'M. Placeholder Jr.'],
  ['Zoë de la Muestra', 'Zoë de la Muestra'],
  ['王小明', '王小明'],
  ['Lê Văn Ví Dụ', 'Lê Văn Ví Dụ'],
  ['Ana & Bo Team', 'Ana & Bo Team'],
  ['{\\AA}sa {\\L}ukasz', 'Åsa Łukasz'],
];

const { topics } = readTopics('content/topics.yaml', process.cwd());
const topicSlugs = new Set(topics.map((topic) => topic.slug));
const schema = createPaperSchema(topicSlugs);

interface Case {
  title: Piece[];
  authors: Piece[];
  abstract: Piece[][];
}

function cases(seed: number, count: number): Case[] {
  const random = seededRandom(seed);
  const pick = (pieces: readonly Piece[]) => pieces[Math.floor(random() * pieces.length)]!;
  const some = (pieces: readonly Piece[], max: number) =>
    Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(pieces));
  return Array.from({ length: count }, () => ({
    title: [['Learning', 'Learning'], ...some(TITLE, 3)],
    // Distinct names: a repeated author is refused, rightly, by a rule of its own.
    authors: [NAMES[Math.floor(random() * NAMES.length)]!, ...NAMES.filter(() => random() < 0.3)].filter(
      (name, index, all) => all.indexOf(name) === index,
    ),
    // Each paragraph starts with a word, so that Markdown's block syntax ('# hash', '1. item')
    // is tested inside a paragraph and at its start alike.
    abstract: Array.from({ length: 1 + Math.floor(random() * 2) }, () =>
      random() < 0.5 ? some([...PROSE, ...ABSTRACT], 8) : [['We', 'We'] as Piece, ...some([...PROSE, ...ABSTRACT], 8)],
    ),
  }));
}

const tex = (pieces: readonly Piece[]) => pieces.map(([written]) => written).join(' ');
const printed = (pieces: readonly Piece[]) => pieces.map(([, shown]) => shown).join(' ');
/** Spaces as readers see them: a tie's no-break space is a space. */
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The case as arXiv's Atom answer, escaped as XML escapes it, so that reading the feed is fuzzed too. */
function feedOf({ title, authors, abstract }: Case): string {
  const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">',
    '<entry><id>http://arxiv.org/abs/2506.01234v1</id>',
    `<title>${xml(tex(title))}</title>`,
    // arXiv wraps lines and indents a new paragraph.
    `<summary>  ${xml(abstract.map(tex).join('\n  '))}\n</summary>`,
    '<published>2025-06-02T17:59:59Z</published>',
    ...authors.map(([name]) => `<author><name>${xml(name)}</name></author>`),
    '</entry></feed>',
  ].join('\n');
}

/**
 * An entry of these fields as new-paper writes it on 2025-06-06 (checkEntry), beside the digest's
 * `existing` papers, and the written text read again as `npm run check` reads a file: what
 * readers would see.
 */
function writeAndRead(
  tex: Parameters<typeof fromTex>[0],
  more: Pick<EntryFields, 'published' | 'venue'>,
  existing: Parameters<typeof checkEntry>[1]['existing'] = [],
) {
  const fields: EntryFields = {
    ...fromTex(tex),
    date: '2025-06-06',
    arxiv: '2506.01234',
    ...more,
    tags: [topics[0]!.slug],
    links: {},
  };
  const checked = checkEntry(fields, {
    papersDir: 'content/papers',
    rel: (path) => path,
    existing,
    topicSlugs,
    today: new Date('2025-06-06T12:00:00Z'),
  });
  const { paper } = validatePaper(checked.file, new TextEncoder().encode(checked.text), schema);
  return { ...checked, paper };
}

function run(input: Case) {
  const entry = parseArxivFeed(feedOf(input), '2506.01234');
  if (entry instanceof Error) throw entry;
  return writeAndRead(
    { title: entry.title, authors: entry.authors, abstract: entry.summary },
    { published: entry.published },
  );
}

const CASES = cases(20261207, 600);
const runs = CASES.map((input) => ({ input, ...run(input) }));
const refusing = (input: Case) =>
  [input.title, input.authors, ...input.abstract].some((pieces) => pieces.some(([, , refused]) => refused));

describe('new-paper on hostile arXiv TeX', () => {
  it('refuses only what has no form on the page, naming a line of the entry and the field', () => {
    const wrong = runs.flatMap(({ input, text, problems }) => {
      const lines = text.split('\n').length;
      const unnamed = problems.filter(
        (problem) => !problem.field || !(problem.line !== undefined && problem.line >= 1 && problem.line <= lines),
      );
      if (unnamed.length > 0) return [{ text, problems: unnamed.map(formatProblem) }];
      if (problems.length > 0 && !refusing(input)) return [{ text, problems: problems.map(formatProblem) }];
      if (problems.length === 0 && refusing(input)) return [{ text, problems: ['accepted'] }];
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it('once accepted, shows readers what the TeX prints: title, authors and abstract', () => {
    const accepted = runs.filter(({ problems }) => problems.length === 0);
    expect(accepted.length).toBeGreaterThan(100);
    const wrong = accepted.flatMap(({ input, paper }) => {
      const shown = {
        title: spaced(paper!.data.title),
        authors: paper!.data.authors,
        abstract: spaced(paper!.rendered.text),
      };
      const expected = {
        title: spaced(printed(input.title)),
        authors: input.authors.map(([, name]) => name),
        abstract: spaced(input.abstract.map(printed).join(' ')),
      };
      return JSON.stringify(shown) === JSON.stringify(expected) ? [] : [{ shown, expected }];
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe("new-paper: an entry's clashes with the digest, wherever the check reports them", () => {
  /** An entry by `name`, checked beside one paper of the digest at `existingFile` by `existingName`. */
  function clashes(name: string, existingFile: string, existingName: string) {
    const existing = {
      id: existingFile.replace(/^.*\/|\.mdx$/g, ''),
      file: existingFile,
      data: { arxiv: '2401.00001', authors: [existingName] },
      lines: { arxiv: 4, authors: [3] },
    };
    const tex = { title: 'A Title', authors: [name], abstract: 'An abstract.' };
    return writeAndRead(tex, { published: '2025-06-02' }, [existing]).problems;
  }

  // "J Smith" and "J. Smith" would share /authors/j-smith/: the check reports it at the file whose
  // spelling does not own the page, which may be the digest's, naming the new entry's file.
  it.each([
    ['the new file (the digest file comes first)', 'content/papers/2024/2401.00001.mdx'],
    ['the digest file, naming the new one (the new file comes first)', 'content/papers/2025/zzz-later.mdx'],
  ])('is refused where the clash is reported at %s', (_, existingFile) => {
    const found = clashes('J Smith', existingFile, 'J. Smith');
    expect(found.map((problem) => [problem.field, problem.kind])).toEqual([['authors[0]', 'author-page-shared']]);
  });

  it('is accepted beside another paper of the digest by an unlike name', () => {
    expect(clashes('Ada Lovelace', 'content/papers/2025/zzz-later.mdx', 'J. Smith')).toEqual([]);
  });
});

describe('new-paper: values YAML 1.1 tools read as no text', () => {
  // An author or a venue that PyYAML reads as a boolean or a number unquoted (`No`, `On`, `1_000`,
  // `1:20`): the check refuses such a value unquoted, so the entry must write it in quotes.
  it.each([
    [['No', 'Ada Lovelace'], 'On'],
    [['Ada Lovelace', 'YES'], '1_000'],
    [['Off'], '1:20'],
  ])('writes %j and venue %s so that the check accepts them as written', (authors, venue) => {
    const { problems, paper } = writeAndRead(
      { title: 'A Title', authors, abstract: 'An abstract.' },
      { published: '2025-06-02', venue },
    );
    expect(problems.map(formatProblem)).toEqual([]);
    expect([paper?.data.authors, paper?.data.venue]).toEqual([authors, venue]);
  });
});
