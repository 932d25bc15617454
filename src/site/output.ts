/**
 * Writing the site into the out folder: a plan's page, its calendar and the
 * files it links, the index, `plans.json`, `plans.csv`, the theme's assets. Shared by
 * `build`, `watch` and `merge`, which record what they wrote in the manifest
 * (`manifest.ts`). Every write is atomic and skipped when the content is
 * the same.
 */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { copyIfChanged, writeIfChanged, writePiecesIfChanged, type WriteOptions } from '../edges/files.js';
import { readAttachment } from '../edges/attachments.js';
import { calendarName, planCalendar } from '../stages/calendar.js';
import { maxAttachmentBytes, type Copy } from '../markdown/media.js';
import { staticSvg } from '../markdown/svg.js';
import { modelVersion, type PlanModel } from '../stages/model.js';
import type { HistoryView } from '../history/revisions.js';
import type { PlanPage } from '../stages/page.js';
import { planJson, plansJsonPieces } from './plans-json.js';
import { planCsv, plansCsvPieces } from './plans-csv.js';
import type { Shard } from './shard.js';
import { byAttention, indexDeadlines, indexPlan, type IndexPlan } from './index-view.js';
import { cohortSkills } from './cohort-skills.js';
import type { Theme } from '../theme/index.js';
import { render } from '../stages/render.js';

/** What the pages of one build share. */
export interface SiteContext {
  readonly theme: Theme;
  readonly config: Pick<Config, 'out' | 'asOf' | 'locale' | 'view'>;
  /** `careerplan <version>`, in each page's generator meta tag. */
  readonly generator: string;
  /** Whether the pages link their PDFs. */
  readonly pdfs: boolean;
  /** The shard a `build --shard i/n` builds: `plans.json` records it, so `merge` can tell that every shard is there. */
  readonly shard?: Shard;
  /** Write without an fsync per file: `build` makes its files durable at once, before its cache says they are current (`syncWrittenSince`). */
  readonly deferSync?: boolean;
}

/** How the site's files are written. */
function writeOptions(site: SiteContext): WriteOptions {
  return site.deferSync ? { deferSync: true } : {};
}

/** Writes a plan's page (with its revision history, when known) and its calendar, and copies the files it links; returns whether the page's HTML changed. Throws `ThemeError` for a broken template. */
export async function writePlanPage(page: PlanPage, site: SiteContext, history?: HistoryView): Promise<boolean> {
  const { model } = page;
  const html = render(model, { theme: site.theme, generator: site.generator, site: { pdf: site.pdfs }, view: site.config.view, ...(history ? { history } : {}) });
  const options = writeOptions(site);
  const changed = await writeIfChanged(path.join(site.config.out, model.slug, 'index.html'), html, options);
  await writeIfChanged(path.join(site.config.out, model.slug, calendarName(model.slug)), planCalendar(model, site.generator, site.theme.stageText(model.lang).calendar), options);
  for (const copy of page.copies) await publishAttachment(copy, site.config.out, options);
  return changed;
}

/**
 * Copies a file a page links to into the site, as `classifyLink` allowed
 * it: read without blocking and only while it is still an ordinary file
 * within the size limit, an SVG made static. A file that changed into
 * something else since it was checked is left out. Returns whether the
 * site's copy changed.
 */
export async function publishAttachment(copy: Copy, folder: string, options: WriteOptions = {}): Promise<boolean> {
  const bytes = readAttachment(copy.source, maxAttachmentBytes);
  if (bytes === undefined) return false;
  const data = copy.target.toLowerCase().endsWith('.svg') ? staticSvg(bytes.toString('utf8')) : bytes;
  return writeIfChanged(path.join(folder, copy.target), data, options);
}

/** Writes the index page; returns whether it changed. Throws `ThemeError` for a broken template. */
export async function writeIndexPage(plans: readonly IndexPlan[], site: SiteContext): Promise<boolean> {
  const { config } = site;
  const html = site.theme.renderIndex({
    plans: byAttention(plans.map(indexPlan)),
    deadlines: indexDeadlines(plans, config.asOf),
    // A view that leaves out skills leaves out the section, not only its rows.
    cohortSkills: config.view?.omit.includes('skills') ? [] : cohortSkills(plans),
    asOf: config.asOf,
    lang: config.locale,
    root: '',
    generator: site.generator,
    pdfs: site.pdfs,
  });
  return writeIfChanged(path.join(config.out, 'index.html'), html, writeOptions(site));
}

/** Writes `plans.json`, every built plan's data for other tools, sorted by slug; piece by piece, so thousands of plans never make one huge string. */
export async function writePlansJson(models: readonly PlanModel[], site: SiteContext): Promise<void> {
  const plans = [...models].sort((a, b) => a.slug.localeCompare(b.slug));
  await writePlansJsonOf(plans.length, plans.map((plan) => () => planJson(plan)), site);
}

/**
 * Writes `plans.json` from each plan's JSON text (`planJson`, or its UTF-8 bytes), given in slug
 * order as functions that give it, so the texts can come from a spool one at
 * a time.
 */
export async function writePlansJsonOf(count: number, texts: Iterable<() => string | Uint8Array>, site: SiteContext): Promise<void> {
  const head = { version: modelVersion, generator: site.generator, asOf: site.config.asOf, ...(site.shard ? { shard: site.shard } : {}) };
  await writePiecesIfChanged(path.join(site.config.out, 'plans.json'), plansJsonPieces(count, texts, head), writeOptions(site));
}

/** Writes `plans.csv`, a row per action step of every built plan, sorted by slug; piece by piece, like `plans.json`. */
export async function writePlansCsv(models: readonly PlanModel[], site: SiteContext): Promise<void> {
  const plans = [...models].sort((a, b) => a.slug.localeCompare(b.slug));
  await writePlansCsvOf(plans.map((plan) => () => planCsv(plan)), site);
}

/** Writes `plans.csv` from each plan's rows (`planCsv`, or its UTF-8 bytes), given in slug order as functions that give them. */
export async function writePlansCsvOf(texts: Iterable<() => string | Uint8Array>, site: SiteContext): Promise<void> {
  await writePiecesIfChanged(path.join(site.config.out, 'plans.csv'), plansCsvPieces(texts), writeOptions(site));
}

/** Copies the theme's stylesheet and fonts into `assets/`; returns whether any changed. */
export async function writeAssets(site: SiteContext): Promise<boolean> {
  let changed = false;
  for (const asset of site.theme.assets) changed = (await copyIfChanged(asset.source, path.join(site.config.out, 'assets', asset.target), writeOptions(site))) || changed;
  return changed;
}
