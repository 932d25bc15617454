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
import { writeAssets, writeIndexPage, writePlanPage, writePlansJson, type SiteContext } from '../site/output.js';

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

/** Creates the live site; nothing is read or written until `buildAll`. */
export function createLiveSite(options: LiveSiteOptions): LiveSite {
  const { config, cwd } = options;
  const entries = new Map<string, Entry>();
  const html = createHtmlRenderer({ allowRawHtml: config.allowRawHtml });
  const pageContext: PageContext = { html, config };
  let theme: Theme | undefined;
  let themeError: ThemeError | undefined;
  let crossPlan = new Map<string, Diagnostic[]>();
  // Plans in a git repository, and their versions parsed once by blob id for the whole session.
  const inGit = new Set<string>();
  const versions = createHistoryCache();
  // What the manifest says careerplan wrote in the out folder: what a rebuild may remove.
  let recorded = new Set<string>();
  // The project's repository, decided once for the session (see findProjectRepository).
  let repository: Promise<Repository | undefined> | undefined;

  /** Notes which of `files` are in the project's git repository (found once per session; one `git log` walk per call). */
  async function findGitPlans(files: readonly string[]): Promise<void> {
    repository ??= findProjectRepository(config);
    for (const [file, stamp] of await historyStamps(files, gitPlaces(files, await repository))) if (stamp.startsWith('git:')) inGit.add(file);
  }

  /** The plan's history as its page shows it; git failing mid-session leaves the page without one rather than stopping watch. */
  async function historyOf(file: string, lang: string): Promise<HistoryView | undefined> {
    try {
      const history = inGit.has(file) ? await readHistory(file, await repository, { cwd, cache: versions }) : await historyWithoutGit(file, { cwd });
      return theme === undefined ? undefined : historyView(history, theme.words(lang), { open: revisionsOpen });
    } catch {
      return undefined;
    }
  }

  const site = (): SiteContext | undefined => (theme === undefined ? undefined : { theme, config, generator: options.generator, pdfs: options.pdfs });

  async function loadTheme(): Promise<boolean> {
    try {
      theme = await createTheme({ builtin: options.builtinTemplates, user: config.templates, cwd });
      themeError = undefined;
      return true;
    } catch (error) {
      if (!(error instanceof ThemeError)) throw error;
      themeError = error;
      return false;
    }
  }

  /** Checks one plan file and writes its page when it is good; returns whether its page or its problems changed. */
  async function recheck(file: string, reprint: string[]): Promise<boolean> {
    const entry = entries.get(file);
    if (entry === undefined) return false;
    // A turn of the event loop of its own for each plan: Ctrl-C is handled between two plans, not after all of them.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) return false;
    const result = await checkFile(file, config, cwd, crossPlan.get(file) ?? []);
    const before = JSON.stringify(entry.diagnostics);
    entry.diagnostics = result.diagnostics;
    entry.text = isChecked(result) ? result.source.text : undefined;
    let written = false;
    if (isChecked(result) && isBuildable(result)) {
      entry.page = planPage(result, pageContext);
      const read = await historyOf(file, entry.page.model.lang);
      entry.history = read && historyInView(read, config.view);
      const { page, history } = entry;
      if (await rendering((output) => writePlanPage(page, output, history))) {
        written = true;
        reprint.push(entry.slug);
      }
    }
    return written || before !== JSON.stringify(entry.diagnostics);
  }

  /** Recomputes the rules over all plans; returns the files whose cross-plan diagnostics changed. */
  function refreshCrossPlan(): string[] {
    const next = crossPlanDiagnostics([...entries.keys()], config, cwd);
    const changed = [...entries.keys()].filter((file) => JSON.stringify(next.get(file) ?? []) !== JSON.stringify(crossPlan.get(file) ?? []));
    crossPlan = next;
    return changed;
  }

  /** Writes the index and the manifest, and removes what careerplan wrote that the site no longer has; returns whether the index page changed. */
  async function writeIndex(): Promise<boolean> {
    const models = shownModels();
    const changed = await rendering((output) => writeIndexPage(models, output));
    if (theme === undefined) return false;
    const written = keptFiles(theme);
    await writeManifest(config.out, written);
    await removeStale(config.out, recorded, written);
    recorded = written;
    return changed;
  }

  async function writeData(): Promise<void> {
    const output = site();
    if (output !== undefined) await writePlansJson(shownModels(), output);
  }

  /** What the out folder keeps: the site, and the pages of plans with errors (their last good version, maybe from an earlier build). */
  function keptFiles(current: Theme): Set<string> {
    const files = new Set(siteOutputs(current.assets));
    const unbuilt = new Set<string>();
    for (const entry of entries.values()) {
      if (entry.page === undefined) unbuilt.add(entry.slug);
      else for (const file of planOutputs(entry.slug, entry.page.copies)) files.add(file);
    }
    for (const file of filesOfPlans(recorded, unbuilt)) files.add(file);
    return files;
  }

  /** Renders with the theme, if it works: a template that fails while rendering stops rendering until it is fixed. */
  async function rendering(write: (output: SiteContext) => Promise<boolean>): Promise<boolean> {
    const output = site();
    if (output === undefined) return false;
    try {
      return await write(output);
    } catch (error) {
      if (!(error instanceof ThemeError)) throw error;
      themeError = error;
      theme = undefined;
      return false;
    }
  }

  function shownModels(): PlanModel[] {
    return [...entries.values()].flatMap((entry) => (entry.page ? [entry.page.model] : [])).sort((a, b) => a.slug.localeCompare(b.slug));
  }

  /** Re-renders every page from the models in memory. */
  async function renderAll(): Promise<string[]> {
    const reprint: string[] = [];
    for (const { page, slug, history } of entries.values()) if (page && (await rendering((output) => writePlanPage(page, output, history)))) reprint.push(slug);
    return reprint;
  }

  const pagePath = (slug: string): string => `/${encodeURIComponent(slug)}/`;

  return {
    async buildAll() {
      const { files, links, unreadable } = await findPlanFiles([config.plans], { configured: true });
      entries.clear();
      for (const file of files) entries.set(file, { slug: planSlug(file), shown: displayPath(file, cwd), diagnostics: [], text: undefined, page: undefined, history: undefined });
      inGit.clear();
      await findGitPlans(files);
      crossPlan = crossPlanDiagnostics(files, config, cwd);
      recorded = await readManifest(config.out);
      if (await loadTheme()) await writeAssets(site() as SiteContext);
      const reprint: string[] = [];
      for (const file of files) await recheck(file, reprint);
      if (options.signal?.aborted) return { paths: [], all: true, reprint: [], checked: [] };
      await writeIndex();
      await writeData();
      return { paths: [], all: true, reprint, checked: [...entries.values()].map((entry) => entry.shown), ...(links.length > 0 ? { links } : {}), ...(unreadable.length > 0 ? { unreadable } : {}) };
    },

    async update(given) {
      // What the watcher saw is checked against the disk: a file named like a plan is one only when it is not a link, nor in a linked folder.
      const seen = [...given.changed, ...given.added];
      const plansNow = new Set(seen.filter((file) => isPlanOnDisk(config.plans, file)));
      // A plan that became a link (or a folder) is gone; a link that appeared is never read.
      const gone = seen.filter((file) => !plansNow.has(file) && entries.has(file));
      const links = seen.filter((file) => !plansNow.has(file) && isPlanFile(config.plans, file) && lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() === true);
      const changes = { changed: given.changed.filter((file) => !gone.includes(file)), added: given.added.filter((file) => !gone.includes(file)), removed: [...given.removed, ...gone] };
      const removed = new Set(changes.removed);
      const isPlan = (file: string): boolean => plansNow.has(file) || (removed.has(file) && isPlanFile(config.plans, file));
      const paths = new Set<string>();
      const toCheck = new Set<string>();
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
        entries.set(file, { slug: planSlug(file), shown: displayPath(file, cwd), diagnostics: [], text: undefined, page: undefined, history: undefined });
        paths.add(pagePath(planSlug(file)));
      }
      await findGitPlans(changes.added.filter(isPlan));
      for (const file of [...changes.changed, ...changes.added].filter(isPlan)) toCheck.add(file);
      // A plan added or removed changes the rules over all plans and the links other plans make to it.
      const comingOrGoing = [...changes.added, ...changes.removed].filter(isPlan);
      if (comingOrGoing.length > 0) {
        for (const file of refreshCrossPlan()) toCheck.add(file);
        const names = comingOrGoing.flatMap((file) => [path.basename(file), encodeURIComponent(path.basename(file))]);
        for (const [file, entry] of entries) if (names.some((name) => entry.text?.includes(name))) toCheck.add(file);
      }
      // Another file (an image) matters to the plans that copy it and to plans with problems, which may name it.
      const others = [...changes.changed, ...changes.added, ...changes.removed].filter((file) => !isPlan(file));
      if (others.length > 0) {
        for (const [file, entry] of entries) {
          if (entry.diagnostics.length > 0 || entry.page?.copies.some((copy) => others.includes(copy.source))) toCheck.add(file);
        }
      }
      for (const file of toCheck) {
        const entry = entries.get(file);
        if (entry !== undefined && (await recheck(file, reprint))) paths.add(pagePath(entry.slug));
      }
      // A removed plan's page goes at once, file by file: only what careerplan wrote is removed, never a folder whole.
      for (const [slug, copies] of removedPages) {
        if ([...entries.values()].some((entry) => entry.slug === slug)) continue;
        await removeStale(config.out, new Set([...filesOfPlans(recorded, new Set([slug])), ...planOutputs(slug, copies)]), new Set());
      }
      return { paths: [...paths].sort(), all: false, reprint, checked: [...toCheck].map((file) => displayPath(file, cwd)), ...(links.length > 0 ? { links } : {}) };
    },

    async retheme() {
      const hadError = themeError !== undefined;
      if (!(await loadTheme())) return { paths: [], all: true, reprint: [], checked: [] };
      const assetsChanged = await writeAssets(site() as SiteContext);
      const reprint = await renderAll();
      await writeIndex();
      await writeData();
      const everything = theme !== undefined && (assetsChanged || hadError) ? shownModels().map((model) => model.slug) : reprint;
      return { paths: [], all: true, reprint: everything, checked: [] };
    },

    writeIndex,
    writeData,

    diagnostics() {
      const sources = new Map<string, string>();
      const diagnostics: Diagnostic[] = [];
      for (const entry of entries.values()) {
        diagnostics.push(...entry.diagnostics);
        if (entry.diagnostics.length > 0 && entry.text !== undefined) sources.set(entry.shown, entry.text);
      }
      return { diagnostics: diagnostics.sort(compareDiagnostics), sources };
    },

    diagnosticsOf(slug) {
      return [...entries.values()].filter((entry) => entry.slug === slug).flatMap((entry) => entry.diagnostics);
    },

    get themeError() {
      return themeError;
    },

    models: shownModels,

    get planCount() {
      return entries.size;
    },
  };
}
