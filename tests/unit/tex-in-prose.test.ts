import { describe, expect, it } from 'vitest';
import { looksLikeAmounts, strayDollar, texInProse } from '../../src/lib/tex-in-prose.ts';
import { hostileStrings } from '../helpers/hostile.ts';

describe('texInProse', () => {
  it.each([
    ['We use \\emph{sparse} models', '\\emph', 7],
    ['G\\"odel numbering', '\\"o', 1],
    ["Erd\\'{o}s", "\\'{o", 3],
    ['the \\LaTeX{} source', '\\LaTeX', 4],
    ['a literal C:\\\\tmp, then \\cite{x}', '\\cite', 24],
  ])('finds the TeX in %s', (prose, tex, index) => {
    expect(texInProse(prose)).toEqual({ tex, index });
  });

  it.each([
    ['escaped characters mean themselves', '50\\% of \\$5, a \\{set\\} and snake\\_case'],
    ['a backslash written twice is a literal one', 'files in C:\\\\tmp and C:\\\\Users'],
    ['an escaped period or quote before a space', '1\\. Not a list, \\" quoted'],
    ['no backslash at all', 'Plain words, 3–5 of them.'],
  ])('finds none where %s', (_name, prose) => {
    expect(texInProse(prose)).toBeUndefined();
  });
});

describe('texInProse in plain text (a title, a venue), where nothing reads an escape', () => {
  it.each([
    ['Pruning 50\\% of the weights', '\\%', 10],
    ['NeurIPS \\& ICLR', '\\&', 8],
    ['files in C:\\\\tmp', '\\\\', 11],
    ['costs \\$5', '\\$', 6],
    ['G\\"odel numbering', '\\"o', 1],
    ['We use \\emph{sparse} models', '\\emph', 7],
  ])('finds the escape or TeX in %s', (prose, tex, index) => {
    expect(texInProse(prose, { markup: 'plain' })).toEqual({ tex, index });
  });

  it('finds none without a backslash before a letter or a punctuation mark', () => {
    expect(texInProse('Plain words, 50% of them; a \\ alone, or a trailing \\', { markup: 'plain' })).toBeUndefined();
  });
});

describe('strayDollar', () => {
  it.each([
    ['an unclosed formula', 'bounded by $\\epsilon for all', 11],
    ['a dollar at the end', 'worth 5$', 7],
    ['a dollar before a space', 'US $ 5', 3],
    ['after an escaped backslash', 'a C:\\\\$x', 6],
  ])('finds %s', (_name, prose, index) => {
    expect(strayDollar(prose)).toBe(index);
  });

  it.each([
    ['amounts', 'it costs $5, or $10.50 per run'],
    ['escaped dollars', 'it costs \\$ and \\$x'],
    ['no dollar', 'plain words'],
  ])('finds none in %s', (_name, prose) => {
    expect(strayDollar(prose)).toBeUndefined();
  });

  it('reads no escape in plain text: a backslash before "$" is shown, and the "$" is still alone', () => {
    expect(strayDollar('costs \\$x', { markup: 'plain' })).toBe(7);
    expect(strayDollar('costs \\$x')).toBeUndefined();
  });

  it('is total, and finds a "$" that is neither escaped nor before a digit, or none', () => {
    for (const prose of hostileStrings(11, 400)) {
      for (const markup of ['markdown', 'plain'] as const) {
        const index = strayDollar(prose, { markup });
        if (index === undefined) {
          // Every "$" is before a digit, or (in Markdown) escaped.
          for (const match of prose.matchAll(/(\\*)\$/g)) {
            const escaped = markup === 'markdown' && match[1]!.length % 2 === 1;
            expect(escaped || /\d/.test(prose[match.index + match[0].length] ?? '')).toBe(true);
          }
        } else {
          expect(prose[index]).toBe('$');
          expect(/\d/.test(prose[index + 1] ?? '')).toBe(false);
        }
      }
    }
  });
});

describe('looksLikeAmounts', () => {
  it.each([
    ['5 and ', '10 per run', true],
    ['5 and ', ' 10', true],
    ['x', '1', true],
    ['2^k', ' steps', false],
    ['x ', ' b', false],
    ['n', '', false],
  ])('$%s$ followed by %j: %s', (tex, after, amounts) => {
    expect(looksLikeAmounts(tex, after)).toBe(amounts);
  });
});
