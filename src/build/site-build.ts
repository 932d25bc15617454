/**
 * The incremental build of the site, in the order it runs: the keys of the
 * plans, what the cache still holds, the pages built again (in worker
 * threads), the site's shared files, the cache, the PDFs. Each step is a
 * named function over one `SiteBuild`, the state of one run. Reads plans
 * and git, writes the out folder, runs a browser.
 */
import { availableParallelism } from 'node:os';
import type { Config } from '../config/config.js';
import type { BrowserChoice } from '../edges/browser.js';
import { syncWrittenSince } from '../edges/files.js';
import { findProjectRepository } from '../edges/git.js';
import { gitPlaces, historyStamps, planLogs, type GitPlace } from '../history/stamps.js';
import { displayPath } from '../lib/paths.js';
import type { IndexPlan } from '../site/index-view.js';
import type { SiteContext } from '../site/output.js';
import { formatShard, type Shard } from '../site/shard.js';
import { modelVersion } from '../stages/model.js';
import { printSettings } from '../stages/print.js';
import type { ThemeSource } from '../theme/source.js';
import type { PrecompiledTheme } from '../theme/theme.js';
import type { Io } from '../io.js';
import { createBuiltPlans, type BuiltPlans } from './built-plans.js';
import { otherFiles, readCache, writeCache, type BuildCache, type CachedPlan } from './cache.js';
import { buildKeys, type BuildKeys } from './keys.js';
import type { PagesJob } from './pages.js';
import { planFileFacts, type PlanFileFacts, type PlanSource } from './plan-sources.js';
import type { PrintOutcome } from './print-plans.js';
import type { Printer } from '../print/printer.js';

/** What one build is asked to do. */
export interface SiteBuildJob {
  readonly config: Config;
  readonly io: Io;
  /** Every plan file (links between plans and the rules over all plans see them all). */
  readonly files: readonly string[];
  /** The plan files this build builds: all, or its shard's. */
  readonly planFiles: readonly string[];
  readonly shard?: Shard;
  readonly browser?: BrowserChoice;
  readonly theme: ThemeSource;
  /** The tool's version. */
  readonly tool: string;
  readonly clean: boolean;
  readonly force: boolean;
  readonly concurrency?: number;
  readonly workers?: number;
  /** Ctrl-C or SIGTERM: the build stops between files. */
  readonly signal: AbortSignal;
}

/** What a build did, for its report. */
export interface SiteBuildOutcome {
  /** Every plan's entry: its diagnostics, whether it was built, its text when it has errors. */
  readonly entries: ReadonlyMap<string, CachedPlan>;
  /** Plans whose entry came from the cache. */
  readonly cachedCount: number;
  readonly printed?: PrintOutcome;
  /** What this build found of each plan file (to read a cached plan's text again for its code frames). */
  readonly facts: ReadonlyMap<string, PlanFileFacts>;
}

/** The state of one build run. */
interface SiteBuild extends SiteBuildJob {
  readonly generator: string;
  readonly pdfs: boolean;
  readonly entries: Map<string, CachedPlan>;
  /** The plans built wait on disk while the workers run (see built-plans.ts). */
  readonly kept: BuiltPlans;
  readonly compiledTheme: () => Promise<PrecompiledTheme>;
  readonly siteContext: () => Promise<SiteContext>;
}

