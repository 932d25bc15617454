/**
 * Plan languages: whether a `lang` tag names a language at all, and which
 * tag a misspelt one or a language's name (`Deutsch`, `German`, `allemand`)
 * most likely meant. Pure.
 */
import { nearest } from './suggest.js';

/** The languages whose words careerplan has built in, as their tags. */
export const builtinLanguages = ['en', 'de', 'fr'] as const;

const displayNames = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });

/** Whether a syntactically valid BCP 47 tag's language is one the Unicode data knows (`de`, `nb`, `pt-BR`; not `deutsch` or `xx`). Pure. */
export function isKnownLanguage(tag: string): boolean {
  try {
    return displayNames.of(new Intl.Locale(tag).language) !== undefined;
  } catch {
    return false;
  }
}

/** Each built-in language's name in each built-in language, lower case, with its tag: `deutsch` → `de`. */
const tagsByName = new Map(
  builtinLanguages.flatMap((tag) => builtinLanguages.map((language) => [new Intl.DisplayNames(language, { type: 'language' }).of(tag)?.toLowerCase() ?? tag, tag] as const)),
);

/** The built-in language tag a written `lang` most likely meant: by its name in English, German or French, else by spelling. Pure. */
export function suggestLanguage(written: string): string | undefined {
  const name = nearest(written.trim(), [...tagsByName.keys()]);
  if (name !== undefined) return tagsByName.get(name);
  return nearest(written.trim(), builtinLanguages);
}
