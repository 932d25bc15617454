/**
 * The printer: one headless Chromium per build, a few tabs printing plan
 * pages to PDF in parallel. Plans are untrusted, so each page runs no
 * JavaScript and may load only the build's own files; every other request
 * is blocked and reported. A crashed browser is started again; a plan that
 * takes too long fails alone. Touches a browser process.
 */
import path from 'node:path';
import type { Browser, HTTPRequest, Page, PaperFormat, PDFOptions } from 'puppeteer-core';
import { isInside } from '../lib/paths.js';
import { contentPolicy, contentPolicyMeta } from '../theme/content-policy.js';
import { maxAttachmentBytes } from '../markdown/media.js';
import { readAttachment } from '../edges/attachments.js';
import { contentTypeOf } from '../edges/content-types.js';
import { endBrowserTree } from '../edges/browser.js';
import { chooseScale, measurePrint, startPages, textArea } from './fit.js';

/** The made-up origin the printed pages live on; nothing is ever fetched from it. */
export const printOrigin = 'https://careerplan.invalid';

/** How pages are printed: the same for every plan of a build. */
export interface PrintSettings {
  readonly paper: string;
  readonly margin: string | { readonly top: string; readonly right: string; readonly bottom: string; readonly left: string };
  /** The sections (by their anchors) that start on a new page; by default sections follow each other. */
  readonly newPageBefore?: readonly string[];
}

/** One plan to print. */
export interface PrintJob {
  /** The plan file, as shown to the user. */
  readonly name: string;
  /** The plan's folder in the site. */
  readonly slug: string;
  /** The page's HTML (its links are relative to `<out>/<slug>/`). */
  readonly html: string;
  /** The running header and footer: Chromium's `headerTemplate` and `footerTemplate`, made by the print stage (`stages/print.ts`). */
  readonly headerTemplate: string;
  readonly footerTemplate: string;
}

/** A printed plan: the PDF in memory, and what its page tried to load that was blocked. */
export interface Printed {
  readonly pdf: Uint8Array;
  readonly blocked: readonly string[];
}

/** Starts the browser the printer uses; injected so tests and callers choose it. */
export type LaunchBrowser = () => Promise<Browser>;

/** What a printer needs. */
export interface PrinterOptions {
  readonly launch: LaunchBrowser;
  /** The build's out folder: the only files a page may load. */
  readonly out: string;
  readonly settings: PrintSettings;
  /** Milliseconds a plan may take. */
  readonly timeout: number;
  /**
   * Told as Chromium starts printing a page it has loaded: this thread then
   * waits for a while with nothing to answer, and a caller can load what it
   * needs next without making the page wait (`print-plans` loads pdf-lib).
   */
  readonly whilePrinting?: () => void;
}

/** Prints jobs; `close` ends the browser on every exit path. */
export interface Printer {
  print(job: PrintJob): Promise<Printed>;
  /**
   * Starts the browser and opens its first tab now, ahead of the first job,
   * so that they start while the pages are still being built. Never throws:
   * a browser that will not start is reported by the job that needs it.
   */
  warm(): void;
  close(): Promise<void>;
  /** Ends the browser process at once (for signals). */
  kill(): void;
}

/** A plan that could not be printed: its name and why. */
export class PrintError extends Error {
  override readonly name = 'PrintError';
}


/**
 * Creates a printer; the browser starts with the first job. The printer owns
 * every browser it starts: one that crashed or hung is ended and replaced,
 * and `close` and `kill` end each one still running, whichever worker
 * started it and whatever happened to the one before.
 */
