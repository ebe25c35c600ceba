import { bibtex } from 'unicode2latex';
import { describe, expect, it } from 'vitest';
import { assignCitationKeys, bibtexEntry, bibtexFile } from '../../src/lib/bibtex.ts';
import type { CitablePaper } from '../../src/lib/citation.ts';
import { TITLE_MATH_COMMANDS, titleMathProblems } from '../../src/lib/title-math.ts';
import { MAX_NAME_LATEX, nameLatexProblem } from '../../src/content/schema.ts';
import { formatAuthor } from '../../src/lib/bibtex.ts';
import { HOSTILE_PIECES, hostileStrings, seededRandom } from '../helpers/hostile.ts';
import { compileBib, compileDocument, expectCompiled, hasTex } from '../helpers/latex.ts';
import { usageOf } from '../helpers/title-math.ts';

/**
 * A citing document is compiled with pdflatex + bibtex (urlbst's plainurl, which prints every
 * field we write, URLs and eprints included) over entries made from hostile strings. TeX runs whatever reaches it, so
 * the test checks what a reader would suffer: no file written besides LaTeX's own, no file read
 * outside TeX's, and no failed run. CI installs TeX (.ci/run); without it these tests do not run.
 */
const EXPECTED_FILES = ['main.aux', 'main.bbl', 'main.blg', 'main.log', 'main.out', 'main.pdf', 'main.tex', 'refs.bib'];

const DOCUMENT = String.raw`\documentclass{article}
\usepackage{amsmath,amssymb}
\usepackage{url}
\usepackage{hyperref}
\begin{document}
\nocite{*}
\bibliographystyle{plainurl}
\bibliography{refs}
\end{document}
`;

/**
 * Other citing documents: alpha.bst, whose labels BibTeX cuts from names byte by byte, and natbib's
 * plainnat without the url package, which prints the url field with `\texttt`.
 */
const OTHER_DOCUMENTS = {
  alpha: DOCUMENT.replace('{plainurl}', '{alpha}'),
  plainnat: DOCUMENT.replace(/\\usepackage\{url\}\n\\usepackage\{hyperref\}\n/, '\\usepackage{natbib}\n').replace(
    '{plainurl}',
    '{plainnat}',
  ),
};

/** Compiles `bib` as a citing document would (latex, bibtex, latex twice); reports each run. */
const compile = (bib: string, document = DOCUMENT) => compileDocument(document, bib);

/** Every hostile piece, with names and symbols papers hold: the writer makes all of them ASCII LaTeX. */
const TEX_PIECES = [
  ...HOSTILE_PIECES,
  ...['α', 'ℝ²', '𝒪', '≤', '→', '∞', '±', '€', 'µ', 'Nguyễn', 'Łukasz', 'Çelik', 'Özdemir', 'Kɔfi', 'Đức', 'Ŋaro'],
  ...['Þórsson', '王小明', 'Ørsted', 'Æsir', 'Dvořák', 'Erdős', 'Ångström', 'İlkay', 'ĳ', '«»', '‘’“”', '–—…'],
];

/** Every character unicode2latex's table knows, a title of 64 at a time: each is written as LaTeX that compiles. */
const TABLE_TITLES = Object.keys(bibtex.base)
  .filter((char) => /[^\x00-\x7F]/.test(char))
  .join(' ')
  .match(/(?:\S+ ){1,64}/g)!;

const ATTACKS = [
  String.raw`$\immediate\openout1=pwned.tex\immediate\write1{x}\immediate\closeout1$`,
  String.raw`$\input{/etc/hostname}$ and \input{/etc/hostname}`,
  String.raw`$x^^5cinput^^7b/etc/hostname^^7d$`,
  String.raw`Reaching $50\\%$ } accuracy`,
  String.raw`$\csname input\endcsname{/etc/hostname}$`,
  String.raw`$\def\alpha{\input{/etc/hostname}}\alpha$`,
  String.raw`$\catcode` + '`' + String.raw`\@=0 @input /etc/hostname$`,
  String.raw`$\expandafter\string\input$ $\read16 to \x$`,
  String.raw`$50%$ off }{ $\{x\}$`,
  String.raw`Fine: $\mathbb{R}^d$, $\mathcal{O}(n \log n)$, $\frac{1}{\sqrt{2}}$, $\ell_p$, $\alpha \leq \beta$`,
];

