/**
 * `careerplan doctor`: what careerplan will print PDFs with, and why — the
 * versions, the browser and how it was chosen, the paper. Exit 0 when the
 * browser starts, 2 when there is none or it does not start.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Browser } from 'puppeteer-core';
import { BrowserNotFoundError, browserVersion, findBrowser, howToGetABrowser, launchBrowser, type BrowserChoice, type FindBrowserOptions } from '../edges/browser.js';
import { packageRoot } from '../lib/package-root.js';
import { exitCodes, type Io } from '../io.js';

/** How `doctor` was called. */
export interface DoctorOptions {
  /** A browser given with `--browser`; it beats the config's `pdf.browser`. */
  readonly browser?: string;
}

/** The probes of the browser search, replaced in tests; default the real machine. */
export type DoctorProbes = Pick<FindBrowserOptions, 'exists' | 'puppeteerPath' | 'platform'>;

/** What doctor found out, ready to be shown. */
export interface DoctorReport {
  readonly careerplan: string;
  readonly node: string;
  readonly puppeteer: string | undefined;
  readonly paper: string;
  readonly browser: BrowserChoice | undefined;
  /** The browser's own `--version`, or the version it reported once started. */
  readonly browserVersion: string | undefined;
  /** Whether the browser started the way careerplan starts it; `undefined` when there is none. */
  readonly starts: boolean | undefined;
  /** Why there is no usable browser; `undefined` when there is one. */
  readonly problem: string | undefined;
}

/** Checks the browser careerplan would print with and writes the report; returns the exit code. Starts the browser, writes to `io`. */
export async function doctor(config: Config, options: DoctorOptions, io: Io, probes: DoctorProbes = {}): Promise<number> {
  const report = await examine(config, options, io, probes);
  io.stdout.write(formatReport(report));
  if (report.problem) {
    io.stderr.write(`careerplan: ${report.problem}\n`);
    return exitCodes.failure;
  }
  return exitCodes.ok;
}

/** The report as aligned lines of text. Pure. */
export function formatReport(report: DoctorReport): string {
  const rows: Array<[string, string]> = [
    ['careerplan', report.careerplan],
    ['Node', report.node],
    ['browser', report.browser?.path ?? 'none'],
  ];
  if (report.browser) {
    rows.push(['  version', report.browserVersion ?? 'unknown'], ['  why', report.browser.reason], ['  starts', report.starts ? 'yes' : 'no']);
  }
  rows.push(['puppeteer', report.puppeteer ?? 'not installed'], ['paper', report.paper]);
  return rows.map(([label, value]) => `${label.padEnd(12)}${value}\n`).join('');
}

/** The paper and margins the config gives, in words: "A4, margins 18mm". Pure. */
export function describePaper(pdf: Config['pdf']): string {
  const margin = pdf.margin;
  const margins =
    typeof margin === 'string'
      ? `margins ${margin}`
      : `margins top ${margin.top}, right ${margin.right}, bottom ${margin.bottom}, left ${margin.left}`;
  return `${pdf.paper}, ${margins}`;
}

async function examine(config: Config, options: DoctorOptions, io: Io, probes: DoctorProbes): Promise<DoctorReport> {
  const base = {
    careerplan: packageRoot().version,
    node: `${process.version} (${process.platform} ${process.arch})`,
    puppeteer: puppeteerVersion(),
    paper: describePaper(config.pdf),
  };
  let browser: BrowserChoice | undefined;
  try {
    browser = findBrowser({ ...probes, ...explicitBrowser(config, options, io), env: io.env });
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    return { ...base, browser: undefined, browserVersion: undefined, starts: undefined, problem: error.message };
  }
  if (!browser) return { ...base, browser, browserVersion: undefined, starts: undefined, problem: howToGetABrowser(probes.platform ?? process.platform) };

  const version = await browserVersion(browser.path);
  const started = await tryToStart(browser.path);
  return {
    ...base,
    browser,
    browserVersion: version ?? started.version,
    starts: started.error === undefined,
    problem: started.error === undefined ? undefined : `${browser.path} does not start: ${started.error}`,
  };
}

/** The `--browser` flag, else the config's `pdf.browser` (relative to the config's folder), with where it came from. */
function explicitBrowser(config: Config, options: DoctorOptions, io: Io): { explicit?: string; explicitFrom?: string } {
  if (options.browser !== undefined) return { explicit: path.resolve(io.cwd, options.browser), explicitFrom: '--browser' };
  if (config.pdf.browser === undefined) return {};
  const file = config.configFile ? path.relative(io.cwd, config.configFile) || config.configFile : 'the config';
  return { explicit: path.resolve(config.root, config.pdf.browser), explicitFrom: `\`pdf.browser\` in ${file}` };
}

/** Starts the browser the way careerplan does and asks its version; the first line of the error when it fails. */
async function tryToStart(executablePath: string): Promise<{ version?: string; error?: string }> {
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(executablePath, { timeout: 30_000 });
    return { version: await browser.version() };
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error' };
  } finally {
    await browser?.close().catch(() => browser?.process()?.kill('SIGKILL'));
  }
}

function puppeteerVersion(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url)('puppeteer-core/package.json') as { version?: string };
    return manifest.version;
  } catch {
    return undefined;
  }
}