export function createPrinter(options: PrinterOptions): Printer {
  /** The browser new jobs print in. */
  let browser: Promise<Browser> | undefined;
  /** Every browser this printer started and has not ended yet, the current one among them. */
  const started = new Set<Promise<Browser>>();
  let closed = false;

  const currentBrowser = (): Promise<Browser> => {
    if (closed) return Promise.reject(new PrintError('the printer is closed'));
    if (!browser) {
      const starting = options.launch();
      browser = starting;
      started.add(starting);
      starting.then(
        (running) => running.once('disconnected', () => {
          if (browser === starting) browser = undefined;
        }),
        () => {
          started.delete(starting);
          if (browser === starting) browser = undefined;
        },
      );
    }
    return browser;
  };

  /** Ends one browser of this printer; the next job starts a new one. Safe to call twice. */
  const retire = async (which: Promise<Browser>): Promise<void> => {
    if (browser === which) browser = undefined;
    if (!started.delete(which)) return;
    await end(which);
  };

  // Tabs are reused from plan to plan: opening one costs more than printing a small plan.
  const idle: Tab[] = [];
  /** The tab `warm` is opening: the first job takes it rather than open another. */
  let warming: Promise<Tab | undefined> | undefined;
  // A tab being opened in a browser killed meanwhile may never be answered: waiting for one ends when the printer does.
  const { unlessEnded, endWaits } = waitsThatEnd();
  const acquire = async (current: Browser): Promise<Tab> => {
    const opening = warming;
    warming = undefined;
    const warmed = await unlessEnded(Promise.resolve(opening));
    if (warmed) idle.push(warmed);
    for (let tab = idle.pop(); tab; tab = idle.pop()) {
      if (tab.page.browser() === current && !tab.page.isClosed()) return tab;
    }
    return openTab(await unlessEnded(current.newPage()), options.out);
  };

  const printOnce = async (job: PrintJob, which: Promise<Browser>): Promise<Printed> => {
    const tab = await acquire(await unlessEnded(which));
    try {
      const printed = await withTimeout(printPage(tab, job, options), options.timeout, job.name);
      idle.push(tab);
      return printed;
    } catch (error) {
      // A tab that failed is not reused; one that will not even close means a hung browser: end it, and the next plan starts a new one.
      await withTimeout(tab.page.close(), 5_000, job.name).catch(() => retire(which));
      throw error;
    }
  };

  return {
    async print(job) {
      const first = currentBrowser();
      try {
        return await printOnce(job, first);
      } catch (error) {
        if (closed || error instanceof PrintError) throw error;
        // The browser crashed or was killed under this plan: end what is left of it (only that one: another job
        // may have started its successor meanwhile), and try once more in the current browser, or a new one.
        if (!(await first.then((running) => running.connected, () => false))) await retire(first);
        try {
          return await printOnce(job, currentBrowser());
        } catch (retried) {
          throw retried instanceof PrintError ? retried : new PrintError(`${job.name}: the browser failed while printing (${(retried as Error).message})`, { cause: retried });
        }
      }
    },
    warm() {
      if (!closed) warming ??= currentBrowser().then(async (running) => openTab(await running.newPage(), options.out)).catch(() => undefined);
    },
    async close() {
      closed = true;
      endWaits();
      await Promise.all([...started].map(retire));
    },
    kill() {
      closed = true;
      endWaits();
      browser = undefined;
      for (const which of started) void which.then(endBrowserTree, () => undefined);
      started.clear();
    },
  };
}

/** Waits that can all be ended at once: `unlessEnded(promise)` settles as `promise` does, or rejects with a `PrintError` once `endWaits` is called. */
function waitsThatEnd(): { unlessEnded: <T>(promise: Promise<T>) => Promise<T>; endWaits: () => void } {
  let endWaits: () => void = () => undefined;
  const ended = new Promise<never>((_, reject) => {
    endWaits = () => reject(new PrintError('the printer is closed'));
  });
  ended.catch(() => undefined);
  return { unlessEnded: (promise) => Promise.race([promise, ended]), endWaits };
}

/** Closes a browser, or ends its process tree when it will not close in time or was killed already. */
async function end(which: Promise<Browser>): Promise<void> {
  const running = await which.catch(() => undefined);
  if (!running) return;
  if (!running.connected) return endBrowserTree(running);
  await withTimeout(running.close(), 5_000, 'closing the browser').catch(() => endBrowserTree(running));
}

/** A sandboxed tab and the plan it is printing now. */
interface Tab {
  readonly page: Page;
  current?: { readonly job: PrintJob; readonly blocked: string[] };
}

/** Makes a tab a sandbox: no JavaScript, and every request answered from the build or blocked. */
async function openTab(page: Page, out: string): Promise<Tab> {
  const tab: Tab = { page };
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const current = tab.current;
    // A request of a page that was closed meanwhile cannot be answered; nothing is lost.
    if (current) answer(request, current.job, out, current.blocked).catch(() => undefined);
    else request.abort('blockedbyclient').catch(() => undefined);
  });
  return tab;
}

/**
 * Puts one plan's page into a sandboxed tab and prints it. The page is
 * written into the tab's blank document with a `<base>` on the made-up
 * origin rather than navigated to: a navigation costs Chromium more than
 * the printing of a plan's page (a new document, its renderer state built
 * again), and the tab's document stays `about:blank`, which can reach
 * nothing but what the interception serves.
 */
async function printPage(tab: Tab, job: PrintJob, { settings, whilePrinting }: Pick<PrinterOptions, 'settings' | 'whilePrinting'>): Promise<Printed> {
  const blocked: string[] = [];
  tab.current = { job, blocked };
  try {
    await tab.page.setContent(withBase(forPrinting(withoutRefresh(job.html, blocked)), `${printOrigin}/${encodeURIComponent(job.slug)}/`), { waitUntil: 'load', timeout: 0 });
    await fontsReady(tab.page);
    const options = pdfOptions(job, settings);
    await tab.page.emulateMediaType('print');
    const area = { ...(await textArea(options)), newPageBefore: settings.newPageBefore ?? [] };
    const scale = await chooseScale((at) => measurePrint(tab.page, area, at));
    await startPages(tab.page, area.newPageBefore);
    const printing = tab.page.pdf({ ...options, scale });
    whilePrinting?.();
    const pdf = await printing;
    return { pdf, blocked };
  } finally {
    delete tab.current;
  }
}

