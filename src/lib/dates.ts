/**
 * Digest dates are plain calendar dates (`YYYY-MM-DD`), stored as strings and handled in UTC
 * everywhere, so that grouping and formatting never depend on the build machine's time zone.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; returns undefined for other formats and impossible dates (`2024-02-30`). */
export function parseCalendarDate(value: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2024-02-30 over to March 1: a round trip catches it.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

export function isCalendarDate(value: string): boolean {
  return parseCalendarDate(value) !== undefined;
}

/** Midnight UTC of a calendar date, for feeds and `<time>` elements. */
export function toUTCDate(value: string): Date {
  const date = parseCalendarDate(value);
  if (!date) throw new RangeError(`Not a calendar date: ${value}`);
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

/**
 * The instant a date-only value is written as where a format takes no date without a time (RSS's
 * `pubDate`, a JSON Feed's `date_published`): 12:00 UTC, the one time of day that is on that date
 * from UTC−12 to UTC+11, so a feed reader showing it in its own zone shows the date the digest gave
 * in every zone but UTC+12 to +14 (at midnight UTC, every zone west of UTC showed the day before).
 * No time of day is known; no instant is on one date in all zones (UTC−12 to +14 span 26 hours).
 */
export function dateInstant(value: string): Date {
  return new Date(toUTCDate(value).getTime() + NOON);
}
const NOON = 12 * 60 * 60 * 1000;

const longDate = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
const weekdayDate = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

/** `June 6, 2025` */
export function formatDate(value: string): string {
  return longDate.format(toUTCDate(value));
}

/** `Friday, June 6, 2025` */
export function formatDateWithWeekday(value: string): string {
  return weekdayDate.format(toUTCDate(value));
}

/** `June 2025` for year and month numbers (month 1–12). */
export function formatMonth(year: number, month: number): string {
  return monthYear.format(new Date(Date.UTC(year, month - 1, 1)));
}

/** `June` for a month number (1–12). */
export function monthName(month: number): string {
  return monthOnly.format(new Date(Date.UTC(2000, month - 1, 1)));
}

/**
 * The month (1–12) a word names, or undefined: the month's English name (monthName) or its start of
 * three letters or more, in any case, with a full stop after it or not (`December`, `dec`, `Sept.`).
 * Nothing that only begins like a month (`Junk`, `Marvel`). The one reading of a month's name, for
 * dates a contributor writes (written-dates.ts) and months a reader searches (search-query.ts).
 */
export function monthOfName(word: string): number | undefined {
  const letters = /^(\p{L}{3,})\.?$/u.exec(word)?.[1]?.toLowerCase();
  if (!letters) return undefined;
  for (let month = 1; month <= 12; month++) {
    if (monthName(month).toLowerCase().startsWith(letters)) return month;
  }
  return undefined;
}

/** Zero-padded parts of a calendar date, as used in URLs. */
export function dateParts(value: string): { year: string; month: string; day: string } {
  const date = parseCalendarDate(value);
  if (!date) throw new RangeError(`Not a calendar date: ${value}`);
  return {
    year: String(date.year).padStart(4, '0'),
    month: String(date.month).padStart(2, '0'),
    day: String(date.day).padStart(2, '0'),
  };
}

/**
 * The latest date the check takes on `today`: tomorrow (UTC), `YYYY-MM-DD`. A day's slack lets a
 * digest be dated for tomorrow's mail-out from any time zone; the latest month an arXiv id may be
 * of is this day's (latestIdMonth).
 */
export function latestDigestDate(today: Date): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1))
    .toISOString()
    .slice(0, 10);
}
