/**
 * The PDF section of `npm run bench`: how fast careerplan prints, measured
 * through the real CLI, next to the floor, a bare Puppeteer loop printing the
 * same pages with the same browser.
 *
 * 1. `build --no-pdf` writes the HTML of `plans` generated plans.
 * 2. Per run: `build --no-pdf` again (the HTML part alone, timed), then
 *    `build --force --concurrency C` for each C, the PDFs deleted before each
 *    one. The printing phase is timed inside the child by `child-print.ts`
 *    (from `puppeteer.launch()` to the browser's disconnect) and, as a
 *    cross-check, as the build's wall time less the HTML-only build's.
 *    Every run must have printed every plan: the CLI's count line, then the
 *    files (one per plan, `%PDF-` … `%%EOF`, a sane size).
 * 3. An unchanged rebuild with PDFs: nothing may be printed.
 * 4. Browser start: launch, first `newPage()`, close, with the executable and
 *    `launchArgs()` careerplan uses.
 * 5. The floor: one browser, C tabs reused, `page.setContent(html)` +
 *    `page.pdf({ format: 'A4', printBackground: true })` of the same pages.
 *
 * Touches the disk, starts child processes and browsers, listens on a
 * loopback port for the `served` floor.
 */
import { readdirSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import { browserVersion, findBrowser, howToGetABrowser, launchArgs } from '../src/edges/browser.js';
import type { LaunchRecord, PrintReport } from './child-print.js';
import { runCli, type ChildRun } from './child.js';
import { benchAsOf, writePlans } from './generate.js';
import { median, summarize, type Summary } from './stats.js';

/** The concurrencies careerplan and the floor print at. */
export const pdfConcurrencies = [1, 2, 4] as const;

/**
 * The floor's variants. `plain`: the page's HTML alone on about:blank, so its
 * stylesheet, web fonts and images do not load (relative URLs have no base).
 * `served`: the same HTML with a `<base>` pointing at a loopback HTTP server
 * over the out folder, so they load, and fonts are awaited as careerplan does.
 */
export const floorVariants = ['plain', 'served'] as const;
export type FloorVariant = (typeof floorVariants)[number];

/** How the PDF section runs. */
export interface PdfOptions {
  /** Plans generated and printed. */
  readonly plans: number;
  /** Timed runs of each measurement; medians reported. */
  readonly runs: number;
  readonly seed: number;
  readonly floors: readonly FloorVariant[];
  /** A scratch folder of the section's own. */
  readonly work: string;
  /** The scratch path of the child's usage report (see `child.ts`). */
  readonly usageFile: string;
  readonly progress: (message: string) => void;
}

/** careerplan at one concurrency. */
export interface CliPrintFigures {
  readonly concurrency: number;
  /** N ÷ the median print phase (launch → browser closed), timed in the child. */
  readonly pdfPerSecond: number;
  readonly printSeconds: number;
  /** N ÷ (median build wall − median HTML-only wall): the cross-check. */
  readonly pdfPerSecondBySubtraction: number;
  readonly subtractedSeconds: number;
  /** The whole `build --force` run. */
  readonly wallSeconds: number;
  /** Inside the print phase: browser start (launch called → up), and first `pdf()` call → last one done. */
  readonly browserStartSeconds: number;
  readonly pdfSpanSeconds: number;
  /** From the last run: tabs opened with `newPage()` and `pdf()` calls seen by the hook; browser launches. */
  readonly tabsOpened: number;
  readonly pdfCalls: number;
  readonly launches: number;
  readonly samples: ReadonlyArray<{ readonly wallMs: number; readonly printMs: number; readonly browserStartMs: number; readonly pdfSpanMs: number }>;
  readonly peakRssMb?: number;
}

/** The floor at one concurrency. */
export interface FloorFigures {
  readonly variant: FloorVariant;
  readonly concurrency: number;
  readonly pdfPerSecond: number;
  readonly seconds: number;
  readonly samplesMs: readonly number[];
}

/** What a set of PDFs looks like. */
export interface PdfShape {
  readonly files: number;
  readonly pages: Summary;
  readonly kb: Summary;
}

/** Everything the PDF section measured. */
export interface PdfFigures {
  readonly plans: number;
  readonly runs: number;
  readonly browser: { readonly path: string; readonly version?: string; readonly reason: string; readonly args: readonly string[] };
  /** `build --no-pdf` of the out folder that already holds the site. */
  readonly html: { readonly seconds: number; readonly samplesMs: readonly number[] };
  readonly careerplan: readonly CliPrintFigures[];
  /** `build` again with nothing changed: expected to print nothing. */
  readonly unchanged: { readonly seconds: number; readonly overHtmlSeconds: number; readonly printed: number; readonly unchanged: number; readonly samplesMs: readonly number[] };
  /** Launch, first `newPage()` and close, medians in ms, and each sample. */
  readonly browserStart: {
    readonly launchMs: number;
    readonly newPageMs: number;
    readonly closeMs: number;
    readonly totalMs: number;
    readonly samples: number;
    readonly samplesMs: ReadonlyArray<{ readonly launchMs: number; readonly newPageMs: number; readonly closeMs: number; readonly totalMs: number }>;
  };
  readonly floor: readonly FloorFigures[];
  readonly shapes: { readonly careerplan?: PdfShape; readonly floor: Partial<Record<FloorVariant, PdfShape>> };
  /** Things worth a second look, such as the two careerplan methods disagreeing. */
  readonly notes: readonly string[];
}

/** The sizes a printed plan may have: less is an empty or broken page, more is something gone wrong. */
const minPdfBytes = 10 * 1024;
const maxPdfBytes = 50 * 1024 * 1024;
const browserStartSamples = 5;

/** Runs the whole PDF section. */
export async function measurePdf(options: PdfOptions): Promise<PdfFigures> {
  const { plans: planCount, runs, usageFile, progress } = options;
  // The same search as the CLI run from the repository root (which has no config file naming a browser).
  const choice = findBrowser({ env: process.env });
  if (!choice) throw new Error(`pdf: ${howToGetABrowser(process.platform)}`);
  const args = launchArgs();
  const version = await browserVersion(choice.path);
  const notes: string[] = [];

  const plansFolder = path.join(options.work, 'pdf-plans');
  const out = path.join(options.work, 'pdf-out');
  const printReport = path.join(options.work, 'child-print.json');
  await writePlans(plansFolder, planCount, options.seed);
  const base = ['build', '--plans', plansFolder, '--out', out, '--as-of', benchAsOf];

  progress(`pdf: build --no-pdf of ${planCount} plans (the HTML the printer reads)`);
  checkHtmlBuild(await runCli([...base, '--no-pdf'], usageFile), planCount);
  const slugs = planFolders(out);
  if (slugs.length !== planCount) throw new Error(`pdf: build wrote ${slugs.length} plan pages, expected ${planCount}`);

  const htmlRuns: ChildRun[] = [];
  const printRuns = new Map<number, Array<{ run: ChildRun; printMs: number; record: PrintPhase }>>(pdfConcurrencies.map((c) => [c, []]));
  for (let run = 1; run <= runs; run++) {
    progress(`pdf: build --no-pdf, unchanged (the HTML part alone), run ${run}/${runs}`);
    const html = await runCli([...base, '--no-pdf'], usageFile);
    checkHtmlBuild(html, planCount);
    htmlRuns.push(html);
    for (const concurrency of pdfConcurrencies) {
      progress(`pdf: build --force --concurrency ${concurrency}, run ${run}/${runs}`);
      await removePdfs(out);
      const started = Date.now();
      const printed = await runCli([...base, '--force', '--concurrency', String(concurrency)], usageFile, { printReport });
      checkPrinted(printed, planCount, planCount, `build --force --concurrency ${concurrency}`);
      await checkPdfFiles(out, slugs, started);
      const phase = printPhase(printed.print, `build --force --concurrency ${concurrency}`);
      printRuns.get(concurrency)?.push({ run: printed, printMs: phase.closedMs - phase.calledMs, record: phase });
      if (phase.executablePath && phase.executablePath !== choice.path) {
        notes.push(`the CLI started ${phase.executablePath}, the bench's browser start and floor use ${choice.path}`);
      }
      if (phase.args.join(' ') !== args.join(' ')) notes.push(`the CLI started the browser with other flags than launchArgs(): ${phase.args.join(' ')}`);
    }
  }
  const careerplanShape = await shapeOf(await Promise.all(slugs.map((slug) => readPdfIn(path.join(out, slug)))));

  const htmlMs = median(htmlRuns.map((run) => run.wallMs));
  const careerplan = pdfConcurrencies.map((concurrency): CliPrintFigures => {
    const samples = printRuns.get(concurrency) ?? [];
    const wallMs = median(samples.map((s) => s.run.wallMs));
    const printMs = median(samples.map((s) => s.printMs));
    const last = samples.at(-1);
    const rss = samples.flatMap((s) => (s.run.usage ? [s.run.usage.maxRssKb / 1024] : []));
    const subtractedMs = wallMs - htmlMs;
    return {
      concurrency,
      pdfPerSecond: planCount / (printMs / 1000),
      printSeconds: printMs / 1000,
      pdfPerSecondBySubtraction: planCount / (subtractedMs / 1000),
      subtractedSeconds: subtractedMs / 1000,
      wallSeconds: wallMs / 1000,
      browserStartSeconds: median(samples.map((s) => s.record.launchedMs - s.record.calledMs)) / 1000,
      pdfSpanSeconds: median(samples.map((s) => s.record.pdfSpanMs)) / 1000,
      tabsOpened: last?.run.print?.pagesOpened ?? 0,
      pdfCalls: last?.run.print?.pdfCalls ?? 0,
      launches: last?.run.print?.launches.length ?? 0,
      samples: samples.map((s) => ({ wallMs: s.run.wallMs, printMs: s.printMs, browserStartMs: s.record.launchedMs - s.record.calledMs, pdfSpanMs: s.record.pdfSpanMs })),
      ...(rss.length > 0 ? { peakRssMb: median(rss) } : {}),
    };
  });
  for (const figures of careerplan) {
    const gap = Math.abs(figures.subtractedSeconds - figures.printSeconds);
    if (gap > Math.max(1, 0.15 * figures.printSeconds)) {
      notes.push(`C=${figures.concurrency}: the print phase (${figures.printSeconds.toFixed(1)} s) and wall − HTML-only wall (${figures.subtractedSeconds.toFixed(1)} s) disagree by ${gap.toFixed(1)} s`);
    }
  }

  const unchangedRuns: ChildRun[] = [];
  const before = await pdfTimes(out);
  for (let run = 1; run <= runs; run++) {
    progress(`pdf: build with nothing changed (expect 0 printed), run ${run}/${runs}`);
    // Without the print hook: it would load puppeteer-core, which an unchanged build never does.
    const result = await runCli([...base, '--concurrency', '2'], usageFile);
    checkPrinted(result, 0, planCount, 'an unchanged build');
    unchangedRuns.push(result);
  }
  const after = await pdfTimes(out);
  if ([...before].some(([file, time]) => after.get(file) !== time) || after.size !== before.size) throw new Error('pdf: an unchanged build rewrote PDFs');
  const unchangedMs = median(unchangedRuns.map((run) => run.wallMs));

  progress(`pdf: browser start (launch, first newPage, close), ${browserStartSamples} times`);
  const puppeteer = (await import('puppeteer-core')).default;
  const launch = (): Promise<Browser> =>
    puppeteer.launch({ executablePath: choice.path, headless: true, args, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  const browserStart = await measureBrowserStart(launch);

  const pages = await Promise.all(slugs.map(async (slug) => ({ slug, html: await readFile(path.join(out, slug, 'index.html'), 'utf8') })));
  const floor: FloorFigures[] = [];
  const floorShapes: Partial<Record<FloorVariant, PdfShape>> = {};
  for (const variant of options.floors) {
    const measured = await measureFloor(launch, pages, variant, out, runs, progress);
    floor.push(...measured.figures);
    if (measured.shape) floorShapes[variant] = measured.shape;
  }

  return {
    plans: planCount,
    runs,
    browser: { path: choice.path, ...(version ? { version } : {}), reason: choice.reason, args },
    html: { seconds: htmlMs / 1000, samplesMs: htmlRuns.map((run) => run.wallMs) },
    careerplan,
    unchanged: { seconds: unchangedMs / 1000, overHtmlSeconds: (unchangedMs - htmlMs) / 1000, printed: 0, unchanged: planCount, samplesMs: unchangedRuns.map((run) => run.wallMs) },
    browserStart,
    floor,
    shapes: { ...(careerplanShape ? { careerplan: careerplanShape } : {}), floor: floorShapes },
    notes: [...new Set(notes)],
  };
}

/** The summary line of `build`: plans built and, when it printed, the PDF counts. */
const summaryLine = /(\d+) of (\d+) plans? built into [^\n]*?(?:; PDFs: (\d+) printed, (\d+) unchanged(?:, (\d+) failed)?)?\n/;

function checkHtmlBuild(run: ChildRun, planCount: number): void {
  if (run.exitCode !== 0) throw new Error(`pdf: build --no-pdf exited ${run.exitCode}: ${run.stderr.slice(-500)}`);
  const match = summaryLine.exec(run.stderr);
  if (!match || Number(match[1]) !== planCount) throw new Error(`pdf: build --no-pdf did not build ${planCount} plans: ${run.stderr.slice(-500)}`);
}

/** Throws unless the CLI says it built every plan and printed `printed` PDFs, the rest unchanged, none failed. */
export function checkPrinted(run: ChildRun, printed: number, planCount: number, what: string): void {
  const tail = run.stderr.slice(-800);
  if (run.exitCode !== 0) throw new Error(`pdf: ${what} exited ${run.exitCode}: ${tail}`);
  const match = summaryLine.exec(run.stderr);
  if (!match || match[3] === undefined) throw new Error(`pdf: ${what} printed no PDF count: ${tail}`);
  const [built, printedCount, unchanged, failed] = [Number(match[1]), Number(match[3]), Number(match[4]), Number(match[5] ?? 0)];
  if (built !== planCount || printedCount !== printed || unchanged !== planCount - printed || failed > 0) {
    throw new Error(`pdf: ${what}: expected ${planCount} plans built, ${printed} printed, ${planCount - printed} unchanged; the CLI said: ${match[0].trim()}`);
  }
}

/** The print phase of a run, as the preloaded hook saw it: first launch called → last browser closed. */
interface PrintPhase {
  readonly calledMs: number;
  readonly launchedMs: number;
  readonly closedMs: number;
  readonly pdfSpanMs: number;
  readonly executablePath?: string;
  readonly args: readonly string[];
}

function printPhase(report: PrintReport | undefined, what: string): PrintPhase {
  const launches = report?.launches ?? [];
  const first = launches[0];
  if (!report || !first) throw new Error(`pdf: ${what}: the bench's hook saw no browser launch (did the CLI stop using puppeteer-core's launch()?)`);
  const closed = launches.map((launch: LaunchRecord) => launch.closedMs ?? report.exitMs ?? Number.NaN);
  const pdfStarts = launches.flatMap((launch) => (launch.firstPdfStartMs === undefined ? [] : [launch.firstPdfStartMs]));
  const pdfEnds = launches.flatMap((launch) => (launch.lastPdfEndMs === undefined ? [] : [launch.lastPdfEndMs]));
  return {
    calledMs: first.calledMs,
    launchedMs: first.launchedMs ?? first.calledMs,
    closedMs: Math.max(...closed),
    pdfSpanMs: pdfStarts.length > 0 ? Math.max(...pdfEnds) - Math.min(...pdfStarts) : Number.NaN,
    ...(first.executablePath ? { executablePath: first.executablePath } : {}),
    args: first.args,
  };
}

/** The plan folders of a built site: folders with an `index.html`, except the theme's assets. Reads the disk. */
export function planFolders(out: string): string[] {
  return readdirSync(out, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'assets' && readdirSync(path.join(out, entry.name)).includes('index.html'))
    .map((entry) => entry.name)
    .sort();
}

/** Every `*.pdf` below the out folder. Reads the disk. */
export async function pdfFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.pdf')).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

async function removePdfs(out: string): Promise<void> {
  for (const file of await pdfFiles(out)) await rm(file, { force: true });
}

/** The modification time of every PDF below the out folder. Reads the disk. */
export async function pdfTimes(out: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const file of await pdfFiles(out)) times.set(file, (await stat(file)).mtimeMs);
  return times;
}

/** Throws unless each plan folder holds exactly one PDF, written since `since`, that looks like a whole PDF of a sane size. Reads the disk. */
export async function checkPdfFiles(out: string, slugs: readonly string[], since: number): Promise<void> {
  const files = await pdfFiles(out);
  if (files.length !== slugs.length) throw new Error(`pdf: found ${files.length} PDFs in the out folder, expected ${slugs.length}`);
  const folders = new Set(files.map((file) => path.relative(out, path.dirname(file))));
  const missing = slugs.filter((slug) => !folders.has(slug));
  if (missing.length > 0) throw new Error(`pdf: no PDF in ${missing.length} plan folders, such as ${missing[0]}`);
  for (const file of files) {
    const info = await stat(file);
    // mtime has a coarse resolution on some file systems: allow a second.
    if (info.mtimeMs < since - 1000) throw new Error(`pdf: ${file} was not written by this run`);
    checkPdfBytes(await readFile(file), file);
  }
}

/** Throws unless `bytes` look like a whole PDF (`%PDF-` … `%%EOF`) of at least `minBytes` and at most 50 MB. */
export function checkPdfBytes(bytes: Uint8Array, what: string, minBytes = minPdfBytes): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < minBytes || buffer.length > maxPdfBytes) throw new Error(`pdf: ${what} is ${buffer.length} bytes: not a printed plan`);
  if (buffer.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`pdf: ${what} does not start with %PDF-`);
  if (!buffer.subarray(-1024).toString('latin1').includes('%%EOF')) throw new Error(`pdf: ${what} does not end with %%EOF: cut short?`);
}

