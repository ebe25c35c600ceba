import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problems.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';
import { HOSTILE_BYTES_7, HOSTILE_KINDS_7 } from '../helpers/hostile-kinds-7.ts';
import { HOSTILE_KINDS } from '../helpers/hostile-kinds.ts';

/**
 * The seventh pass's hostile kinds (tests/helpers/hostile-kinds-7.ts): that they are new, and its
 * files of bytes that are no UTF-8 text. Its text files are read one at a time beside the earlier
 * kinds, by the same tests (bad-papers-kinds.test.ts).
 */
const schema = createPaperSchema(new Set(['optimization']));
const path = (id: string) => `content/papers/2025/${id}.mdx`;

describe('hostile kinds, seventh pass', () => {
  it('are at least 30, each with an id of its own and of no earlier kind', () => {
    expect(HOSTILE_KINDS_7.length + HOSTILE_BYTES_7.length).toBeGreaterThanOrEqual(30);
    const ids = [...HOSTILE_KINDS_7, ...HOSTILE_BYTES_7].map((kind) => kind.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => HOSTILE_KINDS.some((kind) => kind.id === id))).toEqual([]);
  });

  it.each(HOSTILE_BYTES_7.map((kind) => [kind.id, kind]))(
    '%s (no UTF-8 text) is refused naming the file, its line and what to save it as',
    (_, { id, bytes, line, says }) => {
      const { paper, problems } = validatePaper(path(id), bytes, schema);
      expect(paper).toBeUndefined();
      expect(problems.map(formatProblem)).toEqual([
        expect.stringMatching(new RegExp(`^${path(id)}:${line}:\\d+: file: `)),
      ]);
      expect(problems[0]!.message).toMatch(says);
      expect(problems[0]!.message).toMatch(/save it as UTF-8/);
    },
  );
});
