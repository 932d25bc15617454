/**
 * Preloaded into a measured `careerplan build` with `node --import` when
 * `CAREERPLAN_BENCH_PRINT` names a file: wraps puppeteer-core's `launch` (the
 * same module instance the CLI imports) to time the printing phase from the
 * outside, without touching `src/`. Records when each browser launch was
 * asked for, when it was up, and when it disconnected (closed or killed);
 * counts the tabs opened with `newPage` and the `pdf()` calls on them. When
 * the process exits, writes it all as JSON to that file. Loads puppeteer-core
 * up front, so use it only on runs that print.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, LaunchOptions, Page, PDFOptions } from 'puppeteer-core';

/** One browser the child started: times in ms since the child started (its `performance.now()`). */
export interface LaunchRecord {
  /** The executable and flags the CLI passed, to check the bench starts the same browser. */
  readonly executablePath?: string;
  readonly args: readonly string[];
  readonly calledMs: number;
  launchedMs?: number;
  /** When the browser disconnected: closed by the CLI, or killed. */
  closedMs?: number;
  firstPdfStartMs?: number;
  lastPdfEndMs?: number;
}

/** What a child that printed reports about its printing. */
export interface PrintReport {
  readonly launches: LaunchRecord[];
  /** Tabs opened with `browser.newPage()`, over all launches. */
  pagesOpened: number;
  /** `page.pdf()` calls that returned a PDF, on those tabs. */
  pdfCalls: number;
  exitMs?: number;
}

const file = process.env.CAREERPLAN_BENCH_PRINT;
if (file) {
  const report: PrintReport = { launches: [], pagesOpened: 0, pdfCalls: 0 };
  // The CLI calls `(await import('puppeteer-core')).default.launch(…)`: the same object, and `launch` is its own writable property.
  const puppeteer = (await import('puppeteer-core')).default as unknown as { launch: (options?: LaunchOptions) => Promise<Browser> };
  const launch = puppeteer.launch.bind(puppeteer);
  puppeteer.launch = async (options?: LaunchOptions): Promise<Browser> => {
    const record: LaunchRecord = {
      ...(options?.executablePath ? { executablePath: options.executablePath } : {}),
      args: [...(options?.args ?? [])],
      calledMs: performance.now(),
    };
    report.launches.push(record);
    const browser = await launch(options);
    record.launchedMs = performance.now();
    browser.once('disconnected', () => {
      record.closedMs = performance.now();
    });
    const newPage = browser.newPage.bind(browser);
    browser.newPage = async (...args: Parameters<Browser['newPage']>): Promise<Page> => {
      const page = await newPage(...args);
      report.pagesOpened += 1;
      const pdf = page.pdf.bind(page);
      page.pdf = async (pdfOptions?: PDFOptions): Promise<Uint8Array> => {
        record.firstPdfStartMs ??= performance.now();
        const bytes = await pdf(pdfOptions);
        report.pdfCalls += 1;
        record.lastPdfEndMs = performance.now();
        return bytes;
      };
      return page;
    };
    return browser;
  };
  process.on('exit', () => {
    report.exitMs = performance.now();
    writeFileSync(file, JSON.stringify(report));
  });
}
