/**
 * The site as `watch` keeps it: every plan's last check and last good page
 * in memory, so a change rebuilds only what it touches. A changed plan is
 * checked and rendered alone, plus the index; a changed template re-renders
 * every page from the models it has, without reading a plan; a plan with
 * errors keeps its last good page. Reads plans, writes the out folder.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { checkFile, crossPlanDiagnostics, isChecked } from '../build/check-plans.js';
import { findProjectRepository, type Repository } from '../edges/git.js';
import { gitPlaces, historyStamps } from '../history/stamps.js';
import { displayPath } from '../lib/paths.js';
import { createHistoryCache, historyWithoutGit, readHistory } from '../history/read.js';
import type { Config } from '../config/config.js';
import { historyView, type HistoryView } from '../history/revisions.js';
import { historyInView } from '../site/view.js';
import { createHtmlRenderer } from '../markdown/html.js';
import { findPlanFiles, isPlanFile, isPlanOnDisk } from '../stages/load.js';
import type { Copy } from '../markdown/media.js';
import type { PlanModel } from '../stages/model.js';
import { isBuildable, planPage, type PageContext, type PlanPage } from '../stages/page.js';
import { compareDiagnostics } from '../diagnostics/compare.js';
import { planSlug } from '../format/slug.js';
import { createTheme, ThemeError, type Theme } from '../theme/index.js';
import type { Diagnostic } from '../types.js';
import { revisionsOpen } from '../build/pages.js';
import { filesOfPlans, planOutputs, readManifest, removeStale, siteOutputs, writeManifest } from '../site/manifest.js';
import { writeAssets, writeIndexPage, writePlanPage, writePlansCsv, writePlansJson, type SiteContext } from '../site/output.js';

/** What a rebuild changed, for the pages open in a browser and the PDFs. */
export interface Update {
  /** URL paths (`/`, `/jordan-lee/`) whose page or problems changed; every page when `all`. */
  readonly paths: readonly string[];
  readonly all: boolean;
  /** Slugs whose page HTML was written anew, so their PDFs are out of date. */
  readonly reprint: readonly string[];
  /** The plan files checked in this rebuild, as shown to the user. */
  readonly checked: readonly string[];
  /** Links named like plans that were left out unread (absolute paths), when there were any. */
  readonly links?: readonly string[];
  /** Folders of the plans that could not be listed, when the whole folder was listed again. */
  readonly unreadable?: readonly string[];
}

/** Where the site's templates and files are, and how it is built. */
export interface LiveSiteOptions {
  readonly config: Config;
  readonly cwd: string;
  /** The built-in theme's folder. */
  readonly builtinTemplates: string;
  readonly generator: string;
  /** Whether pages link their PDFs. */
  readonly pdfs: boolean;
  /** Once it aborts (Ctrl-C), no more plans are checked and a first build writes no index. */
  readonly signal?: AbortSignal;
}

