/**
 * Calendar dates and periods. Pure: nothing here reads the clock or a time
 * zone, so a date never shifts by a day wherever the plan is built.
 */

/** A calendar date as `YYYY-MM-DD`; such strings compare correctly with `<`. */
export type IsoDate = string;

/** How precisely a period can be written. */
export const periodKinds = ['day', 'month', 'quarter', 'year'] as const;

/** How precisely a period was written. */
export type PeriodKind = (typeof periodKinds)[number];

/** A day, month, quarter or year, with its first and last day. */
export interface Period {
  readonly kind: PeriodKind;
  /** The text as written in the plan, such as `2027-Q2`. */
  readonly text: string;
  readonly first: IsoDate;
  readonly last: IsoDate;
}

/** The loose shape of a period, for editors' JSON Schema hints. */
export const periodPattern = '^\\d{4}(-Q\\d|-\\d{2}(-\\d{2})?)?$';

/**
 * The last year a plan's date may fall in. A calendar (iCalendar) writes
 * four-digit years, and an all-day event ends on the day after its date, so
 * 9999-12-31 would end in the year 10000; the site's timeline and `plans.json`
 * keep to the same range.
 */
export const lastYear = 9998;

/** Whether text shaped like a date or period names a year after `lastYear`. Pure. */
export function isPastLastYear(text: string): boolean {
  const year = /^(\d+)(?:-|$)/.exec(text)?.[1];
  return year !== undefined && Number(year) > lastYear;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthPattern = /^(\d{4})-(\d{2})$/;
const quarterPattern = /^(\d{4})-Q(\d)$/;
const yearPattern = /^(\d{4})$/;

/** Parses `YYYY-MM-DD` into a date, or `undefined` when it is not a real calendar date up to the end of `lastYear`. */
export function parseDate(text: string): IsoDate | undefined {
  const match = dayPattern.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year > lastYear || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return isoDate(year, month, day);
}

/** Parses a day, month (`YYYY-MM`), quarter (`YYYY-Qn`) or year (`YYYY`) up to `lastYear`, or returns `undefined`. */
export function parsePeriod(text: string): Period | undefined {
  const day = parseDate(text);
  if (day) return { kind: 'day', text, first: day, last: day };

  const month = monthPattern.exec(text);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    if (year > lastYear || m < 1 || m > 12) return undefined;
    return { kind: 'month', text, first: isoDate(year, m, 1), last: isoDate(year, m, daysInMonth(year, m)) };
  }

  const quarter = quarterPattern.exec(text);
  if (quarter) {
    const [year, q] = [Number(quarter[1]), Number(quarter[2])];
    if (year > lastYear || q < 1 || q > 4) return undefined;
    const lastMonth = q * 3;
    return {
      kind: 'quarter',
      text,
      first: isoDate(year, lastMonth - 2, 1),
      last: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
    };
  }

  const year = yearPattern.exec(text);
  if (year) {
    const y = Number(year[1]);
    if (y > lastYear) return undefined;
    return { kind: 'year', text, first: isoDate(y, 1, 1), last: isoDate(y, 12, 31) };
  }
  return undefined;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Midnight UTC at the start of a calendar date: the one conversion of a date
 * to an instant, for formatting in UTC and for d3's UTC scales, so no time
 * zone can shift a day. Pure.
 */
export function utcDate(date: IsoDate): Date {
  // Slicing is twice as fast as splitting, and a timeline converts hundreds of dates.
  if (isoDay.test(date)) return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

const dayMs = 86_400_000;

/** Whole days from one calendar date to another, negative when `to` is earlier; no time zone is involved. Pure. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / dayMs);
}

/** The calendar date some days (zero or more) later; after 9999-12-31 comes 10000-01-01. No time zone is involved. Pure. */
export function addDays(date: IsoDate, days: number): IsoDate {
  let [year, month, day] = date.split('-').map(Number) as [number, number, number];
  for (let left = days; left > 0; left--) {
    if (day < daysInMonth(year, month)) day += 1;
    else if (month < 12) [month, day] = [month + 1, 1];
    else [year, month, day] = [year + 1, 1, 1];
  }
  return isoDate(year, month, day);
}

/** The calendar day of an ISO 8601 date-time (a commit's date), as written in its own offset: never shifted by a time zone. Pure. */
export function calendarDay(iso: string): IsoDate {
  return iso.slice(0, 10);
}

/** Today's date on the machine's own calendar: reads the clock. */
export function today(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
