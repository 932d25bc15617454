/**
 * Whole builds with PDFs, each next to its reference in the same run:
 *
 * - `one-pdf`: `careerplan build` of one plan with its PDF in a fresh folder
 *   (no out folder, no cache), against a bare Puppeteer script
 *   (`references/bare-print.ts`) that launches Chromium and prints the page
 *   careerplan built. The two alternate run by run, so both see the same
 *   load.
 * - `all-pdf`: the cold build of the bench corpus with every PDF, at a
 *   concurrency C, against Eleventy's cold build of the same plans plus the
 *   bare script printing Eleventy's pages at the same C.
 *
 * Every run is checked: careerplan's summary line and PDF files, the bare
 * script's count of pages printed. Touches the disk, starts child processes
 * and browsers.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { findBrowser, howToGetABrowser, launchArgs } from '../src/edges/browser.js';
import { repoRoot, runCli, runNode, type ChildRun } from './child.js';
import { benchAsOf, writePlans } from './generate.js';
import { checkPdfBytes, checkPdfFiles, checkPrinted, planFolders } from './pdf.js';
import { runEleventy, type EleventySite, type Peers } from './references/peers.js';

/** Timed runs of the one-plan build at least: each takes about a second, and one unlucky moment of a shared machine should not decide. */
export const onePdfMinRuns = 7;

/** What the one-plan section measured: wall times of each run, in ms, careerplan's and the bare script's, in pairs. */
export interface OnePdfFigures {
  readonly slug: string;
  readonly careerplanMs: readonly number[];
  readonly bareMs: readonly number[];
}

/** What the cold build with PDFs measured, in ms per run. */
export interface ColdPdfFigures {
  readonly plans: number;
  readonly concurrency: number;
  readonly careerplanMs: readonly number[];
  /** Eleventy's cold build and the bare script printing its pages, each run; absent without `--peers`. */
  readonly eleventyMs?: readonly number[];
  readonly bareMs?: readonly number[];
}

/** Runs the bare Puppeteer script over a built site's plan pages; throws unless it printed `pages` whole PDFs. Starts a browser. */
export async function runBarePrint(site: string, concurrency: number, pdfs: string, pages: number, usageFile: string): Promise<ChildRun> {
  const choice = findBrowser({ env: process.env });
  if (!choice) throw new Error(`bare print: ${howToGetABrowser(process.platform)}`);
  await rm(pdfs, { recursive: true, force: true });
  const script = path.join(repoRoot, 'dist', 'bench', 'references', 'bare-print.js');
  const run = await runNode(script, [site, String(concurrency), pdfs, choice.path, ...launchArgs()], usageFile);
  if (run.exitCode !== 0 || Number(run.stdout.trim()) !== pages) throw new Error(`the bare Puppeteer script exited ${run.exitCode} after ${run.stdout.trim() || 'no'} pages, expected ${pages}: ${run.stderr.slice(-500)}`);
  const files = (await readdir(pdfs)).filter((name) => name.endsWith('.pdf'));
  if (files.length !== pages) throw new Error(`the bare Puppeteer script wrote ${files.length} PDFs, expected ${pages}`);
  // Eleventy's pages are bare text, so their PDFs are small: only whole.
  for (const name of files) checkPdfBytes(await readFile(path.join(pdfs, name)), `the bare script's ${name}`, 1024);
  return run;
}

/** `build` of one generated plan with its PDF, each run in a fresh folder, alternating with the bare script printing the page it built. */
export async function measureOnePdf(options: { readonly seed: number; readonly runs: number; readonly work: string; readonly usageFile: string; readonly progress: (message: string) => void }): Promise<OnePdfFigures> {
  const { work, usageFile, progress } = options;
  const plans = path.join(work, 'one-plan');
  await writePlans(plans, 1, options.seed);
  const out = path.join(work, 'one-out');
  const site = path.join(work, 'one-site');
  // The page the bare script prints: careerplan's, built once, untimed.
  await rm(site, { recursive: true, force: true });
  checkPrinted(await runCli(['build', '--plans', plans, '--out', site, '--as-of', benchAsOf], usageFile), 1, 1, 'the one-plan set-up build');
  const [slug] = planFolders(site);
  if (slug === undefined) throw new Error('one-pdf: the set-up build wrote no plan page');
  await rm(path.join(site, slug, `${slug}.pdf`), { force: true });
  const careerplanMs: number[] = [];
  const bareMs: number[] = [];
  for (let run = 1; run <= options.runs; run++) {
    progress(`one-pdf: build of one plan with its PDF in a fresh folder, then the bare Puppeteer script, run ${run}/${options.runs}`);
    await rm(out, { recursive: true, force: true });
    const started = Date.now();
    const built = await runCli(['build', '--plans', plans, '--out', out, '--as-of', benchAsOf], usageFile);
    checkPrinted(built, 1, 1, 'build of one plan');
    await checkPdfFiles(out, [slug], started);
    careerplanMs.push(built.wallMs);
    bareMs.push((await runBarePrint(site, 1, path.join(work, 'one-bare'), 1, usageFile)).wallMs);
  }
  return { slug, careerplanMs, bareMs };
}

/** The cold build of `plansFolder` with every PDF at `concurrency`, and with `--peers` Eleventy's cold build plus the bare script over its pages, run after run. */
export async function measureColdPdf(options: {
  readonly plansFolder: string;
  readonly planCount: number;
  readonly concurrency: number;
  readonly runs: number;
  readonly work: string;
  readonly usageFile: string;
  readonly progress: (message: string) => void;
  readonly eleventy?: { readonly peers: Peers; readonly site: EleventySite };
}): Promise<ColdPdfFigures> {
  const { planCount, concurrency, work, usageFile, progress, eleventy } = options;
  const out = path.join(work, 'cold-out');
  const careerplanMs: number[] = [];
  const eleventyMs: number[] = [];
  const bareMs: number[] = [];
  for (let run = 1; run <= options.runs; run++) {
    progress(`all-pdf: cold build of ${planCount} plans with PDFs, --concurrency ${concurrency}, run ${run}/${options.runs}`);
    await rm(out, { recursive: true, force: true });
    const started = Date.now();
    const built = await runCli(['build', '--plans', options.plansFolder, '--out', out, '--as-of', benchAsOf, '--concurrency', String(concurrency)], usageFile);
    checkPrinted(built, planCount, planCount, 'the cold build with PDFs');
    await checkPdfFiles(out, planFolders(out), started);
    careerplanMs.push(built.wallMs);
    await rm(out, { recursive: true, force: true });
    if (!eleventy) continue;
    progress(`all-pdf: Eleventy's cold build of the same plans, then the bare Puppeteer script printing its pages at ${concurrency}, run ${run}/${options.runs}`);
    eleventyMs.push((await runEleventy(eleventy.peers, eleventy.site, usageFile)).wallMs);
    bareMs.push((await runBarePrint(eleventy.site.output, concurrency, path.join(work, 'cold-bare'), planCount, usageFile)).wallMs);
    await rm(path.join(work, 'cold-bare'), { recursive: true, force: true });
  }
  return { plans: planCount, concurrency, careerplanMs, ...(eleventy ? { eleventyMs, bareMs } : {}) };
}
