import { describe, expect, test } from 'vitest';
import { labelOf, pluralOf, textOf, wordsFor, type Locales } from '../../src/theme/words.js';
import { locales } from '../support/words.js';

const small: Locales = {
  en: { goals: 'Goals', skills: 'Skills', goalsCount: { one: '{n} goal', other: '{n} goals' } },
  nl: { goals: 'Doelen' },
};

describe('wordsFor', () => {
  test('a missing key reads English', () => {
    const dutch = wordsFor(small, 'nl-BE');
    expect(dutch.language).toBe('nl');
    expect(textOf(dutch, 'goals')).toBe('Doelen');
    expect(textOf(dutch, 'skills')).toBe('Skills');
    expect(pluralOf(dutch, 'goalsCount').other).toBe('{n} goals');
  });

  test('an unknown language, or a tag Intl rejects, reads English', () => {
    for (const lang of ['sv', 'xx-invalid-!!', 'zh-Hant-TW']) {
      const words = wordsFor(small, lang);
      expect(words.language).toBe('en');
      expect(textOf(words, 'goals')).toBe('Goals');
    }
  });

  test('a key no locale has, or a label asked for in the wrong form, is an error naming it', () => {
    expect(() => labelOf(wordsFor(small, 'nl'), 'goalz')).toThrow(/`goalz`.*templates\/locales\/en\.json/);
    expect(() => textOf(wordsFor(small, 'en'), 'goalsCount')).toThrow(/counted label `goalsCount`/);
    expect(() => pluralOf(wordsFor(small, 'en'), 'goals')).toThrow(/`goals` in `plural`/);
  });

  test('the same words object for the same language, so a page in a language merges once', () => {
    expect(wordsFor(small, 'nl')).toBe(wordsFor(small, 'nl-NL'));
  });
});

describe('the built-in locales', () => {
  test('German and French have every English key, in the same form, none empty', () => {
    const english = locales['en'] ?? {};
    for (const lang of ['de', 'fr']) {
      const other = locales[lang] ?? {};
      expect(Object.keys(other).sort(), lang).toEqual(Object.keys(english).sort());
      for (const [key, label] of Object.entries(english)) {
        expect(typeof other[key], `${lang} ${key}`).toBe(typeof label);
        expect(other[key], `${lang} ${key}`).not.toBe('');
      }
    }
  });
});
