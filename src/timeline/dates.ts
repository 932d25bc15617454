/**
 * Calendar dates' words in the plan's language, for the timeline. Every
 * instant is midnight UTC (`utcDate`) and every format names the UTC time
 * zone, so no machine's time zone can shift a day. Pure.
 */
import { utcDate, type IsoDate, type Period } from '../format/dates.js';
import { dateTimeFormat } from '../theme/intl.js';

/** Formats dates and periods in a language, in UTC. */
export interface DateWords {
  /** A day with month and year, such as `Nov 26, 2026`. */
  day(date: IsoDate): string;
  /** A period as precisely as it was written: a day, `Mar 2027`, `Apr – Jun 2027` or `2028`. */
  period(period: Period): string;
  /** Formats an instant with the given fields, for axis labels; an object of fields is read once, so it must not change. */
  format(instant: Date, fields: Readonly<Intl.DateTimeFormatOptions>): string;
}

/**
 * The words of each period already named, by language and period: a
 * quarter's `formatRange` costs about 20 µs, and a site names the same few
 * periods thousands of times. A period's words never change.
 */
const periodWords = new Map<string, string>();

/** Date formatters for a BCP 47 language, falling back to English for a tag Intl rejects. Pure. */
export function dateWords(lang: string): DateWords {
  const make = (fields: Readonly<Intl.DateTimeFormatOptions>): Intl.DateTimeFormat => {
    const options = { ...fields, timeZone: 'UTC' };
    try {
      return dateTimeFormat(lang, options);
    } catch {
      return dateTimeFormat('en', options);
    }
  };
  // Callers pass the same few objects of fields again and again: their formatters are found by the object.
  const formatters = new WeakMap<Readonly<Intl.DateTimeFormatOptions>, Intl.DateTimeFormat>();
  const formatter = (fields: Readonly<Intl.DateTimeFormatOptions>): Intl.DateTimeFormat => {
    let found = formatters.get(fields);
    if (found === undefined) {
      found = make(fields);
      formatters.set(fields, found);
    }
    return found;
  };

  const dayFields = { day: 'numeric', month: 'short', year: 'numeric' } as const;
  const monthFields = { month: 'short', year: 'numeric' } as const;
  const yearFields = { year: 'numeric' } as const;

  const name = (period: Period): string => {
    switch (period.kind) {
      case 'day':
        return formatter(dayFields).format(utcDate(period.first));
      case 'month':
        return formatter(monthFields).format(utcDate(period.first));
      case 'quarter':
        return formatter(monthFields).formatRange(utcDate(period.first), utcDate(period.last));
      case 'year':
        return formatter(yearFields).format(utcDate(period.first));
    }
  };

  return {
    day: (date) => formatter(dayFields).format(utcDate(date)),
    period(period) {
      const key = `${lang} ${period.kind} ${period.first} ${period.last}`;
      let words = periodWords.get(key);
      if (words === undefined) {
        words = name(period);
        periodWords.set(key, words);
      }
      return words;
    },
    format: (instant, fields) => formatter(fields).format(instant),
  };
}