/** Builds the site into the out folder the caller has locked; the caller ends with `close`. Reads plans and git, writes the out folder, runs a browser. */
export async function buildSite(job: SiteBuildJob): Promise<SiteBuildOutcome> {
  const run = startRun(job);
  let facts: ReadonlyMap<string, PlanFileFacts> = new Map();
  let cachedCount = 0;
  // Files of the site this build writes are at least this recent (see `syncWrittenSince`).
  const writesSince = Date.now();
  let printer: Printer | undefined;
  try {
    // Only what careerplan wrote is removed; an out folder holding anything else is refused before anything is written.
    if (job.clean) await (await import('../site/manifest.js')).cleanOut(job.config.out, displayPath(job.config.out, job.io.cwd));
    const cache = await readCache(job.config.out, job.tool);
    // A plan file is read only when its stat differs from the last build's (see plan-sources.ts).
    facts = planFileFacts(job.planFiles, (file) => cache.source(file));
    const places = gitPlaces(job.planFiles, await findProjectRepository(job.config, 'git', job.io.env));
    const keys = await keysOf(run, facts, places);
    const sourceOf = (file: string): { source?: PlanSource } => {
      const source = facts.get(file)?.source;
      return source ? { source } : {};
    };
    const { toBuild, siteIsCurrent, pdfsAreCurrent, pageKeys } = await fromCache(run, cache, keys, sourceOf);
    cachedCount = run.entries.size;
    // The browser starts while the pages are built, when there will be something to print.
    if (await printsSoon(run, toBuild, pageKeys, pdfsAreCurrent)) printer = await startPrinterFor(run);
    await buildChanged(run, toBuild, keys, sourceOf, places, siteIsCurrent);
    if (job.signal.aborted) return { entries: run.entries, cachedCount, facts };
    // The workers are done: what the index and the PDFs need of each plan comes back.
    const plans = run.kept.indexPlans();
    if (!siteIsCurrent) await writeShared(run, plans, writesSince);
    await saveCache(run, cache, keys.site, siteIsCurrent);
    const printed = await printSite(run, plans, keys, { pageKeys, pdfsAreCurrent, ...(printer ? { printer } : {}) });
    return { entries: run.entries, cachedCount, facts, ...(printed ? { printed } : {}) };
  } finally {
    run.kept.close();
    // Closed by the printing already, unless the build stopped or failed before it.
    await printer?.close();
  }
}

/** A run's state; the theme is compiled only when a page is to be rendered: a build with nothing changed never loads Handlebars. */
function startRun(job: SiteBuildJob): SiteBuild {
  const generator = `careerplan ${job.tool}`;
  const pdfs = job.browser !== undefined;
  let compiled: Promise<PrecompiledTheme> | undefined;
  const compiledTheme = (): Promise<PrecompiledTheme> => (compiled ??= import('../theme/theme.js').then(({ precompileTheme }) => precompileTheme(job.theme)));
  let site: Promise<SiteContext> | undefined;
  const siteContext = (): Promise<SiteContext> =>
    (site ??= (async () => {
      const [{ themeFrom }, precompiled] = await Promise.all([import('../theme/theme.js'), compiledTheme()]);
      return { theme: themeFrom(precompiled), config: job.config, generator, pdfs, deferSync: true, ...(job.shard ? { shard: job.shard } : {}) };
    })());
  return { ...job, generator, pdfs, entries: new Map(), kept: createBuiltPlans(job.config.out), compiledTheme, siteContext };
}

/** The keys of the plans and the site: what each page depends on besides its plan's text is the tool, the config, the theme, which plans exist and the plans folder's other files; a page also shows the plan's history. */
async function keysOf(run: SiteBuild, facts: ReadonlyMap<string, PlanFileFacts>, places: ReadonlyMap<string, GitPlace>): Promise<BuildKeys> {
  const { config, io } = run;
  const siteWide = { tool: run.tool, modelVersion, config: JSON.stringify(config), cwd: io.cwd, themeFingerprint: run.theme.fingerprint, pdfs: run.pdfs, files: run.files, otherFiles: await otherFiles(config.plans) };
  const stamps = await historyStamps(run.planFiles, places);
  return buildKeys(siteWide, run.planFiles, facts, stamps, run.shard ? formatShard(run.shard) : '');
}

/** What the cache tells of this build. */
interface FromCache {
  /** The plan files to build again. */
  readonly toBuild: string[];
  readonly siteIsCurrent: boolean;
  readonly pdfsAreCurrent: boolean;
  /** Each built page's key by slug, which covers everything its page and print job are made from. */
  readonly pageKeys: Map<string, string>;
}

