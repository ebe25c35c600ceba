import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexFile, escapeText, formatAuthors, formatTitle, formatUrl } from '../../src/lib/bibtex.ts';
import type { CitablePaper } from '../../src/lib/citation.ts';
import { PLAIN_MATH_COMMANDS, PLAIN_TEXT_COMMANDS } from '../../src/lib/encode/latex.ts';
import { TITLE_MATH_COMMANDS } from '../../src/lib/title-math.ts';
import { bracesBalance } from '../helpers/bibtex.ts';
import { HOSTILE_PIECES, hostileStrings, seededRandom } from '../helpers/hostile.ts';

/**
 * The .bib files are ASCII: every letter or symbol outside ASCII is written as LaTeX that a plain
 * pdflatex document sets (tests/unit/bibtex-tex.test.ts compiles them), for raw UTF-8 stops
 * pdflatex and makes BibTeX cut letters in two in alpha.bst labels.
 */

const paper = (data: Partial<CitablePaper['data']>): CitablePaper => ({
  id: 'x',
  data: { title: 'T', authors: ['A B'], date: '2025-06-06', published: '2025-01-02', ...data },
});

/** Random characters from the scripts and symbol blocks papers use, with combining marks. */
function unicodeText(random: () => number): string {
  const ranges: [number, number][] = [
    [0x00a0, 0x024f], // Latin-1 Supplement, Latin Extended-A and -B
    [0x0250, 0x02af], // IPA (ɔ, ɛ)
    [0x0300, 0x036f], // combining marks
    [0x0370, 0x03ff], // Greek
    [0x0400, 0x04ff], // Cyrillic
    [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
    [0x2000, 0x206f], // punctuation
    [0x2070, 0x209f], // super- and subscripts
    [0x2100, 0x214f], // letterlike (ℝ, ℓ)
    [0x2190, 0x22ff], // arrows, math operators
    [0x4e00, 0x4e80], // CJK
    [0x1d400, 0x1d7ff], // mathematical alphanumerics (𝒪)
    [0x1f600, 0x1f64f], // emoji
  ];
  let text = '';
  const length = 1 + Math.floor(random() * 12);
  for (let index = 0; index < length; index++) {
    const [low, high] = ranges[Math.floor(random() * ranges.length)]!;
    text += String.fromCodePoint(low + Math.floor(random() * (high - low + 1)));
    if (random() < 0.2) text += ' ';
  }
  return text;
}

const random = seededRandom(41);
const UNICODE_PIECES = Array.from({ length: 300 }, () => unicodeText(random));
const texts = hostileStrings(42, 300, [...HOSTILE_PIECES, ...UNICODE_PIECES], 6);

/** Every command an escape or the LaTeX of a character may write, and title math's. */
const WRITTEN = new Set([
  ...['textbackslash', 'textbraceleft', 'textbraceright', 'textasciitilde', 'textasciicircum'],
  ...['textless', 'textgreater', 'textbar', '&', '%', '$', '#', '_'],
  // Opens a name kept whole (a team's, "others"): see formatAuthor.
  'relax',
  ...PLAIN_TEXT_COMMANDS,
  ...PLAIN_MATH_COMMANDS,
  ...TITLE_MATH_COMMANDS,
]);

/** The names of an author field: split at ` and ` outside braces, as BibTeX splits them. */
function names(field: string): string[] {
  const parts = [''];
  let depth = 0;
  for (let index = 0; index < field.length; index++) {
    const char = field[index]!;
    if (char === '{') depth++;
    if (char === '}') depth--;
    if (depth === 0 && /^\s+and\s+/i.test(field.slice(index))) {
      index += /^\s+and\s+/i.exec(field.slice(index))![0].length - 1;
      parts.push('');
    } else parts[parts.length - 1] += char;
  }
  return parts;
}

describe('BibTeX outside ASCII', () => {
  it.each([
    ['Ömer Özdemir', '{\\"O}mer {\\"O}zdemir'],
    ['Łukasz Kaiser', '{\\L}ukasz Kaiser'],
    ['Élodie Çelik', "{\\'E}lodie {\\c{C}}elik"],
    ['Nguyễn Văn Đức', "Nguy{\\~{\\^e}}n V{\\u{a}}n D{\\'u}c"],
    ['Ólafur Þórsson', "{\\'O}lafur Th{\\'o}rsson"],
    ['Kɔfi Mɛnsah', 'Kofi Mensah'],
    ['Luis Ŋaro', 'Luis Ngaro'],
    // Letters written as math or as code points: each run one BibTeX special character, which no
    // style cuts (formatAuthor).
    ['王小明', '{\\relax[U+738B][U+5C0F][U+660E]}'],
    ['Ada Σωκράτης', 'Ada {\\relax${\\Sigma}{\\omega}{\\kappa}{\\rho}{\\acute{\\alpha}}{\\tau}{\\eta}{\\varsigma}$}'],
    ['Zoë Weiß', 'Zo{\\"e} Wei{\\ss}'],
  ])('writes the name %j as %j', (name, latex) => {
    expect(formatAuthors([name])).toBe(latex);
  });

  it('writes Greek and math symbols in titles as math, and keeps TeX ligatures from forming', () => {
    expect(formatTitle('α-Divergence Bounds in ℝ² → ∞: μP, 𝒪(n) and the ≤ Trick')).toBe(
      '{{$\\alpha$}-Divergence} Bounds in {$\\mathbb{R}$}{$^{2}$} {$\\rightarrow$} {$\\infty$}: {{$\\mu$}P}, ' +
        '{$\\mathcal{O}$}(n) and the {$\\leq$} Trick',
    );
    expect(escapeText('a – b — c “d” ±1 -–')).toBe("a {--} b {---} c {``}d{''} {$\\pm$}1 -{--}");
  });

  it('writes every entry in printable ASCII, braces balanced, one entry with only its own fields', () => {
    texts.forEach((text, index) => {
      const other = texts[(index + 1) % texts.length]!;
      const entry = bibtexEntry(
        paper({ title: text, authors: ['Ada Lovelace', other], venue: other.replace(/\d/g, '') }),
        'key',
      );
      expect(entry, JSON.stringify(text)).toMatch(/^[\x20-\x7E\n]*$/);
      expect(bracesBalance(entry), entry).toBe(true);
      const fields = [...entry.matchAll(/^ {2}(\w+) *= \{/gm)].map((match) => match[1]);
      expect(
        fields.filter((name) => !['title', 'author', 'note', 'year'].includes(name!)),
        entry,
      ).toEqual([]);
      // The only commands are those the escapes and the character table write, or title math's.
      for (const [, name] of entry.matchAll(/\\([A-Za-z]+|[^A-Za-z])/g))
        expect(WRITTEN.has(name!), `\\${name} in ${entry}`).toBe(true);
      expect(entry).not.toContain('^^');
      expect(bibtexFile([entry], [text])).toMatch(/^[\x20-\x7E\n]*$/);
    });
  });

  it('writes every name so that BibTeX reads the names it was given', () => {
    texts.slice(0, 100).forEach((text) => {
      const authors = ['Ada Lovelace', `${text} Smith`.trim(), 'Grace Hopper'];
      const field = /author = \{(.*)\},\n/.exec(bibtexEntry(paper({ authors }), 'k'))![1]!;
      expect(names(field), field).toHaveLength(3);
    });
  });
});

describe('BibTeX title math', () => {
  it('writes what \\text{} holds as the text font prints it (OT1 prints < > | as ¡ ¿ —)', () => {
    expect(formatTitle('Robust $\\text{<>|}$ and $\\text{a?`}$ $a < b \\mid \\text{x\\text{|}}|$')).toBe(
      'Robust {$\\text{\\textless{}\\textgreater{}\\textbar{}}$} and {$\\text{a?{`}}$} ' +
        '{$a < b \\mid \\text{x\\text{\\textbar{}}}|$}',
    );
  });
});

describe('BibTeX url', () => {
  it('escapes % # & _ (and encodes $) so that a style printing the url without \\url compiles', () => {
    expect(formatUrl('https://other.example.net/a_b/c%20d?x=1&y=2#frag~t')).toBe(
      'https://other.example.net/a\\_b/c\\%20d?x=1\\&y=2\\#frag~t',
    );
    expect(formatUrl('https://exämple.net/ü?a=$1')).toBe('https://xn--exmple-cua.net/\\%C3\\%BC?a=\\%241');
    for (const text of texts) {
      const url = formatUrl(`https://example.org/${text}?q=${text}#${text}`);
      if (url === undefined) continue;
      expect(url).toMatch(/^[\x21-\x7E]*$/);
      // Every special is escaped: none is left once the escapes are removed.
      expect(url.replace(/\\[%#&_]/g, ''), url).not.toMatch(/[%#&_$\\{}^]/);
    }
  });
});