/** Random formulas from allowed commands and hostile pieces: the writer keeps those the rules accept. */
function randomMath(count: number): string[] {
  const random = seededRandom(21);
  const tokens = [
    '\\alpha',
    '\\mathbb{R}',
    '\\mathcal{O}',
    '\\frac{1}{2}',
    '\\sqrt{x}',
    '\\sqrt[3]{n}',
    '^',
    '_',
    '{',
    '}',
    'x',
    '2',
    ' ',
    '\\leq',
    '\\left(',
    '\\right)',
    '\\,',
    '\\cdot',
    '\\ell',
    '\\infty',
    '\\times',
    '\\text{ab}',
    '<',
    '|',
    "'",
    '\\input',
    '\\write',
    '\\def',
    '%',
    '#',
    '&',
    '\\\\',
    '^^',
    '\\{',
    '~',
  ];
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(random() * 6);
    return Array.from({ length }, () => tokens[Math.floor(random() * tokens.length)]).join('');
  });
}

function papers(): CitablePaper[] {
  const texts = hostileStrings(31, 120, TEX_PIECES);
  // BibTeX cuts strings it keeps per entry (an author-year style's label, made of family names)
  // at 500 characters, mid-escape: author names here stay short, as real ones are.
  const names = hostileStrings(32, 120, TEX_PIECES, 8).map((name) => name.slice(0, 60));
  const math = randomMath(200);
  // Every allowed command, as KaTeX accepts it: LaTeX (with amsmath and amssymb) must typeset each.
  const commands = [...TITLE_MATH_COMMANDS].map((name) => `Using $${usageOf(name)}$`);
  const titles = [...ATTACKS, ...commands, ...texts, ...math.map((tex) => `On $${tex}$ Things`), ...TABLE_TITLES];
  return titles.map((title, index) => ({
    id: `p${index}`,
    data: {
      title,
      authors: [names[index % names.length]!, 'Ada Lovelace', String.raw`\immediate\write18{touch pwned-shell}`],
      date: '2025-06-06',
      published: '2024-02-03',
      ...(index % 3 === 0 && { venue: texts[(index + 7) % texts.length]! }),
      ...(index % 2 === 0
        ? { arxiv: '2402.00001' }
        : { links: { pdf: 'https://example.org/^^5cinput^^7b/etc/hostname^^7d/a%41?q={b}&c=~_$#f' } }),
    },
  }));
}

