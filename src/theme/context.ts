/**
 * What a page template receives. Every fact is computed before rendering
 * (in the model stage or by the caller); templates only show it.
 */
import type { IsoDate } from '../format/dates.js';
import type { HistoryView } from '../history/revisions.js';
import type { PlanModel } from '../stages/model.js';
import type { ReviewSummary } from '../history/review-summary.js';
import type { IndexDeadline, IndexPlan } from '../site/index-view.js';
import type { CohortSkill } from '../site/cohort-skills.js';

/** The context of one plan's page, `<slug>/index.html`. */
export interface PlanPageContext {
  readonly plan: PlanModel;
  /** The plan's timeline as an inline SVG, from `renderTimeline`. */
  readonly timelineSvg: string;
  /** Relative path from the page to the site root, such as `../`. */
  readonly root: string;
  /** The href of the plan's PDF, when there is one. */
  readonly pdf?: string;
  /** The href of the plan's calendar of due dates (`<slug>.ics`), when there is one. */
  readonly calendar?: string;
  /** The tool and its version, such as `careerplan 0.1.0`. */
  readonly generator: string;
  /** The first page of a review (`careerplan review`, `reviewSummary`): shown before the plan when present. */
  readonly review?: ReviewSummary;
  /** When the plan was last revised and, in a git repository, what each commit changed in it (`historyView`). */
  readonly history?: HistoryView;
  /** The sections an audience view (`build --view`) leaves out whole: not shown, not linked. */
  readonly leftOut?: LeftOutSections;
}

/** Which of a plan page's sections a view leaves out. */
export interface LeftOutSections {
  readonly vision: boolean;
  readonly selfAssessment: boolean;
  readonly skills: boolean;
  readonly opportunities: boolean;
  /** The free Markdown body. */
  readonly notes: boolean;
}

/** The context of the site's index page. */
export interface IndexPageContext {
  /**
   * Every plan, in the order the caller wants them listed (those needing attention first): what the
   * index shows of each (`IndexPlan`: names, dates, progress, deadlines, goals without their steps),
   * not the whole model. The page holds them all; the theme's script shows them a page at a time and
   * searches them.
   */
  readonly plans: readonly IndexPlan[];
  /** Overdue goals and steps across all plans, oldest first, then open deadlines of the next 90 days, earliest first (`indexDeadlines`). */
  readonly deadlines: readonly IndexDeadline[];
  /** "Skills the cohort needs": skills two or more plans need, most plans first (`cohortSkills`); none in a view that omits skills. */
  readonly cohortSkills?: readonly CohortSkill[];
  readonly asOf: IsoDate;
  /** The language of the index's labels and dates. */
  readonly lang: string;
  /** Relative path from the page to the site root, such as `./`. */
  readonly root: string;
  readonly generator: string;
  /** Whether each plan has a PDF at `<slug>/<slug>.pdf`. */
  readonly pdfs?: boolean;
}

/** The context of the PDF's running header and footer (`partials/pdf-header.hbs`, `partials/pdf-footer.hbs`), from the print job. */
export interface PrintMarginContext {
  /** The words on the left and on the right; the footer's right is the page number (`pageOf`). */
  readonly left: string;
  readonly right: string;
  /** The footer's page number in pieces: words, then where Chromium puts the page number and the page count. */
  readonly pageOf: readonly PageOfPart[];
  /** The page's left and right margins, so the header lines up with the page's text. */
  readonly margin: { readonly left: string; readonly right: string };
}

/** A piece of "Page {page} of {total}": words, the page number or the page count. */
export type PageOfPart = { readonly text: string } | { readonly page: true } | { readonly total: true };
