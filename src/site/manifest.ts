/**
 * What careerplan wrote in an out folder: the manifest lists every file of
 * the site a build, a watch or a merge wrote, so the next one removes the
 * pages of deleted plans, and `build --clean` empties only careerplan's own
 * files. Nothing else in the out folder is ever removed: a file careerplan
 * did not write stops `--clean` instead. Reads and writes the out folder.
 */
import { lstat, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { writeIfChanged } from '../edges/files.js';
import { calendarName } from '../stages/calendar.js';
import { PlanPathError } from '../stages/load.js';

/** The manifest file in the out folder. */
const manifestName = '.careerplan-manifest.json';

/** Bumped when what the manifest records changes meaning; format 1 listed the top-level names. */
const manifestFormat = 2;

/** The manifest's contents. */
interface ManifestFile {
  readonly format: number;
  /** Paths relative to the out folder, with `/`. */
  readonly files: readonly string[];
}

/**
 * Whether a path of the out folder is one of careerplan's own working files,
 * known by its name: the lock, the build cache, the PDFs' record, the
 * manifest, a build's spool and the temporary file of an atomic write cut
 * short. Pure.
 */
export function isOwnWorkingFile(relative: string): boolean {
  const name = relative.split('/').at(-1) ?? '';
  if (!relative.includes('/') && /^\.careerplan([.-].*)?$/.test(name)) return true;
  return /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name);
}

/** The files of one built plan's folder careerplan writes: its page, its calendar, its PDF (when printed) and the files its page links. Pure. */
export function planOutputs(slug: string, copies: ReadonlyArray<{ readonly target: string }>): string[] {
  return [`${slug}/index.html`, `${slug}/${calendarName(slug)}`, `${slug}/${slug}.pdf`, ...copies.map((copy) => copy.target.split(path.sep).join('/'))];
}

/** The site's files besides the plans' folders: the index, `plans.json` and the theme's assets. Pure. */
export function siteOutputs(assets: ReadonlyArray<{ readonly target: string }>): string[] {
  return ['index.html', 'plans.json', 'plans.csv', ...assets.map((asset) => `assets/${asset.target.split(path.sep).join('/')}`)];
}

/** The files of `previous` in the folders of these plans: a page kept from an earlier build while its plan has errors. Pure. */
export function filesOfPlans(previous: Iterable<string>, slugs: ReadonlySet<string>): string[] {
  return [...previous].filter((file) => slugs.has(file.split('/')[0] ?? ''));
}

/** Records every file this build wrote, for the next build's `removeStale` and `cleanOut`. Writes the out folder. */
export async function writeManifest(out: string, written: Iterable<string>): Promise<void> {
  const file: ManifestFile = { format: manifestFormat, files: [...new Set(written)].sort() };
  await writeIfChanged(path.join(out, manifestName), `${JSON.stringify(file, null, 2)}\n`);
}

/**
 * What the last build wrote, from its manifest; nothing when there is none.
 * A manifest of format 1 named top-level files and folders: each stands for
 * every file now in it. Reads the out folder.
 */
export async function readManifest(out: string): Promise<Set<string>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path.join(out, manifestName), 'utf8'));
  } catch {
    return new Set();
  }
  if (Array.isArray(data)) {
    const files = new Set<string>();
    for (const name of data.filter((each): each is string => typeof each === 'string' && isSafeRelative(each) && !each.includes('/') && !each.startsWith('.'))) {
      for (const file of await filesBelow(out, name)) files.add(file);
    }
    return files;
  }
  if (typeof data !== 'object' || data === null || (data as Partial<ManifestFile>).format !== manifestFormat) return new Set();
  const { files } = data as Partial<ManifestFile>;
  return new Set(Array.isArray(files) ? files.filter((each): each is string => typeof each === 'string' && isSafeRelative(each)) : []);
}

/**
 * Removes what the last build wrote and this one did not (the pages of
 * deleted or now invalid plans, files a page no longer links), then the
 * folders that left empty. Nothing else is touched. Writes the out folder.
 */
export async function removeStale(out: string, previous: Iterable<string>, written: ReadonlySet<string>): Promise<void> {
  await removeOwn(out, [...previous].filter((file) => !written.has(file)));
}

/**
 * Empties the out folder for `build --clean`: removes every file careerplan
 * wrote there and its own working files, but for the lock of the build
 * doing it. Refuses, removing nothing, an out folder that holds any file
 * careerplan did not write: `--out` may name a folder full of someone's
 * files. Reads and writes the out folder.
 */
export async function cleanOut(out: string, shownOut: string): Promise<void> {
  const manifest = await readManifest(out);
  const isOwn = (file: string): boolean => manifest.has(file) || isOwnWorkingFile(file);
  // A few are enough to refuse: `--out` may name a folder of a million files.
  const foreign = await filesWhere(out, (file) => !isOwn(file), 4);
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).map((file) => `\`${file}\``).join(', ');
    const more = foreign.length > 3 ? ' and others' : '';
    throw new PlanPathError(
      `refusing to empty ${shownOut} for --clean: it holds files careerplan did not write (${shown}${more}); empty it yourself, or choose another \`out\` folder`,
    );
  }
  await removeOwn(out, (await filesBelow(out, '')).filter((file) => file !== '.careerplan.lock'));
}

/** Up to `limit` files (anything not a folder) below `out` that `wanted` picks, relative with `/`, sorted; folders are walked one at a time and links never followed. */
async function filesWhere(out: string, wanted: (file: string) => boolean, limit: number): Promise<string[]> {
  const found: string[] = [];
  const folders = [''];
  for (let folder = folders.shift(); folder !== undefined && found.length < limit; folder = folders.shift()) {
    const entries = await readdir(path.join(out, ...folder.split('/').filter((part) => part !== '')), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) folders.push(relative);
      else if (wanted(relative) && found.length < limit) found.push(relative);
    }
  }
  return found.sort();
}

/** Removes files of the out folder, never through a link, then each folder left empty on their way up to it. */
async function removeOwn(out: string, files: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    // A folder of the site replaced by a link since must not lead the removal elsewhere.
    if (await throughLink(out, parts.slice(0, -1))) continue;
    const target = path.join(out, ...parts);
    const info = await lstat(target).catch(() => undefined);
    if (info !== undefined && !info.isDirectory()) await rm(target, { force: true });
    for (let depth = parts.length - 1; depth > 0; depth--) folders.add(parts.slice(0, depth).join('/'));
  }
  // Deepest first, so a folder is empty once its own folders are gone; a folder with other files in it stays.
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    await rmdir(path.join(out, ...folder.split('/'))).catch(() => undefined);
  }
}

/** Whether any folder on the way from `out` to a file is a link (or not a folder). */
async function throughLink(out: string, folders: readonly string[]): Promise<boolean> {
  for (let depth = 1; depth <= folders.length; depth++) {
    const info = await lstat(path.join(out, ...folders.slice(0, depth))).catch(() => undefined);
    if (info !== undefined && !info.isDirectory()) return true;
  }
  return false;
}

/** Every file (and link, and anything else not a folder) below `relative` in `out`, relative to `out` with `/`; links are not followed. */
async function filesBelow(out: string, relative: string): Promise<string[]> {
  const start = path.join(out, ...relative.split('/').filter((part) => part !== ''));
  const info = await lstat(start).catch(() => undefined);
  if (info === undefined) return [];
  if (!info.isDirectory()) return [relative];
  const entries = await readdir(start, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Whether a manifest's entry names a path inside the out folder. */
function isSafeRelative(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !file.includes('\\') && !file.includes('\0') && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
