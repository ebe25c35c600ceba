import { parseCalendarDate } from './dates.ts';

/**
 * Groups papers (already sorted newest first) into digest days, months and years. Computed once
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
