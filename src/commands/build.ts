/**
 * `careerplan build`: checks every plan, renders the valid ones into the
 * site (a page per plan, the index, `plans.json`, assets) and reports the
 * rest the way `check` does. Wires the pure stages to the disk.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { checkEach, displayPath } from '../check-plans.js';
import type { Config } from '../config.js';
import { reporters } from '../diagnostics/reporters/index.js';
import { BrowserNotFoundError, findBrowser, howToGetABrowser, type BrowserChoice } from '../edges/browser.js';
import { copyIfChanged, lockOut, writeIfChanged } from '../edges/files.js';
import { packageRoot } from '../package-root.js';
import { isInside } from '../paths.js';
import { createHtmlRenderer, type HtmlRenderer } from '../stages/html.js';
import { findPlanFiles, PlanPathError } from '../stages/load.js';
import { resolveLocalUrl, type Copy } from '../stages/media.js';
import { model, modelVersion, type PlanModel } from '../stages/model.js';
import { byAttention, upcomingDeadlines } from '../stages/site.js';
import { createTheme, timelineText, type Theme } from '../theme/index.js';
import { renderTimeline } from '../timeline/index.js';
import { planSlug } from '../stages/validate.js';
import type { Checked } from '../types.js';
import { exitCodes, type Io } from './io.js';
import { printPlans, type PrintOutcome } from './print-plans.js';

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

/** The file in the out folder that lists what the last build wrote, so pages of deleted plans can be removed. */
const manifestName = '.careerplan-manifest.json';

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
  const generator = `careerplan ${packageRoot().version}`;
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
      if (abort.signal.aborted || !checked.plan || checked.diagnostics.some((d) => d.severity === 'error')) return;
      const page = pageOf(checked, html, config, slugByFile);
      const timelineSvg = renderTimeline(page.model, timelineText(page.model.lang));
      const pdf = browser ? { pdf: `${encodeURIComponent(page.model.slug)}.pdf` } : {};
      await writeIfChanged(path.join(config.out, page.model.slug, 'index.html'), theme.renderPlan({ plan: page.model, timelineSvg, root: '../', generator, ...pdf }));
      for (const copy of page.copies) await copyIfChanged(copy.source, path.join(config.out, copy.target));
      models.push(page.model);
    });
    if (!abort.signal.aborted) {
      const written = await writeIndex(models.sort((a, b) => a.slug.localeCompare(b.slug)), theme, config, generator, browser !== undefined);
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

/** Writes the index, `plans.json`, the assets and the manifest; returns the top-level names the build wrote. */
async function writeIndex(models: readonly PlanModel[], theme: Theme, config: Config, generator: string, pdfs: boolean): Promise<Set<string>> {
  await writeIfChanged(
    path.join(config.out, 'index.html'),
    theme.renderIndex({ plans: byAttention(models), deadlines: upcomingDeadlines(models, config.asOf), asOf: config.asOf, lang: config.locale, root: '', generator, pdfs }),
  );
  await writeIfChanged(path.join(config.out, 'plans.json'), `${JSON.stringify({ version: modelVersion, generator, asOf: config.asOf, plans: models }, null, 2)}\n`);
  for (const asset of theme.assets) await copyIfChanged(asset.source, path.join(config.out, 'assets', asset.target));

  const written = new Set(['index.html', 'plans.json', 'assets', ...models.map((plan) => plan.slug)]);
  await writeIfChanged(path.join(config.out, manifestName), `${JSON.stringify([...written].sort(), null, 2)}\n`);
  return written;
}

/** One plan's model and the local files its page needs. */
function pageOf(checked: Checked, html: HtmlRenderer, config: Config, slugByFile: ReadonlyMap<string, string>): { model: PlanModel; copies: Copy[] } {
  const copies: Copy[] = [];
  const plansRoot = isInside(config.plans, checked.source.absolutePath) ? config.plans : path.dirname(checked.source.absolutePath);
  const bodyHtml = checked.body
    ? html.body(checked.body, (url) => {
        const resolved = resolveLocalUrl(url, { planFile: checked.source.absolutePath, plansRoot, slug: checked.slug, slugOf: (file) => slugByFile.get(file), realPath });
        if (resolved?.copy) copies.push(resolved.copy);
        return resolved?.url;
      })
    : '';
  // Only plans with a plan object are built (see `build`).
  const plan = checked.plan as NonNullable<Checked['plan']>;
  return {
    model: model(plan, { slug: checked.slug, file: checked.source.path, asOf: config.asOf, locale: config.locale, bodyHtml, markdown: html }),
    copies,
  };
}

/** What the last build wrote, from its manifest; nothing when there is none. */
async function readManifest(out: string): Promise<string[]> {
  try {
    const names: unknown = JSON.parse(await readFile(path.join(out, manifestName), 'utf8'));
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string' && name !== '' && !name.includes('/') && !name.startsWith('.')) : [];
  } catch {
    return [];
  }
}

/** Removes what the last build wrote and this one did not: pages of deleted or now invalid plans. Nothing else is touched. */
async function removeStale(out: string, previous: readonly string[], written: ReadonlySet<string>): Promise<void> {
  for (const name of previous) if (!written.has(name)) await rm(path.join(out, name), { recursive: true, force: true });
}

async function emptyFolder(out: string): Promise<void> {
  for (const name of await readdir(out)) {
    if (name === '.careerplan.lock') continue;
    await rm(path.join(out, name), { recursive: true, force: true });
  }
}

/** Refuses an out folder that would overwrite the plans or the project itself. */
function guardOut(config: Config): void {
  if (isInside(config.out, config.plans) || isInside(config.out, config.root)) {
    throw new PlanPathError(`refusing to build into ${config.out}: it holds the plans or the project; choose another \`out\` folder`);
  }
}

function realPath(absolutePath: string): string | undefined {
  try {
    return realpathSync(absolutePath);
  } catch {
    return undefined;
  }
}
