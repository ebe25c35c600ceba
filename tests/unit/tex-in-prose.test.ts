import { describe, expect, it } from 'vitest';
import { texInProse } from '../../src/lib/tex-in-prose.ts';

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
