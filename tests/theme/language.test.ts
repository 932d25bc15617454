import { selectAll } from 'hast-util-select';
import type { Element, Nodes } from 'hast';
import { beforeAll, describe, expect, test } from 'vitest';
import { timelineText as timelineTextOf } from '../../src/theme/stage-words.js';
import type { PluralLabel } from '../../src/theme/words.js';
import { locales, words as wordsOf } from '../support/words.js';

const labels = { en: locales['en'] ?? {}, de: locales['de'] ?? {} };
const timelineText = (lang: string) => timelineTextOf(wordsOf(lang));
import { createTheme, type Theme } from '../../src/theme/theme.js';
import { jedenFall } from './fixtures.js';
import { builtin, dom, indexPage, modelOf, planPage, text } from './render.js';

let theme: Theme;
beforeAll(async () => {
  theme = await createTheme({ builtin });
});

/** Everything a reader sees or hears: text, the attributes shown by CSS or read out, and the messages the index's script shows. */
function readable(html: string): string {
  const tree = dom(html);
  const names = ['ariaLabel', 'dataLabel', 'title', 'alt', 'dataMatches', 'dataNone', 'dataPage', 'dataRange'];
  const attributes = selectAll('[aria-label], [data-label], [title], [alt], [data-matches], [data-none], [data-page], [data-range]', tree).flatMap((element: Element) =>
    names.map((name) => element.properties[name]).filter((value) => typeof value === 'string'),
  );
  return `${text(tree as Nodes)} ${attributes.join(' ')}`;
}

/** The literal words of a label, without its `{placeholders}`. */
function words(label: string | PluralLabel): string[] {
  const forms = typeof label === 'string' ? [label] : [label.one ?? '', label.other];
  return forms.flatMap((form) => form.split(/\{\w+\}/)).map((part) => part.trim()).filter((part) => /\p{L}/u.test(part));
}

const englishOnly = Object.entries(labels.en).flatMap(([key, english]) => {
  const german = new Set(words(labels.de[key] ?? ''));
  return words(english).filter((word) => !german.has(word));
});

const asWord = (word: string) => new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');

describe('a page in German', () => {
  test('the German plan’s page shows no English label', () => {
    const seen = readable(theme.renderPlan(planPage(modelOf(jedenFall, 'alex', 'Pläne/alex.md'))));
    expect(seen).toContain('Selbsteinschätzung');
    expect(englishOnly.length).toBeGreaterThan(100);
    expect(englishOnly.filter((word) => asWord(word).test(seen))).toEqual([]);
  });

  test('a German index shows no English label', () => {
    const seen = readable(theme.renderIndex(indexPage([modelOf(jedenFall, 'alex', 'Pläne/alex.md')], 'de')));
    expect(seen).toContain('Termine der nächsten 90 Tage');
    expect(englishOnly.filter((word) => asWord(word).test(seen))).toEqual([]);
  });

  test('dates, periods, percentages and days left are German', () => {
    const html = theme.renderPlan(planPage(modelOf(jedenFall, 'alex', 'Pläne/alex.md')));
    const seen = readable(html);
    expect(html).toContain('<html lang="de">');
    expect(seen).toContain('10. Januar 2026');
    expect(seen).toContain('2. Quartal 2030');
    expect(seen).toContain('Juni 2027');
    expect(seen).toMatch(/\d+\u00a0%/);
    expect(seen).toContain('heute');
    expect(seen).toContain('morgen');
    expect(seen).toContain('in 19 Tagen');
    expect(seen).toContain('57 Tage überfällig');
    expect(seen).toContain('11 Monate überfällig');
  });

  test('every label has a German form of the same shape', () => {
    for (const [key, english] of Object.entries(labels.en)) {
      const german = labels.de[key];
      expect(typeof german, key).toBe(typeof english);
      expect(german, key).not.toBe('');
    }
  });
});

describe('the timeline’s words', () => {
  // Swedish: a language the built-in theme has no locale for (French, once the example here, now has one).
  test('come in the plan’s language, English for languages without labels', () => {
    expect(timelineText('de').status['at-risk']).toBe('Gefährdet');
    expect(timelineText('de-AT').today).toBe('Heute');
    expect(timelineText('sv').status.done).toBe('Done');
    expect(timelineText('en').stepOpen).toBe('Step open');
    expect(Object.keys(timelineText('en').status).sort()).toEqual(['active', 'at-risk', 'done', 'dropped', 'overdue', 'paused']);
  });
});
