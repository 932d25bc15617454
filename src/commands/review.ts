/**
 * `careerplan review <plan> [--since REV|DATE]`: a dated PDF for a one-to-one
 * meeting — a first page summarising the period (what changed, what was
 * completed, what is overdue, the evaluations), then the plan as it is now.
 * The page is rendered with the site's theme into a temporary folder with
 * the theme's assets and the plan's images, and printed from there in the
 * build's sandbox. Reads the plan and git, runs a browser, writes one file.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkFile, isChecked } from '../build/check-plans.js';
import type { Config } from '../config/config.js';
import { reporters } from '../diagnostics/reporters/index.js';
import { BrowserNotFoundError, findBrowser, howToGetABrowser, launchBrowser } from '../edges/browser.js';
import { copyIfChanged, removeOwnTemporaries, writeFileAtomic } from '../edges/files.js';
import { onStopSignals } from '../edges/signals.js';
import { publishAttachment } from '../site/output.js';
import { createPrinter } from '../print/printer.js';
import { packageRoot } from '../lib/package-root.js';
import { displayPath } from '../lib/paths.js';
import { commitDate, findProjectRepository, type Repository } from '../edges/git.js';
import { locatePlan, readHistory, SinceError } from '../history/read.js';
import { isDateLike } from '../history/revisions.js';
import { createHtmlRenderer } from '../markdown/html.js';
import { PlanPathError } from '../stages/load.js';
import { isBuildable, planPage } from '../stages/page.js';
import { reviewSummary, type ReviewStart } from '../history/review-summary.js';
import { fill, formatDate } from '../theme/format.js';
import { createTheme, labelsFor, timelineText } from '../theme/index.js';
import { renderTimeline } from '../timeline/index.js';
import { exitCodes, type Io } from '../io.js';

/** How `review` runs. */
export interface ReviewOptions {
  /** The plan: a path, or a plan's name in the plans folder. */
  readonly plan: string;
  /** A revision or a date (`YYYY-MM-DD`); default the plan's `reviewed` date, else its first commit. */
  readonly since?: string;
  /** The PDF to write (absolute); default `reviews/<slug>-review-<as-of>.pdf` in the project folder. */
  readonly out?: string;
  /** The browser named by `--browser`. */
  readonly browser?: string;
  readonly color: boolean;
}

/** Where a review's PDF goes by default: a folder of its own next to `out`, which no build cleans. Pure. */
export function reviewPath(config: Pick<Config, 'root'>, slug: string, asOf: string): string {
  return path.join(config.root, 'reviews', `${slug}-review-${asOf}.pdf`);
}

/**
 * Prints the review PDF of one plan. Exit 1 when the plan has errors (or
 * could not be printed), 2 when the review cannot run (a bad `--since`, no
 * browser). Reads the plan and git, runs a browser, writes the PDF, reports
 * to `io`.
 */
