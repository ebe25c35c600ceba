import { describe, expect, it } from 'vitest';
import {
  BUDGET_SIZES,
  BUDGETS,
  budgetSizeFor,
  budgetTableMarkdown,
  FIGURES,
  formatLimit,
  withinBudget,
} from '../../src/bench/budgets.ts';
import {
  formatValue,
  resultsTableHeader,
  resultsTableRow,
  summarize,
  verdicts,
  type BudgetedFigures,
} from '../../src/bench/report.ts';

/** Pure parts of the benchmark's report: budgets, verdicts, spreads and the README row. */
const figures = (overrides: Partial<BudgetedFigures> = {}): BudgetedFigures => ({
  coldBuildS: 25,
  peakRssMB: 1500,
  warmAddS: 7,
  warmEditS: 6,
  checkColdS: 4,
  checkCachedS: 0.5,
  searchCommonKB: 150,
  searchRareKB: 90,
  searchFilteredKB: 180,
  searchAnswerMs: 250,
  ...overrides,
});

describe('budgets', () => {
  it('has a budget for every figure at every size, larger digests never held to less', () => {
    for (const size of BUDGET_SIZES) {
      expect(Object.keys(BUDGETS[size]).sort()).toEqual(FIGURES.map((figure) => figure.key).sort());
    }
    for (const { key } of FIGURES) expect(BUDGETS[100_000][key]).toBeGreaterThanOrEqual(BUDGETS[10_000][key]);
  });

  it('holds a run to the smallest budgeted size at least as large, none above the largest', () => {
    expect(budgetSizeFor(300)).toBe(10_000);
    expect(budgetSizeFor(10_000)).toBe(10_000);
    expect(budgetSizeFor(10_001)).toBe(100_000);
    expect(budgetSizeFor(100_000)).toBe(100_000);
    expect(budgetSizeFor(100_001)).toBeUndefined();
  });

  it('counts a figure at the limit as within it, above it as not', () => {
    expect(withinBudget(30, 30)).toBe(true);
    expect(withinBudget(29.9, 30)).toBe(true);
    expect(withinBudget(30.01, 30)).toBe(false);
  });

  it('writes limits as the issue does', () => {
    expect(formatLimit(2048, 'MB')).toBe('≤ 2 GB');
    expect(formatLimit(1500, 'MB')).toBe('≤ 1,500 MB');
    expect(formatLimit(240, 's')).toBe('≤ 240 s');
    expect(formatLimit(0.5, 's')).toBe('≤ 0.5 s');
    expect(formatLimit(300, 'ms')).toBe('≤ 300 ms');
  });

  it('renders the budget table with a row per figure and a column per size', () => {
    const lines = budgetTableMarkdown().split('\n');
    expect(lines[0]).toBe('| figure | 10,000 papers | 100,000 papers |');
    expect(lines).toHaveLength(FIGURES.length + 2);
    expect(lines).toContain('| cold build | ≤ 30 s | ≤ 240 s |');
    expect(lines).toContain('| peak RSS | ≤ 2 GB | ≤ 6 GB |');
    expect(lines).toContain('| `npm run check`, cached | ≤ 1 s | ≤ 5 s |');
  });
});

describe('summary of runs', () => {
  it('takes the median and the range of each figure', () => {
    const summary = summarize([figures({ coldBuildS: 30 }), figures({ coldBuildS: 20 }), figures({ coldBuildS: 28 })]);
    expect(summary.coldBuildS).toEqual({ median: 28, min: 20, max: 30 });
    expect(summary.warmAddS).toEqual({ median: 7, min: 7, max: 7 });
  });

  it('keeps a figure skipped in every run as not measured, and refuses one missing from some runs', () => {
    expect(summarize([figures({ warmAddS: null })]).warmAddS).toBeNull();
    expect(() => summarize([figures(), figures({ warmAddS: null })])).toThrow(/warmAddS/);
    expect(() => summarize([figures({ checkColdS: Number.NaN })])).toThrow(/checkColdS/);
    expect(() => summarize([])).toThrow();
  });
});

describe('verdicts', () => {
  it('compares each median with the budget of the size', () => {
    const summary = summarize([figures({ coldBuildS: 31, searchAnswerMs: 300 })]);
    const byKey = new Map(verdicts(summary, 10_000).map((verdict) => [verdict.figure.key, verdict]));
    expect(byKey.get('coldBuildS')).toMatchObject({ value: 31, limit: 30, ok: false });
    expect(byKey.get('searchAnswerMs')).toMatchObject({ value: 300, limit: 300, ok: true });
    // The same figures are within the budget of 100,000 papers.
    expect(verdicts(summary, 100_000).every((verdict) => verdict.ok)).toBe(true);
  });

  it('gives no verdict above the largest budgeted size', () => {
    for (const verdict of verdicts(summarize([figures()]), 200_000)) {
      expect(verdict.limit).toBeUndefined();
      expect(verdict.ok).toBeUndefined();
    }
  });
});

describe('README results row', () => {
  it('has a column per figure after papers, date, commit and runs', () => {
    const header = resultsTableHeader().split('\n');
    const columns = header[0]!.split(' | ');
    expect(columns).toHaveLength(4 + FIGURES.length);
    expect(header[1]).toBe(`|${' --- |'.repeat(4 + FIGURES.length)}`);
  });

  it('shows the figure, ✓ or ✗ and the budget; with several runs, the range', () => {
    const one = resultsTableRow({
      papers: 10_000,
      date: '2026-12-03T10:00:00.000Z',
      commit: 'abc1234',
      summary: summarize([figures({ coldBuildS: 31.26, peakRssMB: 1536.4 })]),
      runs: 1,
    });
    const cells = one.slice(2, -2).split(' | ');
    expect(cells.slice(0, 4)).toEqual(['10,000', '2026-12-03', 'abc1234', '1']);
    expect(cells[4]).toBe('31.3 s ✗ ≤ 30 s');
    expect(cells[5]).toBe('1,536 MB ✓ ≤ 2 GB');
    expect(cells).toHaveLength(4 + FIGURES.length);

    const three = resultsTableRow({
      papers: 100_000,
      date: '2026-12-03T10:00:00.000Z',
      commit: 'abc1234',
      summary: summarize([figures({ warmAddS: 20 }), figures({ warmAddS: 25 }), figures({ warmAddS: 40 })]),
      runs: 3,
    });
    expect(three).toContain('| 25.0 s (20.0–40.0) ✓ ≤ 30 s |');
  });

  it('says "not measured" for a skipped figure', () => {
    const row = resultsTableRow({
      papers: 300,
      date: '2026-12-03T10:00:00.000Z',
      commit: 'abc1234',
      summary: summarize([figures({ warmEditS: null })]),
      runs: 1,
    });
    expect(row).toContain('| not measured |');
  });

  it('rounds seconds to a tenth and other units to whole numbers', () => {
    expect(formatValue(7.04, 's')).toBe('7.0');
    expect(formatValue(1234.5, 'KB')).toBe('1,235');
    expect(formatValue(249.4, 'ms')).toBe('249');
  });
});
