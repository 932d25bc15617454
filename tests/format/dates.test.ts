import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { calendarDay, daysBetween, daysInMonth, isPastLastYear, addDays, parseDate, parsePeriod, utcDate } from '../../src/format/dates.js';
import { property } from '../support/property.js';

describe('the last year', () => {
  test('dates and periods end with 9998, whose last day a calendar can still close in 9999', () => {
    expect(parseDate('9998-12-31')).toBe('9998-12-31');
    expect(parsePeriod('9998')?.last).toBe('9998-12-31');
    for (const text of ['9999-12-31', '9999-01', '9999-Q1', '9999']) expect(parsePeriod(text), text).toBeUndefined();
    expect(parseDate('9999-01-01')).toBeUndefined();
    expect([isPastLastYear('9999-12-31'), isPastLastYear('12345-01-01'), isPastLastYear('10000'), isPastLastYear('9998-12-31'), isPastLastYear('soon')]).toEqual([true, true, true, false, false]);
  });
});

describe('parseDate', () => {
  test.each([
    ['2027-02-28', '2027-02-28'],
    ['2028-02-29', '2028-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('accepts the real date %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  test.each(['2027-02-29', '1900-02-29', '2027-02-30', '2027-04-31', '2027-13-01', '2027-00-10', '2027-01-00', '2027-1-1', '27-01-01', '2027-01-01T00:00'])(
    'refuses %s',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );
});

describe('parsePeriod', () => {
  test('a month runs from its first to its last day', () => {
    expect(parsePeriod('2027-02')).toMatchObject({ kind: 'month', first: '2027-02-01', last: '2027-02-28' });
    expect(parsePeriod('2028-02')).toMatchObject({ last: '2028-02-29' });
  });

  test.each([
    ['2027-Q1', '2027-01-01', '2027-03-31'],
    ['2027-Q2', '2027-04-01', '2027-06-30'],
    ['2027-Q3', '2027-07-01', '2027-09-30'],
    ['2027-Q4', '2027-10-01', '2027-12-31'],
  ])('quarter %s is %s to %s', (text, first, last) => {
    expect(parsePeriod(text)).toMatchObject({ kind: 'quarter', first, last });
  });

  test('a year is 1 January to 31 December', () => {
    expect(parsePeriod('2031')).toMatchObject({ kind: 'year', first: '2031-01-01', last: '2031-12-31' });
  });

  test.each(['2027-13', '2027-00', '2027-Q0', '2027-Q5', '2027-02-30', 'next spring', '', '2027-q1', '202'])('refuses %s', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  test('daysInMonth follows the Gregorian leap-year rule', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2100, 2), daysInMonth(2400, 2), daysInMonth(2027, 4), daysInMonth(2027, 12)]).toEqual([29, 28, 29, 30, 31]);
  });
});

describe('calendar arithmetic', () => {
  test('days between calendar dates across months, leap days and DST changes', () => {
    expect(daysBetween('2026-11-26', '2026-11-26')).toBe(0);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });

  test('a date is midnight UTC of its own day, whatever the machine’s time zone', () => {
    expect(utcDate('2027-03-28').toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(utcDate('2028-02-29').getUTCDate()).toBe(29);
  });

  test('a commit’s calendar day is the day as written in its own offset', () => {
    expect(calendarDay('2027-03-01T23:30:00-08:00')).toBe('2027-03-01');
    expect(calendarDay('2027-03-02T00:30:00+13:00')).toBe('2027-03-02');
  });

  test('days later cross months, leap days and years, up to the year after the last', () => {
    expect(addDays('2027-06-30', 1)).toBe('2027-07-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('9999-12-31', 1)).toBe('10000-01-01');
    expect(addDays('2027-12-20', 45)).toBe('2028-02-03');
    expect(addDays('2027-12-20', 0)).toBe('2027-12-20');
  });
});

/** What `utcDate` did before it sliced dates: split the text. */
function splitDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));

describe('utcDate', () => {
  const same = (date: string): void => {
    expect(utcDate(date).getTime(), date).toBe(splitDate(date).getTime());
  };

  test('calendar dates: the same instant as splitting the text', () => {
    fc.assert(fc.property(fc.tuple(fc.integer({ min: 0, max: 9999 }), two(0, 99), two(0, 99)), ([y, m, d]) => same(`${String(y).padStart(4, '0')}-${m}-${d}`)), property(500));
  });

  test('any other text: the same instant (or the same invalid date) as splitting the text', () => {
    for (const date of ['2027-3-14', '+2027-03-14', '12027-03-14', '2027-03', '2027', '', '2027-03-14 ', '２０２７-03-14']) same(date);
    fc.assert(fc.property(fc.stringMatching(/^[-0-9+ Q]{0,12}$/), same), property(500));
  });
});