async function readPdfIn(folder: string): Promise<Uint8Array> {
  const name = (await readdir(folder)).find((entry) => entry.toLowerCase().endsWith('.pdf'));
  if (!name) throw new Error(`pdf: no PDF in ${folder}`);
  return readFile(path.join(folder, name));
}

/** Pages and sizes of a set of PDFs (pdf-lib parses each one: a further check that it is whole). */
async function shapeOf(pdfs: readonly Uint8Array[]): Promise<PdfShape | undefined> {
  if (pdfs.length === 0) return undefined;
  const pages: number[] = [];
  for (const pdf of pdfs) pages.push((await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount());
  return { files: pdfs.length, pages: summarize(pages), kb: summarize(pdfs.map((pdf) => pdf.byteLength / 1024)) };
}

/** Launch, first tab, close: what a build pays once before its first PDF and after its last. */
async function measureBrowserStart(launch: () => Promise<Browser>): Promise<PdfFigures['browserStart']> {
  const samples: Array<{ launchMs: number; newPageMs: number; closeMs: number; totalMs: number }> = [];
  for (let sample = 0; sample < browserStartSamples; sample++) {
    const t0 = performance.now();
    const browser = await launch();
    try {
      const t1 = performance.now();
      await browser.newPage();
      const t2 = performance.now();
      await browser.close();
      const t3 = performance.now();
      samples.push({ launchMs: t1 - t0, newPageMs: t2 - t1, closeMs: t3 - t2, totalMs: t3 - t0 });
    } finally {
      if (browser.connected) await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
    }
  }
  const of = (key: keyof (typeof samples)[number]): number => median(samples.map((s) => s[key]));
  return { launchMs: of('launchMs'), newPageMs: of('newPageMs'), closeMs: of('closeMs'), totalMs: of('totalMs'), samples: samples.length, samplesMs: samples };
}

/**
 * The floor: one browser for every concurrency and run; at concurrency C, C
 * tabs are opened before the clock starts and reused plan after plan. One
 * plan is printed first to warm the browser up, untimed.
 */
async function measureFloor(
  launch: () => Promise<Browser>,
  pages: ReadonlyArray<{ readonly slug: string; readonly html: string }>,
  variant: FloorVariant,
  out: string,
  runs: number,
  progress: (message: string) => void,
): Promise<{ figures: FloorFigures[]; shape: PdfShape | undefined }> {
  const server = variant === 'served' ? await serveFolder(out) : undefined;
  const browser = await launch();
  try {
    const htmls = pages.map(({ slug, html }) =>
      server ? html.replace(/<head\b[^>]*>/i, (head) => `${head}<base href="${server.origin}/${encodeURIComponent(slug)}/">`) : html,
    );
    const printOne = async (page: Page, html: string): Promise<Uint8Array> => {
      await page.setContent(html, { waitUntil: 'load' });
      if (server) await page.evaluate('document.fonts.ready.then(() => true)');
      return page.pdf({ format: 'A4', printBackground: true });
    };
    const warm = await browser.newPage();
    await printOne(warm, htmls[0] ?? '');
    await warm.close();

    const samples = new Map<number, number[]>(pdfConcurrencies.map((c) => [c, []]));
    let kept: Uint8Array[] = [];
    for (let run = 1; run <= runs; run++) {
      for (const concurrency of pdfConcurrencies) {
        progress(`pdf: floor (${variant}), ${concurrency} ${concurrency === 1 ? 'tab' : 'tabs'}, run ${run}/${runs}`);
        const tabs = await Promise.all(Array.from({ length: concurrency }, () => browser.newPage()));
        const pdfs: Uint8Array[] = new Array<Uint8Array>(htmls.length);
        let next = 0;
        const t0 = performance.now();
        await Promise.all(
          tabs.map(async (tab) => {
            while (next < htmls.length) {
              const index = next++;
              pdfs[index] = await printOne(tab, htmls[index] as string);
            }
          }),
        );
        const ms = performance.now() - t0;
        await Promise.all(tabs.map((tab) => tab.close()));
        pdfs.forEach((pdf, index) => checkPdfBytes(pdf, `the floor's PDF of ${pages[index]?.slug}`));
        samples.get(concurrency)?.push(ms);
        if (kept.length === 0) kept = pdfs;
      }
    }
    const figures = pdfConcurrencies.map((concurrency): FloorFigures => {
      const samplesMs = samples.get(concurrency) ?? [];
      const ms = median(samplesMs);
      return { variant, concurrency, pdfPerSecond: pages.length / (ms / 1000), seconds: ms / 1000, samplesMs };
    });
    return { figures, shape: await shapeOf(kept) };
  } finally {
    await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
    await server?.close();
  }
}

const contentTypes: Readonly<Record<string, string>> = {
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** A static file server over `folder` on 127.0.0.1 and a free port: the `served` floor's assets. */
async function serveFolder(folder: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const root = path.resolve(folder);
  const server = http.createServer((request, response) => {
    void (async () => {
      try {
        const file = path.resolve(root, `.${decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)}`);
        if (!file.startsWith(`${root}${path.sep}`)) throw new Error('outside the folder');
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404);
        response.end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
