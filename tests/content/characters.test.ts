import { describe, expect, it } from 'vitest';
import { findForbiddenCharacter } from '../../src/content/characters.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';

const schema = createPaperSchema(new Set(['optimization']));
const paper = (title: string) =>
  new TextEncoder().encode(
    `---\ntitle: "${title}"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nAn abstract.\n`,
  );
const hex = (codePoint: number) => codePoint.toString(16).toUpperCase().padStart(4, '0');

/** Every code point the rule must refuse, by the classes issue 13 names (not by our regex). */
function mustRefuse(): number[] {
  const points: number[] = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue; // lone surrogates: sampled below
    const char = String.fromCodePoint(codePoint);
    const control = /\p{Cc}/u.test(char) && codePoint !== 0x09 && codePoint !== 0x0a;
    const format = /\p{Cf}/u.test(char); // bidi controls, zero-width characters, BOM, tags…
    const separator = codePoint === 0x2028 || codePoint === 0x2029;
    const tag = codePoint >= 0xe0000 && codePoint <= 0xe007f;
    const nonCharacter = (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
    if (control || format || separator || tag || nonCharacter) points.push(codePoint);
  }
  return [...points, 0xd800, 0xdbff, 0xdc00, 0xdfff];
}

describe('the character rule', () => {
  it('refuses every control, format, separator, tag and noncharacter code point written as a YAML escape', () => {
    const points = mustRefuse();
    expect(points.length).toBeGreaterThan(300);
    const accepted = points.filter((codePoint) => {
      const escape = `\\U${codePoint.toString(16).padStart(8, '0')}`;
      const { paper: valid, problems } = validatePaper('p.mdx', paper(`A ${escape} title`), schema);
      const named = problems.map(formatProblem).some((line) => line.includes(`U+${hex(codePoint)}`));
      return valid !== undefined || !named;
    });
    expect(accepted.map(hex)).toEqual([]);
  });

  it('accepts the text of real titles and names', () => {
    for (const text of [
      'Scaling MLPs: A Tale of Inductive Bias',
      'Schrödinger, Čech, Łukasiewicz, Ñúñez, 王小明, Иван, محمد, 😀',
      'On $\\mathbb{R}^n$ and ℝⁿ: “quotes” — dashes… and non-breaking spaces',
    ]) {
      expect(findForbiddenCharacter(text)).toBeUndefined();
    }
  });

  it('refuses a letter with more than four combining marks, written or as YAML escapes, and names the count', () => {
    // Decomposed Vietnamese (two marks), pointed Hebrew with a cantillation mark (three), four acute accents.
    for (const text of ['Vie\u0323\u0302t Nam', '\u05E9\u05C1\u05B8\u0591', `a${'\u0301'.repeat(4)}`]) {
      expect(findForbiddenCharacter(text), JSON.stringify(text)).toBeUndefined();
    }
    const found = findForbiddenCharacter(`Zalgo a${'\u0301'.repeat(100)} b`);
    expect(found).toMatchObject({ index: 11, code: 'U+0301', marks: 100 });
    const escaped = validatePaper('content/papers/z.mdx', paper(`Zalgo a${'\\u0301'.repeat(6)}`), schema);
    expect(escaped.problems.map(formatProblem)).toEqual([
      'content/papers/z.mdx:2: title: has 6 combining marks (U+0301…) on one letter, written as a YAML escape: a letter may carry at most 4; delete the rest.',
    ]);
    const written = validatePaper('content/papers/z.mdx', paper(`Zalgo a${'\u0301'.repeat(6)}`), schema);
    expect(written.problems.map(formatProblem)).toEqual([
      'content/papers/z.mdx:2:20: file: has 6 combining marks (U+0301…) on one letter: a letter may carry at most 4; delete the rest.',
    ]);
  });

  it('allows tab and newline only in multi-line text', () => {
    expect(findForbiddenCharacter('a\tb\nc', { multiline: true })).toBeUndefined();
    expect(findForbiddenCharacter('a\tb')?.code).toBe('U+0009');
    expect(findForbiddenCharacter('a\nb')?.code).toBe('U+000A');
    expect(findForbiddenCharacter('a\rb', { multiline: true })?.code).toBe('U+000D');
  });
});
