/**
 * The index's view of all plans: who needs attention first, and the
 * deadlines of the coming weeks across every plan. Pure.
 */
import type { IsoDate } from '../format/dates.js';
import { compareAttention, isPast } from '../format/status.js';
import type { Deadline, GoalModel, PlanModel, SkillModel } from '../stages/model.js';

/** What the index shows of a goal. */
export type IndexGoal = Pick<GoalModel, 'id' | 'title' | 'kind' | 'status' | 'due' | 'progress' | 'daysLeft'>;

/** What the index shows of a skill: its name and the levels still to go, for "Skills the cohort needs" (`cohort-skills.ts`). */
export type IndexSkill = Pick<SkillModel, 'name' | 'gap'>;

/**
 * What the index (and the PDFs' running headers) show of a plan: its
 * names, dates, progress and deadlines, its goals without their steps, and
 * its skills' names and gaps. A build of thousands of plans keeps these, not
 * the whole models.
 */
export type IndexPlan = Pick<
  PlanModel,
  'slug' | 'file' | 'lang' | 'asOf' | 'title' | 'owner' | 'role' | 'created' | 'reviewed' | 'horizon' | 'progress' | 'nextDeadline' | 'deadlines' | 'statusCounts' | 'overdue' | 'evaluations'
> & { readonly goals: readonly IndexGoal[]; readonly skills: readonly IndexSkill[] };

/** The index's part of a plan's model (or of a larger `IndexPlan`): no more than the index may show, whoever calls. */
export function indexPlan(model: IndexPlan): IndexPlan {
  const { slug, file, lang, asOf, title, owner, role, created, reviewed, horizon, progress, nextDeadline, deadlines, statusCounts, overdue, evaluations } = model;
  return {
    slug,
    file,
    lang,
    asOf,
    title,
    owner,
    ...(role === undefined ? {} : { role }),
    ...(created === undefined ? {} : { created }),
    ...(reviewed === undefined ? {} : { reviewed }),
    ...(horizon === undefined ? {} : { horizon }),
    progress,
    ...(nextDeadline === undefined ? {} : { nextDeadline }),
    deadlines,
    statusCounts,
    overdue,
    evaluations,
    goals: model.goals.map(({ id, title: goalTitle, kind, status, due, progress: goalProgress, daysLeft }) => ({ id, title: goalTitle, kind, status, due, progress: goalProgress, daysLeft })),
    skills: model.skills.map(({ name, gap }) => ({ name, gap })),
  };
}

/** How far ahead the index lists deadlines. */
export const deadlineWindowDays = 90;

/** A deadline on the index: whose plan it belongs to, and whether it has passed with the goal or step still open. */
export type IndexDeadline = Deadline & { readonly slug: string; readonly owner: string; readonly overdue: boolean };

/** The plans in the order a coach wants them: most overdue goals and steps, then most at risk, then soonest deadline, then by owner. */
export function byAttention<Plan extends IndexPlan>(plans: readonly Plan[]): Plan[] {
  return [...plans].sort(
    (a, b) => compareAttention(a, b) || a.owner.localeCompare(b.owner) || a.slug.localeCompare(b.slug),
  );
}

/** The index's list of deadlines: every overdue goal and step across plans, oldest first, then the upcoming ones (`upcomingDeadlines`). Pure. */
export function indexDeadlines(plans: readonly IndexPlan[], asOf: IsoDate): IndexDeadline[] {
  const overdue = plans
    .flatMap((plan) => plan.overdue.items.map((item) => ({ ...item, slug: plan.slug, owner: plan.owner, overdue: true })))
    .sort((a, b) => a.date.localeCompare(b.date) || a.owner.localeCompare(b.owner));
  return [...overdue, ...upcomingDeadlines(plans, asOf)];
}

/** Deadlines from the as-of date to `deadlineWindowDays` later, across plans, earliest first. */
export function upcomingDeadlines(plans: readonly IndexPlan[], asOf: IsoDate): IndexDeadline[] {
  return plans
    .flatMap((plan) => plan.deadlines.filter((deadline) => deadline.daysLeft <= deadlineWindowDays).map((deadline) => ({ ...deadline, slug: plan.slug, owner: plan.owner, overdue: false })))
    .filter((deadline) => !isPast(deadline.date, asOf))
    .sort((a, b) => a.date.localeCompare(b.date) || a.owner.localeCompare(b.owner));
}