/**
 * The page with its content policy allowing the made-up origin the page's
 * files are served from: its document is `about:blank`, whose own origin
 * (`'self'`) is not the one its relative URLs resolve to. Interception
 * still answers only the build's own files.
 */
function forPrinting(html: string): string {
  return html.replace(contentPolicyMeta(), () => contentPolicyMeta(contentPolicy([printOrigin])));
}

/**
 * The page with a `<base>` first in its head, so its relative links and
 * assets resolve to the made-up origin (and its `#` links stay links
 * inside the PDF). The first `<base>` of a document is the one that counts.
 */
export function withBase(html: string, base: string): string {
  const element = `<base href="${escapeHtml(base)}">`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return `${html.slice(0, head.index + head[0].length)}${element}${html.slice(head.index + head[0].length)}`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? `${doctype[0]}${element}${html.slice(doctype[0].length)}` : `${element}${html}`;
}

/**
 * Waits until the web fonts are in: our own call through the DevTools
 * protocol, not the page's script (so `page.pdf` need not ask again). A
 * page that tries to navigate away replaces its context once; ask again.
 */
async function fontsReady(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.evaluate('document.fonts.ready.then(() => true)');
      return;
    } catch (error) {
      if (attempt >= 5 || !/context was destroyed|Cannot find context/i.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Serves the build's own files; blocks everything else. */
async function answer(request: HTTPRequest, job: PrintJob, out: string, blocked: string[]): Promise<void> {
  const url = request.url();
  const file = allowedFile(url, job.slug, out);
  // Only an ordinary file within the size limit is read: something else put into the out folder (a FIFO) is never opened.
  const body = file === undefined ? undefined : readAttachment(file, maxAttachmentBytes);
  if (file !== undefined && body !== undefined) {
    // The page's document is about:blank, so its web fonts, fetched in CORS mode, come from another origin.
    await request.respond({ status: 200, contentType: contentTypeOf(file), headers: { 'access-control-allow-origin': '*' }, body });
    return;
  }
  // The browser asks for a favicon on its own; only what the page asks for is worth a warning.
  if (!url.startsWith('data:') && url !== `${printOrigin}/favicon.ico`) blocked.push(url);
  await request.abort('blockedbyclient');
}

/**
 * Removes `meta refresh` elements: a page that navigates away while printing
 * loses its document under Chromium's PDF call, even when the navigation is
 * blocked. Each one removed is reported.
 */
function withoutRefresh(html: string, blocked: string[]): string {
  // Chromium refuses `file:` URLs from this page before any request is made; name them all the same.
  for (const match of html.matchAll(/\b(?:src|href|data|srcset)\s*=\s*["']?(file:[^"'\s>]*)|url\(\s*["']?(file:[^"')\s]*)/gi)) {
    blocked.push(match[1] ?? match[2] ?? 'a file: URL');
  }
  return html.replace(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh\b[^>]*>/gi, (element) => {
    blocked.push(`a meta refresh (${element})`);
    return '';
  });
}

/** The file in the out folder a URL names, when the page may load it: the theme's assets and the plan's own folder. */
function allowedFile(url: string, slug: string, out: string): string | undefined {
  if (!url.startsWith(`${printOrigin}/`)) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const file = path.resolve(out, `.${pathname}`);
  const allowed = [path.join(out, 'assets'), path.join(out, slug)];
  return allowed.some((folder) => isInside(folder, file)) && !file.endsWith(`${path.sep}index.html`) ? file : undefined;
}

function pdfOptions(job: PrintJob, settings: PrintSettings): PDFOptions {
  const margin = typeof settings.margin === 'string'
    ? { top: settings.margin, right: settings.margin, bottom: settings.margin, left: settings.margin }
    : settings.margin;
  return {
    format: settings.paper as PaperFormat,
    margin,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: job.headerTemplate,
    footerTemplate: job.footerTemplate,
    outline: true,
    tagged: true,
    preferCSSPageSize: false,
    // `fontsReady` has waited for them already.
    waitForFonts: false,
    timeout: 0,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Rejects with a `PrintError` naming `what` when `promise` takes longer than `milliseconds`. */
function withTimeout<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrintError(`${what}: took longer than ${milliseconds < 1000 ? `${milliseconds} ms` : `${Math.round(milliseconds / 1000)} s`} (the config's \`pdf.timeout\`)`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