describe.runIf(hasTex)('BibTeX compiled by pdflatex + bibtex', () => {
  it('notices a file write when the .bib carries raw TeX (the check can fail)', () => {
    const raw =
      '@misc{raw, title = {{$\\immediate\\openout1=pwned.tex\\immediate\\write1{x}\\immediate\\closeout1$}}}\n';
    const { files, log } = compile(raw);
    expect(files).toContain('pwned.tex');
    expect(log).toContain("\\openout1 = `pwned.tex'");
  });

  it('runs nothing from hostile titles, authors, venues and links, and compiles', () => {
    const all = papers();
    const accepted = all.filter(
      (paper) => /\$/.test(paper.data.title) && titleMathProblems(paper.data.title).length === 0,
    );
    // Enough formulas pass the rules to go into the .bib as math: the document compiles them.
    expect(accepted.length).toBeGreaterThan(20);
    const keys = assignCitationKeys(all);
    const bib = bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
    const compiled = compile(bib);
    expectCompiled(compiled);
    const { files, log, bbl } = compiled;
    expect(files).toEqual(EXPECTED_FILES);
    // TeX logs each file it opens as `(/path` and each write as `\openout<n> = `.
    expect(log).not.toContain('(/etc/hostname');
    const writes = [...log.matchAll(/\\openout\d* = `([^']*)'/g)].map((match) => match[1]);
    expect(new Set(writes)).toEqual(new Set(['main.aux', 'main.out']));
    for (const key of keys.values()) expect(bbl).toContain(`\\bibitem{${key}}`);
  }, 120_000);

  /**
   * A citing document in German: babel's ngerman (not installed here) makes `"` active, a
   * shorthand (`"a` is ä, `""` prints nothing), in text and in math. Here `"` is made active as it
   * does, and stops LaTeX, so any `"` that reaches it as a character is found.
   */
  const GERMAN = DOCUMENT.replace(
    '\\begin{document}\n',
    '\\begin{document}\n\\catcode`\\"=\\active\n\\def"{\\errmessage{a double quote read as a babel shorthand}}\n',
  );

  it('notices a double quote that German babel would read as a shorthand (the check can fail)', () => {
    const { runs, log } = compile('@misc{raw, title = {The "all" quote}}\n', GERMAN);
    expect(runs.some((run) => run.status !== 0)).toBe(true);
    expect(log).toContain('a double quote read as a babel shorthand');
  });

  it('writes double quotes, in text and in title math, that German babel reads as quotes', () => {
    const titles = ['"a" ""|"s "\'"< quote', '("GPT-4") is "$x$"', 'A $a"b \\text{c"d}$ b', ...hostileStrings(33, 60)];
    const all = titles.map((title, index) => ({
      id: `q${index}`,
      data: { title, authors: ['Jiaming Ma "Jimmy"', `"${title}"`], venue: `"${title}" 2024`, date: '2025-06-06' },
    }));
    const keys = assignCitationKeys(all);
    expectCompiled(compile(bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!))), GERMAN));
  }, 120_000);

  it('writes a double quote in title math that a document without amsmath sets', () => {
    // Title math that names no amsmath command needs none, so the writer may not add one (\\text):
    // a `"` in it is a plain document's closing quote, in math as in text.
    const PLAIN = DOCUMENT.replace('\\usepackage{amsmath,amssymb}\n', '');
    const titles = ['$a"b$', '$x"$ and "$y$"', '$"\'"$'];
    const all = titles.map((title, index) => ({
      id: `m${index}`,
      data: { title, authors: ['Ann Lee'], date: '2025-06-06' },
    }));
    const keys = assignCitationKeys(all);
    const bib = bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
    expectCompiled(compile(bib, PLAIN));
    expectCompiled(compile(bib, GERMAN));
  }, 120_000);

  it('compiles the entry of a paper of 10,000 authors with plainnat, its names whole', () => {
    // natbib's label holds every family name: a line pdflatex could not read (its buffer is 200,000).
    const authors = Array.from({ length: 10_000 }, (_, index) => `Given${index} Collaborationmember${index}`);
    const bib = bibtexEntry(
      { id: 'many', data: { title: 'A Title', authors, date: '2025-06-06', published: '2024-02-03' } },
      'many2024',
    );
    const compiled = compile(bib, OTHER_DOCUMENTS.plainnat);
    expectCompiled(compiled);
    // The last name printed is whole, then et al.
    expect(compiled.bbl).toMatch(/Collaborationmember\d+ et~al\./);
  }, 120_000);

  /** The longest name of `letter` repeated (after `prefix`) that the schema accepts. */
  const longestName = (prefix: string, letter: string) => {
    let name = prefix + letter;
    while (nameLatexProblem(name + letter) === undefined) name += letter;
    return name;
  };

  it('compiles citation labels of the longest names the schema accepts with plainnat', () => {
    // Two authors: plainnat's label is both family names and the year, in a string BibTeX cuts.
    const pairs = [
      ['\u00fc', '\u00f6'],
      ['\u738b', '\u5c0f'],
      ['%', '_'],
      ['\u0141', '\u00fc'],
    ].map(([a, b]) => [longestName('', a!), longestName('', b!)]);
    for (const names of pairs)
      for (const name of names) expect(formatAuthor(name).length).toBeLessThanOrEqual(MAX_NAME_LATEX);
    // Each pair twice in one year: plainnat tells their labels apart with {\natexlab{a}} and {\natexlab{b}}.
    const all = [...pairs, ...pairs].map((authors, index) => ({
      id: `p${index}`,
      data: { title: 'A Title', authors, date: '2025-06-06', published: '2024-02-03' },
    }));
    const keys = assignCitationKeys(all);
    expectCompiled(
      compile(bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!))), OTHER_DOCUMENTS.plainnat),
    );
  }, 120_000);

  it('notices a citation label BibTeX cut (the check can fail)', () => {
    const name = '\u00fc'.repeat(120);
    expect(nameLatexProblem(name)).toBeDefined();
    const paper = { id: 'p', data: { title: 'A Title', authors: [name], date: '2025-06-06', published: '2024-02-03' } };
    const { runs } = compile(bibtexEntry(paper, 'key'), OTHER_DOCUMENTS.plainnat);
    expect(runs.at(-1)!.status).not.toBe(0);
  }, 120_000);

  it('compiles alpha labels cut from names of TeX specials', () => {
    // alpha.bst labels an entry of one author with the first three characters of the family name, then the year.
    const specials = ['_', '%', '&', '#', '$', '`', "'", '-', ',', '.'];
    const all = specials.map((special, index) => ({
      id: `p${index}`,
      data: {
        title: 'A Title',
        authors: [special.repeat(5)],
        date: '2025-06-06',
        published: '2024-02-03',
      },
    }));
    const keys = assignCitationKeys(all);
    const bib = bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
    expectCompiled(compile(bib, OTHER_DOCUMENTS.alpha));
  }, 120_000);

  it('compiles alpha labels of braced names (a team, "others") whose first characters are TeX commands', () => {
    // A name BibTeX must keep whole is braced; alpha.bst took its first three characters for the
    // label counting a command's letters, and cut `{J{\"u}rgen and Sons}` to `{J{\"}}`.
    const names = ['Jürgen and Sons', 'Çelik and Co', 'A & B and C', 'X\\Y and Z', 'Ω and Co', 'others'];
    const all = names.map((name, index) => ({
      id: `p${index}`,
      data: { title: 'A Title', authors: [name], date: '2025-06-06', published: '2024-02-03' },
    }));
    const keys = assignCitationKeys(all);
    const bib = bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
    expectCompiled(compile(bib, OTHER_DOCUMENTS.alpha));
  }, 120_000);

  it('compiles alpha labels and abbrv initials of names whose letters are written as math or code points', () => {
    // `{$\Sigma$}` was a plain group: alpha.bst cut a Greek family name's label to `{$\S}`, which
    // stopped LaTeX, and `{$^\circ$}` to `{$^\}`.
    const names = [
      'Ada Σωκράτης',
      'Σωκράτης Παπαδόπουλος',
      'Ada °',
      '°°',
      'Ada ±°°',
      'Ŧ',
      '王 小明',
      'Ω Lovelace',
      'Ada ℝ²',
    ];
    const all = names.flatMap((name, index) =>
      [[name], [name, 'Ada Lovelace']].map((authors, second) => ({
        id: `p${index}-${second}`,
        data: { title: 'A Title', authors, date: '2025-06-06', published: `${1991 + index}-02-03` },
      })),
    );
    const keys = assignCitationKeys(all);
    const bib = bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
    for (const document of [
      OTHER_DOCUMENTS.alpha,
      DOCUMENT.replace('{plainurl}', '{abbrv}'),
      OTHER_DOCUMENTS.plainnat,
    ]) {
      expectCompiled(compile(bib, document));
    }
  }, 120_000);

  it('cites names written family name first, before initials or in capitals, by their family name in abbrv and plainnat', () => {
    // Each name as written, then as abbrv.bst prints it (initials, family name) and as plainnat
    // labels it (the family name). `Smith J.R.` was cited `J.~Smith`: BibTeX abbreviates a word of
    // given names to its first letter, and `J.R.` was one word.
    const rows: [string, string, string][] = [
      ['Smith J.', 'J.~Smith', 'Smith'],
      ['ZHANG W.', 'W.~ZHANG', 'ZHANG'],
      ['Smith J.R.', 'J.~R. Smith', 'Smith'],
      ['J.R.R. Tolkien', 'J.~R.~R. Tolkien', 'Tolkien'],
      ['Sartre J.-P.', 'J.-P. Sartre', 'Sartre'],
      ['Juan GARCÍA López', "J.~GARC{\\'I}A~L{\\'o}pez", "GARC{\\'I}A~L{\\'o}pez"],
      ['Wei ZHANG Ming', 'W.~ZHANG~Ming', 'ZHANG~Ming'],
      ['Hofmann, Thomas', 'T.~Hofmann', 'Hofmann'],
      ['van der Maaten L.', 'L.~van~der Maaten', 'van~der Maaten'],
      ['King, Jr., Martin Luther', 'M.~L. King, Jr.', 'King'],
      ['de la Cruz, Ana María', 'A.~M. de~la Cruz', 'de~la Cruz'],
    ];
    const all = rows.map(([name], index) => ({
      id: `p${index}`,
      data: { title: 'A Title', authors: [name], date: '2025-06-06', published: `${1991 + index}-02-03` },
    }));
    const keys = assignCitationKeys(all);
    const bib = bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
    const abbrv = compile(bib, DOCUMENT.replace('{plainurl}', '{abbrv}'));
    const plainnat = compile(bib, OTHER_DOCUMENTS.plainnat);
    expectCompiled(abbrv);
    expectCompiled(plainnat);
    rows.forEach(([name, cited, label], index) => {
      const key = keys.get(`p${index}`)!;
      const item = (bbl: string) => bbl.split('\\bibitem').find((entry) => entry.includes(`{${key}}`)) ?? '';
      // The names end the block with a full stop, one only (`Jr.`).
      expect(item(abbrv.bbl), name).toContain(`{${key}}\n${cited.replace(/\.?$/, '.')}\n`);
      expect(item(plainnat.bbl), name).toContain(`[${label}(${1991 + index})]{${key}}`);
    });
  }, 120_000);

  it('compiles author-year labels of names with parentheses and brackets with plainnat', () => {
    // natbib splits `\bibitem[Names(Year)Names]` at the first `(` and `)`, and LaTeX ends the label
    // at the first `]`: `Ada (Ed.)` stopped pdflatex, `Bob [x]` garbled the label and the key.
    const names = ['Ada (Ed.)', 'Bob [x]', '(Ed.) Carol', 'Dan ]', 'Eve [', 'Fay )( Gil'];
    const all = names.map((name, index) => ({
      id: `p${index}`,
      data: { title: 'A Title', authors: [name, 'Ada Lovelace'], date: '2025-06-06', published: '2024-02-03' },
    }));
    const keys = assignCitationKeys(all);
    const bib = bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
    for (const document of [OTHER_DOCUMENTS.plainnat, OTHER_DOCUMENTS.alpha]) {
      const compiled = compile(bib, document);
      expectCompiled(compiled);
      // Each entry is cited under its own key: none was cut into another's.
      expect(compiled.log).not.toMatch(/multiply defined|undefined/);
    }
  }, 120_000);

  it.each(Object.entries(OTHER_DOCUMENTS))(
    'compiles the same entries with %s',
    (_, document) => {
      // alpha.bst gives a 27th paper with the same label the suffix `{`, so each year here has few.
      const all = papers().map((paper, index) => ({
        ...paper,
        data: { ...paper.data, published: `${1900 + (index % 100)}-02-03` },
      }));
      const keys = assignCitationKeys(all);
      const bib = bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
      expectCompiled(compile(bib, document));
    },
    120_000,
  );
});

