import { describe, expect, it } from 'vitest';
import {
  buildArchive,
  comparePapers,
  gridMonths,
  neighbours,
  orderKey,
  type Orderable,
} from '../../src/lib/archive.ts';

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

describe('comparePapers', () => {
  const dated = (id: string, date: string, first: { published?: string; arxiv?: string } = {}): Orderable => ({
    id,
    data: { date, ...first },
  });
  // The expected order, written by hand: newest digest day first; within a day, newest first
  // version (published, else the arXiv id's month), then id descending; undated papers last.
  const expected = [
    dated('2502.00001', '2025-06-07', { arxiv: '2502.00001' }),
    dated('z-undated', '2025-06-07'),
    dated('late', '2025-06-06', { published: '2025-06-05' }),
    dated('2506.00002', '2025-06-06', { published: '2025-06-01', arxiv: '2506.00002' }),
    dated('b-tie', '2025-06-06', { published: '2025-05-20' }),
    dated('a-tie', '2025-06-06', { published: '2025-05-20' }),
    dated('2505.99999', '2025-06-06', { arxiv: '2505.99999' }),
    dated('2505.00001', '2025-06-06', { arxiv: '2505.00001' }),
    dated('2505.00003', '2025-06-06', { published: '2025-04-30', arxiv: '2505.00003' }),
    dated('1511.07543', '2025-06-06', { published: '2015-11-24', arxiv: '1511.07543' }),
    dated('hep-th/9901001', '2025-06-06', { arxiv: 'hep-th/9901001' }),
    dated('y-undated', '2025-06-06'),
    dated('x-undated', '2025-06-06'),
    dated('old-day', '2024-01-01', { published: '2025-01-01' }),
  ];

  it('orders newest day first, then newest first version, then id, undated papers last', () => {
    const reversed = [...expected].reverse();
    expect(reversed.sort(comparePapers).map((paper) => paper.id)).toEqual(expected.map((paper) => paper.id));
  });

  it('is a consistent order: antisymmetric and transitive over every pair and triple', () => {
    for (const a of expected) {
      expect(comparePapers(a, a)).toBe(0);
      for (const b of expected) {
        expect(Math.sign(comparePapers(a, b)), `${a.id} ${b.id}`).toBe(-Math.sign(comparePapers(b, a)) || 0);
        for (const c of expected) {
          if (comparePapers(a, b) < 0 && comparePapers(b, c) < 0) expect(comparePapers(a, c)).toBeLessThan(0);
        }
      }
    }
  });

  it("has a one-value key per paper whose order, reversed, is this order (the search index's sort)", () => {
    const byKey = (list: Orderable[]) =>
      [...list].sort((a, b) => (orderKey(a) < orderKey(b) ? 1 : orderKey(a) > orderKey(b) ? -1 : 0));
    expect(byKey([...expected].reverse()).map((paper) => paper.id)).toEqual(expected.map((paper) => paper.id));
    // Random papers of a few days, with every precision of first version and ids that prefix others.
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const papers = Array.from({ length: 400 }, (_, index) =>
      dated(
        pick(['a', 'a-b', 'ab', '2506.0001', '2506.00012', `p${index % 7}`]) + (index % 3 === 0 ? '' : `-${index}`),
        pick(['2025-06-06', '2025-06-07', '2025-06-10']),
        pick([
          {},
          { published: '2025-06-01' },
          { published: '2025-06-10' },
          { arxiv: '2506.00001' },
          { arxiv: '2505.00001' },
        ]),
      ),
    );
    expect(byKey(papers).map(orderKey)).toEqual([...papers].sort(comparePapers).map(orderKey));
    expect(() => orderKey(dated('a!b', '2025-06-06'))).toThrow(/holds "!"/);
  });

  it('gives the same order whatever order the papers come in', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 20; round += 1) {
      const shuffled = [...expected].sort(() => random() - 0.5);
      expect(shuffled.sort(comparePapers)).toEqual(expected);
    }
  });
});

describe('gridMonths', () => {
  it("shows every month of a year, but none after the digest's newest month", () => {
    const newest = { year: 2025, month: 3 };
    expect(gridMonths(2024, newest)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(gridMonths(2025, newest)).toEqual([1, 2, 3]);
    expect(gridMonths(2025, { year: 2025, month: 12 })).toHaveLength(12);
    expect(gridMonths(2025, undefined)).toHaveLength(12);
  });
});
