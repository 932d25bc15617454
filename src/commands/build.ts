/**
 * `careerplan build`: checks every plan, renders the valid ones into the
 * site (a page per plan, the index, `plans.json`, assets) and reports the
 * rest the way `check` does. Wires the incremental build (`build/site-build.ts`)
 * to the out folder's lock, the stop signals and the terminal.
 */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { reporters } from '../diagnostics/reporters/index.js';
import { lockOut, removeOwnTemporaries } from '../edges/files.js';
import { onStopSignals, signalExitCodes } from '../edges/signals.js';
import { removeLeftoverSpools } from '../edges/spool.js';
import { packageRoot } from '../lib/package-root.js';
import { displayPath } from '../lib/paths.js';
import { findPlanFiles, PlanPathError, skippedLines } from '../stages/load.js';
import { formatShard, inShard, type Shard } from '../site/shard.js';
import { compareDiagnostics } from '../diagnostics/compare.js';
import { planSlug } from '../format/slug.js';
import { readTheme } from '../theme/source.js';
import { exitCodes, type Io } from '../io.js';
import { guardOut } from '../site/out-guard.js';
import { textIfUnchanged } from '../build/plan-sources.js';
import { buildSite, type SiteBuildJob, type SiteBuildOutcome } from '../build/site-build.js';
import { summaryLine } from '../build/report.js';
import { pickBrowser } from '../print/browser-choice.js';

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
  const files = await listPlans(config, io);
  guardOut(config);
  // A shard builds its own plans; links between plans and the rules over all plans still see every file (`files`).
  const { shard } = options;
  const planFiles = shard ? files.filter((file) => inShard(planSlug(file), shard)) : files;
  // A browser named but missing is reported like no browser at all: the HTML site is still built.
  const pick = options.pdf ? pickBrowser(config, options.browser, io.env) : undefined;
  const browser = pick?.browser;
  const theme = await readTheme({ builtin: path.join(packageRoot().folder, 'templates'), user: config.templates, cwd: io.cwd });
  const job: Omit<SiteBuildJob, 'signal'> = {
    config, io, files, planFiles, theme, tool: packageRoot().version, clean: options.clean, force: options.force,
    ...(shard ? { shard } : {}), ...(browser ? { browser } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}), ...(options.workers !== undefined ? { workers: options.workers } : {}),
  };
  const { outcome, stopped } = await inLockedOut(config.out, (signal) => buildSite({ ...job, signal }));
  if (stopped) {
    io.stderr.write(`careerplan: stopped by ${stopped}; every file written is complete\n`);
    return signalExitCodes[stopped];
  }
  const failed = report(outcome, { ...job, options }, io);
  if (pick && !pick.browser) {
    io.stderr.write(`careerplan: ${pick.problem}\n`);
    return exitCodes.failure;
  }
  return failed ? exitCodes.problems : exitCodes.ok;
}

/** The plan files in the plans folder; the links and unreadable folders left out are told on stderr. Reads the disk; throws `PlanPathError` when there are none. */
async function listPlans(config: Config, io: Io): Promise<readonly string[]> {
  const listing = await findPlanFiles([config.plans], { configured: true });
  for (const line of skippedLines(listing, (file) => displayPath(file, io.cwd))) io.stderr.write(`${line}\n`);
  if (listing.files.length === 0) throw new PlanPathError(`no plans found in ${displayPath(config.plans, io.cwd)}: plans are files ending in .md`);
  return listing.files;
}

/**
 * Runs `work` holding the out folder's lock. Ctrl-C and SIGTERM abort its signal: it stops between files, with no
 * half-written file and no browser left behind. Should it not end in time, its temporary files and its lock are
 * removed and it exits; the browser ends with it (see browser.ts). Touches the out folder and the process's signals.
 */
async function inLockedOut<T>(out: string, work: (signal: AbortSignal) => Promise<T>): Promise<{ readonly outcome: T; readonly stopped?: keyof typeof signalExitCodes }> {
  const abort = new AbortController();
  let release: (() => Promise<void>) | undefined;
  const stopListening = onStopSignals(
    (signal) => abort.abort(signal),
    () => {
      removeOwnTemporaries(out);
      void release?.();
    },
  );
  try {
    release = await lockOut(out);
  } catch (error) {
    stopListening();
    throw error;
  }
  // The lock is ours: a spool left there is from a build that was killed.
  removeLeftoverSpools(out);
  try {
    const outcome = await work(abort.signal);
    const stopped = abort.signal.reason as keyof typeof signalExitCodes | undefined;
    return { outcome, ...(stopped ? { stopped } : {}) };
  } finally {
    // A worker thread ended mid-write leaves its temporary file.
    if (abort.signal.aborted) removeOwnTemporaries(out);
    await release();
    stopListening();
  }
}

/** Tells the terminal the problems, the printing and the summary line; returns whether the build failed (errors, or a PDF not printed). Reads a cached plan's text again for its code frames. */
function report(outcome: SiteBuildOutcome, job: Pick<SiteBuildJob, 'config' | 'files' | 'planFiles' | 'shard'> & { readonly options: BuildOptions }, io: Io): boolean {
  const { entries, facts, printed } = outcome;
  const diagnostics = [...entries.values()].flatMap((entry) => entry.diagnostics).sort(compareDiagnostics);
  // A plan with errors that came from the cache is read again, for their code frames, unless it changed since its stat.
  const sources = new Map(
    [...entries].flatMap(([file, entry]) => {
      const text = entry.text ?? (entry.diagnostics.some((d) => d.severity === 'error') ? textIfUnchanged(file, facts.get(file)?.hash ?? '') : undefined);
      return text === undefined ? [] : [[entry.diagnostics[0]?.file ?? '', text] as const];
    }),
  );
  const planCount = job.planFiles.length;
  if (diagnostics.length > 0) io.stderr.write(reporters.pretty(diagnostics, { sources, color: job.options.color, planCount, summary: false }));
  for (const line of printed?.blocked ?? []) io.stderr.write(`${line}\n`);
  for (const line of printed?.failures ?? []) io.stderr.write(`${line}\n`);
  const built = [...entries.values()].filter((entry) => entry.built).length;
  const shard = job.shard ? { name: formatShard(job.shard), files: job.files.length } : undefined;
  io.stderr.write(`${summaryLine({ built, plans: planCount, cached: outcome.cachedCount, out: displayPath(job.config.out, io.cwd), ...(shard ? { shard } : {}), ...(printed ? { printed } : {}) })}\n`);
  return diagnostics.some((d) => d.severity === 'error') || (printed?.failures.length ?? 0) > 0;
}
