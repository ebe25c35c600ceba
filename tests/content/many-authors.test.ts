import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problems.ts';
import { createPaperSchema, LIMITS } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';

/**
 * Physics collaborations publish papers of thousands of authors (5,154 on one in 2015): the
 * digest takes them, and refuses only a list beyond any real paper, saying where and why.
 */
const schema = createPaperSchema(new Set(['optimization']));

/** `count` distinct names, as real ones are written (two words, letters only). */
function names(count: number): string[] {
  const letters = (value: number) =>
    value.toString(26).replace(/./g, (digit) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(digit, 26)]!);
  return Array.from({ length: count }, (_, index) => `Physicist Collaborator${letters(index)}`);
}

const paper = (authors: readonly string[]) =>
  new TextEncoder().encode(
    `---\ntitle: "A large collaboration"\ndate: "2025-06-06"\nauthors:\n${authors.map((name) => `  - ${name}`).join('\n')}\ntags:\n  - optimization\n---\n\nAn abstract.\n`,
  );

describe('papers of many authors', () => {
  it('accepts the largest collaborations (5,154 authors)', () => {
    const { paper: valid, problems } = validatePaper('content/papers/2025/big.mdx', paper(names(5_154)), schema);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(valid?.data.authors).toHaveLength(5_154);
  });

  it('refuses more than the limit with file, line, field and what to do', () => {
    const { paper: valid, problems } = validatePaper(
      'content/papers/2025/huge.mdx',
      paper(names(LIMITS.authors + 1)),
      schema,
    );
    expect(valid).toBeUndefined();
    expect(LIMITS.authors).toBeGreaterThanOrEqual(6_000);
    expect(problems.map(formatProblem)).toEqual([
      `content/papers/2025/huge.mdx:4: authors: has ${LIMITS.authors + 1} authors; must be at most ${LIMITS.authors} authors: for a large collaboration, list its name as an author.`,
    ]);
  });
});
