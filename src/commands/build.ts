/**
 * `careerplan build`: checks every plan, renders the valid ones into the
 * site (a page per plan, the index, `plans.json`, assets) and reports the
 * rest the way `check` does. Wires the pure stages to the disk.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { reporters } from '../diagnostics/reporters/index.js';
import { BrowserNotFoundError, findBrowser, howToGetABrowser, type BrowserChoice } from '../edges/browser.js';
import { lockOut, removeOwnTemporaries, syncWrittenSince } from '../edges/files.js';
import { onStopSignals, signalExitCodes } from '../edges/signals.js';
import { removeLeftoverSpools } from '../edges/spool.js';
import { packageRoot } from '../lib/package-root.js';
import { displayPath } from '../lib/paths.js';
import { findProjectRepository } from '../edges/git.js';
import { gitPlaces, historyStamps, planLogs } from '../history/stamps.js';
import { findPlanFiles, PlanPathError, skippedLines } from '../stages/load.js';
import { modelVersion } from '../stages/model.js';
import { formatShard, inShard, type Shard } from '../site/shard.js';
import { compareDiagnostics } from '../diagnostics/compare.js';
import { planSlug } from '../format/slug.js';
import { readTheme } from '../theme/source.js';
import type { PrecompiledTheme } from '../theme/theme.js';
import { hashOf, otherFiles, readCache, writeCache, type CachedPlan } from '../build/cache.js';
import type { PagesJob } from '../build/pages.js';
import { createBuiltPlans } from '../build/built-plans.js';
import { exitCodes, type Io } from '../io.js';
import { guardOut } from '../site/out-guard.js';
import { planFileFacts, textIfUnchanged, type PlanFileFacts, type PlanSource } from '../build/plan-sources.js';
import type { PrintOutcome } from '../build/print-plans.js';
import type { SiteContext } from '../site/output.js';

/** How `build` runs. */
export interface BuildOptions {
  /** Empty the out folder first. */
  readonly clean: boolean;
  readonly color: boolean;
  /** Print each plan to PDF. */
  readonly pdf: boolean;
  /** Print every PDF, changed or not. */
  readonly force: boolean;
  /** Plans printed at once; default the config's, else the number of cores. */
  readonly concurrency?: number;
  /** The browser named by `--browser`. */
  readonly browser?: string;
  /** Worker threads building pages (0: this thread alone); default by the number of plans and cores. */
  readonly workers?: number;
  /** Build only this shard's plans (`--shard i/n`): the index and `plans.json` hold only them, for `merge`. */
  readonly shard?: Shard;
}

