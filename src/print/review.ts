/**
 * Printing a review (`careerplan review`): its page rendered and printed
 * with the same stages as the site's PDFs, from a temporary folder holding
 * only the theme's assets and the plan's images. Runs a browser, writes the PDF.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { launchBrowser, type BrowserChoice } from '../edges/browser.js';
import { copyIfChanged, removeOwnTemporaries, writeFileAtomic } from '../edges/files.js';
import { onStopSignals } from '../edges/signals.js';
import type { ReviewSummary } from '../history/review-summary.js';
import type { Io } from '../io.js';
import { packageRoot } from '../lib/package-root.js';
import { publishAttachment } from '../site/output.js';
import type { PlanPage } from '../stages/page.js';
import { printJob, printSettings } from '../stages/print.js';
import { render } from '../stages/render.js';
import type { Theme } from '../theme/index.js';
import { createPrinter } from './printer.js';

/** Where and with what a review is printed. */
export interface ReviewPrint {
  readonly config: Config;
  readonly browser: BrowserChoice;
  /** The PDF to write. */
  readonly target: string;
  /** The theme the review's page and its header and footer are made with. */
  readonly theme: Theme;
  readonly io: Io;
}

/**
 * Renders the review's page and prints it with the same stages as the site's PDFs (`render`, `printJob`), from a
 * folder of its own holding only what the page may load: the theme's assets and the plan's images. Returns the
 * line to report when the plan could not be printed. Runs a browser, writes the PDF.
 */
export async function printReview(page: PlanPage, summary: ReviewSummary, how: ReviewPrint): Promise<string | undefined> {
  const { config, io, target, theme } = how;
  const plan = page.model;
  const generator = `careerplan ${packageRoot().version}`;
  const settings = printSettings(config);
  const { job, metadata } = printJob(plan, render(plan, { theme, generator, review: summary }), { theme, settings, generator, kind: 'review' });
  const folder = await mkdtemp(path.join(os.tmpdir(), 'careerplan-review-'));
  // Nothing to finish at Ctrl-C: the review's own folder and a PDF not yet renamed into place go, and it exits at once
  // (the browser ends with it, see launchBrowser).
  const stopListening = onStopSignals(undefined, () => {
    rmSync(folder, { recursive: true, force: true });
    removeOwnTemporaries(path.dirname(target), false);
  });
  const printer = createPrinter({ launch: () => launchBrowser(how.browser.path), out: folder, settings, timeout: config.pdf.timeout });
  try {
    for (const asset of theme.assets) await copyIfChanged(asset.source, path.join(folder, 'assets', asset.target));
    for (const copy of page.copies) await publishAttachment(copy, folder);
    let printed;
    try {
      printed = await printer.print(job);
    } catch (error) {
      return `${plan.file}: could not print the review: ${(error as Error).message.replace(`${plan.file}: `, '')}`;
    }
    const { withMetadata } = await import('../print/metadata.js');
    await writeFileAtomic(target, await withMetadata(printed.pdf, metadata));
    for (const url of printed.blocked) io.stderr.write(`${plan.file}: warning: blocked a request for ${url} while printing (a PDF loads only the build's own files)\n`);
    return undefined;
  } finally {
    await printer.close();
    await rm(folder, { recursive: true, force: true });
    stopListening();
  }
}
