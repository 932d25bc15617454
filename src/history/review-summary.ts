/**
 * The review stage: what a one-to-one meeting looks at first — the period
 * since the last review, what changed in it (from the plan's history), what
 * was completed, what is overdue now, and how the completed steps were
 * evaluated. Pure: the model and the history are the caller's.
 */
import type { IsoDate, Period } from '../format/dates.js';
import { historyView, type History, type RevisionView } from './revisions.js';
import { countEvaluations, type Evaluation, type Evaluations, type GoalModel, type PlanModel } from '../stages/model.js';
import { optional } from '../lib/optional.js';
import type { Change } from './plan-changes.js';
import type { ChangeWords } from './change-text.js';

/** Where the review's period starts, and why there. */
export type ReviewStart =
  /** `--since DATE`. */
  | { readonly from: 'date'; readonly date: IsoDate }
  /** `--since REV`; `date` is the commit's calendar day, when it is known. */
  | { readonly from: 'revision'; readonly revision: string; readonly date?: IsoDate }
  /** No `--since`: the plan's `reviewed` date. */
  | { readonly from: 'reviewed'; readonly date: IsoDate }
  /** No `--since` and no `reviewed`: the plan's first commit (everything done so far counts). */
  | { readonly from: 'start'; readonly date?: IsoDate };

/** A goal completed in the period. */
export interface CompletedGoal {
  readonly id: string;
  readonly title: string;
  readonly doneOn?: IsoDate;
}

/** A step completed in the period, with its evaluation. */
export interface CompletedStep {
  readonly goalId: string;
  readonly goalTitle: string;
  readonly title: string;
  readonly doneOn?: IsoDate;
  readonly worth?: Evaluation;
  readonly reflectionHtml?: string;
}

/** A goal or step that is open and past its due date. */
export interface OverdueItem {
  readonly goalId: string;
  readonly goalTitle: string;
  /** The step's title when the item is a step. */
  readonly stepTitle?: string;
  readonly due: Period;
  /** Negative: days since the due date's last day. */
  readonly daysLeft: number;
}

/** The first page of a review: the data a template shows. */
export interface ReviewSummary {
  readonly since: ReviewStart;
  /** The period's first day, when there is one (not for a revision of unknown date). */
  readonly sinceDate?: IsoDate;
  readonly asOf: IsoDate;
  /** Whether the plan is in a git repository, so its changes are known. */
  readonly repository: boolean;
  /** Commits in the period that changed the plan's substance (or could not be read), newest first. */
  readonly revisions: readonly RevisionView[];
  /** Changes not committed yet, when there are any. */
  readonly uncommitted?: RevisionView['changes'];
  /** How many changes the revisions and the uncommitted changes hold. */
  readonly changeCount: number;
  /** Whether there is anything to list under what changed: uncommitted changes or revisions. */
  readonly changed: boolean;
  readonly completedGoals: readonly CompletedGoal[];
  readonly completedSteps: readonly CompletedStep[];
  /** Goals and steps completed. */
  readonly completedCount: number;
  readonly overdue: readonly OverdueItem[];
  /** The completed steps' evaluations, counted. */
  readonly evaluations: Evaluations;
}

/**
 * The review summary of a plan as of `asOf`, over its history since
 * `since`. Completed means done now, and either dated in the period or
 * marked done by a commit in it (or by an uncommitted change). Changes
 * are worded in `words`, the plan's locale. Pure.
 */
export function reviewSummary(plan: PlanModel, history: History, asOf: IsoDate, since: ReviewStart, words: ChangeWords): ReviewSummary {
  const sinceDate = since.date;
  // Since the start, everything done so far counts, whatever its date; since a revision of unknown date, only what its commits marked done.
  const inPeriod = (date: string): boolean =>
    date <= asOf && (since.from === 'start' || (sinceDate !== undefined && date >= sinceDate));

  const view = historyView(history, words);
  const kept = history.revisions
    .map((revision, index) => ({ revision, view: view.revisions[index] as RevisionView }))
    // A commit after the as-of date is not in the period; one without a change to the substance says nothing to the meeting.
    .filter(({ view: shown }) => shown.date <= asOf)
    .filter(({ revision }) => revision.changes.length > 0 || (revision.problem !== undefined && !revision.deleted));
  const changes: Change[] = [...(history.uncommitted?.changes ?? []), ...kept.flatMap(({ revision }) => revision.changes)];
  const uncommitted = view.uncommitted && view.uncommitted.changes.length > 0 ? view.uncommitted.changes : undefined;

  const doneGoals = new Set(changes.flatMap((change) => (change.kind === 'goal-done' ? [change.goal] : [])));
  const doneSteps = new Set(changes.flatMap((change) => (change.kind === 'step-done' ? [stepKey(change.goal, change.step)] : [])));
  const counts = (goal: GoalModel): boolean => goal.status !== 'dropped';

  const completedGoals: CompletedGoal[] = plan.goals
    .filter((goal) => goal.status === 'done' && (goal.doneOn === undefined ? doneGoals.has(goal.id) || since.from === 'start' : inPeriod(goal.doneOn) || (doneGoals.has(goal.id) && goal.doneOn <= asOf)))
    .map((goal) => ({ id: goal.id, title: goal.title, ...optional('doneOn', goal.doneOn) }));

  const completedSteps: CompletedStep[] = plan.goals.filter(counts).flatMap((goal) =>
    goal.steps
      .filter((step) => step.done && (step.doneOn === undefined ? doneSteps.has(stepKey(goal.id, step.title)) || since.from === 'start' : inPeriod(step.doneOn) || (doneSteps.has(stepKey(goal.id, step.title)) && step.doneOn <= asOf)))
      .map((step) => ({
        goalId: goal.id,
        goalTitle: goal.title,
        title: step.title,
        ...optional('doneOn', step.doneOn),
        ...optional('worth', step.worth),
        ...optional('reflectionHtml', step.reflectionHtml),
      })),
  );

  // What the model counts as overdue, as the `overdue` rule does: the same goals and steps as `check`, the index and `plans.json`.
  const overdue: OverdueItem[] = plan.overdue.items.map((item) => ({
    goalId: item.goalId,
    goalTitle: item.goalTitle,
    ...optional('stepTitle', item.stepTitle),
    due: item.period,
    daysLeft: item.daysLeft,
  }));

  return {
    since,
    ...optional('sinceDate', sinceDate),
    asOf,
    repository: history.repository,
    revisions: kept.map(({ view: shown }) => shown),
    ...optional('uncommitted', uncommitted),
    changeCount: changes.length,
    changed: uncommitted !== undefined || kept.length > 0,
    completedGoals,
    completedSteps,
    completedCount: completedGoals.length + completedSteps.length,
    overdue,
    evaluations: countEvaluations(completedSteps),
  };
}

function stepKey(goal: string, step: string): string {
  return `${goal}\u0000${step}`;
}
