/**
 * The benchmark's budgets (issue 16), the one place they are written down: the README's budget
 * table is checked against this module (tests/unit/bench-readme.test.ts), and `npm run bench`
 * compares every figure it measures with the budget of its size.
 */

/** Every figure one benchmark run measures that has a budget. */
export type FigureKey =
  | 'coldBuildS'
  | 'peakRssMB'
  | 'warmAddS'
  | 'warmEditS'
  | 'checkColdS'
  | 'checkCachedS'
  | 'searchCommonKB'
  | 'searchRareKB'
  | 'searchFilteredKB'
  | 'searchAnswerMs';

export interface Figure {
  key: FigureKey;
  /** The figure as the README's tables name it. */
  label: string;
  unit: 's' | 'MB' | 'KB' | 'ms';
}

/** In the order of the README's tables. */
export const FIGURES: readonly Figure[] = [
  { key: 'coldBuildS', label: 'cold build', unit: 's' },
  { key: 'peakRssMB', label: 'peak RSS', unit: 'MB' },
  { key: 'warmAddS', label: 'warm rebuild, one paper added', unit: 's' },
  { key: 'warmEditS', label: "warm rebuild, one paper's typo fixed", unit: 's' },
  { key: 'checkColdS', label: '`npm run check`, cold', unit: 's' },
  { key: 'checkCachedS', label: '`npm run check`, cached', unit: 's' },
  { key: 'searchCommonKB', label: 'first one-word search, bytes: common word', unit: 'KB' },
  { key: 'searchRareKB', label: 'first one-word search, bytes: rare word', unit: 'KB' },
  { key: 'searchFilteredKB', label: 'first one-word search, bytes: word and topic filter', unit: 'KB' },
  { key: 'searchAnswerMs', label: 'search answer in Chromium after typing', unit: 'ms' },
];

/** The sizes that have budgets, smallest first. */
export const BUDGET_SIZES = [10_000, 100_000] as const;
export type BudgetSize = (typeof BUDGET_SIZES)[number];

/** Upper limits, in each figure's unit (MB and KB are 1,024 of the next smaller unit). */
export const BUDGETS: Readonly<Record<BudgetSize, Readonly<Record<FigureKey, number>>>> = {
  10_000: {
    coldBuildS: 30,
    peakRssMB: 2 * 1024,
    warmAddS: 8,
    warmEditS: 8,
    checkColdS: 5,
    checkCachedS: 1,
    searchCommonKB: 200,
    searchRareKB: 200,
    searchFilteredKB: 200,
    searchAnswerMs: 300,
  },
  100_000: {
    coldBuildS: 240,
    peakRssMB: 6 * 1024,
    warmAddS: 30,
    warmEditS: 30,
    checkColdS: 30,
    checkCachedS: 5,
    searchCommonKB: 300,
    searchRareKB: 300,
    searchFilteredKB: 300,
    searchAnswerMs: 500,
  },
};

/**
 * The budgeted size a run of `papers` papers is held to: the smallest one at least as large (a
 * smaller digest must do at least as well), or none above the largest.
 */
export function budgetSizeFor(papers: number): BudgetSize | undefined {
  return BUDGET_SIZES.find((size) => papers <= size);
}

/** A budget is an upper limit: a figure exactly at it is within it. */
export function withinBudget(value: number, limit: number): boolean {
  return value <= limit;
}

const number = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** A limit as the README writes it: `≤ 30 s`, `≤ 2 GB` (whole gigabytes), `≤ 200 KB`. */
export function formatLimit(limit: number, unit: Figure['unit']): string {
  if (unit === 'MB' && limit >= 1024 && limit % 1024 === 0) return `≤ ${number(limit / 1024)} GB`;
  return `≤ ${number(limit)} ${unit}`;
}

/** The README's budget table, rows in FIGURES order. */
export function budgetTableMarkdown(): string {
  const header = `| figure | ${BUDGET_SIZES.map((size) => `${number(size)} papers`).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(BUDGET_SIZES.length + 1)}`;
  const rows = FIGURES.map(
    ({ key, label, unit }) =>
      `| ${label} | ${BUDGET_SIZES.map((size) => formatLimit(BUDGETS[size][key], unit)).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
