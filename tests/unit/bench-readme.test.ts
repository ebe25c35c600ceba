import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetTableMarkdown } from '../../src/bench/budgets.ts';

/**
 * The README's budget table must say what src/bench/budgets.ts holds, the budgets `npm run bench`
 * compares its figures with. Compared cell by cell, so the table may be aligned (Prettier pads it).
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
const isRule = (row: string[]) => row.every((cell) => /^:?-+:?$/.test(cell));

/** The rows (header first, rule left out) of the README table whose header is `header`. */
function tableWithHeader(header: string[]): string[][] {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith('|') && cells(line).join('|') === header.join('|'));
  if (start === -1) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(cells(line));
  }
  return rows.filter((row) => !isRule(row));
}

describe('README budget table', () => {
  it('lists every budget of src/bench/budgets.ts, at both sizes, and nothing else', () => {
    const expected = budgetTableMarkdown()
      .split('\n')
      .map(cells)
      .filter((row) => !isRule(row));
    expect(tableWithHeader(expected[0]!)).toEqual(expected);
  });
});
