/**
 * Printing the built site's plan pages to PDF: only what changed since the
 * last build (a manifest of content hashes), several tabs at once, each PDF
 * written atomically next to its page, the browser ended on every exit
 * path. Wires the printer edge to the out folder.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { launchBrowser, type BrowserChoice } from '../edges/browser.js';
import { writeFileAtomic, writeIfChanged } from '../edges/files.js';
import type { Printed, Printer, PrintSettings } from '../print/printer.js';
import { printJob, type PrintContext, type PrintedPlan, type PrintPlan } from '../stages/print.js';
import type { Theme } from '../theme/theme.js';
import { ownControl } from '../diagnostics/terminal-text.js';
import type { Io } from '../io.js';
import { hashOf } from '../lib/hash.js';

/** The file in the out folder that records what each PDF was printed from. */
const manifestName = '.careerplan-pdf.json';

/** How the plans are printed. */
export interface PrintPlansOptions {
  readonly browser: BrowserChoice;
  readonly settings: PrintSettings;
  readonly concurrency: number;
  readonly timeout: number;
  /** Print every plan, changed or not. */
  readonly force: boolean;
  readonly generator: string;
  /** The theme whose templates make each PDF's header and footer; asked for only when a plan is to be printed. */
  readonly theme: () => Promise<Pick<Theme, 'renderPrintMargin' | 'words'>>;
  /** Aborted by Ctrl-C or SIGTERM: printing stops and the browser is ended. */
  readonly signal: AbortSignal;
  /** Told as soon as each PDF is written (the preview's print view reloads it). */
  readonly onPrinted?: (slug: string) => void;
  /**
   * A key per slug that changes whenever the plan's page, its media or its
   * print job would (the build cache's key of the plan): PDFs are then judged
   * by it, without reading and hashing every page. Without it, by the files.
   */
  readonly pageKeys?: ReadonlyMap<string, string>;
  /** A printer started ahead by the caller (`startPrinter`), its browser already starting: printing uses it and closes it. */
  readonly printer?: Printer;
}

/**
 * A printer whose browser and first tab start now, while the caller still
 * builds the pages: a one-plan build then waits for neither. The caller
 * hands it to `printPlans`, and closes it itself should it never get there.
 * Starts a browser.
 */
export async function startPrinter(out: string, options: Pick<PrintPlansOptions, 'browser' | 'settings' | 'timeout'>): Promise<Printer> {
  // Loaded only when there is something to print: judging whether the PDFs are current (`pdfsAreCurrent`) loads no Puppeteer.
  const { createPrinter } = await import('../print/printer.js');
  // pdf-lib, which sets each PDF's metadata, loads while Chromium prints the first page: loading it costs a tenth of a second.
  const whilePrinting = (): void => void loadMetadata().catch(() => undefined);
  const printer = createPrinter({ launch: () => launchBrowser(options.browser.path), out, settings: options.settings, timeout: options.timeout, whilePrinting });
  printer.warm();
  return printer;
}

/** What the PDF keys depend on besides the page: the paper, the tool and the browser. */
type PrintSettingsKey = Pick<PrintPlansOptions, 'settings' | 'generator' | 'browser'>;

/** What printing did. */
export interface PrintOutcome {
  readonly printed: number;
  readonly unchanged: number;
  /** One line per plan that could not be printed. */
  readonly failures: readonly string[];
  /** One line per request a page made that was blocked. */
  readonly blocked: readonly string[];
}

/** A plan to print: how to make its job (its page is read only then), and the key its PDF is recorded under. */
interface Pending {
  readonly plan: PrintedPlan;
  readonly job: () => Promise<PrintPlan>;
  readonly key: string;
}

/** The PDF metadata module, loaded only when there is something to print: pdf-lib would cost a build with nothing changed a tenth of a second. */
function loadMetadata(): Promise<typeof import('../print/metadata.js')> {
  return import('../print/metadata.js');
}

