import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/bench/random.ts';
import { rfc3339, rssItem } from '../../src/lib/feed.ts';
import type { XmlElement } from '../../src/lib/xml.ts';
import {
  dateInstant,
  dateParts,
  formatDate,
  formatDateWithWeekday,
  formatMonth,
  isCalendarDate,
  monthOfName,
  parseCalendarDate,
  toUTCDate,
} from '../../src/lib/dates.ts';
import { monthInQuery } from '../../src/lib/search-query.ts';
import { calendarDateAsWritten } from '../../src/lib/written-dates.ts';

describe('calendar dates', () => {
  it.each(['2025-06-06', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-06-31',
    '20250606',
    '2025-6-6',
    '2025-06-06T00:00:00Z',
    '',
  ])('rejects %s', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it('parses into numbers', () => {
    expect(parseCalendarDate('2025-06-06')).toEqual({ year: 2025, month: 6, day: 6 });
  });

  it('formats in UTC whatever the machine time zone', () => {
    // 2025-01-01 at UTC midnight is still 2024-12-31 in America/Los_Angeles.
    expect(toUTCDate('2025-01-01').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(formatDate('2025-01-01')).toBe('January 1, 2025');
    expect(formatDateWithWeekday('2025-06-06')).toBe('Friday, June 6, 2025');
    expect(formatMonth(2025, 6)).toBe('June 2025');
  });

  it('writes a date-only value as an instant that is on that date from UTC−12 to UTC+11 (500 seeded dates)', () => {
    // Feed readers show pubDate and date_published in the reader's zone: each must be the digest
    // date there, read back from the feeds' own text.
    const zones = ['Etc/GMT+12', 'Pacific/Pago_Pago', 'America/Adak', 'America/Los_Angeles', 'America/Sao_Paulo'];
    zones.push('UTC', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'Etc/GMT-11');
    const random = seededRandom(2211);
    for (let run = 0; run < 500; run++) {
      const date = new Date(Date.UTC(1990 + Math.floor(random() * 60), 0, 1 + Math.floor(random() * 366)));
      const value = date.toISOString().slice(0, 10);
      const item = rssItem({ url: 'u', title: 't', authors: [], date: value, categories: [], text: '' });
      const pubDate = item.children?.find(
        (child): child is XmlElement => typeof child === 'object' && child.name === 'pubDate',
      );
      const written = [dateInstant(value), new Date(rfc3339(value)), new Date(pubDate?.children?.[0] as string)];
      for (const timeZone of zones) {
        const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
        for (const instant of written) expect(day.format(instant), `${value} in ${timeZone}`).toBe(value);
      }
    }
  });

  it('splits into zero-padded URL parts', () => {
    expect(dateParts('2025-01-09')).toEqual({ year: '2025', month: '01', day: '09' });
    expect(() => dateParts('2025-02-30')).toThrow(RangeError);
  });
});

describe('monthOfName: the one reading of a month written as a word', () => {
  it.each([
    ['December', 12],
    ['dec', 12],
    ['Dec.', 12],
    ['SEPT', 9],
    ['sept.', 9],
    ['Septem', 9],
    ['jan', 1],
    ['May', 5],
  ])('reads %j as month %i', (word, month) => {
    expect(monthOfName(word)).toBe(month);
  });

  it.each(['Junk', 'Marvel', 'Mayday', 'de', 'Ma', 'Dec..', 'Decembers', 'Déc', '12', ''])(
    'reads %j as no month',
    (word) => {
      expect(monthOfName(word)).toBeUndefined();
    },
  );

  it('is what a contributor’s date and a reader’s month query both read', () => {
    expect(calendarDateAsWritten('3 Septem 2024')).toBe('2024-09-03');
    expect(monthInQuery('Septem 2024 diffusion')).toEqual({ months: ['2024-09'], year: '2024', rest: 'diffusion' });
  });
});
