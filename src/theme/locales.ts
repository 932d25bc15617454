/**
 * Parses the theme's locale files (`locales/<lang>.json`), the built-in ones
 * first and the user's over them key by key, and checks each: JSON, labels
 * that are text or plural forms, keys English has, in the form English has
 * them. A broken file is a `ThemeError` naming it, as a broken template is.
 * Pure, but for `builtinLocales`, which reads the disk. Loads zod: import it
 * only where the theme is compiled or words are needed, never on the path of
 * a build with nothing to do.
 */
import { ThemeError } from './theme-error.js';
import { findThemeFiles } from './lookup.js';
import { localeSchema, type Label } from './locale-schema.js';
import { readLocaleSources, type LocaleSource } from './source.js';
import { wordsFor, type Locale, type Locales, type Words } from './words.js';

/** Parses and checks the locale files, in order (built-in, then the user's), into labels by language. Pure; throws `ThemeError` for a broken file. */
export function parseLocales(sources: readonly LocaleSource[]): Locales {
  const read = sources.map(parseLocale);
  const locales: Record<string, Locale> = {};
  // English first: every other language is checked against the keys it has.
  for (const { file, locale, text } of [...read.filter(({ file }) => file.name === 'en'), ...read.filter(({ file }) => file.name !== 'en')]) {
    if (file.name !== 'en') checkAgainstEnglish(file, text, locale, locales['en'] ?? {});
    locales[file.name] = { ...locales[file.name], ...locale };
  }
  return locales;
}

interface ParsedLocale extends LocaleSource {
  readonly locale: Locale;
}

/** One locale file, parsed and checked on its own. Pure; throws `ThemeError`. */
function parseLocale({ file, text }: LocaleSource): ParsedLocale {
  if (!/^[a-z]{2,3}$/.test(file.name)) {
    throw new ThemeError(file.shownPath, undefined, `Unexpected locale file name \`${file.name}.json\`, expected a language subtag such as \`fr.json\``);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ThemeError(file.shownPath, jsonErrorLine(text, message), `Unexpected JSON: ${message}`, { cause: error });
  }
  const parsed = localeSchema.safeParse(json);
  if (parsed.success) return { file, text, locale: parsed.data };
  const issue = parsed.error.issues[0];
  const key = issue?.path[0];
  if (key === undefined) throw new ThemeError(file.shownPath, 1, 'Unexpected locale, expected an object of labels by key');
  throw new ThemeError(
    file.shownPath,
    lineOfKey(text, String(key)),
    `Unexpected label \`${String(key)}\`, expected text or plural forms such as \`{ "one": "{n} goal", "other": "{n} goals" }\``,
  );
}

/** Throws when the file has a key English lacks, or a label counted where English's is text (or the reverse). */
function checkAgainstEnglish(file: LocaleSource['file'], text: string, locale: Locale, english: Locale): void {
  for (const [key, label] of Object.entries(locale)) {
    const model: Label | undefined = Object.hasOwn(english, key) ? english[key] : undefined;
    if (model === undefined) {
      throw new ThemeError(file.shownPath, lineOfKey(text, key), `Unexpected label \`${key}\`, expected a key of the English locale (locales/en.json)`);
    }
    if (typeof model !== typeof label) {
      const expected = typeof model === 'string' ? 'text, as in English' : 'plural forms, as in English';
      throw new ThemeError(file.shownPath, lineOfKey(text, key), `Unexpected label \`${key}\`, expected ${expected}`);
    }
  }
}

/**
 * The line of a `JSON.parse` error: V8 gives a position for some errors and, for an unexpected token,
 * only an excerpt around it (`Unexpected token 'V', ..."skills": Vaardighed"... is not valid JSON`).
 */
function jsonErrorLine(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return lineAt(text, Number(position[1]));
  const excerpt = /Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  const at = excerpt ? text.indexOf(excerpt[2] ?? '') : -1;
  if (!excerpt || at < 0) return undefined;
  return lineAt(text, at + Math.max(0, (excerpt[2] ?? '').indexOf(excerpt[1] ?? '')));
}

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The 1-based line where `"key":` is written, when it is. */
function lineOfKey(text: string, key: string): number | undefined {
  const at = text.indexOf(`${JSON.stringify(key)}:`);
  return at < 0 ? undefined : lineAt(text, at);
}

/** The built-in theme's locales, without a user's theme. Reads the disk. */
export async function builtinLocales(builtin: string): Promise<Locales> {
  return parseLocales(readLocaleSources((await findThemeFiles({ builtin }, builtin)).locales));
}

/** The built-in theme's words in `lang`, without a user's theme: the terminal's English. Reads the disk. */
export async function builtinWords(builtin: string, lang: string): Promise<Words> {
  return wordsFor(await builtinLocales(builtin), lang);
}
