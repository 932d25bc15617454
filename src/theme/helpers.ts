/**
 * The helpers templates call: labels and the formatting of dates, periods,
 * percentages, counts and days left, each in the page's language (the `@lang`
 * data variable). Pure functions of their arguments.
 */
import { parseDate, type Period } from '../format/dates.js';
import type { Horizon } from '../format/horizon.js';
import { formatDate, formatDays, formatHorizon, formatNumber, formatPercent, formatPeriod, formatPlural, fill, type DateStyle } from './format.js';
import { pluralOf, textOf, type Words } from './words.js';

/** What careerplan's helpers read from Handlebars' options argument. */
export interface HelperOptions {
  readonly hash: Readonly<Record<string, unknown>>;
  readonly data?: { readonly lang?: unknown; readonly words?: Words };
  readonly loc?: { readonly source?: string; readonly start: { readonly line: number; readonly column: number } };
}

/** A helper: its arguments, then Handlebars' options. */
export type Helper = (...args: unknown[]) => unknown;

/** The helpers of the default theme by name. */
export const helpers = {
  /** `{{t "goals"}}`, `{{t "status" status}}` (key `status.at-risk`), `{{t "doneOn" date=…}}`. */
  t(...args: unknown[]): string {
    const [parts, options] = split(args);
    // The most called helper of a page: a key of one part is taken as it is.
    const key = parts.length === 1 ? String(parts[0]) : parts.map(String).join('.');
    const lang = langOf(options);
    const label = textOf(wordsOf(options), key);
    // A label without `{name}` has nothing to fill.
    return label.includes('{') ? fill(label, texts(options.hash, lang)) : label;
  },

  /** `{{date created}}` → `November 1, 2026`; `{{date created "short"}}` → `Nov 1, 2026`. */
  date(...args: unknown[]): string {
    const [[value, style], options] = split(args);
    if (value === undefined || value === null || value === '') return '';
    if (typeof value !== 'string' || parseDate(value) === undefined) throw new Error(`Unexpected \`date\` argument \`${String(value)}\`, expected a date as YYYY-MM-DD`);
    return formatDate(value, langOf(options), dateStyle(style));
  },

  /** `{{period due}}` → `2027`, `Q2 2027`, `March 2027` or a full date. */
  period(...args: unknown[]): string {
    const [[value, style], options] = split(args);
    if (value === undefined || value === null) return '';
    // A theme written before retirement horizons may show `plan.horizon` as a period.
    if (isRetirementValue(value)) return formatHorizon(value, langOf(options), wordsOf(options));
    if (!isPeriod(value)) throw new Error(`Unexpected \`period\` argument \`${String(value)}\`, expected a period of the model`);
    return formatPeriod(value, langOf(options), wordsOf(options), dateStyle(style));
  },

  /** `{{horizon plan.horizon}}` → `2031`, `Retirement (2055)`, `Ruhestand (mit 67)`; `{{horizon plan.horizon "by"}}` → `To be reached by retirement in 2055`. */
  horizon(...args: unknown[]): string {
    const [[value, form], options] = split(args);
    if (value === undefined || value === null) return '';
    if (!isRetirementValue(value) && !isPeriod(value)) throw new Error(`Unexpected \`horizon\` argument \`${String(value)}\`, expected the plan's horizon`);
    if (form !== undefined && form !== 'by' && form !== 'fact') throw new Error(`Unexpected horizon form \`${String(form)}\`, expected \`fact\` or \`by\``);
    return formatHorizon(value, langOf(options), wordsOf(options), form);
  },

  /** `{{percent progress.ratio}}` → `67%` (en), `67 %` (de). */
  percent(...args: unknown[]): string {
    const [[ratio], options] = split(args);
    return formatPercent(number(ratio, 'percent'), langOf(options));
  },

  /** `{{plural total "stepsDone" done=done}}` → `2 of 3 steps done`: the form for the count, `{n}` filled in. */
  plural(...args: unknown[]): string {
    const [[count, key], options] = split(args);
    const words = wordsOf(options);
    const label = pluralOf(words, String(key));
    return formatPlural(label, number(count, 'plural'), langOf(options), words, texts(options.hash, langOf(options)));
  },

  /** `{{days daysLeft}}` → `in 12 days`, `today`, `3 days overdue`. */
  days(...args: unknown[]): string {
    const [[daysLeft], options] = split(args);
    return formatDays(number(daysLeft, 'days'), langOf(options), wordsOf(options));
  },

  /** `{{#if (eq status "done")}}`: strict equality. */
  eq(...args: unknown[]): boolean {
    const [[a, b]] = split(args);
    return a === b;
  },
} satisfies Record<string, Helper>;

/** The helper's positional arguments and Handlebars' options, which always come last. */
function split(args: readonly unknown[]): [unknown[], HelperOptions] {
  return [args.slice(0, -1), (args.at(-1) ?? { hash: {} }) as HelperOptions];
}

function langOf(options: HelperOptions): string {
  const lang = options.data?.lang;
  return typeof lang === 'string' ? lang : 'en';
}

/** The page's words, which the theme passes as `@words` with every page. */
function wordsOf(options: HelperOptions): Words {
  const words = options.data?.words;
  if (words === undefined) throw new Error('Unexpected page without words, expected the theme to pass `@words`');
  return words;
}

/** A label's `{name}` values as text; numbers in the page's digits. */
function texts(hash: Readonly<Record<string, unknown>>, lang: string): Record<string, string> {
  return Object.fromEntries(Object.entries(hash).map(([key, value]) => [key, typeof value === 'number' ? formatNumber(value, lang) : String(value ?? '')]));
}

function number(value: unknown, helper: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`Unexpected \`${helper}\` argument \`${String(value)}\`, expected a number`);
  return value;
}

function dateStyle(value: unknown): DateStyle {
  if (value === 'short') return 'short';
  if (value === undefined || value === 'long') return 'long';
  throw new Error(`Unexpected date style \`${String(value)}\`, expected \`long\` or \`short\``);
}

function isRetirementValue(value: unknown): value is Horizon {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'retirement';
}

function isPeriod(value: unknown): value is Period {
  return typeof value === 'object' && value !== null && 'kind' in value && 'first' in value && typeof value.first === 'string' && parseDate(value.first) !== undefined;
}
