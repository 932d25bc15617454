/**
 * Dates, periods, numbers and counted words as a page in a given language
 * shows them. Dates are calendar dates: they are formatted in UTC from
 * `utcDate`, so no time zone shifts them by a day. Pure.
 */
import { utcDate, type IsoDate, type Period } from '../format/dates.js';
import { isRetirement, type Horizon } from '../format/horizon.js';
import { dateTimeFormat, languageOf, numberFormat, pluralRules, relativeTimeFormat } from './intl.js';
import { pluralOf, textOf, type PluralLabel, type Words } from './words.js';
import { fill, pluralForm } from '../lib/fill.js';

export { fill } from '../lib/fill.js';

/** How much of a date to spell out. */
export type DateStyle = 'long' | 'short';

/** Days up to which a distance is told in days rather than months. */
const daysShownAsDays = 100;
const daysPerMonth = 365.2425 / 12;

// Options as constants: the shared formatters are found by the options object (see `intl.ts`).
const dateOptions = {
  long: { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' },
  short: { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' },
} as const satisfies Record<DateStyle, Intl.DateTimeFormatOptions>;
const monthOptions = {
  long: { timeZone: 'UTC', year: 'numeric', month: 'long' },
  short: { timeZone: 'UTC', year: 'numeric', month: 'short' },
} as const satisfies Record<DateStyle, Intl.DateTimeFormatOptions>;
const yearOptions: Intl.NumberFormatOptions = { useGrouping: false };
const percentOptions: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };
const relativeOptions: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };

/** `2027-03-20` as `March 20, 2027` (en) or `20. März 2027` (de); `short` abbreviates the month. Pure. */
export function formatDate(date: IsoDate, lang: string, style: DateStyle = 'long'): string {
  return dateTimeFormat(lang, dateOptions[style]).format(utcDate(date));
}

/** A period as written precisely: `2027`, `Q2 2027`, `March 2027` or a full date; a quarter in the words' `quarter`. Pure. */
export function formatPeriod(period: Period, lang: string, words: Words, style: DateStyle = 'long'): string {
  const [year, month] = period.first.split('-').map(Number) as [number, number];
  switch (period.kind) {
    case 'year':
      return numberFormat(lang, yearOptions).format(year);
    case 'quarter':
      return fill(textOf(words, 'quarter'), { quarter: String(Math.ceil(month / 3)), year: numberFormat(lang, yearOptions).format(year) });
    case 'month':
      return dateTimeFormat(lang, monthOptions[style]).format(utcDate(period.first));
    case 'day':
      return formatDate(period.first, lang, style);
  }
}

/** How a horizon is shown: as a fact (`Retirement (2055)`, `2031`) or as the vision's closing line (`To be reached by retirement in 2055`). */
export type HorizonForm = 'fact' | 'by';

/** A horizon in the page's words: a period as `formatPeriod` writes it, retirement as `retirement`, `retirementYear` or `retirementAge` (`by…` in the `by` form). Pure. */
export function formatHorizon(horizon: Horizon, lang: string, words: Words, form: HorizonForm = 'fact'): string {
  if (!isRetirement(horizon)) {
    const period = formatPeriod(horizon, lang, words);
    return form === 'by' ? fill(textOf(words, 'byHorizon'), { period }) : period;
  }
  const key = form === 'by' ? 'byRetirement' : 'retirement';
  if (horizon.year !== undefined) return fill(textOf(words, `${key}Year`), { year: numberFormat(lang, yearOptions).format(horizon.year) });
  if (horizon.age !== undefined) return fill(textOf(words, `${key}Age`), { age: formatNumber(horizon.age, lang) });
  return textOf(words, key);
}

/** A ratio as a whole percentage, with the locale's spacing: `67%` (en), `67 %` (de). Pure. */
export function formatPercent(ratio: number, lang: string): string {
  return numberFormat(lang, percentOptions).format(ratio);
}

/** A number in the locale's digits and grouping. Pure. */
export function formatNumber(value: number, lang: string): string {
  return numberFormat(lang).format(value);
}

/** A plural label's form for `count` (its Intl.PluralRules category, else `other`), with `{n}` and the other `{name}`s filled in. Pure. */
export function formatPlural(label: PluralLabel, count: number, lang: string, words: Words, values: Readonly<Record<string, string>> = {}): string {
  const form = pluralForm(label, pluralRules(phraseLocale(lang, words)).select(count));
  return fill(form, { ...values, n: formatNumber(count, lang) });
}

/** Days to a due date as words: `today`, `in 12 days`, `in 13 months`, `3 days overdue`. Pure. */
export function formatDays(daysLeft: number, lang: string, words: Words): string {
  const locale = phraseLocale(lang, words);
  if (daysLeft < 0) {
    const late = -daysLeft;
    return late <= daysShownAsDays
      ? formatPlural(pluralOf(words, 'daysOverdue'), late, lang, words)
      : formatPlural(pluralOf(words, 'monthsOverdue'), Math.round(late / daysPerMonth), lang, words);
  }
  const relative = relativeTimeFormat(locale, relativeOptions);
  return daysLeft <= daysShownAsDays ? relative.format(daysLeft, 'day') : relative.format(Math.round(daysLeft / daysPerMonth), 'month');
}


/** The locale for phrases: the page's own when its labels exist, else English, so words never mix languages. */
function phraseLocale(lang: string, words: Words): string {
  return languageOf(lang) === words.language ? lang : words.language;
}
