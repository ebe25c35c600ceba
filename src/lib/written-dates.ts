/**
 * Dates written the ways people write them, read as the digest's `YYYY-MM-DD` (dates.ts). Kept
 * apart from dates.ts, which the search page's script imports, so these patterns are not shipped.
 */
import { isCalendarDate, monthOfName } from './dates.ts';

/** `st`, `nd`, `rd` or `th`: the English ordinal ending of a day (1st, 2nd, 3rd, 11th, 22nd). */
function ordinalEnding(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

const YEAR_FIRST = /^(\d{4})([-/. ])(\d{1,2})\2(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([a-z]{2})? ([a-z]+\.?),? (\d{4})$/;
const MONTH_FIRST = /^([a-z]+\.?) (\d{1,2})([a-z]{2})?,? (\d{4})$/;

/**
 * A date written another way that reads one way only, as `YYYY-MM-DD`; undefined for every other
 * string. It reads: `YYYY-MM-DD` itself; the year first with one separator of `-`, `/`, `.` or a
 * space and no zeros needed (`2024/12/01`, `2024.12.1`); the month's English name (monthOfName)
 * after or before the day, a day's right ordinal ending allowed (`1 Dec 2024`, `1st December,
 * 2024`, `December 1, 2024`). A day or month that does not exist (`2024-13-01`, `30 Feb 2024`)
 * and a date whose day and month could be either (`01/12/2024`) read as nothing.
 */
export function calendarDateAsWritten(written: string): string | undefined {
  const text = written.trim().replace(/\s+/g, ' ').toLowerCase();
  let year: string | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let ending: string | undefined;
  const yearFirst = YEAR_FIRST.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  const monthFirst = MONTH_FIRST.exec(text);
  if (yearFirst) [year, month, day] = [yearFirst[1], Number(yearFirst[3]), Number(yearFirst[4])];
  else if (dayFirst)
    [day, ending, month, year] = [Number(dayFirst[1]), dayFirst[2], monthOfName(dayFirst[3]!), dayFirst[4]];
  else if (monthFirst)
    [month, day, ending, year] = [monthOfName(monthFirst[1]!), Number(monthFirst[2]), monthFirst[3], monthFirst[4]];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (ending !== undefined && ending !== ordinalEnding(day)) return undefined;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}