/** The files a rebuild looks at: plan files and other files of the plans folder, such as images. */
export interface PlanChanges {
  readonly changed: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** The site kept live by `watch`. */
export interface LiveSite {
  /** Checks and builds every plan, and removes what an earlier build left of plans that are gone. */
  buildAll(): Promise<Update>;
  /** Rebuilds the plan pages that changed files in the plans folder touch; the index is left to `writeIndex`, so a page's reload need not wait for it. */
  update(changes: PlanChanges): Promise<Update>;
  /** Writes the index and the manifest from the pages the site shows; returns whether the index page changed. */
  writeIndex(): Promise<boolean>;
  /** Writes `plans.json`, every shown plan's data: no page shows it, so `watch` writes it when the saves pause. */
  writeData(): Promise<void>;
  /** Reads the templates again and re-renders every page without reading a plan. */
  retheme(): Promise<Update>;
  /** Every current diagnostic, sorted, and the text of the plans they are in (for code frames). */
  diagnostics(): { readonly diagnostics: readonly Diagnostic[]; readonly sources: ReadonlyMap<string, string> };
  /** The diagnostics of the plan built at `slug`. */
  diagnosticsOf(slug: string): readonly Diagnostic[];
  /** The broken template that stops pages from being rendered, if any. */
  readonly themeError: ThemeError | undefined;
  /** The models of the pages the site shows, sorted by slug (a plan with errors shows its last good one). */
  models(): PlanModel[];
  /** How many plan files there are. */
  readonly planCount: number;
  /** The last theme that compiled: the PDFs' header and footer come from it (see stages/print.ts). */
  printTheme(): Theme | undefined;
}

/** One plan file's state. */
interface Entry {
  readonly slug: string;
  readonly shown: string;
  diagnostics: readonly Diagnostic[];
  /** The file's text as last read, for code frames and to find the plans that link to a file. */
  text: string | undefined;
  /** The last good page: what the site shows, also while the plan has errors. */
  page: PlanPage | undefined;
  /** What the page shows of the plan's history: read again with each check of the plan. */
  history: HistoryView | undefined;
}

/** The live site's state: one per watch session. */
interface State {
  readonly options: LiveSiteOptions;
  readonly config: Config;
  readonly cwd: string;
  readonly entries: Map<string, Entry>;
  readonly pageContext: PageContext;
  theme: Theme | undefined;
  /** The last theme that compiled, kept while a template is broken. */
  lastTheme: Theme | undefined;
  themeError: ThemeError | undefined;
  crossPlan: Map<string, Diagnostic[]>;
  /** Plans in a git repository, and their versions parsed once by blob id for the whole session. */
  readonly inGit: Set<string>;
  readonly versions: ReturnType<typeof createHistoryCache>;
  /** What the manifest says careerplan wrote in the out folder: what a rebuild may remove. */
  recorded: Set<string>;
  /** The project's repository, decided once for the session (see findProjectRepository). */
  repository: Promise<Repository | undefined> | undefined;
}

/** Creates the live site; nothing is read or written until `buildAll`. */
export function createLiveSite(options: LiveSiteOptions): LiveSite {
  const { config, cwd } = options;
  const state: State = {
    options,
    config,
    cwd,
    entries: new Map(),
    pageContext: { html: createHtmlRenderer({ allowRawHtml: config.allowRawHtml }), config },
    theme: undefined,
    lastTheme: undefined,
    themeError: undefined,
    crossPlan: new Map(),
    inGit: new Set(),
    versions: createHistoryCache(),
    recorded: new Set(),
    repository: undefined,
  };
  return {
    buildAll: () => buildAll(state),
    update: (given) => update(state, given),
    retheme: () => retheme(state),
    writeIndex: () => writeIndex(state),
    writeData: () => writeData(state),
    diagnostics: () => allDiagnostics(state.entries.values()),
    diagnosticsOf: (slug) => [...state.entries.values()].filter((entry) => entry.slug === slug).flatMap((entry) => entry.diagnostics),
    get themeError() {
      return state.themeError;
    },
    models: () => shownModels(state),
    get planCount() {
      return state.entries.size;
    },
    printTheme: () => state.lastTheme,
  };
}

/** A plan file's state before its first check. */
function newEntry(file: string, cwd: string): Entry {
  return { slug: planSlug(file), shown: displayPath(file, cwd), diagnostics: [], text: undefined, page: undefined, history: undefined };
}

/** Checks and builds every plan, and removes what an earlier build left of plans that are gone. */
async function buildAll(state: State): Promise<Update> {
  const { config, cwd, entries } = state;
  const { files, links, unreadable } = await findPlanFiles([config.plans], { configured: true });
  entries.clear();
  for (const file of files) entries.set(file, newEntry(file, cwd));
  state.inGit.clear();
  await findGitPlans(state, files);
  state.crossPlan = crossPlanDiagnostics(files, config, cwd);
  state.recorded = await readManifest(config.out);
  if (await loadTheme(state)) await writeAssets(site(state) as SiteContext);
  const reprint: string[] = [];
  for (const file of files) await recheck(state, file, reprint);
  if (state.options.signal?.aborted) return { paths: [], all: true, reprint: [], checked: [] };
  await writeIndex(state);
  await writeData(state);
  return { paths: [], all: true, reprint, checked: [...entries.values()].map((entry) => entry.shown), ...(links.length > 0 ? { links } : {}), ...(unreadable.length > 0 ? { unreadable } : {}) };
}

/** Rebuilds the plan pages that changed files in the plans folder touch; the index is left to `writeIndex`. */
async function update(state: State, given: PlanChanges): Promise<Update> {
  const { config, cwd, entries } = state;
  const sorted = sortChanges(given, {
    isPlanOnDisk: (file) => isPlanOnDisk(config.plans, file),
    isPlanFile: (file) => isPlanFile(config.plans, file),
    isLink: (file) => lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() === true,
    isEntry: (file) => entries.has(file),
  });
  const { changes, isPlan, links } = sorted;
  const paths = new Set<string>();
  const reprint: string[] = [];
  const removedPages = new Map<string, readonly Copy[]>();
  for (const file of changes.removed.filter(isPlan)) {
    const entry = entries.get(file);
    if (entry === undefined) continue;
    entries.delete(file);
    removedPages.set(entry.slug, entry.page?.copies ?? []);
    paths.add(pagePath(entry.slug));
  }
  for (const file of changes.added.filter(isPlan)) {
    entries.set(file, newEntry(file, cwd));
    paths.add(pagePath(planSlug(file)));
  }
  await findGitPlans(state, changes.added.filter(isPlan));
  const toCheck = new Set([...changes.changed, ...changes.added].filter(isPlan));
  // A plan added or removed changes the rules over all plans and the links other plans make to it.
  const comingOrGoing = [...changes.added, ...changes.removed].filter(isPlan);
  if (comingOrGoing.length > 0) for (const file of [...refreshCrossPlan(state), ...linkingTo(comingOrGoing, entries)]) toCheck.add(file);
  // Another file (an image) matters to the plans that copy it and to plans with problems, which may name it.
  for (const file of touchedBy([...changes.changed, ...changes.added, ...changes.removed].filter((file) => !isPlan(file)), entries)) toCheck.add(file);
  for (const file of toCheck) {
    const entry = entries.get(file);
    if (entry !== undefined && (await recheck(state, file, reprint))) paths.add(pagePath(entry.slug));
  }
  // A removed plan's page goes at once, file by file: only what careerplan wrote is removed, never a folder whole.
  for (const [slug, copies] of removedPages) {
    if ([...entries.values()].some((entry) => entry.slug === slug)) continue;
    await removeStale(config.out, new Set([...filesOfPlans(state.recorded, new Set([slug])), ...planOutputs(slug, copies)]), new Set());
  }
  return { paths: [...paths].sort(), all: false, reprint, checked: [...toCheck].map((file) => displayPath(file, cwd)), ...(links.length > 0 ? { links } : {}) };
}

/** What the disk says of the files the watcher saw. */
export interface DiskFacts {
  /** A plan file that is no link and in no linked folder. */
  readonly isPlanOnDisk: (file: string) => boolean;
  /** Named like a plan in the plans folder. */
  readonly isPlanFile: (file: string) => boolean;
  readonly isLink: (file: string) => boolean;
  /** A plan the site has. */
  readonly isEntry: (file: string) => boolean;
}

/**
 * What the watcher saw, checked against the disk: a file named like a plan is one only when it is not a link, nor in a
 * linked folder; a plan that became a link (or a folder) is gone; a link that appeared is never read (`links`).
 * Pure given the facts.
 */
export function sortChanges(given: PlanChanges, disk: DiskFacts): { readonly changes: PlanChanges; readonly isPlan: (file: string) => boolean; readonly links: string[] } {
  const seen = [...given.changed, ...given.added];
  const plansNow = new Set(seen.filter(disk.isPlanOnDisk));
  const gone = seen.filter((file) => !plansNow.has(file) && disk.isEntry(file));
  const links = seen.filter((file) => !plansNow.has(file) && disk.isPlanFile(file) && disk.isLink(file));
  const changes = { changed: given.changed.filter((file) => !gone.includes(file)), added: given.added.filter((file) => !gone.includes(file)), removed: [...given.removed, ...gone] };
  const removed = new Set(changes.removed);
  return { changes, isPlan: (file) => plansNow.has(file) || (removed.has(file) && disk.isPlanFile(file)), links };
}

/** The plans whose text names a plan file that came or went (by its name, or its name as a URL): their links change. Pure. */
export function linkingTo(comingOrGoing: readonly string[], entries: ReadonlyMap<string, Pick<Entry, 'text'>>): string[] {
  const names = comingOrGoing.flatMap((file) => [path.basename(file), encodeURIComponent(path.basename(file))]);
  return [...entries].filter(([, entry]) => names.some((name) => entry.text?.includes(name))).map(([file]) => file);
}

/** The plans another changed file (an image) matters to: the plans that copy it, and plans with problems, which may name it. Pure. */
export function touchedBy(others: readonly string[], entries: ReadonlyMap<string, Pick<Entry, 'diagnostics' | 'page'>>): string[] {
  if (others.length === 0) return [];
  return [...entries].filter(([, entry]) => entry.diagnostics.length > 0 || entry.page?.copies.some((copy) => others.includes(copy.source))).map(([file]) => file);
}

/** Reads the templates again and re-renders every page without reading a plan. */
async function retheme(state: State): Promise<Update> {
  const hadError = state.themeError !== undefined;
  if (!(await loadTheme(state))) return { paths: [], all: true, reprint: [], checked: [] };
  const assetsChanged = await writeAssets(site(state) as SiteContext);
  const reprint = await renderAll(state);
  await writeIndex(state);
  await writeData(state);
  const everything = state.theme !== undefined && (assetsChanged || hadError) ? shownModels(state).map((model) => model.slug) : reprint;
  return { paths: [], all: true, reprint: everything, checked: [] };
}

/** Every current diagnostic, sorted, and the text of the plans they are in. Pure. */
function allDiagnostics(entries: Iterable<Entry>): { readonly diagnostics: readonly Diagnostic[]; readonly sources: ReadonlyMap<string, string> } {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    diagnostics.push(...entry.diagnostics);
    if (entry.diagnostics.length > 0 && entry.text !== undefined) sources.set(entry.shown, entry.text);
  }
  return { diagnostics: diagnostics.sort(compareDiagnostics), sources };
}

