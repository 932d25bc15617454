/**
 * The model stage: a checked plan becomes the model that templates render,
 * with every derived fact (statuses, progress, gaps, fit, next deadline)
 * computed here once, relative to the as-of date; what a status is (done,
 * overdue, at risk) is decided in `format/status`. Pure.
 */
import type { IsoDate, Period } from '../format/dates.js';
import type { Horizon } from '../format/horizon.js';
import type { Evaluation, Goal, Opportunity, Plan, Skill, Step } from '../format/schema.js';
import { slugify } from '../format/slug.js';
import { countStatuses, daysLeft, goalStatus, isDone, isOpenStatus, isOverdueStep, isPast, type GoalStatus, type OverdueCounts } from '../format/status.js';
import { optional } from '../lib/optional.js';

/** The version of the model's shape in `plans.json`; raised when it changes (2: each plan's `overdue` added, every field of 1 kept). */
export const modelVersion = 2;

/** Steps done of all steps. */
export interface Progress {
  readonly done: number;
  readonly total: number;
  /** `done / total`, 0 when there is nothing to do. */
  readonly ratio: number;
}

export type { Evaluation } from '../format/schema.js';

/** How many done steps were evaluated each way, and how many were not. */
export interface Evaluations {
  readonly yes: number;
  readonly partly: number;
  readonly no: number;
  readonly missing: number;
}

/** Turns inline or block Markdown into sanitized HTML. */
export interface MarkdownRenderer {
  inline(markdown: string): string;
}

export interface StepModel {
  readonly index: number;
  readonly title: string;
  readonly due?: Period;
  readonly resources: readonly string[];
  readonly done: boolean;
  /** The date it was done, when one was given. */
  readonly doneOn?: IsoDate;
  readonly worth?: Evaluation;
  readonly reflectionHtml?: string;
  /** Open, due before the as-of date, and its goal open: what the `overdue` rule warns about. */
  readonly overdue: boolean;
}

export interface GoalModel {
  readonly id: string;
  readonly title: string;
  readonly kind: Goal['kind'];
  readonly measure: string;
  readonly start?: Period;
  readonly due: Period;
  readonly status: GoalStatus;
  /** When the goal was achieved, if a date was given. */
  readonly doneOn?: IsoDate;
  readonly progress: Progress;
  readonly nextStep?: StepModel;
  /** Days from the as-of date to the due date's last day; negative when past. */
  readonly daysLeft: number;
  readonly skills: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly steps: readonly StepModel[];
}

export interface SkillModel {
  readonly id: string;
  readonly name: string;
  readonly kind: Skill['kind'];
  readonly level: number;
  readonly target: number;
  /** Levels still to go: `target − level`, or 0 when the level already meets the target. */
  readonly gap: number;
  readonly noteHtml?: string;
  readonly neededBy: {
    readonly goals: ReadonlyArray<{ readonly id: string; readonly title: string }>;
    readonly opportunities: ReadonlyArray<{ readonly index: number; readonly title: string }>;
  };
}

export interface FitModel {
  readonly skill: string;
  readonly name: string;
  /** The level now, 0 when the skill is not in the inventory. */
  readonly level: number;
  readonly required: number;
  readonly met: boolean;
}

export interface OpportunityModel {
  readonly index: number;
  readonly title: string;
  readonly date?: Period;
  readonly status: Opportunity['status'];
  readonly noteHtml?: string;
  readonly fit: readonly FitModel[];
  /** Required skills met, of all required. */
  readonly fitProgress: Progress;
}

export interface Deadline {
  readonly date: IsoDate;
  readonly period: Period;
  readonly goalId: string;
  readonly goalTitle: string;
  /** The step's title when the deadline is a step's. */
  readonly stepTitle?: string;
  readonly daysLeft: number;
}

/** Everything a template shows about one plan. */
export interface PlanModel {
  readonly slug: string;
  /** The plan's file, as the user named it. */
  readonly file: string;
  readonly lang: string;
  readonly asOf: IsoDate;
  readonly title: string;
  readonly owner: string;
  readonly role?: string;
  readonly created?: IsoDate;
  readonly reviewed?: IsoDate;
  /** A period, or retirement with its year or age (`kind: 'retirement'`; `first` and `last` only with a year). */
  readonly horizon?: Horizon;
  readonly visionHtml?: string;
  readonly priorities: readonly string[];
  readonly strengths: readonly string[];
  readonly weaknesses: readonly string[];
  readonly skills: readonly SkillModel[];
  readonly education?: {
    readonly current: string;
    readonly needed?: string;
    readonly noteHtml?: string;
    /** Whether more education is needed. */
    readonly gap: boolean;
  };
  readonly goals: readonly GoalModel[];
  readonly opportunities: readonly OpportunityModel[];
  readonly bodyHtml: string;
  /** Steps done of all steps of goals that are not dropped. */
  readonly progress: Progress;
  readonly nextDeadline?: Deadline;
  /** Open deadlines from the as-of date on, earliest first. */
  readonly deadlines: readonly Deadline[];
  readonly statusCounts: Readonly<Record<GoalStatus, number>>;
  /** The open goals and steps past their due date, as the `overdue` rule counts them: how many of each, and which (oldest first). */
  readonly overdue: OverdueFacts;
  /** How the done steps were evaluated. */
  readonly evaluations: Evaluations;
}