/** Builds the site and its PDFs; returns the exit code. Reads the plans, writes the out folder, runs a browser, reports to `io`. */
export async function build(config: Config, options: BuildOptions, io: Io): Promise<number> {
  const listing = await findPlanFiles([config.plans], { configured: true });
  const { files } = listing;
  for (const line of skippedLines(listing, (file) => displayPath(file, io.cwd))) io.stderr.write(`${line}\n`);
  if (files.length === 0) throw new PlanPathError(`no plans found in ${displayPath(config.plans, io.cwd)}: plans are files ending in .md`);
  guardOut(config);
  // A shard builds its own plans; links between plans and the rules over all plans still see every file (`allFiles`).
  const { shard } = options;
  const planFiles = shard ? files.filter((file) => inShard(planSlug(file), shard)) : files;
  // A browser named but missing is reported like no browser at all: the HTML site is still built.
  let noBrowser = howToGetABrowser(process.platform);
  let browser: BrowserChoice | undefined;
  try {
    const explicitFrom = options.browser ? '--browser' : '`pdf.browser` in the config';
    browser = options.pdf ? findBrowser({ explicit: options.browser ?? config.pdf.browser, explicitFrom, env: io.env }) : undefined;
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    noBrowser = error.message;
  }

  const builtinTemplates = path.join(packageRoot().folder, 'templates');
  // The theme is compiled only when a page is to be rendered here: a build with nothing changed never loads Handlebars.
  const theme = await readTheme({ builtin: builtinTemplates, user: config.templates, cwd: io.cwd });
  const tool = packageRoot().version;
  const generator = `careerplan ${tool}`;
  const pdfs = browser !== undefined;
  // Each made once, when first asked: the workers' start is a good time (see below).
  let compiled: Promise<PrecompiledTheme> | undefined;
  const compiledTheme = (): Promise<PrecompiledTheme> => (compiled ??= import('../theme/theme.js').then(({ precompileTheme }) => precompileTheme(theme)));
  let site: Promise<SiteContext> | undefined;
  const siteContext = (): Promise<SiteContext> =>
    (site ??= (async () => {
      const [{ themeFrom }, precompiled] = await Promise.all([import('../theme/theme.js'), compiledTheme()]);
      return { theme: themeFrom(precompiled), config, generator, pdfs, deferSync: true, ...(shard ? { shard } : {}) };
    })());

  // Ctrl-C and SIGTERM stop the build between files: no half-written file, no browser left behind. Should it not
  // end in time, its temporary files and its lock are removed and it exits; the browser ends with it (see browser.ts).
  const abort = new AbortController();
  let release: (() => Promise<void>) | undefined;
  const stopListening = onStopSignals(
    (signal) => abort.abort(signal),
    () => {
      removeOwnTemporaries(config.out);
      void release?.();
    },
  );

  try {
    release = await lockOut(config.out);
  } catch (error) {
    stopListening();
    throw error;
  }
  // The lock is ours: a spool left there is from a build that was killed.
  removeLeftoverSpools(config.out);
  const entries = new Map<string, CachedPlan>();
  let cachedCount = 0;
  // The plans built wait on disk while the workers run (see built-plans.ts).
  const kept = createBuiltPlans(config.out);
  let printed: PrintOutcome | undefined;
  let facts = new Map<string, PlanFileFacts>();
  // Files of the site this build writes are at least this recent (see `syncWrittenSince`).
  const writesSince = Date.now();
  try {
    // Only what careerplan wrote is removed; an out folder holding anything else is refused before anything is written.
    if (options.clean) await (await import('../site/manifest.js')).cleanOut(config.out, displayPath(config.out, io.cwd));

    // What each page depends on besides its plan's text: the tool, the config, the theme, which plans exist, the plans folder's other files.
    const siteWide = hashOf([tool, String(modelVersion), JSON.stringify(config), io.cwd, theme.fingerprint, String(pdfs), ...files, await otherFiles(config.plans)]);
    const cache = await readCache(config.out, tool);
    // A plan file is read only when its stat differs from the last build's (see plan-sources.ts).
    facts = planFileFacts(planFiles, (file) => cache.source(file));
    // A page also shows the plan's history: its newest commit, or the day of the file's time outside git (see historyStamps).
    const places = gitPlaces(planFiles, await findProjectRepository(config, 'git', io.env));
    const stamps = await historyStamps(planFiles, places);
    const keyOf = (file: string): string => {
      const fact = facts.get(file);
      return hashOf([siteWide, file, fact?.hash ?? '', stamps.get(file) ?? '', fact?.day ?? '']);
    };
    const keys = new Map(planFiles.map((file) => [file, keyOf(file)] as const));
    const siteKey = hashOf([siteWide, shard ? formatShard(shard) : '', ...planFiles.map((file) => keys.get(file) as string)]);
    // The plan file as this build found it, recorded with its entry (see plan-sources.ts).
    const sourceOf = (file: string): { source?: PlanSource } => {
      const source = facts.get(file)?.source;
      return source ? { source } : {};
    };

    const toBuild: string[] = [];
    for (const file of planFiles) {
      const hit = await cache.lookup(file, keys.get(file) as string, config.out);
      if (hit) entries.set(file, { ...hit, ...sourceOf(file) });
      else toBuild.push(file);
    }
    const siteIsCurrent = toBuild.length === 0 && (await cache.siteIsCurrent(siteKey, config.out));
    // Each PDF is judged by its plan's key, which covers everything its page and print job are made from.
    const pageKeys = new Map([...entries].filter(([, entry]) => entry.built).map(([file, entry]) => [entry.slug, keys.get(file) as string]));
    const printing = browser ? await import('../build/print-plans.js') : undefined;
    const pdfsAreCurrent = siteIsCurrent && browser !== undefined && !options.force && (await printing?.pdfsAreCurrent(config.out, pageKeys, { browser, generator, settings: printSettings(config) })) === true;
    // The models of unchanged plans come from the last build's plans.json; a plan whose model is not there is built again.
    if (!siteIsCurrent || (pdfs && !pdfsAreCurrent)) {
      const unchanged = new Map([...entries].filter(([, entry]) => entry.built).map(([file, entry]) => [entry.slug, file]));
      const taken = await cache.models(config.out, new Set(unchanged.keys()), (plan) => {
        const file = unchanged.get(plan.slug);
        if (file !== undefined) kept.keep(file, plan);
      });
      for (const [slug, file] of unchanged) {
        if (taken.has(slug)) continue;
        entries.delete(file);
        toBuild.push(file);
      }
    }

    cachedCount = entries.size;
    // What git says of the plans to build, for all at once: a few git processes per build, not per plan.
    const gitLogs = await planLogs(toBuild, places);
    const job: PagesJob = { config, cwd: io.cwd, allFiles: files, generator, pdfs, gitLogs };
    if (toBuild.length > 0) {
      const { buildPages, defaultWorkers } = await import('../build/workers.js');
      const workers = options.workers ?? defaultWorkers(toBuild.length, availableParallelism());
      // This thread compiles the theme while the workers load their code, and sends it to them. It then only waits
      // while they build: it makes its own theme for the index meanwhile. A broken template is reported where it is awaited.
      if (!siteIsCurrent && workers > 0) siteContext().catch(() => undefined);
      await buildPages(toBuild.sort(), job, compiledTheme(), workers, abort.signal, ({ file, entry, plan }) => {
        // The text of a plan with errors (for their code frames) waits on disk too.
        const { text, ...rest } = entry;
        if (text !== undefined) kept.keepText(file, text);
        entries.set(file, { key: keys.get(file) as string, ...rest, ...sourceOf(file) });
        if (plan) kept.keep(file, plan);
      });
      for (const [file, text] of kept.texts()) {
        const entry = entries.get(file);
        if (entry) entries.set(file, { ...entry, text });
      }
    }

    if (!abort.signal.aborted) {
      // The workers are done: what the index and the PDFs need of each plan comes back.
      const plans = kept.indexPlans();
      if (!siteIsCurrent) {
        const site = await siteContext();
        const output = await import('../site/output.js');
        const manifest = await import('../site/manifest.js');
        const previous = await manifest.readManifest(config.out);
        await output.writeIndexPage(plans, site);
        await output.writePlansJsonOf(plans.length, plans.map((plan) => () => kept.modelJson(plan.slug)), site);
        // Nothing more is read from the spool. Deleted before the syncfs below, its pages (about 40 MB for 1,000 plans)
        // are dropped without being written to the disk.
        kept.close();
        await output.writeAssets(site);
        const builtEntries = [...entries.values()].filter((entry) => entry.built);
        const written = new Set([...manifest.siteOutputs(site.theme.assets), ...builtEntries.flatMap((entry) => manifest.planOutputs(entry.slug, entry.copies))]);
        await manifest.writeManifest(config.out, written);
        await manifest.removeStale(config.out, previous, written);
        // The site's files were written without an fsync each: they reach the disk before the cache says they are current.
        await syncWrittenSince(config.out, writesSince);
      }
      // A view's folder goes to people who must not read the omitted parts: its cache keeps no plan's messages or text
      // (a message may quote the plan); those plans are checked again by the next build.
      const cached = config.view ? new Map([...entries].filter(([, entry]) => entry.diagnostics.length === 0)) : entries;
      // A current site was built from exactly these entries: the cache on disk already says so, unless a plan file was read again.
      const reread = [...cached].some(([file, entry]) => entry.source !== cache.source(file));
      if (!siteIsCurrent || reread) await writeCache(config.out, tool, cached, siteKey);
      if (browser && pdfsAreCurrent) printed = { printed: 0, unchanged: pageKeys.size, failures: [], blocked: [] };
      else if (browser && printing) {
        for (const [file, entry] of entries) if (entry.built) pageKeys.set(entry.slug, keys.get(file) as string);
        printed = await printing.printPlans(plans, config, {
          browser,
          settings: printSettings(config),
          concurrency: options.concurrency ?? config.pdf.concurrency ?? availableParallelism(),
          timeout: config.pdf.timeout,
          force: options.force,
          generator,
          signal: abort.signal,
          pageKeys,
        }, io);
      }
    }
  } finally {
    kept.close();
    // A worker thread ended mid-write leaves its temporary file.
    if (abort.signal.aborted) removeOwnTemporaries(config.out);
    await release();
    stopListening();
  }

  const diagnostics = [...entries.values()].flatMap((entry) => entry.diagnostics).sort(compareDiagnostics);
  // A plan with errors that came from the cache is read again, for their code frames, unless it changed since its stat.
  const sources = new Map(
    [...entries].flatMap(([file, entry]) => {
      const text = entry.text ?? (entry.diagnostics.some((d) => d.severity === 'error') ? textIfUnchanged(file, facts.get(file)?.hash ?? '') : undefined);
      return text === undefined ? [] : [[entry.diagnostics[0]?.file ?? '', text] as const];
    }),
  );
  const summary = { diagnostics, sources, planCount: planFiles.length };
  const builtCount = [...entries.values()].filter((entry) => entry.built).length;
  const stopped = abort.signal.reason as keyof typeof signalExitCodes | undefined;
  if (stopped) {
    io.stderr.write(`careerplan: stopped by ${stopped}; every file written is complete\n`);
    return signalExitCodes[stopped];
  }
  if (summary.diagnostics.length > 0) {
    io.stderr.write(reporters.pretty(summary.diagnostics, { sources: summary.sources, color: options.color, planCount: summary.planCount, summary: false }));
  }
  for (const line of printed?.blocked ?? []) io.stderr.write(`${line}\n`);
  for (const line of printed?.failures ?? []) io.stderr.write(`${line}\n`);
  const left = summary.planCount - builtCount;
  const fromCache = cachedCount > 0 ? ` (${cachedCount} unchanged since the last build)` : '';
  const slice = shard ? `; shard ${formatShard(shard)} of ${files.length} ${files.length === 1 ? 'plan' : 'plans'}` : '';
  const built = `${builtCount} of ${summary.planCount} ${summary.planCount === 1 ? 'plan' : 'plans'} built into ${displayPath(config.out, io.cwd)}${fromCache}${slice}`;
  const pdfLine = printed ? `; PDFs: ${printed.printed} printed, ${printed.unchanged} unchanged${printed.failures.length > 0 ? `, ${printed.failures.length} failed` : ''}` : '';
  io.stderr.write(`${built}${left > 0 ? `; ${left} left out because of errors` : ''}${pdfLine}\n`);
  if (options.pdf && !browser) {
    io.stderr.write(`careerplan: ${noBrowser}\n`);
    return exitCodes.failure;
  }
  const failed = summary.diagnostics.some((d) => d.severity === 'error') || (printed?.failures.length ?? 0) > 0;
  return failed ? exitCodes.problems : exitCodes.ok;
}

/** The paper and margins of the PDFs, from the config. */
function printSettings(config: Config): { readonly paper: Config['pdf']['paper']; readonly margin: Config['pdf']['margin'] } {
  return { paper: config.pdf.paper, margin: config.pdf.margin };
}
