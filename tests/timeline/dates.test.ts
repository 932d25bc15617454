import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePeriod, type Period } from '../../src/format/dates.js';
import { dateWords } from '../../src/timeline/dates.js';
import { property } from '../support/property.js';

/** What the module did before it sliced dates and remembered words: split, and a new formatter for every call. */
const reference = {
  utcDate(date: string): Date {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(year, month - 1, day));
  },
  formatter(lang: string, fields: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const options = { ...fields, timeZone: 'UTC' };
    try {
      return new Intl.DateTimeFormat(lang, options);
    } catch {
      return new Intl.DateTimeFormat('en', options);
    }
  },
  period(lang: string, period: Period): string {
    const day = { day: 'numeric', month: 'short', year: 'numeric' } as const;
    const month = { month: 'short', year: 'numeric' } as const;
    const first = reference.utcDate(period.first);
    switch (period.kind) {
      case 'day':
        return reference.formatter(lang, day).format(first);
      case 'month':
        return reference.formatter(lang, month).format(first);
      case 'quarter':
        return reference.formatter(lang, month).formatRange(first, reference.utcDate(period.last));
      case 'year':
        return reference.formatter(lang, { year: 'numeric' }).format(first);
    }
  },
};

const langs = ['en', 'en-GB', 'en-US', 'de', 'de-AT', 'fr', 'ja', 'ar-EG', 'not a tag', ''];
const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const year = fc.integer({ min: 1000, max: 9999 }).map(String);
const periodText = fc.oneof(
  year,
  fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.tuple(year, two(1, 12)).map(([y, m]) => `${y}-${m}`),
  fc.tuple(year, two(1, 12), two(1, 28)).map(([y, m, d]) => `${y}-${m}-${d}`),
);

describe('dateWords', () => {
  test('every period in every language: the words a new formatter gives, however often and in whatever order asked', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...langs), periodText), { minLength: 1, maxLength: 20 }), (asks) => {
        for (const [lang, text] of [...asks, ...[...asks].reverse()]) {
          const period = parsePeriod(text);
          if (!period) continue;
          expect(dateWords(lang).period(period), `${lang} ${text}`).toBe(reference.period(lang, period));
        }
      }),
      property(100),
    );
  });

  test('one language’s words are never given for another', () => {
    const quarter = parsePeriod('2027-Q2')!;
    expect(dateWords('en-US').period(quarter)).toBe(reference.period('en-US', quarter));
    expect(dateWords('de').period(quarter)).toBe(reference.period('de', quarter));
    expect(dateWords('de').period(quarter)).not.toBe(dateWords('en-US').period(quarter));
  });

  test('days and axis labels: the words a new formatter gives, for shared and for fresh objects of fields', () => {
    const shared = { month: 'short' } as const;
    fc.assert(
      fc.property(fc.constantFrom(...langs), fc.integer({ min: -2e12, max: 4e12 }), (lang, time) => {
        const words = dateWords(lang);
        const instant = new Date(time);
        const day = instant.toISOString().slice(0, 10);
        expect(words.day(day)).toBe(reference.formatter(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(reference.utcDate(day)));
        for (const fields of [shared, shared, { year: 'numeric' } as const, { day: 'numeric', month: 'short' } as const]) {
          expect(words.format(instant, fields)).toBe(reference.formatter(lang, fields).format(instant));
        }
      }),
      property(100),
    );
  });
});
