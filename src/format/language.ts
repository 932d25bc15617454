/**
 * Plan languages: whether a `lang` tag names a language at all, and which
 * tag a misspelt one or a language's name (`Deutsch`, `German`, `allemand`)
 * most likely meant. Pure.
 */
import { nearest } from './suggest.js';

/** The languages whose words careerplan has built in, as their tags. */
export const builtinLanguages = ['en', 'de', 'fr'] as const;

/** The Unicode data's names of languages, in English, loaded when first needed: loading them takes about 50 ms, a one-plan `check` in a built-in language never does. */
let displayNames: Intl.DisplayNames | undefined;

/** Whether a syntactically valid BCP 47 tag's language is one the Unicode data knows (`de`, `nb`, `pt-BR`; not `deutsch` or `xx`). Pure. */
export function isKnownLanguage(tag: string): boolean {
  try {
    const { language } = new Intl.Locale(tag);
    if ((builtinLanguages as readonly string[]).includes(language)) return true;
    displayNames ??= new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
    return displayNames.of(language) !== undefined;
  } catch {
    return false;
  }
}

/** Each built-in language's name in each built-in language, lower case, with its tag: `deutsch` → `de`; made when first asked for. */
let tagsByName: Map<string, string> | undefined;

function builtinLanguageNames(): Map<string, string> {
  tagsByName ??= new Map(
    builtinLanguages.flatMap((tag) => builtinLanguages.map((language) => [new Intl.DisplayNames(language, { type: 'language' }).of(tag)?.toLowerCase() ?? tag, tag] as const)),
  );
  return tagsByName;
}

/** The built-in language tag a written `lang` most likely meant: by its name in English, German or French, else by spelling. Pure. */
export function suggestLanguage(written: string): string | undefined {
  const names = builtinLanguageNames();
  const name = nearest(written.trim(), [...names.keys()]);
  if (name !== undefined) return names.get(name);
  return nearest(written.trim(), builtinLanguages);
}
