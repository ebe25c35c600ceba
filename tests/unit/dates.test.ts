import { describe, expect, it } from 'vitest';
import {
  dateParts,
  formatDate,
  formatDateWithWeekday,
  formatMonth,
  isCalendarDate,
  parseCalendarDate,
  toUTCDate,
} from '../../src/lib/dates.ts';

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

  it('splits into zero-padded URL parts', () => {
    expect(dateParts('2025-01-09')).toEqual({ year: '2025', month: '01', day: '09' });
    expect(() => dateParts('2025-02-30')).toThrow(RangeError);
  });
});
