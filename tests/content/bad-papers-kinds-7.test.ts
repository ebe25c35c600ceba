import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblems } from '../../src/content/problems.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';
import { HOSTILE_BYTES_7, HOSTILE_KINDS_7 } from '../helpers/hostile-kinds-7.ts';
import { HOSTILE_KINDS } from '../helpers/hostile-kinds.ts';
import { messageProblems, outputProblems } from '../helpers/output-consumers.ts';

/**
 * The seventh pass's hostile kinds (tests/helpers/hostile-kinds-7.ts) one file at a time: each the
 * check must refuse is refused naming its file, a line of it and the field, with what is right, in
 * lines a terminal shows as text; each it accepts gives outputs every consumer reads as safe data.
 */
const schema = createPaperSchema(new Set(['optimization']));
const path = (id: string) => `content/papers/2025/${id}.mdx`;
const results = HOSTILE_KINDS_7.map((kind) => ({
  kind,
  ...validatePaper(path(kind.id), new TextEncoder().encode(kind.file), schema),
}));

describe('hostile kinds, seventh pass', () => {
  it('are at least 30, each with an id of its own and of no earlier kind', () => {
    expect(HOSTILE_KINDS_7.length + HOSTILE_BYTES_7.length).toBeGreaterThanOrEqual(30);
    const ids = [...HOSTILE_KINDS_7, ...HOSTILE_BYTES_7].map((kind) => kind.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => HOSTILE_KINDS.some((kind) => kind.id === id))).toEqual([]);
  });

  it.each(results.filter(({ kind }) => kind.refused !== undefined).map((result) => [result.kind.id, result]))(
    '%s is refused naming file, line and field, saying what is right',
    (_, { kind, paper, problems }) => {
      expect(paper).toBeUndefined();
      expect(
        problems.map((problem) => problem.field),
        problems.map(formatProblem).join('\n'),
      ).toContain(kind.refused);
      const named = problems.filter((problem) => problem.field === kind.refused);
      if (kind.line !== undefined) expect(named.map((problem) => problem.line)).toContain(kind.line);
      if (kind.says) expect(named.map((problem) => problem.message).join('\n')).toMatch(kind.says);
      expect(messageProblems(path(kind.id), kind.file, problems)).toEqual([]);
      for (const problem of named) expect(problem.message, problem.message).toMatch(/[:;.]\s*\S/);
      // Every line the check prints is one line of text a terminal shows as written.
      for (const line of formatProblems(problems))
        expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u);
    },
  );

  it.each(results.filter(({ kind }) => kind.refused === undefined).map((result) => [result.kind.id, result]))(
    '%s is accepted, and each output reads as its consumer expects',
    (_, { paper, problems }) => {
      expect(problems.map(formatProblem)).toEqual([]);
      expect(outputProblems(paper!).problems).toEqual([]);
    },
  );

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
