/**
 * Finds the theme's files: each template in the user's folder first, then in
 * the built-in theme; partials and assets of both, the user's winning per
 * file. Reads the disk.
 */
import path from 'node:path';
import { entriesBelow } from '../lib/entries-below.js';
import { comparePaths, displayPath } from '../lib/paths.js';

/** The page templates every theme has. */
export const pageNames = ['layout', 'plan', 'index'] as const;

/** A page template's name. */
export type PageName = (typeof pageNames)[number];

/** A template file found for a name. */
export interface TemplateFile {
  /** `plan`, or a partial's name such as `goals` or `cards/goal`. */
  readonly name: string;
  readonly absolutePath: string;
  /** The path as the user would open it. */
  readonly shownPath: string;
}

/** A file to copy into `out/assets/`. */
export interface Asset {
  /** Absolute path of the file to copy. */
  readonly source: string;
  /** Path under `out/assets/`, with forward slashes. */
  readonly target: string;
}

/** The theme's folders: the built-in theme and, optionally, the user's overrides. */
export interface ThemeFolders {
  readonly builtin: string;
  readonly user?: string;
}

/** Every file of a theme, overrides resolved. */
export interface ThemeFiles {
  readonly pages: Readonly<Record<PageName, TemplateFile>>;
  readonly partials: readonly TemplateFile[];
  /** The theme's own assets (not the fonts). */
  readonly assets: readonly Asset[];
  /** The locale files (`locales/<lang>.json`, `name` the language), the built-in ones first: the user's add to them key by key. */
  readonly locales: readonly TemplateFile[];
}

/** Finds the pages, partials, assets and locales of a theme, the user's files winning per name (locales: per key). Reads the disk. */
export async function findThemeFiles(folders: ThemeFolders, cwd: string): Promise<ThemeFiles> {
  const layers = folders.user === undefined || path.resolve(folders.user) === path.resolve(folders.builtin) ? [folders.builtin] : [folders.builtin, folders.user];
  const listings = await Promise.all(layers.map(async (folder) => ({ folder, files: await listFiles(folder) })));

  // Later layers (the user's) replace earlier ones file by file.
  const winners = new Map<string, string>();
  for (const { folder, files } of listings) for (const file of files) winners.set(file, path.join(folder, file));

  const template = (relative: string, name: string): TemplateFile | undefined => {
    const absolutePath = winners.get(relative);
    return absolutePath === undefined ? undefined : { name, absolutePath, shownPath: displayPath(absolutePath, cwd) };
  };

  const pages = Object.fromEntries(
    pageNames.map((name) => {
      const found = template(`${name}.hbs`, name);
      if (!found) throw new Error(`The theme has no \`${name}.hbs\`: expected it in ${displayPath(folders.builtin, cwd)}; reinstall careerplan`);
      return [name, found];
    }),
  ) as Record<PageName, TemplateFile>;

  const partials = [...winners.keys()]
    .filter((file) => file.startsWith('partials/') && file.endsWith('.hbs'))
    .sort()
    .map((file) => template(file, file.slice('partials/'.length, -'.hbs'.length)) as TemplateFile);

  const assets = [...winners.entries()]
    .filter(([file]) => file.startsWith('assets/'))
    .sort(([a], [b]) => comparePaths(a, b))
    .map(([file, source]) => ({ source, target: file.slice('assets/'.length) }));

  const locales = listings.flatMap(({ folder, files }) =>
    files
      .filter((file) => file.startsWith('locales/') && file.endsWith('.json') && !file.slice('locales/'.length).includes('/'))
      .sort()
      .map((file) => {
        const absolutePath = path.join(folder, file);
        return { name: file.slice('locales/'.length, -'.json'.length), absolutePath, shownPath: displayPath(absolutePath, cwd) };
      }),
  );

  return { pages, partials, assets, locales };
}

/** Files below a folder, relative with forward slashes, hidden ones (`.DS_Store`) left out; none when the folder does not exist. */
async function listFiles(folder: string): Promise<string[]> {
  try {
    // Synchronous: Node's recursive listing in the thread pool took 6 ms for a theme of 30 files, this well under one.
    const entries = entriesBelow(folder);
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .filter((file) => !file.split('/').some((segment) => segment.startsWith('.')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`Cannot read the templates folder ${folder}`, { cause: error });
  }
}
