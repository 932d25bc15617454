/**
 * `careerplan watch`: builds the site, serves it on a local address, and
 * rebuilds what each saved file touches: a plan alone (plus the index), every
 * page from memory for a template, everything for the config. Open pages
 * reload themselves and show problems over the last good version; PDFs are
 * printed again in the background for the print view. Runs until Ctrl-C.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import type { Config, Resolved } from '../config/config.js';
import { overlayProblems, themeProblem, type OverlayProblem } from '../diagnostics/reporters/overlay.js';
import { reporters } from '../diagnostics/reporters/index.js';
import { BrowserNotFoundError, findBrowser, type BrowserChoice } from '../edges/browser.js';
import { lockOut } from '../edges/files.js';
import { createServer, type PreviewServer } from '../edges/server.js';
import { createWatcher, type ChangeBatch, type Watcher } from '../edges/watcher.js';
import { packageRoot } from '../lib/package-root.js';
import { displayPath, isInside } from '../lib/paths.js';
import { skippedLines } from '../stages/load.js';
import { reservedSlugs } from '../format/slug.js';
import { clientScript } from '../preview/client-script.js';
import { injectPreview, type PreviewState } from '../preview/inject.js';
import { printViewPage } from '../preview/print-view.js';
import { exitCodes, type Io } from '../io.js';
import { createLiveSite, type LiveSite, type Update } from '../preview/live-site.js';
import { pdfPath, printPlans } from '../build/print-plans.js';
import { createPrintQueue, type PrintQueue } from '../preview/print-queue.js';
import { guardOut } from '../site/out-guard.js';

/** How `watch` runs. */
export interface WatchOptions {
  readonly port: number;
  readonly strictPort: boolean;
  readonly host: string;
  /** Open the preview in the default browser. */
  readonly open: boolean;
  readonly pdf: boolean;
  readonly color: boolean;
  /** The browser named by `--browser`. */
  readonly browser?: string;
  /** Reads and resolves the config file again (after it changed). */
  readonly reloadConfig: () => Promise<{ readonly resolved: Resolved; readonly file?: string; readonly text?: string }>;
  /** The config file in use, watched for changes; the default names are watched when there is none. */
  readonly configFiles: readonly string[];
  /** Ends the watch (Ctrl-C); the command resolves once everything is closed. */
  readonly signal: AbortSignal;
}

/** The port the preview tries first. */
export const defaultPort = 4300;

/** Quiet milliseconds after the last rebuild before `plans.json` is written. */
const dataDelayMs = 1000;

/** Quiet milliseconds after the last change before PDFs are printed again. */
const printDebounceMs = 400;

/** One configuration's watch: its site, watcher and print queue. A config change replaces it. */
interface Session {
  readonly config: Config;
  readonly site: LiveSite;
  readonly watcher: Watcher;
  readonly printing: PrintQueue | undefined;
  readonly templateFolders: readonly string[];
  /** Set once a newer session is on its way: this one's batches are dropped. */
  retired: boolean;
}

