import { describe, expect, test } from 'vitest';
import { parsePeriod } from '../../src/format/dates.js';
import { formatDate, formatDays, formatHorizon, formatPercent, formatPeriod, formatPlural } from '../../src/theme/format.js';
import { helpers } from '../../src/theme/helpers.js';
import { pluralOf } from '../../src/theme/words.js';
import { english, german, words } from '../support/words.js';

const period = (text: string) => {
  const parsed = parsePeriod(text);
  if (!parsed) throw new Error(text);
  return parsed;
};

// The suite runs in Pacific/Auckland and America/Los_Angeles: a date that shifted would show here.
describe('formatting for a page’s language', () => {
  test('dates are calendar dates in every time zone', () => {
    expect(formatDate('2027-01-01', 'en')).toBe('January 1, 2027');
    expect(formatDate('2027-12-31', 'en')).toBe('December 31, 2027');
    expect(formatDate('2027-03-20', 'en-GB')).toBe('20 March 2027');
    expect(formatDate('2027-03-20', 'de')).toBe('20. März 2027');
    expect(formatDate('2027-03-20', 'de', 'short')).toBe('20. März 2027');
    expect(formatDate('2027-03-20', 'en', 'short')).toBe('Mar 20, 2027');
  });

  test('periods read as precisely as they were written', () => {
    expect(formatPeriod(period('2027'), 'en', words('en'))).toBe('2027');
    expect(formatPeriod(period('2027-Q2'), 'en', words('en'))).toBe('Q2 2027');
    expect(formatPeriod(period('2027-Q2'), 'de', words('de'))).toBe('2. Quartal 2027');
    expect(formatPeriod(period('2027-03'), 'en', words('en'))).toBe('March 2027');
    expect(formatPeriod(period('2027-03'), 'de', words('de'))).toBe('März 2027');
    expect(formatPeriod(period('2027-01'), 'en', words('en'))).toBe('January 2027');
    expect(formatPeriod(period('2027-12-31'), 'en', words('en'))).toBe('December 31, 2027');
  });

  test('percentages follow the locale', () => {
    expect(formatPercent(2 / 3, 'en')).toBe('67%');
    expect(formatPercent(2 / 3, 'de')).toBe('67\u00a0%');
    expect(formatPercent(0, 'en')).toBe('0%');
  });

  test('counted labels take the form for the count', () => {
    expect(formatPlural(pluralOf(english, 'stepsDone'), 1, 'en', english, { done: '0' })).toBe('0 of 1 step done');
    expect(formatPlural(pluralOf(english, 'stepsDone'), 3, 'en', english, { done: '2' })).toBe('2 of 3 steps done');
    expect(formatPlural(pluralOf(german, 'stepsDone'), 3, 'de', german, { done: '2' })).toBe('2 von 3 Schritten erledigt');
    expect(formatPlural(pluralOf(german, 'plansCount'), 1200, 'de', german)).toBe('1.200 Pläne');
  });

  test('days left read as words', () => {
    expect(formatDays(12, 'en', words('en'))).toBe('in 12 days');
    expect(formatDays(12, 'de', words('de'))).toBe('in 12 Tagen');
    expect(formatDays(0, 'en', words('en'))).toBe('today');
    expect(formatDays(1, 'de', words('de'))).toBe('morgen');
    expect(formatDays(400, 'en', words('en'))).toBe('in 13 months');
    expect(formatDays(-1, 'en', words('en'))).toBe('1 day overdue');
    expect(formatDays(-3, 'en', words('en'))).toBe('3 days overdue');
    expect(formatDays(-3, 'de', words('de'))).toBe('3 Tage überfällig');
    expect(formatDays(-200, 'en', words('en'))).toBe('7 months overdue');
  });

  // Swedish: a language the built-in theme has no locale for (French, once the example here, now has one).
  test('a language without labels reads English, with its own dates', () => {
    expect(formatDays(12, 'sv', words('sv'))).toBe('in 12 days');
    expect(formatPeriod(period('2027-Q2'), 'sv', words('sv'))).toBe('Q2 2027');
    expect(formatDate('2027-03-20', 'fr')).toBe('20 mars 2027');
    expect(formatDays(12, 'en-GB', words('en-GB'))).toBe('in 12 days');
  });
});

describe('the horizon in the page’s words', () => {
  const retirement = (year?: number, age?: number) => ({ kind: 'retirement' as const, text: 'x', ...(year ? { year } : {}), ...(age ? { age } : {}) });

  test('retirement, with its year or age, in English, German and French, whatever language it was written in', () => {
    expect(formatHorizon(retirement(), 'en', words('en'))).toBe('Retirement');
    expect(formatHorizon(retirement(2055), 'en', words('en'))).toBe('Retirement (2055)');
    expect(formatHorizon(retirement(undefined, 67), 'en', words('en'))).toBe('Retirement (at 67)');
    expect(formatHorizon(retirement(2058), 'de', words('de'))).toBe('Ruhestand (2058)');
    expect(formatHorizon(retirement(undefined, 67), 'de', words('de'))).toBe('Ruhestand (mit 67)');
    expect(formatHorizon(retirement(undefined, 62), 'fr', words('fr'))).toBe('Retraite (à 62 ans)');
    expect(formatHorizon(retirement(2058), 'de', words('de'), 'by')).toBe('Zu erreichen bis zum Ruhestand 2058');
    expect(formatHorizon(retirement(2055), 'en', words('en'), 'by')).toBe('To be reached by retirement in 2055');
  });

  test('a period reads as before', () => {
    expect(formatHorizon(period('2031'), 'en', words('en'))).toBe('2031');
    expect(formatHorizon(period('2031-Q2'), 'de', words('de'), 'by')).toBe('Zu erreichen bis 2. Quartal 2031');
  });
});

describe('the horizon helpers', () => {
  const options = (lang: string) => ({ hash: {}, data: { lang, words: words(lang) } });
  const ruhestand = { kind: 'retirement', text: 'Ruhestand 2058', year: 2058, first: '2058-01-01', last: '2058-12-31' };

  test('`{{horizon plan.horizon}}` and `{{horizon plan.horizon "by"}}` in the page’s language', () => {
    expect(helpers.horizon(ruhestand, options('de'))).toBe('Ruhestand (2058)');
    expect(helpers.horizon(ruhestand, 'by', options('en'))).toBe('To be reached by retirement in 2058');
    expect(helpers.horizon(undefined, options('en'))).toBe('');
    expect(() => helpers.horizon('2031', options('en'))).toThrow(/expected the plan's horizon/);
  });

  test('a theme that shows the horizon with `{{period plan.horizon}}`, written before retirement horizons, still works', () => {
    expect(helpers.period(ruhestand, options('fr'))).toBe('Retraite (2058)');
    expect(helpers.period({ kind: 'retirement', text: 'Rente', age: 67 }, options('de'))).toBe('Ruhestand (mit 67)');
  });
});
