import path from 'node:path';

/** Turns a title or name into an id or file name: lower case, ASCII letters, digits and dashes. Pure. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
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
