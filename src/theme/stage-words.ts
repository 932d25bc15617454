/**
 * The words each stage shows, picked from the theme's labels: stages take
 * them as data (`TimelineText`, `CalendarText`, `HistoryText`) and never
 * read a locale themselves. Pure.
 */
import type { CalendarText } from '../stages/calendar.js';
import type { TimelineText } from '../timeline/types.js';
import { measureWords, type MeasureWordLists, type MeasureWords } from '../format/measurable.js';
import { textOf, wordsFor, type Locales, type Words } from './words.js';

/** The timeline's words in the page's language. Pure. */
export function timelineText(words: Words): TimelineText {
  const t = (key: string): string => textOf(words, key);
  return {
    title: t('timeline.title'),
    description: t('timeline.description'),
    today: t('timeline.today'),
    status: {
      done: t('status.done'),
      active: t('status.active'),
      'at-risk': t('status.at-risk'),
      overdue: t('status.overdue'),
      paused: t('status.paused'),
      dropped: t('status.dropped'),
    },
    start: t('timeline.start'),
    due: t('timeline.due'),
    stepDone: t('timeline.stepDone'),
    stepOpen: t('timeline.stepOpen'),
    horizon: t('horizon'),
    retirementYear: t('retirementYear'),
  };
}

/** The calendar's words in the plan's language. Pure. */
export function calendarText(words: Words): CalendarText {
  return { measure: textOf(words, 'measure'), resources: textOf(words, 'resources') };
}

/** The words the stages around a page take: the timeline's and the calendar's. */
export interface StageText {
  readonly timeline: TimelineText;
  readonly calendar: CalendarText;
}

/** Every stage's words in one language. Pure. */
export function stageText(words: Words): StageText {
  return { timeline: timelineText(words), calendar: calendarText(words) };
}

/** The label keys of the word lists that tell a measurable goal from a vague one. */
const measureKeys = {
  counts: 'smart.counts',
  dates: 'smart.dates',
  results: 'smart.results',
  vague: 'smart.vague',
  example: 'smart.example',
} as const satisfies Record<keyof MeasureWordLists, string>;

/**
 * The `vague-measure` rule's words by language subtag, for each language
 * whose own locale writes the lists: a language without them would get
 * English words, which would find every measure in it vague. Another
 * language's lists are read with English's as well, since plans in it often
 * borrow English words (`Offer letter unterschrieben`). Pure.
 */
export function measureWordsByLanguage(locales: Locales): ReadonlyMap<string, MeasureWords> {
  const byLanguage = new Map<string, MeasureWords>();
  const english = wordsFor(locales, 'en');
  for (const [language, locale] of Object.entries(locales)) {
    if (!Object.hasOwn(locale, measureKeys.results)) continue;
    const words = wordsFor(locales, language);
    const listOf = (list: keyof MeasureWordLists): string => {
      const own = textOf(words, measureKeys[list]);
      return list === 'example' || language === 'en' ? own : `${own}, ${textOf(english, measureKeys[list])}`;
    };
    const lists = { counts: listOf('counts'), dates: listOf('dates'), results: listOf('results'), vague: listOf('vague'), example: listOf('example') };
    byLanguage.set(language, measureWords(lists, language));
  }
  return byLanguage;
}
