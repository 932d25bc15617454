/**
 * A watch session: one configuration's live site, watcher and print queue,
 * and what a batch of saved files does to it — a plan rebuilt alone (plus
 * the index), every page re-rendered for a template, a new session for the
 * config. Open pages are told to reload; the terminal gets one line per
 * rebuild. Reads plans, writes the out folder, watches the disk, runs a browser.
 */
import path from 'node:path';
import { availableParallelism } from 'node:os';
import type { Config, Resolved } from '../config/config.js';
import { overlayProblems, type OverlayProblem } from '../diagnostics/reporters/overlay.js';
import { reporters } from '../diagnostics/reporters/index.js';
import type { BrowserChoice } from '../edges/browser.js';
import { lockOut } from '../edges/files.js';
import type { PreviewServer } from '../edges/server.js';
import { createWatcher, type ChangeBatch, type Watcher } from '../edges/watcher.js';
import { displayPath, isInside } from '../lib/paths.js';
import { skippedLines } from '../stages/load.js';
import { printSettings } from '../stages/print.js';
import type { Io } from '../io.js';
import type { Diagnostic } from '../types.js';
import { printPlans } from '../build/print-plans.js';
import { guardOut } from '../site/out-guard.js';
import { createLiveSite, type LiveSite, type PlanChanges, type Update } from './live-site.js';
import { createPrintQueue, type PrintQueue } from './print-queue.js';

/** How `watch` runs. */
export interface WatchOptions {
  readonly port: number;
  readonly strictPort: boolean;
  readonly host: string;
  /** Open the preview in the default browser. */
  readonly open: boolean;
  readonly pdf: boolean;
  readonly color: boolean;
  /** Print every problem the first build finds, warnings too (otherwise errors and a count). */
  readonly verbose: boolean;
  /** The browser named by `--browser`. */
  readonly browser?: string;
  /** Reads and resolves the config file again (after it changed). */
  readonly reloadConfig: () => Promise<{ readonly resolved: Resolved; readonly file?: string; readonly text?: string }>;
  /** The config file in use, watched for changes; the default names are watched when there is none. */
  readonly configFiles: readonly string[];
  /** Ends the watch (Ctrl-C); the command resolves once everything is closed. */
  readonly signal: AbortSignal;
}

/** Quiet milliseconds after the last rebuild before `plans.json` is written. */
const dataDelayMs = 1000;

/** Quiet milliseconds after the last change before PDFs are printed again. */
const printDebounceMs = 400;

/** One configuration's watch: its site, watcher and print queue. A config change replaces it. */
export interface Session {
  readonly config: Config;
  readonly site: LiveSite;
  readonly watcher: Watcher;
  readonly printing: PrintQueue | undefined;
  readonly templateFolders: readonly string[];
  /** Set once a newer session is on its way: this one's batches are dropped. */
  retired: boolean;
  /** The first build of every plan, which runs while the preview serves (pages asked for are built first). */
  firstBuild: Promise<void>;
}

/** The preview across its sessions: what stays while the config changes. */
export interface Preview {
  readonly options: WatchOptions;
  readonly io: Io;
  readonly generator: string;
  readonly builtinTemplates: string;
  readonly browser: BrowserChoice | undefined;
  readonly server: Pick<PreviewServer, 'broadcast'>;
  session: Session | undefined;
  configProblems: OverlayProblem[];
  /** Releases the out folder's lock. */
  release: () => Promise<void>;
  /** Rebuilds run one at a time, in the order the changes came: a stale one never overwrites a newer one. */
  queue: Promise<unknown>;
  dataTimer: NodeJS.Timeout | undefined;
}

/** Runs `work` after every rebuild before it. */
export function serial<T>(preview: Preview, work: () => Promise<T>): Promise<T> {
  const next = preview.queue.then(work);
  preview.queue = next.catch(() => undefined);
  return next;
}

/** One line on the terminal. */
export function say(preview: Preview, line: string): void {
  void preview.io.stderr.write(`${line}\n`);
}

const now = (): string => new Date().toTimeString().slice(0, 8);

