/**
 * Calendar dates as instants for d3's UTC scale, and their words in the plan's
 * language. Every instant is midnight UTC and every format names the UTC time
 * zone, so no machine's time zone can shift a day. Pure.
 */
import type { IsoDate, Period } from '../format/dates.js';
import { dateTimeFormat } from '../intl.js';

/** Midnight UTC at the start of a calendar date. Pure. */
export function utcDate(date: IsoDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

/** Formats dates and periods in a language, in UTC. */
export interface DateWords {
  /** A day with month and year, such as `Nov 26, 2026`. */
  day(date: IsoDate): string;
  /** A period as precisely as it was written: a day, `Mar 2027`, `Apr – Jun 2027` or `2028`. */
  period(period: Period): string;
  /** Formats an instant with the given fields, for axis labels. */
  format(instant: Date, fields: Intl.DateTimeFormatOptions): string;
}

/** Date formatters for a BCP 47 language, falling back to English for a tag Intl rejects. Pure. */
export function dateWords(lang: string): DateWords {
  const formatter = (fields: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
    const options = { ...fields, timeZone: 'UTC' };
    try {
      return dateTimeFormat(lang, options);
    } catch {
      return dateTimeFormat('en', options);
    }
  };

  const dayFields = { day: 'numeric', month: 'short', year: 'numeric' } as const;
  const monthFields = { month: 'short', year: 'numeric' } as const;

  return {
    day: (date) => formatter(dayFields).format(utcDate(date)),
    period(period) {
      switch (period.kind) {
        case 'day':
          return formatter(dayFields).format(utcDate(period.first));
        case 'month':
          return formatter(monthFields).format(utcDate(period.first));
        case 'quarter':
          return formatter(monthFields).formatRange(utcDate(period.first), utcDate(period.last));
        case 'year':
          return formatter({ year: 'numeric' }).format(utcDate(period.first));
      }
    },
    format: (instant, fields) => formatter(fields).format(instant),
  };
}
