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
  test('a figure or a number word makes a measure checkable, even a vague one', () => {
    expect(measurable('Reduce the backlog by 25%')).toBe(true);
    expect(measurable('Three talks')).toBe(true);
    expect(measurable('Feel more confident, rated 8 of 10')).toBe(true);
  });

  test('a date or a result makes it checkable, unless it is about a feeling or being more', () => {
    expect(measurable('Moved to sales by June')).toBe(true);
    expect(measurable('Moved to sales by 2027-06')).toBe(true);
    expect(measurable('Moved to sales by Q3')).toBe(true);
    expect(measurable('Offer SIGNED')).toBe(true);
    expect(measurable('Feel more confident by June')).toBe(false);
    expect(measurable('Feel more confident by 2027')).toBe(false);
    expect(measurable('More letters signed')).toBe(false);
  });

  test('a word matches whole words; `*` stands for any letters; words with a space match in order', () => {
    expect(measurable('Certificate awarded')).toBe(true);
    expect(measurable('Abschlusszeugnis')).toBe(true);
    expect(measurable('Zeugnisse')).toBe(false);
    expect(measurable('Designed')).toBe(false);
    expect(measurable('Confirmed in  writing')).toBe(true);
    expect(measurable('Writing in')).toBe(false);
    expect(measurable('Be confident')).toBe(false);
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
