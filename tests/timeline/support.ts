/** Hand-built plan models and the timeline's words, for the timeline's tests. */
import { parsePeriod, type Period } from '../../src/format/dates.js';
import { daysBetween } from '../../src/format/dates.js';
import type { GoalStatus } from '../../src/format/status.js';
import { progressOf, type GoalModel, type PlanModel, type StepModel } from '../../src/stages/model.js';
import type { TimelineText } from '../../src/timeline/index.js';

/** The English words a theme would pass. */
export const englishText: TimelineText = {
  title: 'Timeline of goals',
  description: 'Each goal as a bar from its start to its due date, with its steps and today.',
  today: 'Today',
  status: { done: 'Done', active: 'Active', 'at-risk': 'At risk', overdue: 'Overdue', paused: 'Paused', dropped: 'Dropped' },
  start: 'Start',
  due: 'Due',
  stepDone: 'Step done',
  stepOpen: 'Step open',
  horizon: 'Horizon',
  retirementYear: 'Retirement ({year})',
};

/** A period from its text; throws on a typo in a test. */
export function period(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed) throw new Error(`Not a period: ${text}`);
  return parsed;
}

/** What a test says about a step. */
export interface StepSpec {
  readonly title?: string;
  readonly due?: string;
  readonly done?: boolean;
}

/** What a test says about a goal. */
export interface GoalSpec {
  readonly title: string;
  readonly id?: string;
  readonly start?: string;
  readonly due: string;
  readonly status?: GoalStatus;
  readonly steps?: readonly StepSpec[];
}

/** A goal model as the model stage would build it, with the status given. */
export function goal(spec: GoalSpec, asOf: string): GoalModel {
  const steps = (spec.steps ?? [{}]).map((step, index): StepModel => ({
    index,
    title: step.title ?? `Step ${index + 1}`,
    ...(step.due ? { due: period(step.due) } : {}),
    resources: [],
    done: step.done ?? false,
    overdue: false,
  }));
  const due = period(spec.due);
  return {
    id: spec.id ?? spec.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title: spec.title,
    kind: 'professional',
    measure: 'Measured',
    ...(spec.start ? { start: period(spec.start) } : {}),
    due,
    status: spec.status ?? 'active',
    progress: progressOf(steps.filter((step) => step.done).length, steps.length),
    daysLeft: daysBetween(asOf, due.last),
    skills: [],
    steps,
  };
}

/** A plan model with only what the timeline reads filled in. */
export function plan(goals: readonly GoalSpec[], options: { asOf: string; slug?: string; lang?: string }): PlanModel {
  const models = goals.map((spec) => goal(spec, options.asOf));
  const statusCounts: Record<GoalStatus, number> = { done: 0, active: 0, 'at-risk': 0, overdue: 0, paused: 0, dropped: 0 };
  for (const model of models) statusCounts[model.status] += 1;
  return {
    slug: options.slug ?? 'test-plan',
    file: 'plans/test-plan.md',
    lang: options.lang ?? 'en',
    asOf: options.asOf,
    title: 'Test plan',
    owner: 'Sam',
    priorities: [],
    strengths: [],
    weaknesses: [],
    skills: [],
    goals: models,
    opportunities: [],
    bodyHtml: '',
    progress: progressOf(0, 0),
    deadlines: [],
    statusCounts,
    overdue: { goals: 0, steps: 0, items: [] },
    evaluations: { yes: 0, partly: 0, no: 0, missing: 0 },
  };
}

/** A six-week plan: a job-search sprint. */
export const sixWeeks = plan(
  [
    { title: 'Update CV and portfolio', start: '2026-11-16', due: '2026-11-29', status: 'done', steps: [{ due: '2026-11-20', done: true }, { due: '2026-11-27', done: true }] },
    { title: 'Apply to ten user research roles', start: '2026-11-23', due: '2026-12-18', status: 'at-risk', steps: [{ due: '2026-12-04', done: true }, { due: '2026-12-11' }, { due: '2026-12-18' }] },
    { title: 'Practise interviews with a friend', due: '2026-11-25', status: 'overdue', steps: [{ due: '2026-11-22' }] },
    { title: 'Attend the December meetup', start: '2026-12-14', due: '2026-12-21', steps: [{ due: '2026-12-17' }] },
  ],
  { asOf: '2026-11-26', slug: 'sprint' },
);

/** A plan over a year. */
export const oneYear = plan(
  [
    { title: 'Earn a promotion to Senior Analyst', start: '2027-01', due: '2027-06', steps: [{ due: '2027-02', done: true }, { due: '2027-05' }] },
    { title: 'Become a confident presenter', start: '2027-03', due: '2027-12', status: 'paused', steps: [{ due: '2027-09' }] },
  ],
  { asOf: '2027-03-15', slug: 'one-year' },
);

/** A plan over ten years. */
export const tenYears = plan(
  [
    { title: 'Finish a part-time master’s degree in data science', start: '2027', due: '2029', steps: [{ due: '2027-Q4', done: true }, { due: '2028-Q4' }] },
    { title: 'Lead a team of five analysts', start: '2029', due: '2032', steps: [{ due: '2030' }] },
    { title: 'Head of Analytics', due: '2036', steps: [{ due: '2034' }] },
    { title: 'Write a book about logistics data', start: '2031-06', due: '2033', status: 'dropped' },
  ],
  { asOf: '2027-02-01', slug: 'ten-years' },
);
