import { BUDGETS, budgetSizeFor, FIGURES, formatLimit, withinBudget, type Figure, type FigureKey } from './budgets.ts';
import { median } from './measure.ts';

/** One run's budgeted figures, in each figure's unit; null for one not measured (skipped). */
export type BudgetedFigures = Record<FigureKey, number | null>;

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Null for a figure that was skipped. */
export type Summary = Record<FigureKey, Spread | null>;

/** The median and the range of each figure over the runs. */
export function summarize(runs: readonly BudgetedFigures[]): Summary {
  if (runs.length === 0) throw new Error('no runs to summarize');
  const summary = {} as Summary;
  for (const { key } of FIGURES) {
    const values = runs.map((run) => run[key]);
    if (values.every((value) => value === null)) {
      summary[key] = null;
      continue;
    }
    const measured = values.filter((value): value is number => value !== null && Number.isFinite(value));
    if (measured.length !== values.length) throw new Error(`${key} was not measured in every run`);
    summary[key] = { median: median(measured), min: Math.min(...measured), max: Math.max(...measured) };
  }
  return summary;
}

export interface Verdict {
  figure: Figure;
  /** The median; undefined when the figure was skipped. */
  value?: number;
  /** Undefined when the size has no budget. */
  limit?: number;
  ok?: boolean;
}

/** Each figure's median against the budget of the run's size. */
export function verdicts(summary: Summary, papers: number): Verdict[] {
  const size = budgetSizeFor(papers);
  return FIGURES.map((figure) => {
    const value = summary[figure.key]?.median;
    if (size === undefined || value === undefined) return { figure, value };
    const limit = BUDGETS[size][figure.key];
    return { figure, value, limit, ok: withinBudget(value, limit) };
  });
}

/** Seconds to a tenth; sizes and milliseconds whole, with thousands separators. */
export function formatValue(value: number, unit: Figure['unit']): string {
  const digits = unit === 's' ? 1 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function cell(verdict: Verdict, spread: Spread | null, runs: number): string {
  const { unit } = verdict.figure;
  if (!spread) return 'not measured';
  let text = `${formatValue(spread.median, unit)} ${unit}`;
  if (runs > 1) text += ` (${formatValue(spread.min, unit)}–${formatValue(spread.max, unit)})`;
  if (verdict.limit !== undefined) text += ` ${verdict.ok ? '✓' : '✗'} ${formatLimit(verdict.limit, unit)}`;
  return text;
}

/** The header and rule of the README's results table, one column per figure. */
export function resultsTableHeader(): string {
  const columns = ['papers', 'date', 'commit', 'runs', ...FIGURES.map((figure) => figure.label)];
  return [`| ${columns.join(' | ')} |`, `|${' --- |'.repeat(columns.length)}`].join('\n');
}

/**
 * One row of the README's results table: each figure's median, its range when there were several
 * runs, ✓ or ✗ and the budget of the size beside it.
 */
export function resultsTableRow({
  papers,
  date,
  commit,
  summary,
  runs,
}: {
  papers: number;
  date: string;
  commit: string;
  summary: Summary;
  runs: number;
}): string {
  const cells = verdicts(summary, papers).map((verdict) => cell(verdict, summary[verdict.figure.key], runs));
  return `| ${[papers.toLocaleString('en-US'), date.slice(0, 10), commit, String(runs), ...cells].join(' | ')} |`;
}