/** Prints every plan whose PDF is missing or out of date. Reads and writes the out folder, runs a browser. */
export async function printPlans(plans: readonly PrintedPlan[], config: Config, options: PrintPlansOptions, io: Io): Promise<PrintOutcome> {
  const out = config.out;
  const previous = await readManifest(out);
  const manifest: Record<string, string> = {};
  const pending: Pending[] = [];
  for (const item of await printItems(plans, out, options)) {
    if (!options.force && previous[item.plan.slug] === item.key && existsSync(pdfPath(out, item.plan.slug))) manifest[item.plan.slug] = item.key;
    else pending.push(item);
  }
  if (pending.length === 0) {
    await options.printer?.close();
    return { printed: 0, unchanged: plans.length, failures: [], blocked: [] };
  }
  try {
    const { failures, blocked } = await printPending(pending, out, options, io, (slug, key) => {
      manifest[slug] = key;
    });
    return { printed: pending.length - failures.length, unchanged: plans.length - pending.length, failures, blocked };
  } finally {
    await writeIfChanged(path.join(out, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

/** Each plan's key and the making of its job: by its page key when given, else by its page's files (read now). Reads the out folder. */
async function printItems(plans: readonly PrintedPlan[], out: string, options: PrintPlansOptions): Promise<Pending[]> {
  const settingsKey = settingsKeyOf(options);
  const { pageKeys } = options;
  const assets = pageKeys ? '' : await folderHash(path.join(out, 'assets'));
  const context = async (): Promise<PrintContext> => ({ theme: await options.theme(), settings: options.settings, generator: options.generator });
  const items: Pending[] = [];
  for (const plan of plans) {
    const pageKey = pageKeys?.get(plan.slug);
    const page = path.join(out, plan.slug, 'index.html');
    if (pageKey === undefined) {
      const html = await readFile(page, 'utf8');
      const read = printJob(plan, html, await context());
      const key = hashOf([settingsKey, assets, html, await folderHash(path.join(out, plan.slug, 'media')), JSON.stringify({ ...read, job: { ...read.job, html: '' } })]);
      items.push({ plan, job: () => Promise.resolve(read), key });
    } else {
      items.push({ plan, job: async () => printJob(plan, await readFile(page, 'utf8'), await context()), key: pdfKey(settingsKey, pageKey) });
    }
  }
  return items;
}

/** What a round of printing reported. */
interface PrintReport {
  readonly failures: string[];
  readonly blocked: string[];
}

/** Prints the pending plans in a few tabs of one browser, each PDF written as soon as it is printed; `recorded` is told each PDF written. Runs a browser, writes the out folder. */
async function printPending(pending: readonly Pending[], out: string, options: PrintPlansOptions, io: Io, recorded: (slug: string, key: string) => void): Promise<PrintReport> {
  const printer = options.printer ?? (await startPrinter(out, options));
  const { signal } = options;
  const kill = (): void => printer.kill();
  signal.addEventListener('abort', kill, { once: true });
  const report: PrintReport = { failures: [], blocked: [] };
  const progress = createProgress(pending.length, io);
  const failed = (plan: PrintedPlan, error: unknown): void => {
    report.failures.push(`${plan.file}: could not print the PDF: ${(error as Error).message.replace(`${plan.file}: `, '')}`);
    progress.failed();
  };
  /** The metadata set and the file written, after its tab has moved on to the next plan. */
  const finish = async ({ plan, key }: Pending, metadata: PrintPlan['metadata'], printed: Printed): Promise<void> => {
    try {
      const pdf = await (await loadMetadata()).withMetadata(printed.pdf, metadata);
      if (signal.aborted) return;
      await writeFileAtomic(pdfPath(out, plan.slug), pdf);
      recorded(plan.slug, key);
      options.onPrinted?.(plan.slug);
      for (const url of printed.blocked) report.blocked.push(`${plan.file}: warning: blocked a request for ${url} while printing (a PDF loads only the build's own files)`);
      progress.done(plan.file, pdfPath(out, plan.slug));
    } catch (error) {
      if (!signal.aborted) failed(plan, error);
    }
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    // Each tab prints its next plan while its last PDF is being written; at most one waits per tab.
    let writing: Promise<void> = Promise.resolve();
    try {
      while (next < pending.length && !signal.aborted) {
        const item = pending[next++] as Pending;
        progress.start(item.plan.file);
        let made: PrintPlan;
        let printed: Printed;
        try {
          made = await item.job();
          printed = await printer.print(made.job);
        } catch (error) {
          if (signal.aborted) return;
          failed(item.plan, error);
          continue;
        }
        await writing;
        writing = finish(item, made.metadata, printed);
      }
    } finally {
      await writing;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, pending.length)) }, worker));
  } finally {
    progress.end();
    signal.removeEventListener('abort', kill);
    await printer.close();
  }
  return report;
}

/**
 * Whether every plan's PDF was printed from its page as it is now, judged by
 * the pages' keys (see `pageKeys`): a build with nothing changed then needs
 * neither the plans' models nor a browser. Reads the out folder.
 */
export async function pdfsAreCurrent(out: string, pageKeys: ReadonlyMap<string, string>, options: PrintSettingsKey): Promise<boolean> {
  const previous = await readManifest(out);
  const settingsKey = settingsKeyOf(options);
  for (const [slug, pageKey] of pageKeys) {
    if (previous[slug] !== pdfKey(settingsKey, pageKey) || !existsSync(pdfPath(out, slug))) return false;
  }
  return true;
}

function settingsKeyOf(options: PrintSettingsKey): string {
  return JSON.stringify({ settings: options.settings, generator: options.generator, browser: options.browser.path });
}

function pdfKey(settingsKey: string, pageKey: string): string {
  return hashOf([settingsKey, 'page', pageKey]);
}

/** Where a plan's PDF goes. */
export function pdfPath(out: string, slug: string): string {
  return path.join(out, slug, `${slug}.pdf`);
}

async function readManifest(out: string): Promise<Record<string, string>> {
  try {
    const data: unknown = JSON.parse(await readFile(path.join(out, manifestName), 'utf8'));
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
    return Object.fromEntries(Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

/** A hash of every file below a folder, names and contents; empty when there is no folder. */
async function folderHash(folder: string): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
  } catch {
    return '';
  }
  const parts: string[] = [];
  for (const name of names) parts.push(path.relative(folder, name), hashOf([await readFile(name)]));
  return hashOf(parts);
}

/** Progress on stderr: one rewritten line on a terminal, a plain line per PDF otherwise. */
function createProgress(total: number, io: Io) {
  let done = 0;
  const line = (text: string): void => {
    if (io.isTerminal) io.stderr.write(`${ownControl('\r\u001b[2K')}${text}`);
  };
  return {
    start(file: string) {
      line(`printing PDFs ${done}/${total}: ${file}`);
    },
    done(file: string, pdf: string) {
      done += 1;
      if (io.isTerminal) line(`printing PDFs ${done}/${total}: ${file}`);
      else io.stderr.write(`printed ${file} → ${path.relative(io.cwd, pdf).split(path.sep).join('/')}\n`);
    },
    failed() {
      done += 1;
    },
    end() {
      if (io.isTerminal) io.stderr.write(ownControl('\r\u001b[2K'));
    },
  };
}
