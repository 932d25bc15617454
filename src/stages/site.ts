/**
 * The index's view of all plans: who needs attention first, and the
 * deadlines of the coming weeks across every plan. Pure.
 */
import type { IsoDate } from '../format/dates.js';
import type { Deadline, PlanModel } from './model.js';

/** How far ahead the index lists deadlines. */
export const deadlineWindowDays = 90;

/** A deadline on the index, with the plan it belongs to. */
export type SiteDeadline = Deadline & { readonly slug: string; readonly owner: string };

/** The plans in the order a coach wants them: most overdue, then most at risk, then soonest deadline, then by owner. */
export function byAttention(plans: readonly PlanModel[]): PlanModel[] {
  return [...plans].sort(
    (a, b) =>
      b.statusCounts.overdue - a.statusCounts.overdue ||
      b.statusCounts['at-risk'] - a.statusCounts['at-risk'] ||
      (a.nextDeadline?.date ?? '9999-12-31').localeCompare(b.nextDeadline?.date ?? '9999-12-31') ||
      a.owner.localeCompare(b.owner) ||
      a.slug.localeCompare(b.slug),
  );
}

/** Deadlines from the as-of date to `deadlineWindowDays` later, across plans, earliest first. */
export function upcomingDeadlines(plans: readonly PlanModel[], asOf: IsoDate): SiteDeadline[] {
  return plans
    .flatMap((plan) => plan.deadlines.filter((deadline) => deadline.daysLeft <= deadlineWindowDays).map((deadline) => ({ ...deadline, slug: plan.slug, owner: plan.owner })))
    .filter((deadline) => deadline.date >= asOf)
    .sort((a, b) => a.date.localeCompare(b.date) || a.owner.localeCompare(b.owner));
}
