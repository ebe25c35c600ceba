import { arxivId } from './arxiv-id.ts';
import { parseCalendarDate } from './dates.ts';
import { byCodeUnits } from './text-order.ts';

/** What ordering needs of a paper: its id, digest date and what is known of its first version. */
export interface Orderable {
  id: string;
  data: { date: string; published?: string; arxiv?: string };
}

/**
 * The one order of papers, used by every list, feed and index: newest digest day first; within a
 * day, newest first version first, then id descending. The first version's date is `published`;
 * without it, the arXiv id's year and month. A paper with neither comes after every dated paper of
 * its day.
 *
 * Both precisions compare as the text `YYYY-MM-DD` / `YYYY-MM`, so a paper known only to the month
 * comes after the papers of that month whose day is known. Calling it equal to all of them instead
 * would not be an order (a day-20 and a day-10 paper differ, yet both would equal it), and sorting
 * with such a comparator gives results that depend on the input order.
 */
export function comparePapers(a: Orderable, b: Orderable): number {
  return (
    descending(a.data.date, b.data.date) ||
    descending(firstVersion(a.data) ?? '', firstVersion(b.data) ?? '') ||
    descending(a.id, b.id)
  );
}

/**
 * One text per paper whose code-unit order is comparePapers's, reversed (ascending: oldest first),
 * made from the paper alone: for the search index's sort, which knows one value per paper, so that
 * "newest first" there lists a day's papers as the day's page does. Parts are joined by `!`, below
 * every character of a date or an id, so a shorter part (`YYYY-MM`, or no first version) sorts
 * below a longer one that starts the same, as comparePapers compares them.
 */
export function orderKey(paper: Orderable): string {
  if (paper.id.includes('!')) throw new Error(`orderKey: the id "${paper.id}" holds "!"`);
  return `${paper.data.date}!${firstVersion(paper.data) ?? ''}!${paper.id}`;
}

/** When a paper's first version appeared, as precisely as it is known: `YYYY-MM-DD`, `YYYY-MM`, or unknown. */
export function firstVersion(data: Orderable['data']): string | undefined {
  return data.published ?? (data.arxiv === undefined ? undefined : arxivId(data.arxiv).yearMonth);
}

/** Code-unit order, reversed: the same on every machine and locale. */
function descending(a: string, b: string): number {
  return byCodeUnits(b, a);
}

/**
 * Groups papers (already sorted by comparePapers) into digest days, months and years. Computed once
 * per build; every date page, the archive and previous/next links read from it.
 */
interface Dated {
  data: { date: string };
}

export interface DayGroup<T> {
  date: string;
  year: number;
  month: number;
  papers: T[];
}

export interface MonthGroup<T> {
  year: number;
  month: number;
  days: DayGroup<T>[];
  count: number;
}

export interface YearGroup<T> {
  year: number;
  months: MonthGroup<T>[];
  count: number;
}

export interface Archive<T> {
  days: DayGroup<T>[];
  months: MonthGroup<T>[];
  years: YearGroup<T>[];
  dayByDate: Map<string, DayGroup<T>>;
}

/** Builds the archive in one pass over papers sorted newest first. */
export function buildArchive<T extends Dated>(papers: readonly T[]): Archive<T> {
  const days: DayGroup<T>[] = [];
  const months: MonthGroup<T>[] = [];
  const years: YearGroup<T>[] = [];
  const dayByDate = new Map<string, DayGroup<T>>();

  for (const paper of papers) {
    let day = days.at(-1);
    if (day?.date !== paper.data.date) {
      if (day && day.date < paper.data.date) throw new Error('buildArchive needs papers sorted newest first');
      const parsed = parseCalendarDate(paper.data.date);
      if (!parsed) throw new RangeError(`Not a calendar date: ${paper.data.date}`);
      day = { date: paper.data.date, year: parsed.year, month: parsed.month, papers: [] };
      days.push(day);
      dayByDate.set(day.date, day);

      let month = months.at(-1);
      if (month?.year !== day.year || month.month !== day.month) {
        month = { year: day.year, month: day.month, days: [], count: 0 };
        months.push(month);
        let year = years.at(-1);
        if (year?.year !== day.year) {
          year = { year: day.year, months: [], count: 0 };
          years.push(year);
        }
        year.months.push(month);
      }
      month.days.push(day);
    }
    day.papers.push(paper);
    months.at(-1)!.count += 1;
    years.at(-1)!.count += 1;
  }
  return { days, months, years, dayByDate };
}

/** The items before and after `index` in a list (newest first: `newer` comes before). */
export function neighbours<T>(list: readonly T[], index: number): { newer?: T; older?: T } {
  return { newer: index > 0 ? list[index - 1] : undefined, older: list[index + 1] };
}

/**
 * The months (1–12) a year's month grid shows: all twelve, except in the year of the digest's
 * newest month, which ends there. A later month has not been published yet, so the digest cannot
 * say it has no papers (the grid printed "December, 0 papers" for a December still to come).
 */
export function gridMonths(year: number, newest: { year: number; month: number } | undefined): number[] {
  const last = newest !== undefined && year === newest.year ? newest.month : 12;
  return Array.from({ length: last }, (_, index) => index + 1);
}
