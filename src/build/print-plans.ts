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
import { createPrinter, type Printed, type PrintJob, type PrintSettings } from '../print/printer.js';
import type { PlanModel } from '../stages/model.js';
import { fill, formatDate } from '../theme/format.js';
import { labelsFor } from '../theme/labels.js';
import { ownControl } from '../diagnostics/terminal-text.js';
import type { Io } from '../io.js';
import { hashOf } from '../lib/hash.js';

/** What printing needs of a plan besides its page: names for the file, the running header and footer, and the PDF's metadata. */
export type PrintedPlan = Pick<PlanModel, 'slug' | 'file' | 'title' | 'owner' | 'lang' | 'asOf'>;

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

/** Prints every plan whose PDF is missing or out of date. Reads and writes the out folder, runs a browser. */
export async function printPlans(plans: readonly PrintedPlan[], config: Config, options: PrintPlansOptions, io: Io): Promise<PrintOutcome> {
  const out = config.out;
  const previous = await readManifest(out);
  const settingsKey = settingsKeyOf(options);
  const { pageKeys } = options;
  const assets = pageKeys ? '' : await folderHash(path.join(out, 'assets'));
  const manifest: Record<string, string> = {};
  const pending: Array<{ plan: PrintedPlan; job: () => Promise<PrintJob>; key: string }> = [];

  for (const plan of plans) {
    const pageKey = pageKeys?.get(plan.slug);
    const page = path.join(out, plan.slug, 'index.html');
    let key: string;
    let job: () => Promise<PrintJob>;
    if (pageKey === undefined) {
      const html = await readFile(page, 'utf8');
      const read = printJob(plan, html);
      key = hashOf([settingsKey, assets, html, await folderHash(path.join(out, plan.slug, 'media')), JSON.stringify({ ...read, html: '' })]);
      job = () => Promise.resolve(read);
    } else {
      key = pdfKey(settingsKey, pageKey);
      job = async () => printJob(plan, await readFile(page, 'utf8'));
    }
    if (!options.force && previous[plan.slug] === key && existsSync(pdfPath(out, plan.slug))) manifest[plan.slug] = key;
    else pending.push({ plan, job, key });
  }
  if (pending.length === 0) return { printed: 0, unchanged: plans.length, failures: [], blocked: [] };

  // Loaded only when there is something to print: pdf-lib and Puppeteer cost a build with nothing changed a tenth of a second.
  const { withMetadata } = await import('../print/metadata.js');
  const printer = createPrinter({
    launch: () => launchBrowser(options.browser.path),
    out,
    settings: options.settings,
    timeout: options.timeout,
  });

  const { signal } = options;
  const kill = (): void => printer.kill();
  signal.addEventListener('abort', kill, { once: true });

  const failures: string[] = [];
  const blocked: string[] = [];
  const progress = createProgress(pending.length, io);
  const written = (plan: PrintedPlan, key: string, printed: Printed): void => {
    manifest[plan.slug] = key;
    options.onPrinted?.(plan.slug);
    for (const url of printed.blocked) blocked.push(`${plan.file}: warning: blocked a request for ${url} while printing (a PDF loads only the build's own files)`);
    progress.done(plan.file, pdfPath(out, plan.slug));
  };
  const failed = (plan: PrintedPlan, error: unknown): void => {
    failures.push(`${plan.file}: could not print the PDF: ${(error as Error).message.replace(`${plan.file}: `, '')}`);
    progress.failed();
  };
  /** The metadata set and the file written, after its tab has moved on to the next plan. */
  const finish = async ({ plan, key }: (typeof pending)[number], job: PrintJob, printed: Printed): Promise<void> => {
    try {
      const pdf = await withMetadata(printed.pdf, { title: plan.title, author: plan.owner, subject: job.headerLeft, lang: plan.lang, creator: options.generator });
      if (signal.aborted) return;
      await writeFileAtomic(pdfPath(out, plan.slug), pdf);
      written(plan, key, printed);
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
        const item = pending[next++] as (typeof pending)[number];
        progress.start(item.plan.file);
        let job: PrintJob;
        let printed: Printed;
        try {
          job = await item.job();
          printed = await printer.print(job);
        } catch (error) {
          if (signal.aborted) return;
          failed(item.plan, error);
          continue;
        }
        await writing;
        writing = finish(item, job, printed);
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
    await writeIfChanged(path.join(out, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return { printed: pending.length - failures.length, unchanged: plans.length - pending.length, failures, blocked };
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

/** The print job of a plan: its page and the words of its running header and footer, in its language. */
function printJob(plan: PrintedPlan, html: string): PrintJob {
  const words = labelsFor(plan.lang);
  return {
    name: plan.file,
    slug: plan.slug,
    html,
    title: plan.title,
    author: plan.owner,
    headerLeft: plan.title,
    headerRight: plan.owner,
    footerLeft: fill(words.asOfDate, { date: formatDate(plan.asOf, plan.lang) }),
    pageOf: words.pageOf,
  };
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