/** Takes the cache's entries of unchanged plans, and the models of unchanged plans from the last `plans.json` when the site or the PDFs need them. Reads the out folder. */
async function fromCache(run: SiteBuild, cache: BuildCache, keys: BuildKeys, sourceOf: (file: string) => { source?: PlanSource }): Promise<FromCache> {
  const { config, entries } = run;
  const toBuild: string[] = [];
  for (const file of run.planFiles) {
    const hit = await cache.lookup(file, keys.plans.get(file) as string, config.out);
    if (hit) entries.set(file, { ...hit, ...sourceOf(file) });
    else toBuild.push(file);
  }
  const siteIsCurrent = toBuild.length === 0 && (await cache.siteIsCurrent(keys.site, config.out));
  const pageKeys = new Map([...entries].filter(([, entry]) => entry.built).map(([file, entry]) => [entry.slug, keys.plans.get(file) as string]));
  const pdfsAreCurrent = siteIsCurrent && run.browser !== undefined && !run.force && (await (await import('./print-plans.js')).pdfsAreCurrent(config.out, pageKeys, { browser: run.browser, generator: run.generator, settings: printSettings(config) }));
  // The models of unchanged plans come from the last build's plans.json; a plan whose model is not there is built again.
  if (!siteIsCurrent || (run.pdfs && !pdfsAreCurrent)) {
    const unchanged = new Map([...entries].filter(([, entry]) => entry.built).map(([file, entry]) => [entry.slug, file]));
    const taken = await cache.models(config.out, new Set(unchanged.keys()), (plan) => {
      const file = unchanged.get(plan.slug);
      if (file !== undefined) run.kept.keep(file, plan);
    });
    for (const [slug, file] of unchanged) {
      if (taken.has(slug)) continue;
      entries.delete(file);
      toBuild.push(file);
    }
  }
  return { toBuild, siteIsCurrent, pdfsAreCurrent, pageKeys };
}

/** Checks and builds the plan pages that changed, in worker threads. Reads plans and git, writes pages. */
async function buildChanged(run: SiteBuild, toBuild: string[], keys: BuildKeys, sourceOf: (file: string) => { source?: PlanSource }, places: ReadonlyMap<string, GitPlace>, siteIsCurrent: boolean): Promise<void> {
  const { config, io, kept, entries } = run;
  // What git says of the plans to build, for all at once: a few git processes per build, not per plan.
  const gitLogs = await planLogs(toBuild, places);
  if (toBuild.length === 0) return;
  const job: PagesJob = { config, cwd: io.cwd, allFiles: run.files, generator: run.generator, pdfs: run.pdfs, gitLogs };
  const { buildPages, defaultWorkers } = await import('./workers.js');
  const workers = run.workers ?? defaultWorkers(toBuild.length, availableParallelism());
  // This thread compiles the theme while the workers load their code, and sends it to them. It then only waits
  // while they build: it makes its own theme for the index meanwhile. A broken template is reported where it is awaited.
  if (!siteIsCurrent && workers > 0) run.siteContext().catch(() => undefined);
  await buildPages(toBuild.sort(), job, run.compiledTheme(), workers, run.signal, ({ file, entry, plan }) => {
    // The text of a plan with errors (for their code frames) waits on disk too.
    const { text, ...rest } = entry;
    if (text !== undefined) kept.keepText(file, text);
    entries.set(file, { key: keys.plans.get(file) as string, ...rest, ...sourceOf(file) });
    if (plan) kept.keep(file, plan);
  });
  for (const [file, text] of kept.texts()) {
    const entry = entries.get(file);
    if (entry) entries.set(file, { ...entry, text });
  }
}

