/**
 * Building plan pages: each plan file is checked, and a plan without errors
 * is rendered and written to its folder of the site. What each file gave is
 * handed back as plain data (its diagnostics, copies, and the plan as the
 * index and `plans.json` need it), so the same work runs in this thread or
 * in worker threads. Reads plans, writes pages.
 */
import { checkFile, crossPlanDiagnostics, isChecked } from './check-plans.js';
import type { Config } from '../config/config.js';
import { createHtmlRenderer } from '../markdown/html.js';
import { isBuildable, planPage } from '../stages/page.js';
import { builtPlan, type BuiltPlan } from './built-plan.js';
import { historyInView } from '../site/view.js';
import { createBlobReader, type BlobReader } from '../edges/git.js';
import type { PlanLog } from '../history/stamps.js';
import { createHistoryCache, historyOfPlan, historyWithoutGit } from '../history/read.js';
import { historyView, type HistoryView } from '../history/revisions.js';
import { planSlug } from '../format/slug.js';
import type { Theme } from '../theme/index.js';
import type { CachedPlan } from './cache.js';
import { writePlanPage, type SiteContext } from '../site/output.js';

/** Everything a thread needs to build pages: plain data, so it crosses to a worker unchanged. */
export interface PagesJob {
  readonly config: Config;
  readonly cwd: string;
  /** Every plan file of the build, for the rules over all plans and links between plans. */
  readonly allFiles: readonly string[];
  readonly generator: string;
  /** Whether pages link their PDFs. */
  readonly pdfs: boolean;
  /** What git says of each plan to build that is in a repository (see `planLogs`): their pages show what each commit changed; the others only the file's time. */
  readonly gitLogs: ReadonlyMap<string, PlanLog>;
}

/** Revisions a plan page lists open; it lists every older one too, folded away. */
export const revisionsOpen = 20;

/** What one plan file gave. */
export interface PageResult {
  readonly file: string;
  readonly entry: Omit<CachedPlan, 'key'>;
  /** A built page's plan: what the index shows of it, and its model as `plans.json` holds it (`planJson`). */
  readonly plan?: BuiltPlan;
}

/** Builds plan pages one file at a time, in this thread. */
export interface PageBuilder {
  /** Checks a plan file and, when it has no errors, writes its page. */
  build(file: string): Promise<PageResult>;
  /** Ends what the builder started (the git processes that read past versions); call it once every build is done. */
  close(): void;
}

/** Plans in work at once in one thread: enough to keep the disk busy, few enough that memory holds only their trees. */
export const plansAtOnce = 16;

/**
 * Turns at a thread's CPU for the plans it has in work at once: each plan
 * checks and lays out its page alone, in its own turn of the event loop,
 * so a stop signal is handled between two plans instead of after all of
 * them. Once `signal` aborts, a turn throws its reason instead. Returns the
 * function that waits for a turn and gives the function that ends it.
 */
function createTurns(signal?: AbortSignal): () => Promise<() => void> {
  let last: Promise<void> = Promise.resolve();
  return async () => {
    let release: () => void = () => undefined;
    const previous = last;
    last = new Promise<void>((resolve) => (release = resolve));
    await previous;
    // An immediate queued while immediates run waits for the next turn of the loop, after its signals.
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) {
      release();
      throw signal.reason;
    }
    return release;
  };
}

/** Prepares a thread to build pages with `theme`: the processors made once. A plan not started when `signal` aborts rejects with its reason. */
export function createPageBuilder(job: PagesJob, theme: Theme, signal?: AbortSignal): PageBuilder {
  const { config, cwd } = job;
  const html = createHtmlRenderer({ allowRawHtml: config.allowRawHtml });
  const crossPlan = crossPlanDiagnostics(job.allFiles, config, cwd);
  // `build` makes the pages durable at its end, all at once (see `syncWrittenSince`).
  const site: SiteContext = { theme, config, generator: job.generator, pdfs: job.pdfs, deferSync: true };
  const pageContext = { html, config };
  const versions = createHistoryCache();
  const turn = createTurns(signal);
  // One `git cat-file --batch` per repository for all the pages this thread builds, started on the first version read.
  const readers = new Map<string, BlobReader>();
  const readerOf = (log: PlanLog): BlobReader => {
    let reader = readers.get(log.repository.root);
    if (!reader) {
      reader = createBlobReader(log.repository);
      readers.set(log.repository.root, reader);
    }
    return reader;
  };
  const historyOf = async (file: string, lang: string): Promise<HistoryView> => {
    const log = job.gitLogs.get(file);
    const history = log ? await historyOfPlan(file, log, readerOf(log), { cwd, cache: versions }) : await historyWithoutGit(file, { cwd });
    return historyView(history, theme.words(lang), { open: revisionsOpen });
  };

  return {
    async build(file) {
      const release = await turn();
      let checked: Awaited<ReturnType<typeof checkFile>>;
      let page: ReturnType<typeof planPage> | undefined;
      try {
        checked = await checkFile(file, config, cwd, crossPlan.get(file) ?? []);
        if (isChecked(checked) && isBuildable(checked)) page = planPage(checked, pageContext);
      } finally {
        release();
      }
      const slug = planSlug(file);
      // Its text goes back only for code frames, which the report shows under errors.
      const text = checked.diagnostics.some((d) => d.severity === 'error') && isChecked(checked) ? { text: checked.source.text } : {};
      if (!page || !isChecked(checked)) return { file, entry: { slug, diagnostics: checked.diagnostics, ...text, built: false, copies: [] } };
      await writePlanPage(page, site, historyInView(await historyOf(checked.source.absolutePath, page.model.lang), config.view));
      return { file, entry: { slug, diagnostics: checked.diagnostics, ...text, built: true, copies: page.copies }, plan: builtPlan(page.model) };
    },
    close() {
      for (const reader of readers.values()) reader.close();
      readers.clear();
    },
  };
}