export async function review(config: Config, options: ReviewOptions, io: Io): Promise<number> {
  const file = await locatePlan(options.plan, io.cwd, config.plans);
  if (file === undefined) throw new PlanPathError(`cannot read ${options.plan}: no such plan file (give its path, or its name in ${displayPath(config.plans, io.cwd)})`);

  const checked = await checkFile(file, config, io.cwd, []);
  if (!isChecked(checked) || !isBuildable(checked)) {
    const sources = new Map(isChecked(checked) ? [[checked.source.path, checked.source.text]] : []);
    io.stderr.write(reporters.pretty(checked.diagnostics, { sources, color: options.color, planCount: 1, summary: false }));
    io.stderr.write(`careerplan: ${checked.source.path} has errors; fix them and run the review again\n`);
    return exitCodes.problems;
  }

  let browser;
  try {
    const explicitFrom = options.browser ? '--browser' : '`pdf.browser` in the config';
    browser = findBrowser({ explicit: options.browser ?? config.pdf.browser, explicitFrom, env: io.env });
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    io.stderr.write(`careerplan: ${error.message}\n`);
    return exitCodes.failure;
  }
  if (!browser) {
    io.stderr.write(`careerplan: ${howToGetABrowser(process.platform)}\n`);
    return exitCodes.failure;
  }

  const html = createHtmlRenderer({ allowRawHtml: config.allowRawHtml });
  const page = planPage(checked, { html, config });
  const plan = page.model;

  // The period: --since as given, else since the last review, else since the plan's first commit.
  const since = options.since ?? plan.reviewed;
  const repository = await findProjectRepository(config, 'git', io.env);
  let history;
  try {
    history = await readHistory(file, repository, { cwd: io.cwd, ...(since === undefined ? {} : { since }) });
  } catch (error) {
    if (error instanceof SinceError) {
      io.stderr.write(`careerplan: ${error.message}\n`);
      return exitCodes.failure;
    }
    throw error;
  }
  if (options.since !== undefined && !isDateLike(options.since) && !history.repository) {
    io.stderr.write(`careerplan: --since ${options.since} names a revision, but ${checked.source.path} is not in a git repository; give a date as YYYY-MM-DD\n`);
    return exitCodes.failure;
  }
  const start: ReviewStart =
    options.since !== undefined
      ? isDateLike(options.since)
        ? { from: 'date', date: options.since }
        : { from: 'revision', revision: shortRevision(options.since), ...optional('date', await commitDay(repository, options.since)) }
      : plan.reviewed !== undefined
        ? { from: 'reviewed', date: plan.reviewed }
        : { from: 'start', ...optional('date', history.revisions.at(-1)?.date.slice(0, 10)) };
  const summary = reviewSummary(plan, history, config.asOf, start);

  const theme = await createTheme({ builtin: path.join(packageRoot().folder, 'templates'), user: config.templates, cwd: io.cwd });
  const generator = `careerplan ${packageRoot().version}`;
  const pageHtml = theme.renderPlan({ plan, timelineSvg: renderTimeline(plan, timelineText(plan.lang)), root: '../', generator, review: summary });

  const target = options.out ?? reviewPath(config, plan.slug, config.asOf);
  const words = labelsFor(plan.lang);
  const asOfText = formatDate(config.asOf, plan.lang);
  // The page is printed from a folder of its own, holding only what it may load: the theme's assets and the plan's images.
  const folder = await mkdtemp(path.join(os.tmpdir(), 'careerplan-review-'));
  // Nothing to finish at Ctrl-C: the review's own folder and a PDF not yet renamed into place go, and it exits at once
  // (the browser ends with it, see launchBrowser).
  const stopListening = onStopSignals(undefined, () => {
    rmSync(folder, { recursive: true, force: true });
    removeOwnTemporaries(path.dirname(target), false);
  });
  const printer = createPrinter({
    launch: () => launchBrowser(browser.path),
    out: folder,
    settings: { paper: config.pdf.paper, margin: config.pdf.margin },
    timeout: config.pdf.timeout,
  });
  try {
    for (const asset of theme.assets) await copyIfChanged(asset.source, path.join(folder, 'assets', asset.target));
    for (const copy of page.copies) await publishAttachment(copy, folder);
    let printed;
    try {
      printed = await printer.print({
        name: plan.file,
        slug: plan.slug,
        html: pageHtml,
        title: plan.title,
        author: plan.owner,
        headerLeft: plan.title,
        headerRight: plan.owner,
        footerLeft: fill(words.reviewFooter, { date: asOfText }),
        pageOf: words.pageOf,
      });
    } catch (error) {
      io.stderr.write(`${plan.file}: could not print the review: ${(error as Error).message.replace(`${plan.file}: `, '')}\n`);
      return exitCodes.problems;
    }
    const { withMetadata } = await import('../print/metadata.js');
    const pdf = await withMetadata(printed.pdf, {
      title: fill(words.reviewDocumentTitle, { title: plan.title, date: asOfText }),
      author: plan.owner,
      subject: words.reviewTitle,
      lang: plan.lang,
      creator: generator,
    });
    await writeFileAtomic(target, pdf);
    for (const url of printed.blocked) io.stderr.write(`${plan.file}: warning: blocked a request for ${url} while printing (a PDF loads only the build's own files)\n`);
  } finally {
    await printer.close();
    await rm(folder, { recursive: true, force: true });
    stopListening();
  }
  io.stderr.write(`review of ${plan.file} ${describeStart(start, summary.changeCount)} → ${displayPath(target, io.cwd)}\n`);
  return exitCodes.ok;
}

/** The period in the terminal's words. */
function describeStart(start: ReviewStart, changes: number): string {
  const counted = `${changes} ${changes === 1 ? 'change' : 'changes'}`;
  switch (start.from) {
    case 'date':
      return `since ${start.date} (${counted})`;
    case 'revision':
      return `since ${start.revision}${start.date ? ` of ${start.date}` : ''} (${counted})`;
    case 'reviewed':
      return `since its last review on ${start.date}, its \`reviewed\` date (${counted})`;
    case 'start':
      return `since its first commit${start.date ? ` on ${start.date}` : ''}, as it has no \`reviewed\` date (${counted})`;
  }
}

/** A commit id shortened as git shows it; other revisions (branches, tags, `HEAD~3`) as given. */
function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/i.test(revision) ? revision.slice(0, 7) : revision;
}

/** The calendar day (as written) of a revision's author date; `undefined` when git cannot tell. Starts git. */
async function commitDay(repository: Repository | undefined, revision: string): Promise<string | undefined> {
  const day = repository && (await commitDate(repository, revision))?.slice(0, 10);
  return day !== undefined && isDateLike(day) ? day : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}