/** Notes which of `files` are in the project's git repository (found once per session; one `git log` walk per call). */
async function findGitPlans(state: State, files: readonly string[]): Promise<void> {
  state.repository ??= findProjectRepository(state.config);
  for (const [file, stamp] of await historyStamps(files, gitPlaces(files, await state.repository))) if (stamp.startsWith('git:')) state.inGit.add(file);
}

/** The plan's history as its page shows it; git failing mid-session leaves the page without one rather than stopping watch. */
async function historyOf(state: State, file: string, lang: string): Promise<HistoryView | undefined> {
  const { cwd } = state;
  try {
    const history = state.inGit.has(file) ? await readHistory(file, await state.repository, { cwd, cache: state.versions }) : await historyWithoutGit(file, { cwd });
    return state.theme === undefined ? undefined : historyView(history, state.theme.words(lang), { open: revisionsOpen });
  } catch {
    return undefined;
  }
}

/** What the pages share, while the theme works. */
function site(state: State): SiteContext | undefined {
  return state.theme === undefined ? undefined : { theme: state.theme, config: state.config, generator: state.options.generator, pdfs: state.options.pdfs };
}

/** Reads and compiles the theme; a broken template is kept as the site's theme error. */
async function loadTheme(state: State): Promise<boolean> {
  try {
    state.theme = await createTheme({ builtin: state.options.builtinTemplates, user: state.config.templates, cwd: state.cwd });
    state.lastTheme = state.theme;
    state.themeError = undefined;
    return true;
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    state.themeError = error;
    return false;
  }
}

