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
