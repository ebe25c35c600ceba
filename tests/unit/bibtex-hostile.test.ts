import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, escapeText, formatTitle, mathText } from '../../src/lib/bibtex.ts';
import type { CitablePaper } from '../../src/lib/citation.ts';
import { titleMathProblems, titleMathSpans } from '../../src/lib/title-math.ts';
import { bracesBalance, parseBib } from '../helpers/bibtex.ts';
import { hostileStrings } from '../helpers/hostile.ts';

/**
 * Property tests: BibTeX entries of random hostile strings always parse, round-trip their text,
 * and carry math only when the title-math rules accept it.
 */

const paper = (data: Partial<CitablePaper['data']>): CitablePaper => ({
  id: 'x',
  data: { title: 'T', authors: ['A B'], date: '2025-06-06', published: '2025-01-02', ...data },
});

/**
 * What LaTeX should print for a string: controls and invisible format characters gone, white space
 * runs one space, and characters that a plain pdflatex document cannot set (here CJK, emoji, a
 * noncharacter) as their code points.
 */
function printed(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, (char) => (/\s/.test(char) ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .replace(
      /[\p{Script=Han}\p{Script=Hiragana}\u{1F600}\uFFFE]/gu,
      (char) => `[U+${char.codePointAt(0)!.toString(16).toUpperCase()}]`,
    )
    .trim()
    .normalize('NFC');
}

function parseOne(entry: string) {
  const entries = parseBib(entry);
  expect(entries, entry).toHaveLength(1);
  return entries[0]!;
}

const titles = hostileStrings(13, 400);
const names = hostileStrings(14, 400);

describe('BibTeX of hostile strings', () => {
  it('escapes every TeX special, so no unescaped one is left in text', () => {
    for (const text of titles.map((title) => title.replace(/[^\x00-\x7F]/g, ''))) {
      // Remove what the escapes write; nothing special to TeX may remain.
      // `"` too: under German babel it starts a shorthand (`"a` is ä); it is written as `` or ''.
      const rest = escapeText(text)
        .replace(/\{\\(?:text[a-z]+|[&%$#_])\}|\{`\}|\{``\}|\{''\}/g, '')
        .replace(/\{\}/g, '');
      expect(rest, JSON.stringify(text)).not.toMatch(/[\\{}$&#^_%~"\p{Cc}]/u);
    }
  });

  it('writes entries that parse, with balanced braces, whose title, authors and venue round-trip', () => {
    // The parser reads `{$\mathbf{A}$}` (𝐀) and `{$\mathbb{R}$}` (ℝ) as unknown macros, as it does title
    // math: those two are left to the tests below.
    const plain = (text: string) => text.replace(/\u{1D400}/gu, 'A').replace(/ℝ/g, 'R');
    titles.forEach((raw, index) => {
      const title = plain(raw).replace(/\$/g, 'S'); // no math here: see below
      const venue = plain(names[index]!).replace(/\b(19|20)\d\d\b/g, '');
      const authors = [
        'Ada Lovelace',
        ...[names[index]!, names[(index + 1) % names.length]!].map(plain).filter(printed),
      ];
      const entry = bibtexEntry(paper({ title, authors, venue }), 'key');
      expect(bracesBalance(entry), entry).toBe(true);
      const parsed = parseOne(entry);
      // Straight double quotes are printed as curved ones, opening or closing (tested in
      // encoders.test.ts): here any curved quote read back is taken for a straight one.
      const straight = (text: string) => text.replace(/[“”]/g, '"');
      expect(straight(parsed.fields.title ?? '').normalize('NFC'), JSON.stringify(title)).toBe(printed(title));
      const venueField =
        parsed.fields.journal ?? parsed.fields.booktitle ?? parsed.fields.note?.replace(/^Published in /, '');
      if (printed(venue))
        expect(straight(venueField ?? '').normalize('NFC'), JSON.stringify(venue)).toBe(printed(venue));
      // Every author stays one name, in order.
      expect(parsed.fields.author, JSON.stringify(authors)).toHaveLength(authors.length);
      expect(parsed.fields.author?.[0]).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    });
  });

  it('keeps title math as math exactly when the title-math rules accept it', () => {
    // ASCII only: outside ASCII, text is written as LaTeX math too (`{$\alpha$}`), counted below.
    const mathTitles = hostileStrings(15, 200).map((text) => `On $${text.replace(/[^\x00-\x7F]/g, '')}$ and $x^2$`);
    for (const title of mathTitles) {
      const raw = parse(bibtexEntry(paper({ title }), 'k'), { raw: true });
      expect(raw.errors, title).toEqual([]);
      const field = raw.entries[0]!.fields.title!;
      const accepted = titleMathProblems(title).length === 0;
      const spans = titleMathSpans(title);
      if (accepted) for (const tex of spans) expect(field).toContain(`{$${mathText(tex.replace(/\s+/g, ' '))}$}`);
      else expect(field.match(/\{\$/g)?.length ?? 0, title).toBeLessThan(spans.length);
      // Whatever was refused, no TeX primitive reaches the field as a command.
      expect(field).not.toMatch(
        /(?<!\\text)\\(immediate|write|openout|input|read|csname|def|catcode|string|expandafter)\b/,
      );
      expect(field).not.toContain('^^');
    }
  });

  it('prints refused math as the text it is', () => {
    expect(formatTitle('A $\\input{x}$ b')).toBe(
      'A {\\$}{\\textbackslash}input{\\textbraceleft}x{\\textbraceright}{\\$} b',
    );
    expect(formatTitle('$50\\\\%$ off')).toBe('{\\$}50{\\textbackslash}{\\textbackslash}{\\%}{\\$} off');
    expect(formatTitle('$x^^5c$')).toBe('{\\$}x{\\textasciicircum}{\\textasciicircum}5c{\\$}');
    expect(formatTitle('$\\mathbb{R}^d$ and $\\frac{1}{2}$')).toBe('{$\\mathbb{R}^d$} and {$\\frac{1}{2}$}');
  });
});
