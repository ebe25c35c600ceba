import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, escapeText, formatTitle } from '../../src/lib/bibtex.ts';
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

/** What LaTeX should print for a string: controls and invisible format characters gone, white space runs one space. */
function printed(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, (char) => (/\s/.test(char) ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim();
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
    for (const text of titles) {
      // Remove what the escapes write; nothing special to TeX may remain.
      const rest = escapeText(text)
        .replace(/\\(?:text[a-z]+\{\}|[&%$#_])|\{`\}/g, '')
        .replace(/\{\}/g, '');
      expect(rest, JSON.stringify(text)).not.toMatch(/[\\{}$&#^_%~\p{Cc}]/u);
    }
  });

  it('writes entries that parse, with balanced braces, whose title, authors and venue round-trip', () => {
    titles.forEach((raw, index) => {
      const title = raw.replace(/\$/g, '¤'); // no math here: see below
      const venue = names[index]!.replace(/\b(19|20)\d\d\b/g, '');
      const authors = ['Ada Lovelace', ...[names[index]!, names[(index + 1) % names.length]!].filter(printed)];
      const entry = bibtexEntry(paper({ title, authors, venue }), 'key');
      expect(bracesBalance(entry), entry).toBe(true);
      const parsed = parseOne(entry);
      expect(parsed.fields.title ?? '', JSON.stringify(title)).toBe(printed(title));
      const venueField =
        parsed.fields.journal ?? parsed.fields.booktitle ?? parsed.fields.note?.replace(/^Published in /, '');
      if (printed(venue)) expect(venueField, JSON.stringify(venue)).toBe(printed(venue));
      // Every author stays one name, in order.
      expect(parsed.fields.author, JSON.stringify(authors)).toHaveLength(authors.length);
      expect(parsed.fields.author?.[0]).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    });
  });

  it('keeps title math as math exactly when the title-math rules accept it', () => {
    const mathTitles = hostileStrings(15, 200).map((text) => `On $${text}$ and $x^2$`);
    for (const title of mathTitles) {
      const raw = parse(bibtexEntry(paper({ title }), 'k'), { raw: true });
      expect(raw.errors, title).toEqual([]);
      const field = raw.entries[0]!.fields.title!;
      const accepted = titleMathProblems(title).length === 0;
      const spans = titleMathSpans(title);
      if (accepted) for (const tex of spans) expect(field).toContain(`{$${tex.replace(/\s+/g, ' ')}$}`);
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
      'A \\$\\textbackslash{}input\\textbraceleft{}x\\textbraceright{}\\$ b',
    );
    expect(formatTitle('$50\\\\%$ off')).toBe('\\$50\\textbackslash{}\\textbackslash{}\\%\\$ off');
    expect(formatTitle('$x^^5c$')).toBe('\\$x\\textasciicircum{}\\textasciicircum{}5c\\$');
    expect(formatTitle('$\\mathbb{R}^d$ and $\\frac{1}{2}$')).toBe('{$\\mathbb{R}^d$} and {$\\frac{1}{2}$}');
  });
});
