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
 * the calendar says — overdue once its own due date has passed; at risk
 * while one of its steps is overdue, or from `atRiskDays` before its due
 * date while steps are open; else active (on track). Pure.
 */
export function goalStatus(goal: { readonly done?: DoneValue; readonly status: Goal['status'] }, daysToDue: number, hasOpenSteps: boolean, hasOverdueSteps: boolean): GoalStatus {
  if (isDone(goal.done)) return 'done';
  if (goal.status === 'paused' || goal.status === 'dropped') return goal.status;
  if (daysToDue < 0) return 'overdue';
  if (hasOverdueSteps) return 'at-risk';
  if (daysToDue <= atRiskDays && hasOpenSteps) return 'at-risk';
  return 'active';
}

/** Whether a step is overdue: its goal is open (see `isOpenGoal`), and the step is not done and was due before the as-of date. The `overdue` rule, the model and so every page count this. Pure. */
export function isOverdueStep<Step extends { readonly done?: DoneValue; readonly due?: Period | undefined }>(
  step: Step,
  goal: { readonly done?: DoneValue; readonly status?: Goal['status'] | undefined },
  asOf: IsoDate,
): step is Step & { readonly due: Period } {
  return isOpenGoal(goal) && isOverdue(step, asOf);
}

/** A goal's status as its author wrote it (`status:`), without what `done` and the calendar add. */
export type WrittenStatus = Goal['status'];

/** The status the author wrote behind a goal's status: done, at risk and overdue are `active`. Pure. */
export function writtenStatus(status: GoalStatus): WrittenStatus {
  return status === 'paused' || status === 'dropped' ? status : 'active';
}

/** How many goals and steps are overdue, as the `overdue` rule counts them. */
export interface OverdueCounts {
  readonly goals: number;
  readonly steps: number;
}

/** What the attention order looks at in a plan: its goals counted by status, its overdue goals and steps, and its next open deadline. */
export interface AttentionFacts {
  readonly statusCounts: Readonly<Record<GoalStatus, number>>;
  readonly overdue: OverdueCounts;
  readonly nextDeadline?: { readonly date: IsoDate } | undefined;
}

/** Overdue goals and steps together: the number of `overdue` warnings `check` gives the plan. Pure. */
export function overdueTotal(overdue: OverdueCounts): number {
  return overdue.goals + overdue.steps;
}

/** Orders plans by the attention they need: most overdue goals and steps, then most goals at risk, then the soonest deadline (none last); 0 for a tie. Pure. */
export function compareAttention(a: AttentionFacts, b: AttentionFacts): number {
  return (
    overdueTotal(b.overdue) - overdueTotal(a.overdue) ||
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