/** Starts a configuration's site: lists its plans, watches its files and builds every plan in the background; pages asked for meanwhile are built first. */
export async function startSession(preview: Preview, config: Config): Promise<Session> {
  const { io, options, builtinTemplates, browser } = preview;
  const started = performance.now();
  const site = createLiveSite({ config, cwd: io.cwd, builtinTemplates, generator: preview.generator, pdfs: browser !== undefined, signal: options.signal });
  saySkipped(preview, await site.start());
  // The built-in theme is watched when careerplan runs from its own repository, not from an installed package.
  const builtinIsSource = !builtinTemplates.split(path.sep).includes('node_modules');
  const templateFolders = [...new Set([config.templates, ...(builtinIsSource ? [builtinTemplates] : [])])];
  const printingQueue = browser ? createQueue(preview, config, site, browser) : undefined;
  let self: Session | undefined;
  const watcher = await createWatcher({
    paths: [config.plans, ...templateFolders, ...options.configFiles],
    ignore: (file) => isInside(config.out, file) || file.split(path.sep).includes('node_modules'),
    onChange: (batch) => (self === undefined || self.retired ? undefined : serial(preview, () => onBatch(preview, self as Session, batch))),
    onError: (error) => say(preview, `careerplan: watching failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  self = { config, site, watcher, printing: printingQueue, templateFolders, retired: false, firstBuild: Promise.resolve() };
  self.firstBuild = buildInBackground(preview, self, started);
  return self;
}

/** Builds every plan the session has not built yet; then tells the terminal what it found, reloads the index and prints the PDFs. */
async function buildInBackground(preview: Preview, session: Session, started: number): Promise<void> {
  const { site } = session;
  try {
    const built = await site.buildRest();
    if (session.retired || preview.options.signal.aborted) return;
    const { diagnostics } = site.diagnostics();
    const listed = preview.options.verbose ? () => true : (diagnostic: Diagnostic) => diagnostic.severity === 'error';
    report(preview, site, built.checked, `built ${site.models().length} of ${site.planCount} plans`, started, listed);
    const summary = problemsSummary(site.planCount, diagnostics, preview.options.verbose);
    if (summary !== undefined) say(preview, summary);
    reload(preview, built);
    session.printing?.request([]);
  } catch (error) {
    say(preview, `careerplan: building the plans failed: ${error instanceof Error ? error.message : String(error)}; the preview goes on`);
  }
}

/** One line for the problems of every plan: how many plans have errors, how many warnings, and where to read them. Pure. */
export function problemsSummary(planCount: number, diagnostics: readonly Diagnostic[], verbose: boolean): string | undefined {
  if (diagnostics.length === 0) return undefined;
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const withErrors = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const where = verbose ? 'listed above and in the problems panel of the pages' : 'see the problems panel of the pages, run `careerplan check`, or start with `--verbose` to list them here';
  return `careerplan: ${count(planCount, 'plan', 'plans')}, ${withErrors.toLocaleString('en-US')} with errors, ${count(warnings, 'warning', 'warnings')}: ${where}`;
}

/** The print queue of a session: every out-of-date PDF printed with the same print stage as `build`, the plans just changed first. */
function createQueue(preview: Preview, config: Config, site: LiveSite, choice: BrowserChoice): PrintQueue {
  const quiet: Io = { ...preview.io, isTerminal: false };
  return createPrintQueue({
    debounceMs: printDebounceMs,
    onError: (error) => say(preview, `careerplan: printing failed: ${error instanceof Error ? error.message : String(error)}; the preview goes on`),
    print: async (first, signal) => {
      const models = site.models();
      const ordered = [...models.filter((model) => first.has(model.slug)), ...models.filter((model) => !first.has(model.slug))];
      const outcome = await printPlans(ordered, config, {
        browser: choice,
        settings: printSettings(config),
        concurrency: config.pdf.concurrency ?? Math.max(1, Math.floor(availableParallelism() / 2)),
        timeout: config.pdf.timeout,
        force: false,
        generator: preview.generator,
        theme: async () => {
          const theme = site.printTheme();
          if (theme === undefined) throw new Error('the theme has a broken template');
          return theme;
        },
        signal,
        onPrinted: (slug) => preview.server.broadcast('pdf', JSON.stringify({ slug })),
      }, quiet);
      for (const line of [...outcome.blocked, ...outcome.failures]) say(preview, line);
    },
  });
}

/** What a batch of saved files is to a session. */
export interface SortedBatch {
  /** The config file changed: a new session. */
  readonly config: boolean;
  /** Files of the theme's folders, as shown to the user. */
  readonly templates: readonly string[];
  /** Files of the plans folder (plans and their images). */
  readonly plans: PlanChanges;
  /** Those files, as shown to the user. */
  readonly planNames: readonly string[];
}

/** Sorts a batch into the config, the templates and the plans folder. Pure. */
export function sortBatch(batch: ChangeBatch, configFiles: readonly string[], templateFolders: readonly string[], cwd: string): SortedBatch {
  const all = [...batch.changed, ...batch.added, ...batch.removed];
  const isTemplate = (file: string): boolean => templateFolders.some((folder) => isInside(folder, file));
  const name = (file: string): string => path.relative(cwd, file).split(path.sep).join('/');
  return {
    config: all.some((file) => configFiles.includes(file)),
    templates: all.filter(isTemplate).map(name),
    plans: { changed: batch.changed.filter((f) => !isTemplate(f)), added: batch.added.filter((f) => !isTemplate(f)), removed: batch.removed.filter((f) => !isTemplate(f)) },
    planNames: all.filter((file) => !isTemplate(file)).map(name),
  };
}

/** Rebuilds what a batch of changed files touches. */
async function onBatch(preview: Preview, current: Session, batch: ChangeBatch): Promise<void> {
  if (current.retired) return;
  const started = performance.now();
  const sorted = sortBatch(batch, preview.options.configFiles, current.templateFolders, preview.io.cwd);
  if (sorted.config) {
    current.retired = true;
    // The old watcher cannot be closed from inside its own batch: the new session starts after it.
    void serial(preview, () => reconfigure(preview, current));
    return;
  }
  const { site } = current;
  if (sorted.templates.length > 0) {
    const update = await site.retheme();
    reload(preview, update);
    report(preview, site, [], `re-rendered every page (${sorted.templates.join(', ')})`, started);
    current.printing?.request(update.reprint);
  }
  const { plans } = sorted;
  if (plans.changed.length + plans.added.length + plans.removed.length === 0) return;
  const update = await site.update(plans);
  saySkipped(preview, update);
  reload(preview, update);
  // Node sends a response's writes at the end of the tick: let the reload leave before the index's long render starts.
  await new Promise((resolve) => setImmediate(resolve));
  const indexChanged = await site.writeIndex();
  if (indexChanged || update.paths.length > 0) reload(preview, { paths: ['/'], all: false });
  writeDataSoon(preview, current);
  report(preview, site, update.checked, `rebuilt ${sorted.planNames.join(', ')}`, started);
  current.printing?.request(update.reprint);
}

/** The config file changed: reads it again and starts a new session with it (the last good config when it is broken). */
async function reconfigure(preview: Preview, old: Session): Promise<void> {
  await closeSession(preview, old);
  const started = performance.now();
  const reloaded = await reloadConfig(preview, old.config);
  let config = reloaded.config;
  try {
    guardOut(config);
  } catch (error) {
    say(preview, `careerplan: ${(error as Error).message}; keeping ${old.config.out}`);
    config = { ...config, out: old.config.out };
  }
  if (config.out !== old.config.out) {
    await preview.release();
    preview.release = await lockOut(config.out);
  }
  preview.session = await startSession(preview, config);
  // A new config changes every page: the pages are all built before they reload.
  await preview.session.firstBuild;
  reload(preview, { paths: [], all: true });
  say(preview, `${now()} config changed: rebuilt everything in ${Math.round(performance.now() - started)} ms`);
  // A save that landed after the file was read (an editor's write caught half done, an empty file read as no config)
  // reached neither the old session's watcher, retired, nor the new one, not yet started: read once more.
  const session = preview.session;
  if ((await configText(preview)) !== reloaded.read && !session.retired) {
    session.retired = true;
    void serial(preview, () => reconfigure(preview, session));
  }
}

/** The config file's name and text as careerplan would read them now, to tell whether it changed; its error when unreadable. */
async function configText(preview: Preview): Promise<string> {
  try {
    const { file, text } = await preview.options.reloadConfig();
    return readOf(file, text);
  } catch (error) {
    return readOf(undefined, error instanceof Error ? error.message : String(error));
  }
}

/** What a read of the config found, as one text to compare. Pure. */
function readOf(file: string | undefined, text: string | undefined): string {
  return `${file ?? ''}\0${text ?? ''}`;
}

/**
 * The config as the file says now; its problems show in the pages and the terminal, and an unreadable file keeps the
 * last good config. With it, what the read found (see `configText`).
 */
async function reloadConfig(preview: Preview, last: Config): Promise<{ config: Config; read: string }> {
  const { io, options } = preview;
  try {
    const { resolved, file, text } = await options.reloadConfig();
    const sources = new Map(file !== undefined && text !== undefined ? [[file, text]] : []);
    preview.configProblems = overlayProblems(resolved.diagnostics, sources);
    if (resolved.diagnostics.length > 0) io.stderr.write(reporters.pretty(resolved.diagnostics, { sources, color: options.color, planCount: 0, summary: false }));
    return { config: resolved.config ?? last, read: readOf(file, text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    preview.configProblems = [{ severity: 'error', ruleId: 'config', message }];
    say(preview, `careerplan: ${message}`);
    return { config: last, read: readOf(undefined, message) };
  }
}

/**
 * `plans.json` holds every plan: writing it takes longer than a page, and
 * no page shows it, so it is written once the saves pause (and at the end).
 */
function writeDataSoon(preview: Preview, current: Session): void {
  clearTimeout(preview.dataTimer);
  preview.dataTimer = setTimeout(() => {
    preview.dataTimer = undefined;
    serial(preview, () => current.site.writeData()).catch((error: unknown) => say(preview, `careerplan: could not write plans.json: ${(error as Error).message}`));
  }, dataDelayMs);
}

/** Ends a session: `plans.json` written if it waits, the watcher and the print queue closed. */
export async function closeSession(preview: Preview, old: Session): Promise<void> {
  if (preview.dataTimer !== undefined) {
    clearTimeout(preview.dataTimer);
    preview.dataTimer = undefined;
    await old.site.writeData();
  }
  old.retired = true;
  old.site.close();
  await old.firstBuild;
  await old.watcher.close();
  await old.printing?.close();
}

/** Tells the open pages to reload: some paths, or all. */
function reload(preview: Preview, update: Pick<Update, 'paths' | 'all'>): void {
  const { server } = preview;
  if (update.all) server.broadcast('reload', JSON.stringify({ all: true }));
  // A plan's print view shows its problems too; its PDF reloads apart, once printed.
  const paths = update.paths.flatMap((page) => (page === '/' ? [page] : [page, `/__careerplan/print${page}`]));
  if (!update.all && paths.length > 0) server.broadcast('reload', JSON.stringify({ paths }));
}

/** Tells the terminal which links named like plans, and which folders it could not read, were left out. */
function saySkipped(preview: Preview, update: Pick<Update, 'links' | 'unreadable'>): void {
  for (const line of skippedLines({ links: update.links ?? [], unreadable: update.unreadable ?? [] }, (file) => displayPath(file, preview.io.cwd))) say(preview, line);
}

/** Tells the terminal what a rebuild found: the problems of the plans it checked, then one line. */
function report(preview: Preview, site: LiveSite, checked: readonly string[], what: string, started: number, listed: (diagnostic: Diagnostic) => boolean = () => true): void {
  const { io } = preview;
  const { diagnostics, sources } = site.diagnostics();
  const files = new Set(checked);
  const shown = diagnostics.filter((d) => files.has(d.file));
  const printed = shown.filter(listed);
  if (printed.length > 0) io.stderr.write(reporters.pretty(printed, { sources, color: preview.options.color, planCount: checked.length, summary: false }));
  if (site.themeError) io.stderr.write(`careerplan: ${site.themeError.message}\n`);
  const errors = shown.filter((d) => d.severity === 'error').length;
  const ms = Math.round(performance.now() - started);
  const outcome = errors > 0 ? `; ${errors} ${errors === 1 ? 'error' : 'errors'}, the preview shows the last good version` : '';
  say(preview, `${now()} ${what} in ${ms} ms${outcome}`);
}