/** What is overdue in a plan: how many goals and steps, and which, oldest first (`daysLeft` negative). */
export interface OverdueFacts extends OverdueCounts {
  readonly items: readonly Deadline[];
}

/** What the model needs besides the plan. */
export interface ModelOptions {
  readonly slug: string;
  readonly file: string;
  readonly asOf: IsoDate;
  /** The language when the plan has no `lang`. */
  readonly locale: string;
  /** The plan's body, already rendered to sanitized HTML. */
  readonly bodyHtml: string;
  readonly markdown: MarkdownRenderer;
}

/** Builds the model of one valid plan. Pure. */
export function model(plan: Plan, options: ModelOptions): PlanModel {
  const { asOf, markdown } = options;
  const skills = plan.skills ?? [];
  const findSkill = (reference: string): Skill | undefined => skills.find((skill) => skill.id === reference) ?? skills.find((skill) => skill.name === reference);

  const goals = plan.goals.map((goal) => goalModel(goal, asOf, markdown, findSkill));
  const opportunities = (plan.opportunities ?? []).map((opportunity, index) => opportunityModel(opportunity, index, markdown, findSkill));
  const counted = goals.filter((goal) => goal.status !== 'dropped');
  const deadlines = upcoming(goals, asOf);
  const doneSteps = goals.flatMap((goal) => goal.steps.filter((step) => step.done));

  return {
    slug: options.slug,
    file: options.file,
    lang: plan.lang ?? options.locale,
    asOf,
    title: plan.title,
    owner: plan.owner,
    ...optional('role', plan.role),
    ...optional('created', plan.created),
    ...optional('reviewed', plan.reviewed),
    ...optional('horizon', plan.horizon),
    ...optional('visionHtml', plan.vision === undefined ? undefined : markdown.inline(plan.vision)),
    priorities: plan.priorities ?? [],
    strengths: plan.strengths ?? [],
    weaknesses: plan.weaknesses ?? [],
    skills: skills.map((skill) => skillModel(skill, plan, markdown)),
    ...optional(
      'education',
      plan.education && {
        current: plan.education.current,
        ...optional('needed', plan.education.needed),
        ...optional('noteHtml', plan.education.note === undefined ? undefined : markdown.inline(plan.education.note)),
        gap: plan.education.needed !== undefined,
      },
    ),
    goals,
    opportunities,
    bodyHtml: options.bodyHtml,
    progress: progressOf(counted.reduce((sum, goal) => sum + goal.progress.done, 0), counted.reduce((sum, goal) => sum + goal.progress.total, 0)),
    ...optional('nextDeadline', deadlines[0]),
    deadlines,
    statusCounts: countStatuses(goals),
    overdue: overdueOf(goals, asOf),
    evaluations: countEvaluations(doneSteps),
  };
}

function goalModel(goal: Goal, asOf: IsoDate, markdown: MarkdownRenderer, findSkill: (reference: string) => Skill | undefined): GoalModel {
  const daysToDue = daysLeft(goal.due, asOf);
  const overdue = goal.steps.map((step) => isOverdueStep(step, goal, asOf));
  const status = goalStatus(goal, daysToDue, goal.steps.some((step) => !isDone(step.done)), overdue.includes(true));
  const steps = goal.steps.map((step, index) => stepModel(step, index, overdue[index] === true, markdown));
  const done = steps.filter((step) => step.done).length;
  const open = steps.filter((step) => !step.done);
  const nextStep = [...open].sort((a, b) => (a.due?.last ?? '9999-99-99').localeCompare(b.due?.last ?? '9999-99-99') || a.index - b.index)[0];
  return {
    id: goal.id,
    title: goal.title,
    kind: goal.kind,
    measure: goal.measure,
    ...optional('start', goal.start),
    due: goal.due,
    status,
    ...optional('doneOn', typeof goal.done === 'string' ? goal.done : undefined),
    progress: progressOf(done, steps.length),
    ...optional('nextStep', goal.done ? undefined : nextStep),
    daysLeft: daysToDue,
    skills: (goal.skills ?? []).map((reference) => {
      const skill = findSkill(reference);
      return { id: skill?.id ?? slugify(reference), name: skill?.name ?? reference };
    }),
    steps,
  };
}

