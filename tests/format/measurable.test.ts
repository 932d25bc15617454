/** How `isMeasurable` reads a measure: figures, number words, dates, results and vague words, as word lists give them. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isMeasurable, measureWords, type MeasureWordLists } from '../../src/format/measurable.js';
import { property } from '../support/property.js';

/** Small lists, to show how each kind of word counts. */
const lists: MeasureWordLists = {
  counts: 'three, twice',
  dates: 'june',
  results: 'signed, certif*, *zeugnis, in writing',
  vague: 'more, feel*',
  example: 'Offer letter signed',
};
const words = measureWords(lists, 'en');
const measurable = (measure: string): boolean => isMeasurable(measure, words);

describe('isMeasurable', () => {
  // Each measure with whether it can be checked, by what it shows.
  const cases: ReadonlyArray<readonly [string, boolean, string]> = [
    ['Reduce the backlog by 25%', true, 'a figure'],
    ['Three talks', true, 'a number word'],
    ['Feel more confident, rated 8 of 10', true, 'a figure, even in a vague measure'],
    ['Moved to sales by June', true, 'a date word'],
    ['Moved to sales by 2027-06', true, 'a month'],
    ['Moved to sales by Q3', true, 'a quarter'],
    ['Offer SIGNED', true, 'a result, in any letter case'],
    ['Feel more confident by June', false, 'a date, but about a feeling'],
    ['Feel more confident by 2027', false, 'a year, but about a feeling'],
    ['More letters signed', false, 'a result, but about being more'],
    ['Certificate awarded', true, '`certif*`: any letters after'],
    ['Abschlusszeugnis', true, '`*zeugnis`: any letters before'],
    ['Zeugnisse', false, 'no `*` after `zeugnis`'],
    ['Designed', false, 'whole words only: not `signed`'],
    ['Confirmed in  writing', true, 'words with a space, in order'],
    ['Writing in', false, 'words with a space, in another order'],
    ['Be confident', false, 'nothing but a vague word'],
  ];

  test.each(cases)('%s: %s (%s)', (measure, expected) => {
    expect(measurable(measure)).toBe(expected);
  });

  test('an empty list matches nothing, and a list may hold characters a pattern would read otherwise', () => {
    const bare = measureWords({ counts: '', dates: ' , ', results: 'c++, (a|b)', vague: '', example: '' }, 'en');
    expect(isMeasurable('Passed', bare)).toBe(false);
    expect(isMeasurable('a', bare)).toBe(false);
    expect(isMeasurable('(a|b)', bare)).toBe(true);
  });

  test('a measure of a million letters is judged, not read to its end', () => {
    expect(measurable(`${'ge'.repeat(500_000)}x`)).toBe(false);
  });

  test('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => typeof measurable(text) === 'boolean'),
      property(200),
    );
  });
});
