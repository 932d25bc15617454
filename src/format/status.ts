/**
 * The one place a plan's statuses are decided: when a goal or step is done,
 * overdue or at risk, how many days are left, which goals are still being
 * worked on, and which plans need attention first. The `overdue` rule, the
 * model, the index and the review all ask here. Pure: the as-of date is
 * always given, never read from the clock.
 */
import { daysBetween, type IsoDate, type Period } from './dates.js';
import type { Goal } from './schema.js';

/** Every status a goal can have as of a date, in the order legends and counts list them. */
export const goalStatuses = ['done', 'active', 'at-risk', 'overdue', 'paused', 'dropped'] as const;

/** A goal's status as of a date. */
export type GoalStatus = (typeof goalStatuses)[number];

/** Days before its due date from which an open goal is at risk. */
export const atRiskDays = 30;

/** What a goal or step says about being done: a date, `true`, `false`, or nothing. */
export type DoneValue = IsoDate | boolean | undefined;

/** Whether a `done` value marks a goal or step done: a date or `true`. Pure. */
export function isDone(done: DoneValue): boolean {
  return done !== undefined && done !== false;
}

/** Whether a due date (a period's last day) has passed: it is before the as-of date, so the due day itself is not yet late. Pure. */
export function isPast(last: IsoDate, asOf: IsoDate): boolean {
  return last < asOf;
}

/** Days from the as-of date to a period's last day: 0 on the day, negative once it has passed. Pure. */
export function daysLeft(due: Period, asOf: IsoDate): number {
  return daysBetween(asOf, due.last);
}

/**
 * Whether a goal written in a plan is open: not done, and `active` (a paused
 * or dropped goal, or one whose status did not pass the schema, is not). Pure.
 */
export function isOpenGoal(goal: { readonly done?: DoneValue; readonly status?: Goal['status'] | undefined }): boolean {
  return !isDone(goal.done) && goal.status === 'active';
}

/** Whether a goal with this status is still being worked on: active, at risk or overdue. Pure. */
export function isOpenStatus(status: GoalStatus): boolean {
  return status === 'active' || status === 'at-risk' || status === 'overdue';
}

/** Whether a goal or step is overdue: not done, and its due period's last day is before the as-of date. Pure. */
export function isOverdue<Item extends { readonly done?: DoneValue; readonly due?: Period | undefined }>(item: Item, asOf: IsoDate): item is Item & { readonly due: Period } {
  return !isDone(item.done) && item.due !== undefined && isPast(item.due.last, asOf);
}

/**
 * A goal's status: its own word first (done, paused, dropped), then what
 * the calendar says — overdue once its due date has passed, at risk from
 * `atRiskDays` before it while steps are open, else active. Pure.
 */
export function goalStatus(goal: { readonly done?: DoneValue; readonly status: Goal['status'] }, daysToDue: number, hasOpenSteps: boolean): GoalStatus {
  if (isDone(goal.done)) return 'done';
  if (goal.status === 'paused' || goal.status === 'dropped') return goal.status;
  if (daysToDue < 0) return 'overdue';
  if (daysToDue <= atRiskDays && hasOpenSteps) return 'at-risk';
  return 'active';
}

/** A goal's status as its author wrote it (`status:`), without what `done` and the calendar add. */
export type WrittenStatus = Goal['status'];

/** The status the author wrote behind a goal's status: done, at risk and overdue are `active`. Pure. */
export function writtenStatus(status: GoalStatus): WrittenStatus {
  return status === 'paused' || status === 'dropped' ? status : 'active';
}

/** What the attention order looks at in a plan: its goals counted by status and its next open deadline. */
export interface AttentionFacts {
  readonly statusCounts: Readonly<Record<GoalStatus, number>>;
  readonly nextDeadline?: { readonly date: IsoDate } | undefined;
}

/** Orders plans by the attention they need: most overdue goals, then most at risk, then the soonest deadline (none last); 0 for a tie. Pure. */
export function compareAttention(a: AttentionFacts, b: AttentionFacts): number {
  return (
    b.statusCounts.overdue - a.statusCounts.overdue ||
    b.statusCounts['at-risk'] - a.statusCounts['at-risk'] ||
    (a.nextDeadline?.date ?? '9999-12-31').localeCompare(b.nextDeadline?.date ?? '9999-12-31')
  );
}

/** Goals counted by status, every status present. Pure. */
export function countStatuses(goals: ReadonlyArray<{ readonly status: GoalStatus }>): Record<GoalStatus, number> {
  const counts: Record<GoalStatus, number> = { done: 0, active: 0, 'at-risk': 0, overdue: 0, paused: 0, dropped: 0 };
  for (const goal of goals) counts[goal.status] += 1;
  return counts;
}
