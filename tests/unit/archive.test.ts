import { describe, expect, it } from 'vitest';
import { buildArchive, neighbours } from '../../src/lib/archive.ts';

const paper = (id: string, date: string) => ({ id, data: { date } });

describe('buildArchive', () => {
  const papers = [
    paper('a', '2025-06-06'),
    paper('b', '2025-06-06'),
    paper('c', '2025-06-01'),
    paper('d', '2025-05-31'),
    paper('e', '2024-12-31'),
  ];
  const archive = buildArchive(papers);

  it('groups days in order and keeps paper order within a day', () => {
    expect(archive.days.map((day) => [day.date, day.papers.map((p) => p.id)])).toEqual([
      ['2025-06-06', ['a', 'b']],
      ['2025-06-01', ['c']],
      ['2025-05-31', ['d']],
      ['2024-12-31', ['e']],
    ]);
  });

  it('groups months and years with counts', () => {
    expect(archive.months.map((m) => [m.year, m.month, m.count, m.days.length])).toEqual([
      [2025, 6, 3, 2],
      [2025, 5, 1, 1],
      [2024, 12, 1, 1],
    ]);
    expect(archive.years.map((y) => [y.year, y.count, y.months.length])).toEqual([
      [2025, 4, 2],
      [2024, 1, 1],
    ]);
  });

  it('finds a day by its date', () => {
    expect(archive.dayByDate.get('2025-06-01')?.papers.map((p) => p.id)).toEqual(['c']);
    expect(archive.dayByDate.get('2025-06-02')).toBeUndefined();
  });

  it('refuses unsorted input rather than producing wrong groups', () => {
    expect(() => buildArchive([paper('x', '2025-01-01'), paper('y', '2025-02-01')])).toThrow(/sorted/);
  });

  it('handles an empty digest', () => {
    expect(buildArchive([])).toEqual({ days: [], months: [], years: [], dayByDate: new Map() });
  });
});

describe('neighbours', () => {
  it('gives newer and older items', () => {
    expect(neighbours(['a', 'b', 'c'], 0)).toEqual({ newer: undefined, older: 'b' });
    expect(neighbours(['a', 'b', 'c'], 1)).toEqual({ newer: 'a', older: 'c' });
    expect(neighbours(['a', 'b', 'c'], 2)).toEqual({ newer: 'b', older: undefined });
  });
});
