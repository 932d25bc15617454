/** The built-in theme's words, read from `templates/locales/` as a build reads them, for tests of code that takes words as data. */
import path from 'node:path';
import { builtinLocales } from '../../src/theme/locales.js';
import { stageText } from '../../src/theme/stage-words.js';
import { wordsFor, type Words } from '../../src/theme/words.js';

/** The built-in theme's folder. */
export const builtinTemplates = path.resolve(import.meta.dirname, '../../templates');

/** Every built-in language's labels. */
export const locales = await builtinLocales(builtinTemplates);

/** The built-in words of a page in `lang`. */
export function words(lang: string): Words {
  return wordsFor(locales, lang);
}

/** The English words: what the terminal and English pages show. */
export const english = words('en');

/** The German words. */
export const german = words('de');

/** The calendar's English words, as the theme passes them. */
export const calendarEnglish = stageText(english).calendar;

/** The calendar's German words. */
export const calendarGerman = stageText(german).calendar;
