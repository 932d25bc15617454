/**
 * Intl formatters, made once per language and options: constructing one
 * costs tens of microseconds, and a page formats hundreds of dates and
 * numbers. A formatter gives the same output for the same input, so sharing
 * it changes nothing but speed. Pure.
 */

/** The value `make` returns for `key` in `map`, made on first use and kept there; `make` is no new closure on a hot path. */
function kept<K, V>(map: Map<K, V>, key: K, make: (key: K) => V): V {
  let found = map.get(key);
  if (found === undefined) {
    found = make(key);
    map.set(key, found);
  }
  return found;
}

const made = new Map<string, unknown>();

/**
 * Formatters already handed out, by the options object and then the language. Callers pass the same few
 * constant objects of options again and again, so finding a formatter by the object skips writing its key
 * (`JSON.stringify` of the options), which cost more than the formatting of a short date, and makes nothing.
 */
const byOptions = new WeakMap<object, Map<string, unknown>>();

function sharedFor<O extends object, T>(kind: string, options: O, lang: string, make: (lang: string, options: O) => T): T {
  let byLang = byOptions.get(options);
  if (byLang === undefined) {
    byLang = new Map();
    byOptions.set(options, byLang);
  }
  const found = byLang.get(lang) as T | undefined;
  if (found !== undefined) return found;
  // First use of these options in this language: one formatter for equal options, whichever object carries them.
  const shared = kept(made, `${kind} ${lang} ${JSON.stringify(options)}`, () => make(lang, options)) as T;
  byLang.set(lang, shared);
  return shared;
}

const noOptions: Intl.NumberFormatOptions = {};
const newDateTimeFormat = (lang: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, options);
const newNumberFormat = (lang: string, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(lang, options);
const newRelativeTimeFormat = (lang: string, options: Intl.RelativeTimeFormatOptions) => new Intl.RelativeTimeFormat(lang, options);

/** `new Intl.DateTimeFormat(lang, options)`, shared. */
export function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return sharedFor('date', options, lang, newDateTimeFormat);
}

/** `new Intl.NumberFormat(lang, options)`, shared. */
export function numberFormat(lang: string, options: Intl.NumberFormatOptions = noOptions): Intl.NumberFormat {
  return sharedFor('number', options, lang, newNumberFormat);
}

const pluralRulesByLang = new Map<string, Intl.PluralRules>();
const newPluralRules = (lang: string) => new Intl.PluralRules(lang);

/** `new Intl.PluralRules(lang)`, shared. */
export function pluralRules(lang: string): Intl.PluralRules {
  return kept(pluralRulesByLang, lang, newPluralRules);
}

/** `new Intl.RelativeTimeFormat(lang, options)`, shared. */
export function relativeTimeFormat(lang: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return sharedFor('relative', options, lang, newRelativeTimeFormat);
}

const languages = new Map<string, { readonly language: string | undefined }>();

function subtagOf(lang: string): { readonly language: string | undefined } {
  try {
    return { language: new Intl.Locale(lang).language };
  } catch {
    return { language: undefined };
  }
}

/** The language subtag of a BCP 47 tag (`de` of `de-AT`), or undefined for a tag Intl rejects; shared. */
export function languageOf(lang: string): string | undefined {
  return kept(languages, lang, subtagOf).language;
}

const conjunctions = new Map<string, Intl.ListFormat>();
const newConjunction = (lang: string) => new Intl.ListFormat(lang, { type: 'conjunction' });

/** `new Intl.ListFormat(lang, { type: 'conjunction' })` (`A, B and C`), shared. */
export function conjunctionFormat(lang: string): Intl.ListFormat {
  return kept(conjunctions, lang, newConjunction);
}

const languageNamesByLang = new Map<string, Intl.DisplayNames>();
const newLanguageNames = (lang: string) => new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });

/** `new Intl.DisplayNames([lang], { type: 'language' })` (`de` → `German` in English), shared. */
export function languageNames(lang: string): Intl.DisplayNames {
  return kept(languageNamesByLang, lang, newLanguageNames);
}
