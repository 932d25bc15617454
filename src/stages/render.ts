/**
 * The render stage: a plan's page (its model, `stages/page.ts`) to the HTML
 * of its page with the theme — the timeline drawn, the links beside it (its
 * calendar, its PDF), its history, the sections a view leaves out, and a
 * review's first page when it is one. Pure; a broken template is thrown as
 * `ThemeError`.
 */
import type { Config } from '../config/config.js';
import type { HistoryView } from '../history/revisions.js';
import type { ReviewSummary } from '../history/review-summary.js';
import { calendarName } from './calendar.js';
import type { LeftOutSections } from '../theme/context.js';
import type { Theme } from '../theme/theme.js';
import { renderTimeline } from '../timeline/index.js';
import type { PlanModel } from './model.js';

/** What a page is rendered with besides its plan. */
export interface RenderContext {
  readonly theme: Pick<Theme, 'renderPlan' | 'stageText'>;
  /** `careerplan <version>`, in the page's generator meta tag. */
  readonly generator: string;
  /** The page is one of the site: it links its calendar, and its PDF when `pdf`. A review's page links neither. */
  readonly site?: { readonly pdf: boolean };
  /** The audience view: the sections it leaves out whole are not offered on the page. */
  readonly view?: Config['view'];
  /** The plan's history as the page shows it. */
  readonly history?: HistoryView;
  /** The first page of a review (`careerplan review`). */
  readonly review?: ReviewSummary;
}

/** The HTML of a plan's page. Pure; throws `ThemeError` for a broken template. */
export function render(plan: PlanModel, context: RenderContext): string {
  const { site, history, review } = context;
  const links = site ? { calendar: encodeURIComponent(calendarName(plan.slug)), ...(site.pdf ? { pdf: `${encodeURIComponent(plan.slug)}.pdf` } : {}) } : {};
  const leftOut = leftOutSections(context.view);
  return context.theme.renderPlan({
    plan,
    timelineSvg: renderTimeline(plan, context.theme.stageText(plan.lang).timeline),
    root: '../',
    generator: context.generator,
    ...links,
    ...(history ? { history } : {}),
    ...(leftOut ? { leftOut } : {}),
    ...(review ? { review } : {}),
  });
}

/**
 * The page's sections a view leaves out whole, so the page does not offer them
 * as empty ("no vision written yet" would mislead its reader). Pure.
 */
export function leftOutSections(view: Config['view']): LeftOutSections | undefined {
  if (view === undefined || view.omit.length === 0) return undefined;
  const omitted = new Set<string>(view.omit);
  const selfAssessment = ['priorities', 'strengths', 'weaknesses', 'education'].every((part) => omitted.has(part));
  return { vision: omitted.has('vision'), skills: omitted.has('skills'), opportunities: omitted.has('opportunities'), notes: omitted.has('body'), selfAssessment };
}
