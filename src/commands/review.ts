/**
 * `careerplan review <plan> [--since REV|DATE]`: a dated PDF for a one-to-one
 * meeting — a first page summarising the period (what changed, what was
 * completed, what is overdue, the evaluations), then the plan as it is now.
 * The plan goes through the same stages as a build (check, page, render,
 * print job; see print/review.ts). Reads the plan and git, runs a browser,
 * writes one file.
 */
import path from 'node:path';
import { checkFile, isChecked } from '../build/check-plans.js';
import type { Config } from '../config/config.js';
import { reporters } from '../diagnostics/reporters/index.js';
import { printReview } from '../print/review.js';
import { displayPath } from '../lib/paths.js';
import { packageRoot } from '../lib/package-root.js';
import { createTheme } from '../theme/index.js';
import type { ChangeWords } from '../history/change-text.js';
import { optional } from '../lib/optional.js';
import { commitDate, findProjectRepository, type Repository } from '../edges/git.js';
import { locatePlan, readHistory, SinceError } from '../history/read.js';
import { isDateLike } from '../history/revisions.js';
import { createHtmlRenderer } from '../markdown/html.js';
import { PlanPathError } from '../stages/load.js';
import { isBuildable, planPage } from '../stages/page.js';
import type { PlanModel } from '../stages/model.js';
import { pickBrowser } from '../print/browser-choice.js';
import { reviewSummary, type ReviewStart, type ReviewSummary } from '../history/review-summary.js';
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
  const pick = pickBrowser(config, options.browser, io.env);
  if (!pick.browser) {
    io.stderr.write(`careerplan: ${pick.problem}\n`);
    return exitCodes.failure;
  }
  const page = planPage(checked, { html: createHtmlRenderer({ allowRawHtml: config.allowRawHtml }), config });
  // The theme first: the review's first page words the changes in the plan's language.
  const theme = await createTheme({ builtin: path.join(packageRoot().folder, 'templates'), user: config.templates, cwd: io.cwd });
  const period = await reviewPeriod(file, page.model, config, options, io, theme.words(page.model.lang));
  if (typeof period === 'string') {
    io.stderr.write(`careerplan: ${period}\n`);
    return exitCodes.failure;
  }
  const target = options.out ?? reviewPath(config, page.model.slug, config.asOf);
  const failure = await printReview(page, period.summary, { config, browser: pick.browser, target, theme, io });
  if (failure !== undefined) {
    io.stderr.write(`${failure}\n`);
    return exitCodes.problems;
  }
  io.stderr.write(`review of ${page.model.file} ${describeStart(period.start, period.summary.changeCount)} → ${displayPath(target, io.cwd)}\n`);
  return exitCodes.ok;
}

/** The period a review covers and what happened in it; or why it cannot be read (a bad `--since`). Reads git. */
async function reviewPeriod(file: string, plan: PlanModel, config: Config, options: ReviewOptions, io: Io, words: ChangeWords): Promise<{ readonly start: ReviewStart; readonly summary: ReviewSummary } | string> {
  // The period: --since as given, else since the last review, else since the plan's first commit.
  const since = options.since ?? plan.reviewed;
  const repository = await findProjectRepository(config, 'git', io.env);
  let history;
  try {
    history = await readHistory(file, repository, { cwd: io.cwd, ...(since === undefined ? {} : { since }) });
  } catch (error) {
    if (error instanceof SinceError) return error.message;
    throw error;
  }
  if (options.since !== undefined && !isDateLike(options.since) && !history.repository) {
    return `--since ${options.since} names a revision, but ${plan.file} is not in a git repository; give a date as YYYY-MM-DD`;
  }
  const start: ReviewStart =
    options.since !== undefined
      ? isDateLike(options.since)
        ? { from: 'date', date: options.since }
        : { from: 'revision', revision: shortRevision(options.since), ...optional('date', await commitDay(repository, options.since)) }
      : plan.reviewed !== undefined
        ? { from: 'reviewed', date: plan.reviewed }
        : { from: 'start', ...optional('date', history.revisions.at(-1)?.date.slice(0, 10)) };
  return { start, summary: reviewSummary(plan, history, config.asOf, start, words) };
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
