/**
 * `careerplan build`: checks every plan, renders the valid ones into the
 * site (a page per plan, the index, `plans.json`, assets) and reports the
 * rest the way `check` does. Wires the pure stages to the disk.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { checkEach, displayPath } from '../check-plans.js';
import type { Config } from '../config.js';
import { reporters } from '../diagnostics/reporters/index.js';
import { BrowserNotFoundError, findBrowser, howToGetABrowser, type BrowserChoice } from '../edges/browser.js';
import { lockOut } from '../edges/files.js';
import { packageRoot } from '../package-root.js';
import { createHtmlRenderer } from '../stages/html.js';
import { findPlanFiles, PlanPathError } from '../stages/load.js';
import type { PlanModel } from '../stages/model.js';
import { isBuildable, planPage } from '../stages/page.js';
import { planSlug } from '../stages/validate.js';
import { createTheme } from '../theme/index.js';
import { exitCodes, type Io } from './io.js';
import { printPlans, type PrintOutcome } from './print-plans.js';
import { emptyFolder, guardOut, readManifest, removeStale, siteNames, writeAssets, writeIndexPage, writeManifest, writePlanPage, writePlansJson, type SiteContext } from './site-output.js';

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
}

/** Exit codes of a build stopped by a signal, as shells report them. */
const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

/** Builds the site and its PDFs; returns the exit code. Reads the plans, writes the out folder, runs a browser, reports to `io`. */
export async function build(config: Config, options: BuildOptions, io: Io): Promise<number> {
  const files = await findPlanFiles([config.plans]);
  if (files.length === 0) throw new PlanPathError(`no plans found in ${displayPath(config.plans, io.cwd)}: plans are files ending in .md`);
  guardOut(config);
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

  const theme = await createTheme({ builtin: path.join(packageRoot().folder, 'templates'), user: config.templates, cwd: io.cwd });
  const html = createHtmlRenderer({ allowRawHtml: config.allowRawHtml });
  const slugByFile = new Map(files.map((file) => [file, planSlug(file)]));
  const pageContext = { html, config, slugOf: (file: string) => slugByFile.get(file) };
  const generator = `careerplan ${packageRoot().version}`;
  const site: SiteContext = { theme, config, generator, pdfs: browser !== undefined };
  const models: PlanModel[] = [];

  // Ctrl-C and SIGTERM stop the build between files: no half-written file, no browser left behind.
  const abort = new AbortController();
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => () => abort.abort(signal);
  const onInterrupt = onSignal('SIGINT');
  const onTerminate = onSignal('SIGTERM');
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onTerminate);

  const release = await lockOut(config.out);
  let summary;
  let printing: PrintOutcome | undefined;
  try {
    if (options.clean) await emptyFolder(config.out);
    const previous = await readManifest(config.out);
    // Each plan's page is written as soon as the plan is checked, so only a few plans' trees are in memory at once.
    summary = await checkEach(files, config, io.cwd, async (checked) => {
      if (abort.signal.aborted || !isBuildable(checked)) return;
      const page = planPage(checked, pageContext);
      await writePlanPage(page, site);
      models.push(page.model);
    });
    if (!abort.signal.aborted) {
      models.sort((a, b) => a.slug.localeCompare(b.slug));
      await writeIndexPage(models, site);
      await writePlansJson(models, site);
      await writeAssets(site);
      const written = siteNames(models);
      await writeManifest(config.out, written);
      await removeStale(config.out, previous, written);
    }
    if (browser && !abort.signal.aborted) {
      printing = await printPlans(models, config, {
        browser,
        settings: { paper: config.pdf.paper, margin: config.pdf.margin },
        concurrency: options.concurrency ?? config.pdf.concurrency ?? availableParallelism(),
        timeout: config.pdf.timeout,
        force: options.force,
        generator,
        signal: abort.signal,
      }, io);
    }
  } finally {
    await release();
    process.removeListener('SIGINT', onInterrupt);
    process.removeListener('SIGTERM', onTerminate);
  }

  const stopped = abort.signal.reason as keyof typeof signalExitCodes | undefined;
  if (stopped) {
    io.stderr.write(`careerplan: stopped by ${stopped}; every file written is complete\n`);
    return signalExitCodes[stopped];
  }
  if (summary.diagnostics.length > 0) {
    io.stderr.write(reporters.pretty(summary.diagnostics, { sources: summary.sources, color: options.color, planCount: summary.planCount, summary: false }));
  }
  for (const line of printing?.blocked ?? []) io.stderr.write(`${line}\n`);
  for (const line of printing?.failures ?? []) io.stderr.write(`${line}\n`);
  const left = summary.planCount - models.length;
  const built = `${models.length} of ${summary.planCount} ${summary.planCount === 1 ? 'plan' : 'plans'} built into ${displayPath(config.out, io.cwd)}`;
  const pdfs = printing ? `; PDFs: ${printing.printed} printed, ${printing.unchanged} unchanged${printing.failures.length > 0 ? `, ${printing.failures.length} failed` : ''}` : '';
  io.stderr.write(`${built}${left > 0 ? `; ${left} left out because of errors` : ''}${pdfs}\n`);
  if (options.pdf && !browser) {
    io.stderr.write(`careerplan: ${noBrowser}\n`);
    return exitCodes.failure;
  }
  const failed = summary.diagnostics.some((d) => d.severity === 'error') || (printing?.failures.length ?? 0) > 0;
  return failed ? exitCodes.problems : exitCodes.ok;
}