/** Checks one plan file and writes its page when it is good (the same stages as `build`); returns whether its page or its problems changed. */
async function recheck(state: State, file: string, reprint: string[]): Promise<boolean> {
  const { config, cwd } = state;
  const entry = state.entries.get(file);
  if (entry === undefined) return false;
  // A turn of the event loop of its own for each plan: Ctrl-C is handled between two plans, not after all of them.
  await new Promise((resolve) => setImmediate(resolve));
  if (state.options.signal?.aborted) return false;
  const result = await checkFile(file, config, cwd, state.crossPlan.get(file) ?? []);
  const before = JSON.stringify(entry.diagnostics);
  entry.diagnostics = result.diagnostics;
  entry.text = isChecked(result) ? result.source.text : undefined;
  let written = false;
  if (isChecked(result) && isBuildable(result)) {
    entry.page = planPage(result, state.pageContext);
    const read = await historyOf(state, file, entry.page.model.lang);
    entry.history = read && historyInView(read, config.view);
    const { page, history } = entry;
    if (await rendering(state, (output) => writePlanPage(page, output, history))) {
      written = true;
      reprint.push(entry.slug);
    }
  }
  return written || before !== JSON.stringify(entry.diagnostics);
}

/** Recomputes the rules over all plans; returns the files whose cross-plan diagnostics changed. */
function refreshCrossPlan(state: State): string[] {
  const files = [...state.entries.keys()];
  const next = crossPlanDiagnostics(files, state.config, state.cwd);
  const changed = files.filter((file) => JSON.stringify(next.get(file) ?? []) !== JSON.stringify(state.crossPlan.get(file) ?? []));
  state.crossPlan = next;
  return changed;
}

