/**
 * The theme's words for one language: the labels of `templates/locales/`,
 * the page's language over English, key by key, so a missing language and a
 * missing key both read English. A label is text, or forms chosen by a count
 * as Intl.PluralRules names them; `{name}` marks a value filled in. Pure.
 */
import { languageOf } from './intl.js';
import type { Label, PluralLabel } from './locale-schema.js';

export type { Label, PluralLabel } from './locale-schema.js';

/** The labels of one language by key. */
export type Locale = Readonly<Record<string, Label>>;

/** Every language's labels by language subtag (`en`, `de`); `en` holds every key. */
export type Locales = Readonly<Record<string, Locale>>;

/** The words of a page: the language they are in and every label, English where the language has none. */
export interface Words {
  /** The language subtag whose labels these are: the page's own when the theme has it, else `en`. */
  readonly language: string;
  readonly labels: Locale;
}

const merged = new WeakMap<Locales, Map<string, Words>>();

/** The words of a page in `lang` (a BCP 47 tag): its language's labels over English, key by key. Pure. */
export function wordsFor(locales: Locales, lang: string): Words {
  const subtag = languageOf(lang);
  const language = subtag !== undefined && Object.hasOwn(locales, subtag) ? subtag : 'en';
  let byLanguage = merged.get(locales);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    merged.set(locales, byLanguage);
  }
  let words = byLanguage.get(language);
  if (words === undefined) {
    words = { language, labels: language === 'en' ? (locales['en'] ?? {}) : { ...locales['en'], ...locales[language] } };
    byLanguage.set(language, words);
  }
  return words;
}

/** The label of `key`; throws when no locale has it (a template or code asking for a word the theme lacks). Pure. */
export function labelOf(words: Words, key: string): Label {
  const label = Object.hasOwn(words.labels, key) ? words.labels[key] : undefined;
  if (label === undefined) throw new Error(`Unexpected label \`${key}\`, expected a key of templates/locales/en.json`);
  return label;
}

/** The text label of `key`; throws for an unknown or a counted label. Pure. */
export function textOf(words: Words, key: string): string {
  const label = labelOf(words, key);
  if (typeof label !== 'string') throw new Error(`Unexpected counted label \`${key}\` in \`t\`, expected \`plural\` with a count`);
  return label;
}

/** The plural label of `key`; throws for an unknown or a plain text label. Pure. */
export function pluralOf(words: Words, key: string): PluralLabel {
  const label = labelOf(words, key);
  if (typeof label === 'string') throw new Error(`Unexpected label \`${key}\` in \`plural\`, expected a label with one and other forms`);
  return label;
}