describe.runIf(hasTex)('the month, compiled', () => {
  it('is printed by the styles as the month name, before the year', () => {
    const all: CitablePaper[] = [
      { id: 'a', data: { title: 'Alpha', authors: ['Ada Lovelace'], date: '2025-06-06', published: '2023-06-23' } },
      { id: 'b', data: { title: 'Beta', authors: ['Alan Turing'], date: '2025-06-06', arxiv: '2402.00001' } },
    ];
    const keys = assignCitationKeys(all);
    const bib = bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
    for (const style of ['plainurl', 'plainnat'] as const) {
      const compiled = compileBib(bib, style);
      expectCompiled(compiled);
      expect(compiled.bbl, style).toMatch(/June\s+2023/);
      expect(compiled.bbl, style).toMatch(/February\s+2024/);
    }
  }, 120_000);
});

describe.runIf(hasTex)('a numeral after a name, compiled', () => {
  it('is printed after the name as a suffix, never taken for the family name; one word with one is whole', () => {
    const all: CitablePaper[] = [
      { id: 'a', data: { title: 'Alpha', authors: ['Ada Lovelace 2'], date: '2025-06-06', published: '2023-06-23' } },
      { id: 'b', data: { title: 'Beta', authors: ['John Smith 3rd'], date: '2025-06-06', published: '2023-06-23' } },
      { id: 'c', data: { title: 'Gamma', authors: ['Ann Jones XIV'], date: '2025-06-06', published: '2023-06-23' } },
      { id: 'd', data: { title: 'Delta', authors: ['Louis XIV'], date: '2025-06-06', published: '2023-06-23' } },
    ];
    const keys = assignCitationKeys(all);
    expect([...keys.values()].sort()).toEqual([
      'jones2023gamma',
      'louis2023delta',
      'lovelace2023alpha',
      'smith2023beta',
    ]);
    const bib = bibtexFile(all.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
    const plain = compileBib(bib, 'plainurl');
    expectCompiled(plain);
    // plain.bst writes `{ff~}{vv~}{ll}{, jj}`: the suffix after the family name.
    for (const printed of ['Ada Lovelace, 2', 'John Smith, 3rd', 'Ann Jones, XIV', 'Louis XIV'])
      expect(plain.bbl.replace(/~/g, ' ').replace(/\s+/g, ' ')).toContain(printed);
    const alpha = compileBib(bib, 'alpha');
    expectCompiled(alpha);
    // alpha.bst labels a name by its family name's first three letters: Lov, Smi, Jon.
    for (const label of ['[Lov23]', '[Smi23]', '[Jon23]']) expect(alpha.bbl).toContain(label);
  }, 120_000);
});