/** Writes the index and the manifest, and removes what careerplan wrote that the site no longer has; returns whether the index page changed. */
async function writeIndex(state: State): Promise<boolean> {
  const models = shownModels(state);
  const changed = await rendering(state, (output) => writeIndexPage(models, output));
  if (state.theme === undefined) return false;
  const written = keptFiles(state, state.theme);
  await writeManifest(state.config.out, written);
  await removeStale(state.config.out, state.recorded, written);
  state.recorded = written;
  return changed;
}

/** Writes `plans.json` and `plans.csv`, every shown plan's data. */
async function writeData(state: State): Promise<void> {
  const output = site(state);
  if (output === undefined) return;
  await writePlansJson(shownModels(state), output);
  await writePlansCsv(shownModels(state), output);
}

/** What the out folder keeps: the site, and the pages of plans with errors (their last good version, maybe from an earlier build). */
function keptFiles(state: State, current: Theme): Set<string> {
  const files = new Set(siteOutputs(current.assets));
  const unbuilt = new Set<string>();
  for (const entry of state.entries.values()) {
    if (entry.page === undefined) unbuilt.add(entry.slug);
    else for (const file of planOutputs(entry.slug, entry.page.copies)) files.add(file);
  }
  for (const file of filesOfPlans(state.recorded, unbuilt)) files.add(file);
  return files;
}

/** Renders with the theme, if it works: a template that fails while rendering stops rendering until it is fixed. */
async function rendering(state: State, write: (output: SiteContext) => Promise<boolean>): Promise<boolean> {
  const output = site(state);
  if (output === undefined) return false;
  try {
    return await write(output);
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    state.themeError = error;
    state.theme = undefined;
    return false;
  }
}

/** The models of the pages the site shows, sorted by slug. */
function shownModels(state: State): PlanModel[] {
  return [...state.entries.values()].flatMap((entry) => (entry.page ? [entry.page.model] : [])).sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Re-renders every page from the models in memory. */
async function renderAll(state: State): Promise<string[]> {
  const reprint: string[] = [];
  for (const { page, slug, history } of state.entries.values()) if (page && (await rendering(state, (output) => writePlanPage(page, output, history)))) reprint.push(slug);
  return reprint;
}

/** The URL path of a plan's page. */
function pagePath(slug: string): string {
  return `/${encodeURIComponent(slug)}/`;
}
