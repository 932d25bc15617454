/**
 * Intl formatters, made once per language and options: constructing one
 * costs tens of microseconds, and a page formats hundreds of dates and
 * numbers. A formatter gives the same output for the same input, so sharing
 * it changes nothing but speed. Pure.
 */

const made = new Map<string, unknown>();

/** The formatter `make` returns for `key`, made on first use and reused after. */
function once<T>(key: string, make: () => T): T {
  let found = made.get(key) as T | undefined;
  if (found === undefined) {
    found = make();
    made.set(key, found);
  }
  return found;
}

/** `new Intl.DateTimeFormat(lang, options)`, shared. */
export function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return once(`date ${lang} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(lang, options));
}

/** `new Intl.NumberFormat(lang, options)`, shared. */
export function numberFormat(lang: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return once(`number ${lang} ${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(lang, options));
}

/** `new Intl.PluralRules(lang)`, shared. */
export function pluralRules(lang: string): Intl.PluralRules {
  return once(`plural ${lang}`, () => new Intl.PluralRules(lang));
}

/** `new Intl.RelativeTimeFormat(lang, options)`, shared. */
export function relativeTimeFormat(lang: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return once(`relative ${lang} ${JSON.stringify(options)}`, () => new Intl.RelativeTimeFormat(lang, options));
}

/** The language subtag of a BCP 47 tag (`de` of `de-AT`), or undefined for a tag Intl rejects; shared. */
export function languageOf(lang: string): string | undefined {
  return once(`language ${lang}`, () => {
    try {
      return { language: new Intl.Locale(lang).language };
    } catch {
      return { language: undefined };
    }
  }).language;
}
