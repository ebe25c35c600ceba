import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/bench/random.ts';
import { isCalendarDate } from '../../src/lib/dates.ts';
import { calendarDateAsWritten } from '../../src/lib/written-dates.ts';
import { futureDateProblems } from '../../src/content/check.ts';
import { dateFlagProblems } from '../../src/content/new-paper.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { hostileStrings, unicodeStrings } from '../helpers/hostile.ts';

// The month names as a reader writes them, from Intl here (not from written-dates.ts's list), so a list
// that drifted from English would fail.
const longMonth = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });
const at = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const iso = (date: Date) => date.toISOString().slice(0, 10);
const ordinal = (day: number) =>
  `${day}${day % 100 >= 11 && day % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th')}`;

/** Random real dates from 1991 to 2099 (seeded: the same on every run). */
function randomDates(seed: number, count: number): Date[] {
  const random = seededRandom(seed);
  const first = at(1991, 1, 1).getTime();
  const days = (at(2099, 12, 31).getTime() - first) / 86_400_000;
  return Array.from({ length: count }, () => new Date(first + Math.floor(random() * (days + 1)) * 86_400_000));
}

describe('calendarDateAsWritten: every form it reads, it reads right', () => {
  it('reads 400 random dates back from each way a person writes them', () => {
    for (const date of randomDates(2511, 400)) {
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      const long = longMonth.format(date);
      const short = shortMonth.format(date);
      const forms = [
        iso(date),
        `${y}/${m}/${d}`,
        `${y}.${String(m).padStart(2, '0')}.${d}`,
        `${y} ${m} ${d}`,
        `${d} ${short} ${y}`,
        `${d} ${short}. ${y}`,
        `${ordinal(d)} ${long}, ${y}`,
        `${long} ${d}, ${y}`,
        `${short.toUpperCase()} ${ordinal(d)} ${y}`,
        new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(date),
        new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(date),
        `  ${d}   ${long.toLowerCase()}  ${y} `,
      ];
      for (const form of forms) expect(calendarDateAsWritten(form), form).toBe(iso(date));
    }
  });

  it.each([
    // Words that only begin like a month: read as June, March, May, December before.
    '1 Junk 2024',
    '1 Marvel 2024',
    'Mayday 1, 2024',
    'Decimal 3, 2024',
    'Janus 5, 2024',
    // A wrong ordinal ending, a day or month not on the calendar, day and month either way.
    '1nd Dec 2024',
    '3th May 2024',
    '30 Feb 2024',
    '2024-13-01',
    '2023-02-29',
    '01/12/2024',
    '12/01/2024',
    // Not a whole date, or more than one.
    '',
    ' ',
    '2024',
    'Dec 2024',
    '2024-12',
    '2024-12-01T00:00:00Z',
    '2024-12-01 2024-12-02',
    '24-12-01',
    '2024-12/01/01',
    '１ Dec 2024',
  ])('reads %j as no date', (written) => {
    expect(calendarDateAsWritten(written)).toBeUndefined();
  });

  it('answers any string with a real calendar date or nothing, and a month word changed by one letter with nothing', () => {
    // A month's name is its English name or any start of it of three letters or more (`sept`,
    // `decem`), with a full stop or not; the short forms Intl writes are among them.
    const names = new Set(
      Array.from({ length: 12 }, (_, index) => {
        const long = longMonth.format(at(2024, index + 1, 1)).toLowerCase();
        return Array.from({ length: long.length - 2 }, (_, end) => long.slice(0, end + 3)).flatMap((start) => [
          start,
          `${start}.`,
        ]);
      }).flat(),
    );
    for (const short of Array.from({ length: 12 }, (_, index) =>
      shortMonth.format(at(2024, index + 1, 1)).toLowerCase(),
    )) {
      expect(names.has(short), short).toBe(true);
    }
    for (const text of [...hostileStrings(2512, 300, undefined, 20), ...unicodeStrings(2513, 300)]) {
      const read = calendarDateAsWritten(text);
      if (read !== undefined) expect(isCalendarDate(read), text).toBe(true);
    }
    const random = seededRandom(2514);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (const name of names) {
      for (let round = 0; round < 20; round++) {
        const at = Math.floor(random() * (name.length + 1));
        const letter = letters[Math.floor(random() * letters.length)]!;
        // Insert or replace one letter.
        const changed =
          round % 2 ? name.slice(0, at) + letter + name.slice(at) : name.slice(0, at) + letter + name.slice(at + 1);
        const read = calendarDateAsWritten(`3 ${changed} 2024`);
        expect(read, changed).toBe(names.has(changed) ? read : undefined);
        if (names.has(changed)) expect(read).toMatch(/^2024-\d\d-03$/);
      }
    }
  });
});

describe('new-paper names the date to write for --date and --published alike', () => {
  it('offers the ISO form for a --date written another way, and today for one that reads no way', () => {
    const now = new Date('2099-01-10T12:00:00Z');
    expect(dateFlagProblems('1st Dec 2098', now)).toEqual([
      '--date 1st Dec 2098: must be a real calendar date written YYYY-MM-DD (write --date 2098-12-01).',
    ]);
    // Read one way only, but no digest date: what is wrong with it, not a date the flag refuses.
    expect(dateFlagProblems('1990/12/31', now)).toEqual([
      '--date 1990/12/31 (1990-12-31): must be in 1991 or later (the year arXiv began): check its year; a digest date is the day the digest featured the paper.',
    ]);
    expect(dateFlagProblems('1 March 2099', now)).toEqual([
      '--date 1 March 2099 (2099-03-01): is in the future: a digest date may be 2099-01-11 (tomorrow) at the latest; use the day the digest featured the paper.',
    ]);
    expect(dateFlagProblems('1 Junk 2098', now)).toEqual([
      '--date 1 Junk 2098: must be a real calendar date written YYYY-MM-DD (e.g. 2099-01-10, today).',
    ]);
  });

  it("refuses a --date in the check's own words for a paper's date: one wording per rule", () => {
    const now = new Date('2099-01-10T12:00:00Z');
    const dateField = createPaperSchema(new Set()).shape.date;
    // Too late (by a day, by years), too early (by a day, by centuries), and dates both rules take.
    for (const date of ['2099-01-12', '2150-06-30', '1990-12-31', '0100-01-01', '1991-01-01', '2099-01-11']) {
      const schema = dateField.safeParse(date);
      const future = futureDateProblems([{ file: 'x.mdx', lines: { date: 5 }, data: { date } } as never], now);
      // The check says "<date> is in the future: …" of the date it quotes; the flag names the date first.
      const check = schema.success ? future[0]?.message.replace(`${date} `, '') : schema.error.issues[0]!.message;
      expect(dateFlagProblems(date, now), date).toEqual(check ? [`--date ${date}: ${check.replace(/\.?$/, '.')}`] : []);
    }
  });
});