function stepModel(step: Step, index: number, overdue: boolean, markdown: MarkdownRenderer): StepModel {
  const done = isDone(step.done);
  return {
    index,
    title: step.title,
    ...optional('due', step.due),
    resources: step.resources ?? [],
    done,
    ...optional('doneOn', typeof step.done === 'string' ? step.done : undefined),
    ...optional('worth', step.worth),
    ...optional('reflectionHtml', step.reflection === undefined ? undefined : markdown.inline(step.reflection)),
    overdue,
  };
}

function skillModel(skill: Skill, plan: Plan, markdown: MarkdownRenderer): SkillModel {
  const names = (reference: string): boolean => reference === skill.id || reference === skill.name;
  return {
    id: skill.id,
    name: skill.name,
    kind: skill.kind,
    level: skill.level,
    target: skill.target,
    gap: Math.max(0, skill.target - skill.level),
    ...optional('noteHtml', skill.note === undefined ? undefined : markdown.inline(skill.note)),
    neededBy: {
      goals: plan.goals.filter((goal) => (goal.skills ?? []).some(names)).map((goal) => ({ id: goal.id, title: goal.title })),
      opportunities: (plan.opportunities ?? [])
        .map((opportunity, index) => ({ index, title: opportunity.title, requires: Object.keys(opportunity.requires ?? {}) }))
        .filter((opportunity) => opportunity.requires.some(names))
        .map(({ index, title }) => ({ index, title })),
    },
  };
}

function opportunityModel(opportunity: Opportunity, index: number, markdown: MarkdownRenderer, findSkill: (reference: string) => Skill | undefined): OpportunityModel {
  const fit = Object.entries(opportunity.requires ?? {}).map(([reference, required]): FitModel => {
    const skill = findSkill(reference);
    const level = skill?.level ?? 0;
    return { skill: skill?.id ?? slugify(reference), name: skill?.name ?? reference, level, required, met: level >= required };
  });
  return {
    index,
    title: opportunity.title,
    ...optional('date', opportunity.date),
    status: opportunity.status,
    ...optional('noteHtml', opportunity.note === undefined ? undefined : markdown.inline(opportunity.note)),
    fit,
    fitProgress: progressOf(fit.filter((entry) => entry.met).length, fit.length),
  };
}

/** Open deadlines of goals and steps that are being worked on, from the as-of date on. */
function upcoming(goals: readonly GoalModel[], asOf: IsoDate): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const goal of goals) {
    if (!isOpenStatus(goal.status)) continue;
    if (!isPast(goal.due.last, asOf)) deadlines.push(deadline(goal, goal.due, asOf));
    for (const step of goal.steps) {
      if (!step.done && step.due && !isPast(step.due.last, asOf)) deadlines.push(deadline(goal, step.due, asOf, step.title));
    }
  }
  return deadlines.sort((a, b) => a.date.localeCompare(b.date) || a.goalTitle.localeCompare(b.goalTitle));
}

/** Open goals and steps past their due date: those the `overdue` rule warns about, oldest first. */
function overdueOf(goals: readonly GoalModel[], asOf: IsoDate): OverdueFacts {
  const items: Deadline[] = [];
  for (const goal of goals) {
    if (goal.status === 'overdue') items.push(deadline(goal, goal.due, asOf));
    for (const step of goal.steps) if (step.overdue && step.due) items.push(deadline(goal, step.due, asOf, step.title));
  }
  items.sort((a, b) => a.date.localeCompare(b.date) || a.goalTitle.localeCompare(b.goalTitle));
  return { goals: items.filter((item) => item.stepTitle === undefined).length, steps: items.filter((item) => item.stepTitle !== undefined).length, items };
}

function deadline(goal: GoalModel, period: Period, asOf: IsoDate, stepTitle?: string): Deadline {
  return { date: period.last, period, goalId: goal.id, goalTitle: goal.title, ...optional('stepTitle', stepTitle), daysLeft: daysLeft(period, asOf) };
}

/** Steps counted by their evaluation, `missing` for those without one. Pure. */
export function countEvaluations(steps: ReadonlyArray<{ readonly worth?: Evaluation }>): Evaluations {
  return {
    yes: steps.filter((step) => step.worth === 'yes').length,
    partly: steps.filter((step) => step.worth === 'partly').length,
    no: steps.filter((step) => step.worth === 'no').length,
    missing: steps.filter((step) => step.worth === undefined).length,
  };
}

/** Steps done of a total, with the ratio. Pure. */
export function progressOf(done: number, total: number): Progress {
  return { done, total, ratio: total === 0 ? 0 : done / total };
}