/** Runs the preview until `options.signal` aborts; returns the exit code. Serves HTTP, watches the disk, runs a browser. */
export async function watch(initial: Config, options: WatchOptions, io: Io): Promise<number> {
  guardOut(initial);
  const generator = `careerplan ${packageRoot().version}`;
  const builtinTemplates = path.join(packageRoot().folder, 'templates');
  let session: Session | undefined;
  let configProblems: OverlayProblem[] = [];
  let browser: BrowserChoice | undefined;
  let release = await lockOut(initial.out);
  // Rebuilds run one at a time, in the order the changes came: a stale one never overwrites a newer one.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const say = (line: string): void => void io.stderr.write(`${line}\n`);
  const now = (): string => new Date().toTimeString().slice(0, 8);

  if (options.pdf) {
    try {
      const explicitFrom = options.browser ? '--browser' : '`pdf.browser` in the config';
      browser = findBrowser({ explicit: options.browser ?? initial.pdf.browser, explicitFrom, env: io.env });
    } catch (error) {
      if (!(error instanceof BrowserNotFoundError)) throw error;
      say(`careerplan: ${error.message}; the preview runs without PDFs`);
    }
    if (!browser && !options.browser && !initial.pdf.browser) say('careerplan: no browser found to print PDFs; the preview runs without them (see `careerplan doctor`)');
  }

  const server: PreviewServer = await createServer({
    root: () => session?.config.out ?? initial.out,
    host: options.host,
    port: options.port,
    strictPort: options.strictPort,
    inject: (html, requestPath) => injectPreview(html, stateFor(requestPath)),
    memory: (name) => (name === 'client.js' ? clientScript : printView(name)),
    notFound: (requestPath) => notBuilt(requestPath),
  });

  /** The problems and links a page at `requestPath` shows. */
  function stateFor(requestPath: string): PreviewState {
    const site = session?.site;
    const global = [...configProblems, ...(site?.themeError ? [themeProblem(site.themeError)] : [])];
    if (site === undefined) return { problems: global };
    const page = pageOf(requestPath);
    if (page === 'index') {
      const { diagnostics, sources } = site.diagnostics();
      return { problems: [...global, ...overlayProblems(diagnostics, sources)] };
    }
    if (page === undefined) return { problems: global };
    const { sources } = site.diagnostics();
    return {
      problems: [...global, ...overlayProblems(site.diagnosticsOf(page), sources)],
      ...(printing() ? { printView: `/__careerplan/print/${encodeURIComponent(page)}/` } : {}),
    };
  }

  function printing(): boolean {
    return session?.printing !== undefined;
  }

  /** The print view of `print/<slug>/`, for a plan the site shows. */
  function printView(name: string): string | undefined {
    const match = /^print\/([^/]+)\/$/.exec(name);
    if (!match || !printing() || session === undefined) return undefined;
    const slug = decodeURIComponent(match[1] ?? '');
    const plan = session.site.models().find((model) => model.slug === slug);
    if (plan === undefined) return undefined;
    return printViewPage({ slug, title: plan.title, lang: plan.lang, pdfReady: existsSync(pdfPath(session.config.out, slug)), state: stateFor(`/${match[1]}/`) });
  }

  /** A page for a plan that has never built (or an index not written yet), so its problems still show and it reloads when fixed. */
  function notBuilt(requestPath: string): string | undefined {
    const page = pageOf(requestPath);
    if (page === undefined || session === undefined) return undefined;
    if (page !== 'index' && session.site.diagnosticsOf(page).length === 0) return undefined;
    const heading = page === 'index' ? 'Nothing is built yet' : `${page} is not built yet`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${heading}</title></head><body><main><h1>${heading}</h1><p>Fix the problems shown above; this page reloads by itself.</p></main></body></html>`;
    return injectPreview(html, stateFor(requestPath));
  }

  /** Which page a URL path is: the index, a plan's slug, or something else. */
  function pageOf(requestPath: string): 'index' | string | undefined {
    if (requestPath === '/' || requestPath === '/index.html') return 'index';
    const match = /^\/([^/]+)\/(index\.html)?$/.exec(requestPath);
    if (!match?.[1] || reservedSlugs.has(match[1])) return undefined;
    return match[1];
  }

  function reload(update: Pick<Update, 'paths' | 'all'>): void {
    if (update.all) server.broadcast('reload', JSON.stringify({ all: true }));
    // A plan's print view shows its problems too; its PDF reloads apart, once printed.
    const paths = update.paths.flatMap((page) => (page === '/' ? [page] : [page, `/__careerplan/print${page}`]));
    if (!update.all && paths.length > 0) server.broadcast('reload', JSON.stringify({ paths }));
  }

  /** Tells the terminal which links named like plans, and which folders it could not read, were left out. */
  function saySkipped(update: Pick<Update, 'links' | 'unreadable'>): void {
    for (const line of skippedLines({ links: update.links ?? [], unreadable: update.unreadable ?? [] }, (file) => displayPath(file, io.cwd))) say(line);
  }

  /** Tells the terminal what a rebuild found: the problems of the plans it checked, then one line. */
  function report(site: LiveSite, checked: readonly string[], what: string, started: number): void {
    const { diagnostics, sources } = site.diagnostics();
    const shown = diagnostics.filter((d) => checked.includes(d.file));
    if (shown.length > 0) io.stderr.write(reporters.pretty(shown, { sources, color: options.color, planCount: checked.length, summary: false }));
    if (site.themeError) io.stderr.write(`careerplan: ${site.themeError.message}\n`);
    const errors = shown.filter((d) => d.severity === 'error').length;
    const ms = Math.round(performance.now() - started);
    const outcome = errors > 0 ? `; ${errors} ${errors === 1 ? 'error' : 'errors'}, the preview shows the last good version` : '';
    say(`${now()} ${what} in ${ms} ms${outcome}`);
  }

  async function startSession(config: Config): Promise<Session> {
    const started = performance.now();
    const site = createLiveSite({ config, cwd: io.cwd, builtinTemplates, generator, pdfs: browser !== undefined, signal: options.signal });
    const built = await site.buildAll();
    saySkipped(built);
    report(site, built.checked, `built ${site.models().length} of ${site.planCount} plans`, started);
    // The built-in theme is watched when careerplan runs from its own repository, not from an installed package.
    const builtinIsSource = !builtinTemplates.split(path.sep).includes('node_modules');
    const templateFolders = [...new Set([config.templates, ...(builtinIsSource ? [builtinTemplates] : [])])];
    const printingQueue = browser ? createQueue(config, site, browser) : undefined;
    let self: Session | undefined;
    const watcher = await createWatcher({
      paths: [config.plans, ...templateFolders, ...options.configFiles],
      ignore: (file) => isInside(config.out, file) || file.split(path.sep).includes('node_modules'),
      onChange: (batch) => (self === undefined || self.retired ? undefined : serial(() => onBatch(self as Session, batch))),
      onError: (error) => say(`careerplan: watching failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    self = { config, site, watcher, printing: printingQueue, templateFolders, retired: false };
    printingQueue?.request([]);
    return self;
  }

  function createQueue(config: Config, site: LiveSite, choice: BrowserChoice): PrintQueue {
    const quiet: Io = { ...io, isTerminal: false };
    return createPrintQueue({
      debounceMs: printDebounceMs,
      onError: (error) => say(`careerplan: printing failed: ${error instanceof Error ? error.message : String(error)}; the preview goes on`),
      print: async (first, signal) => {
        const models = site.models();
        const ordered = [...models.filter((model) => first.has(model.slug)), ...models.filter((model) => !first.has(model.slug))];
        const outcome = await printPlans(ordered, config, {
          browser: choice,
          settings: { paper: config.pdf.paper, margin: config.pdf.margin },
          concurrency: config.pdf.concurrency ?? Math.max(1, Math.floor(availableParallelism() / 2)),
          timeout: config.pdf.timeout,
          force: false,
          generator,
          signal,
          onPrinted: (slug) => server.broadcast('pdf', JSON.stringify({ slug })),
        }, quiet);
        for (const line of [...outcome.blocked, ...outcome.failures]) say(line);
      },
    });
  }

  /** Rebuilds what a batch of changed files touches. */
  async function onBatch(current: Session, batch: ChangeBatch): Promise<void> {
    if (current.retired) return;
    const started = performance.now();
    const all = [...batch.changed, ...batch.added, ...batch.removed];
    if (all.some((file) => options.configFiles.includes(file))) {
      current.retired = true;
      // The old watcher cannot be closed from inside its own batch: the new session starts after it.
      void serial(() => reconfigure(current));
      return;
    }
    const { site } = current;
    const isTemplate = (file: string): boolean => current.templateFolders.some((folder) => isInside(folder, file));
    const plans = { changed: batch.changed.filter((f) => !isTemplate(f)), added: batch.added.filter((f) => !isTemplate(f)), removed: batch.removed.filter((f) => !isTemplate(f)) };
    const names = all.map((file) => path.relative(io.cwd, file).split(path.sep).join('/'));
    if (all.some(isTemplate)) {
      const update = await site.retheme();
      reload(update);
      report(site, [], `re-rendered every page (${names.filter((_, i) => isTemplate(all[i] as string)).join(', ')})`, started);
      current.printing?.request(update.reprint);
    }
    if (plans.changed.length + plans.added.length + plans.removed.length === 0) return;
    const update = await site.update(plans);
    saySkipped(update);
    reload(update);
    // Node sends a response's writes at the end of the tick: let the reload leave before the index's long render starts.
    await new Promise((resolve) => setImmediate(resolve));
    const indexChanged = await site.writeIndex();
    if (indexChanged || update.paths.length > 0) reload({ paths: ['/'], all: false });
    writeDataSoon(current);
    report(site, update.checked, `rebuilt ${names.filter((_, i) => !isTemplate(all[i] as string)).join(', ')}`, started);
    current.printing?.request(update.reprint);
  }

  async function reconfigure(old: Session): Promise<void> {
    await closeSession(old);
    const started = performance.now();
    let config = old.config;
    try {
      const { resolved, file, text } = await options.reloadConfig();
      const sources = new Map(file !== undefined && text !== undefined ? [[file, text]] : []);
      configProblems = overlayProblems(resolved.diagnostics, sources);
      if (resolved.diagnostics.length > 0) io.stderr.write(reporters.pretty(resolved.diagnostics, { sources, color: options.color, planCount: 0, summary: false }));
      config = resolved.config ?? old.config;
    } catch (error) {
      // An unreadable config file: its message shows in the page and the terminal, and the last good config goes on.
      const message = error instanceof Error ? error.message : String(error);
      configProblems = [{ severity: 'error', ruleId: 'config', message }];
      say(`careerplan: ${message}`);
    }
    try {
      guardOut(config);
    } catch (error) {
      say(`careerplan: ${(error as Error).message}; keeping ${old.config.out}`);
      config = { ...config, out: old.config.out };
    }
    if (config.out !== old.config.out) {
      await release();
      release = await lockOut(config.out);
    }
    session = await startSession(config);
    reload({ paths: [], all: true });
    say(`${now()} config changed: rebuilt everything in ${Math.round(performance.now() - started)} ms`);
  }

  /**
   * `plans.json` holds every plan: writing it takes longer than a page, and
   * no page shows it, so it is written once the saves pause (and at the end).
   */
  let dataTimer: NodeJS.Timeout | undefined;
  function writeDataSoon(current: Session): void {
    clearTimeout(dataTimer);
    dataTimer = setTimeout(() => {
      dataTimer = undefined;
      serial(() => current.site.writeData()).catch((error: unknown) => say(`careerplan: could not write plans.json: ${(error as Error).message}`));
    }, dataDelayMs);
  }

  async function closeSession(old: Session): Promise<void> {
    if (dataTimer !== undefined) {
      clearTimeout(dataTimer);
      dataTimer = undefined;
      await old.site.writeData();
    }
    old.retired = true;
    await old.watcher.close();
    await old.printing?.close();
  }

  try {
    session = await startSession(initial);
    if (!['127.0.0.1', '::1', 'localhost'].includes(options.host)) {
      say(`careerplan: warning: the preview is exposed on ${options.host}: anyone who can reach this machine can read these plans`);
    }
    say(`careerplan: previewing ${session.site.models().length} plans at ${server.url} (Ctrl-C stops)`);
    if (options.open) openInBrowser(server.url, io);
    await new Promise<void>((resolve) => {
      if (options.signal.aborted) resolve();
      else options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    const last = session;
    if (last) last.retired = true;
    await queue.catch(() => undefined);
    if (session) await closeSession(session);
    await server.close();
    await release();
  }
  say('careerplan: preview stopped');
  return exitCodes.ok;
}

/** Opens a URL in the desktop's default browser; a failure is one line, never a crash. */
function openInBrowser(url: string, io: Io): void {
  void import('node:child_process').then(({ spawn }) => {
    const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
    const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => io.stderr.write(`careerplan: could not open a browser; open ${url}\n`));
    child.unref();
  });
}