/** Writes the index, `plans.json`, `plans.csv`, the assets and the manifest, and removes what the site no longer has; then makes them durable. Writes the out folder. */
async function writeShared(run: SiteBuild, plans: readonly IndexPlan[], writesSince: number): Promise<void> {
  const { config, kept } = run;
  const site = await run.siteContext();
  const output = await import('../site/output.js');
  const manifest = await import('../site/manifest.js');
  const previous = await manifest.readManifest(config.out);
  await output.writeIndexPage(plans, site);
  await output.writePlansJsonOf(plans.length, plans.map((plan) => () => kept.modelJson(plan.slug)), site);
  await output.writePlansCsvOf(plans.map((plan) => () => kept.csvRows(plan.slug)), site);
  // Nothing more is read from the spool. Deleted before the syncfs below, its pages (about 40 MB for 1,000 plans)
  // are dropped without being written to the disk.
  kept.close();
  await output.writeAssets(site);
  const builtEntries = [...run.entries.values()].filter((entry) => entry.built);
  const written = new Set([...manifest.siteOutputs(site.theme.assets), ...builtEntries.flatMap((entry) => manifest.planOutputs(entry.slug, entry.copies))]);
  await manifest.writeManifest(config.out, written);
  await manifest.removeStale(config.out, previous, written);
  // The site's files were written without an fsync each: they reach the disk before the cache says they are current.
  await syncWrittenSince(config.out, writesSince);
}

/** Writes the cache, unless the one on disk already says exactly this. Writes the out folder. */
async function saveCache(run: SiteBuild, cache: BuildCache, siteKey: string, siteIsCurrent: boolean): Promise<void> {
  // A view's folder goes to people who must not read the omitted parts: its cache keeps no plan's messages or text
  // (a message may quote the plan); those plans are checked again by the next build.
  const cached = run.config.view ? new Map([...run.entries].filter(([, entry]) => entry.diagnostics.length === 0)) : run.entries;
  // A current site was built from exactly these entries: the cache on disk already says so, unless a plan file was read again.
  const reread = [...cached].some(([file, entry]) => entry.source !== cache.source(file));
  if (!siteIsCurrent || reread) await writeCache(run.config.out, run.tool, cached, siteKey);
}

/**
 * Whether this build is going to print, judged before its pages are built:
 * some plan changed (unless it turns out to have errors), or a PDF is
 * missing or out of date. Reads the out folder.
 */
async function printsSoon(run: SiteBuild, toBuild: readonly string[], pageKeys: ReadonlyMap<string, string>, pdfsAreCurrent: boolean): Promise<boolean> {
  const { browser } = run;
  if (!browser || pdfsAreCurrent) return false;
  if (run.force || toBuild.length > 0) return true;
  return !(await (await import('./print-plans.js')).pdfsAreCurrent(run.config.out, pageKeys, { browser, generator: run.generator, settings: printSettings(run.config) }));
}

/** The printer of this build, its browser starting now. Starts a browser. */
async function startPrinterFor(run: SiteBuild): Promise<Printer | undefined> {
  if (!run.browser) return undefined;
  const { startPrinter } = await import('./print-plans.js');
  return startPrinter(run.config.out, { browser: run.browser, settings: printSettings(run.config), timeout: run.config.pdf.timeout });
}

/** What printing learns from the cache, and the printer started ahead when there is one. */
interface PrintAhead {
  readonly pageKeys: Map<string, string>;
  readonly pdfsAreCurrent: boolean;
  readonly printer?: Printer;
}

/** Prints the PDFs that are out of date; nothing when there is no browser. Runs a browser, writes the out folder. */
async function printSite(run: SiteBuild, plans: readonly IndexPlan[], keys: BuildKeys, { pageKeys, pdfsAreCurrent, printer }: PrintAhead): Promise<PrintOutcome | undefined> {
  const { browser, config } = run;
  if (!browser) return undefined;
  if (pdfsAreCurrent) return { printed: 0, unchanged: pageKeys.size, failures: [], blocked: [] };
  for (const [file, entry] of run.entries) if (entry.built) pageKeys.set(entry.slug, keys.plans.get(file) as string);
  const { printPlans } = await import('./print-plans.js');
  return printPlans(plans, config, {
    browser,
    settings: printSettings(config),
    concurrency: run.concurrency ?? config.pdf.concurrency ?? availableParallelism(),
    timeout: config.pdf.timeout,
    force: run.force,
    generator: run.generator,
    theme: async () => (await run.siteContext()).theme,
    signal: run.signal,
    pageKeys,
    ...(printer ? { printer } : {}),
  }, run.io);
}

