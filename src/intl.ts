/**
 * Intl formatters, made once per language and options: constructing one
 * costs tens of microseconds, and a page formats hundreds of dates and
 * numbers. A formatter gives the same output for the same input, so sharing
 * it changes nothing but speed. Pure.
 */

/** The value `make` returns for `key` in `map`, made on first use and kept there. */
function kept<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let found = map.get(key);
  if (found === undefined) {
    found = make();
    map.set(key, found);
  }
  return found;
}

const made = new Map<string, unknown>();

/**
 * Formatters already handed out, by the options object and then the language. Callers pass the same few
 * constant objects of options again and again, so finding a formatter by the object skips writing its key
 * (`JSON.stringify` of the options), which cost more than the formatting of a short date.
 */
const byOptions = new WeakMap<object, Map<string, unknown>>();

function sharedFor<T>(options: object, lang: string, key: () => string, make: () => T): T {
  let byLang = byOptions.get(options);
  if (byLang === undefined) {
    byLang = new Map();
    byOptions.set(options, byLang);
  }
  return kept(byLang, lang, () => kept(made, key(), make)) as T;
}

const noOptions: Intl.NumberFormatOptions = {};

/** `new Intl.DateTimeFormat(lang, options)`, shared. */
export function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return sharedFor(options, lang, () => `date ${lang} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(lang, options));
}

/** `new Intl.NumberFormat(lang, options)`, shared. */
export function numberFormat(lang: string, options: Intl.NumberFormatOptions = noOptions): Intl.NumberFormat {
  return sharedFor(options, lang, () => `number ${lang} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(lang, options));
}

const pluralRulesByLang = new Map<string, Intl.PluralRules>();

/** `new Intl.PluralRules(lang)`, shared. */
export function pluralRules(lang: string): Intl.PluralRules {
  return kept(pluralRulesByLang, lang, () => new Intl.PluralRules(lang));
}

/** `new Intl.RelativeTimeFormat(lang, options)`, shared. */
export function relativeTimeFormat(lang: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return sharedFor(options, lang, () => `relative ${lang} ${JSON.stringify(options)}`, () => new Intl.RelativeTimeFormat(lang, options));
}

const languages = new Map<string, { readonly language: string | undefined }>();

/** The language subtag of a BCP 47 tag (`de` of `de-AT`), or undefined for a tag Intl rejects; shared. */
export function languageOf(lang: string): string | undefined {
  return kept(languages, lang, () => {
    try {
      return { language: new Intl.Locale(lang).language };
    } catch {
      return { language: undefined };
    }
  }).language;
}
