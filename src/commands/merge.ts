/**
 * `careerplan merge <slice>… --out DIR`: joins the out folders of sharded
 * builds (`careerplan build --shard i/n`, one per CI job) into the site that
 * one build of every plan writes. Each slice's plan folders (page, media,
 * PDF) are copied; the index, `plans.json`, `plans.csv`, assets and manifest are written
 * from the slices' `plans.json` the way `build` writes them. Every slice is
 * checked whole before anything is written, and a new out folder appears
 * whole. Needs neither the plans nor a browser. Reads the slices, writes the
 * out folder.
 */
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { lstat, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../lib/paths.js';
import type { Config } from '../config/config.js';
import { copyIfChanged, lockOut } from '../edges/files.js';
import { packageRoot } from '../lib/package-root.js';
import { isInside } from '../lib/paths.js';
import { modelVersion } from '../stages/model.js';
import { modelsProblem } from '../site/model-schema.js';
import { joinSlices, readSlice, type Slice } from '../site/shard.js';
import { createTheme } from '../theme/index.js';
import { exitCodes, UsageError, type Io } from '../io.js';
import { pdfPath } from '../build/print-plans.js';
import { guardOut } from '../site/out-guard.js';
import { planOutputs, readManifest, removeStale, siteOutputs, writeManifest } from '../site/manifest.js';
import { writeAssets, writeIndexPage, writePlansCsv, writePlansJson, type SiteContext } from '../site/output.js';

/** What `merge` joins. */
export interface MergeOptions {
  /** Out folders of sharded builds, or folders holding them (`slices/` for `slices/1`, `slices/2`…), relative to the working folder. */
  readonly slices: readonly string[];
}

/** Plan folders copied at once: enough to keep the disk busy while each file is synced. */
const foldersAtOnce = 16;

/** Merges the slices into `config.out`; returns the exit code. Reads the slices, writes the out folder, reports to `io`. */
export async function merge(config: Config, options: MergeOptions, io: Io): Promise<number> {
  if (options.slices.length === 0) throw new UsageError('merge takes the out folders of the shards, such as `careerplan merge slices/1 slices/2 slices/3`');
  const shown = (folder: string): string => displayPath(folder, io.cwd);
  const found = await findSlices(options.slices.map((given) => path.resolve(io.cwd, given)), shown);
  const overlapping = found.folders.filter((folder) => isInside(folder, config.out) || isInside(config.out, folder));
  const problems = [...found.problems, ...overlapping.map((folder) => `--out ${shown(config.out)} overlaps the slice ${shown(folder)}: merge into a folder of its own`)];
  const slices: Slice[] = [];
  const folders: string[] = [];
  for (const folder of found.folders) {
    const slice = await readSliceFolder(folder, shown(folder));
    if (typeof slice === 'string') {
      problems.push(slice);
      continue;
    }
    slices.push(slice);
    folders.push(folder);
  }
  if (problems.length > 0) return fail(problems, io);
  guardOut(config);
  const generator = `careerplan ${packageRoot().version}`;
  const joined = joinSlices(slices, { generator, version: modelVersion });
  if ('problems' in joined) return fail(joined.problems, io);

  const theme = await createTheme({ builtin: path.join(packageRoot().folder, 'templates'), user: config.templates, cwd: io.cwd });
  const models = joined.plans.map((plan) => plan.model);
  // Every slice was read and checked whole above: from here on, only the disk can stop the merge. A new out folder is
  // written beside it and renamed into place whole; an existing one (which may hold files of its own) has each file
  // written atomically and the manifest last, so an interrupted merge leaves whole files that the next merge removes.
  const fresh = !existsSync(config.out);
  const target = fresh ? path.join(path.dirname(config.out), `.${path.basename(config.out)}.careerplan-merge.${process.pid}.${randomBytes(4).toString('hex')}`) : config.out;
  const site: SiteContext = { theme, config: { out: target, asOf: joined.asOf, locale: config.locale }, generator, pdfs: joined.pdfs };
  try {
    const release = await lockOut(target);
    try {
      const previous = await readManifest(target);
      const written = new Set(siteOutputs(theme.assets));
      await forEachLimit(joined.plans, foldersAtOnce, async ({ model, slice }) => {
        for (const file of planOutputs(model.slug, [])) written.add(file);
        for (const file of await copyFolder(path.join(folders[slice] ?? '', model.slug), path.join(target, model.slug))) written.add(`${model.slug}/${file}`);
      });
      await writeIndexPage(models, site);
      await writePlansJson(models, site);
      await writePlansCsv(models, site);
      await writeAssets(site);
      await writeManifest(target, written);
      await removeStale(target, previous, written);
    } finally {
      await release();
    }
    if (fresh) await rename(target, config.out);
  } catch (error) {
    if (fresh) await rm(target, { recursive: true, force: true });
    throw error;
  }
  const plans = `${models.length} ${models.length === 1 ? 'plan' : 'plans'}`;
  io.stderr.write(`${plans} from ${slices.length} ${slices.length === 1 ? 'slice' : 'slices'} merged into ${shown(config.out)}\n`);
  return exitCodes.ok;
}

/** The slice folders named: each folder with a `plans.json`, or else its subfolders that have one. */
async function findSlices(folders: readonly string[], shown: (folder: string) => string): Promise<{ folders: string[]; problems: string[] }> {
  const found: string[] = [];
  const problems: string[] = [];
  for (const folder of folders) {
    if (existsSync(path.join(folder, 'plans.json'))) {
      found.push(folder);
      continue;
    }
    let names: string[];
    try {
      names = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    } catch (error) {
      problems.push(`cannot read the slice ${shown(folder)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      continue;
    }
    const inside = names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((name) => path.join(folder, name)).filter((sub) => existsSync(path.join(sub, 'plans.json')));
    if (inside.length === 0) problems.push(`no plans.json in ${shown(folder)} or its folders: give the out folder of each \`careerplan build --shard\`, or the folder that holds them`);
    found.push(...inside);
  }
  return { folders: found, problems };
}

/** A slice's `plans.json` and which of its plans have their page and PDF; or what is wrong with it. */
async function readSliceFolder(folder: string, name: string): Promise<Slice | string> {
  let text: string;
  let json: unknown;
  try {
    text = await readFile(path.join(folder, 'plans.json'), 'utf8');
  } catch (error) {
    return `cannot read ${name}/plans.json: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `${name}/plans.json is not JSON: ${(error as Error).message}`;
  }
  const notPlansJson = (why: string): string => `${name}/plans.json is not the plans.json of a careerplan build: ${why}`;
  const data = readSlice(json);
  if (typeof data === 'string') return notPlansJson(data);
  // Every plan is checked whole before anything is written: the site is written from these models.
  const problem = modelsProblem(data.plans);
  if (problem !== undefined) return notPlansJson(problem);
  const pages = new Set<string>();
  const pdfs = new Set<string>();
  for (const { slug } of data.plans) {
    // A plan folder that is a link is not taken: it could bring in files from anywhere on this machine.
    if (!(await lstat(path.join(folder, slug)).catch(() => undefined))?.isDirectory()) continue;
    if (await isFile(path.join(folder, slug, 'index.html'))) pages.add(slug);
    if (await isFile(pdfPath(folder, slug))) pdfs.add(slug);
  }
  return { name, data, pages, pdfs };
}

/** Copies every file below a folder, each atomically and only when it differs; links are left out. Returns the files copied, relative to the folder with `/`. */
async function copyFolder(source: string, target: string): Promise<string[]> {
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  const copied: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    await copyIfChanged(file, path.join(target, path.relative(source, file)));
    copied.push(path.relative(source, file).split(path.sep).join('/'));
  }
  return copied;
}

/** Whether a path is a file itself, not a link to one. */
async function isFile(file: string): Promise<boolean> {
  try {
    return (await lstat(file)).isFile();
  } catch {
    return false;
  }
}

/** Runs `work` on every item, at most `limit` at once. */
async function forEachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function fail(problems: readonly string[], io: Io): number {
  for (const problem of problems) io.stderr.write(`careerplan: ${problem}\n`);
  return exitCodes.failure;
}
