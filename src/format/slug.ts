import path from 'node:path';

/**
 * Letters of the languages careerplan speaks (English, German, French) and
 * their neighbours that are spelled out in ASCII by their own convention
 * rather than stripped of a mark: German umlauts and ß (`Übung` → `uebung`),
 * Danish and Norwegian æ, ø, å (`Lære` → `laere`), the ligatures æ and œ
 * (`Œuvre` → `oeuvre`), Icelandic þ and ð, and letters whose stroke is not a
 * combining mark (ł, đ). Every other accented letter loses its accent
 * (`Zoë` → `zoe`, `Émilie` → `emilie`). Keys are lower case: the text is
 * lower-cased first. (`@sindresorhus/transliterate` would hold this table
 * for every script; it is not installed.)
 */
const spelledOut: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  ł: 'l',
  đ: 'd',
  ı: 'i',
};
const spelledOutLetters = new RegExp(`[${Object.keys(spelledOut).join('')}]`, 'g');

/**
 * Turns a title or name into an id or file name: lower case, ASCII letters,
 * digits and dashes, each letter kept in the spelling its language uses
 * without accents (see `spelledOut`). Pure.
 */
export function slugify(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFC')
    .replace(spelledOutLetters, (letter) => spelledOut[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The output name of a plan, from its file name. */
export function planSlug(filePath: string): string {
  const name = path.basename(filePath).replace(/\.md$/i, '');
  return slugify(name) || encodeURIComponent(name.toLowerCase());
}

/**
 * The output names no plan may have: the site's own folder (`assets`) and
 * the preview's path in `watch` (`__careerplan`); a plan named so is refused
 * (`reserved-name`), so no page ever lands in them. `index.html` and
 * `plans.json` cannot be slugs (a slug has no dot).
 */
export const reservedSlugs: ReadonlySet<string> = new Set(['assets', '__careerplan']);

/**
 * Whether `slug` is an output name `planSlug` can give and the site may use:
 * letters, digits and dashes (or, for a name with none of those, its
 * %-escaped form), no dot or underscore first (never a hidden or private
 * folder, never `.` or `..`), and not one of the site's own folders. For
 * output names that come from elsewhere than a plan's file name (a slice's
 * `plans.json` in `merge`). Pure.
 */
export function isPlanSlug(slug: string): boolean {
  return /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|(?:%[0-9A-F]{2}|[!'()*~._-])+)$/.test(slug) && !/^[._]/.test(slug) && !reservedSlugs.has(slug);
}
