import { describe, expect, test } from 'vitest';
import { parsePeriod, type Period } from '../../src/format/dates.js';
import { atRiskDays, compareAttention, countStatuses, daysLeft, goalStatus, isDone, isOpenGoal, isOpenStatus, isOverdue, isOverdueStep, isPast, overdueTotal, writtenStatus, type GoalStatus } from '../../src/format/status.js';
import { reviewSummary } from '../../src/history/review-summary.js';
import { indexDeadlines, indexPlan, upcomingDeadlines } from '../../src/site/index-view.js';
import { model } from '../../src/stages/model.js';
import { validate } from '../../src/stages/validate.js';
import { parseText } from '../support/plans.js';
import { english } from '../support/words.js';

const asOf = '2027-04-15';

function period(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed) throw new Error(`not a period: ${text}`);
  return parsed;
}

describe('done', () => {
  test('a date or `true` is done; `false` or nothing is open', () => {
    expect([isDone('2027-01-20'), isDone(true), isDone(false), isDone(undefined)]).toEqual([true, true, false, false]);
  });
});

describe('overdue: the due period’s last day before the as-of date', () => {
  test('due today is not overdue, due yesterday is', () => {
    expect(isPast('2027-04-15', asOf)).toBe(false);
    expect(isPast('2027-04-14', asOf)).toBe(true);
    expect(isOverdue({ due: period('2027-04-15') }, asOf)).toBe(false);
    expect(isOverdue({ due: period('2027-04-14') }, asOf)).toBe(true);
    expect(isOverdue({ due: period('2027-04-16') }, asOf)).toBe(false);
  });

  test('a month or a quarter is due on its last day', () => {
    expect(isOverdue({ due: period('2027-04') }, '2027-04-30')).toBe(false);
    expect(isOverdue({ due: period('2027-04') }, '2027-05-01')).toBe(true);
    expect(isOverdue({ due: period('2027-Q2') }, '2027-06-30')).toBe(false);
    expect(isOverdue({ due: period('2027-Q2') }, '2027-07-01')).toBe(true);
    expect(isOverdue({ due: period('2027') }, '2027-12-31')).toBe(false);
    expect(isOverdue({ due: period('2027') }, '2028-01-01')).toBe(true);
  });

  test('done, even done late, is never overdue; nothing due is never overdue', () => {
    expect(isOverdue({ due: period('2027-01'), done: '2027-03-01' }, asOf)).toBe(false);
    expect(isOverdue({ due: period('2027-01'), done: true }, asOf)).toBe(false);
    expect(isOverdue({ due: period('2027-01'), done: false }, asOf)).toBe(true);
    expect(isOverdue({}, asOf)).toBe(false);
  });
});

describe('days left', () => {
  test('0 on the due day, negative once past, counted to a period’s last day', () => {
    expect(daysLeft(period('2027-04-15'), asOf)).toBe(0);
    expect(daysLeft(period('2027-04-14'), asOf)).toBe(-1);
    expect(daysLeft(period('2027-04'), asOf)).toBe(15);
    expect(daysLeft(period('2027-Q2'), asOf)).toBe(76);
  });
});

describe('goal status', () => {
  test('at risk means due within 30 days with steps open; the 31st day is still active', () => {
    expect(goalStatus({ status: 'active' }, 30, true, false)).toBe('at-risk');
    expect(goalStatus({ status: 'active' }, 31, true, false)).toBe('active');
    expect(goalStatus({ status: 'active' }, 0, true, false)).toBe('at-risk');
    expect(goalStatus({ status: 'active' }, -1, false, false)).toBe('overdue');
    expect(goalStatus({ status: 'paused' }, -10, true, false)).toBe('paused');
    expect(goalStatus({ status: 'active', done: true }, -10, true, false)).toBe('done');
  });

  test('the plan’s own words come first: done (even late), paused, dropped', () => {
    expect(goalStatus({ status: 'active', done: '2027-05-01' }, -20, true, false)).toBe('done');
    expect(goalStatus({ status: 'dropped' }, -20, true, false)).toBe('dropped');
    expect(goalStatus({ status: 'active', done: false }, -1, true, false)).toBe('overdue');
    expect(goalStatus({ status: 'active' }, atRiskDays, false, false)).toBe('active');
  });

  test('an overdue step puts a goal whose own due date has not passed at risk, however far off that date is', () => {
    expect(goalStatus({ status: 'active' }, 300, true, true)).toBe('at-risk');
    expect(goalStatus({ status: 'active' }, 0, true, true)).toBe('at-risk');
    expect(goalStatus({ status: 'active' }, -1, true, true)).toBe('overdue');
    expect(goalStatus({ status: 'paused' }, 300, true, true)).toBe('paused');
    expect(goalStatus({ status: 'dropped' }, 300, true, true)).toBe('dropped');
    expect(goalStatus({ status: 'active', done: '2027-01-01' }, 300, true, true)).toBe('done');
  });

  test('a step is overdue only when its goal is open: not done, not paused, not dropped', () => {
    const late = { due: period('2027-03') };
    expect(isOverdueStep(late, { status: 'active' }, asOf)).toBe(true);
    expect(isOverdueStep(late, { status: 'paused' }, asOf)).toBe(false);
    expect(isOverdueStep(late, { status: 'dropped' }, asOf)).toBe(false);
    expect(isOverdueStep(late, { status: 'active', done: true }, asOf)).toBe(false);
    expect(isOverdueStep({ ...late, done: '2027-04-01' }, { status: 'active' }, asOf)).toBe(false);
    expect(isOverdueStep({ due: period('2027-04-15') }, { status: 'active' }, asOf)).toBe(false);
  });

  test('open means not done and active; only active, at-risk and overdue goals are still worked on', () => {
    expect([isOpenGoal({ status: 'active' }), isOpenGoal({ status: 'active', done: '2027-01-01' }), isOpenGoal({ status: 'paused' }), isOpenGoal({})]).toEqual([true, false, false, false]);
    const open = (['done', 'active', 'at-risk', 'overdue', 'paused', 'dropped'] as const).filter(isOpenStatus);
    expect(open).toEqual(['active', 'at-risk', 'overdue']);
  });

  test('counts every status, zero included', () => {
    expect(countStatuses([{ status: 'overdue' }, { status: 'overdue' }, { status: 'done' }])).toEqual({ done: 1, active: 0, 'at-risk': 0, overdue: 2, paused: 0, dropped: 0 });
  });
});

describe('attention', () => {
  const plan = (counts: Partial<Record<GoalStatus, number>>, next?: string) => ({
    statusCounts: { ...countStatuses([]), ...counts },
    overdue: { goals: counts.overdue ?? 0, steps: 0 },
    ...(next === undefined ? {} : { nextDeadline: { date: next } }),
  });

  test('most overdue first, then most at risk, then the soonest deadline; no deadline last', () => {
    const plans = [plan({}, '2027-05-01'), plan({}), plan({ 'at-risk': 1 }, '2027-09-01'), plan({ overdue: 1 }), plan({}, '2027-04-20'), plan({ overdue: 2 })];
    const order = [...plans].sort(compareAttention).map((p) => plans.indexOf(p));
    expect(order).toEqual([5, 3, 2, 4, 0, 1]);
    expect(compareAttention(plan({}, '2027-05-01'), plan({}, '2027-05-01'))).toBe(0);
  });

  test('overdue steps count as check counts them: two overdue steps come before one overdue goal', () => {
    const steps = { ...plan({ 'at-risk': 1 }), overdue: { goals: 0, steps: 2 } };
    const goal = plan({ overdue: 1 });
    expect([goal, steps].sort(compareAttention)).toEqual([steps, goal]);
    expect(overdueTotal(steps.overdue)).toBe(2);
  });
});

describe('the rule, the model, the index and the review agree', () => {
  const text = `---
title: Plan
owner: Jordan
goals:
  - title: Due today
    id: today
    measure: M
    due: 2027-04-15
    steps: [{ title: Step due yesterday, due: 2027-04-14 }, { title: Step due today, due: 2027-04-15 }]
  - title: Due yesterday
    id: yesterday
    measure: M
    due: 2027-04-14
    steps: [{ title: Step done late, due: 2027-03, done: 2027-04-10 }, { title: Open quarter step, due: 2027-Q1 }]
  - title: Done late
    id: late
    measure: M
    due: 2027-02
    done: 2027-03-20
    steps: [{ title: Step of a done goal, due: 2027-01 }]
  - title: Quarter
    id: quarter
    measure: M
    due: 2027-Q2
    steps: [{ title: Month step, due: 2027-04 }]
  - title: Paused
    id: paused
    status: paused
    measure: M
    due: 2027-01
    steps: [{ title: Step of a paused goal, due: 2027-01 }]
---
`;
  const checked = validate(parseText(text), { asOf, plansRoot: '/plans', inspect: () => undefined, severities: {} });
  const built = model(checked.plan!, { slug: 'plan', file: 'plans/plan.md', asOf, locale: 'en', bodyHtml: '', markdown: { inline: (markdown) => markdown } });

  test('the goals’ statuses', () => {
    expect(built.goals.map((goal) => [goal.id, goal.status, goal.daysLeft])).toEqual([
      ['today', 'at-risk', 0],
      ['yesterday', 'overdue', -1],
      ['late', 'done', -46],
      ['quarter', 'active', 76],
      ['paused', 'paused', -74],
    ]);
  });

  test('the review lists what the rule warns about: open goals past due and their open steps past due', () => {
    const summary = reviewSummary(built, { file: 'plans/plan.md', repository: false, lastRevised: { date: asOf, from: 'file' }, shallow: false, revisions: [], total: 0 }, asOf, { from: 'start' }, english);
    const listed = summary.overdue.map((item) => item.stepTitle ?? item.goalId);
    expect(listed).toEqual(['Open quarter step', 'Step due yesterday', 'yesterday']);
    const warned = checked.diagnostics.filter((d) => d.ruleId === 'overdue').map((d) => /`([^`]*)`/.exec(d.message)?.[1]);
    expect([...warned].sort()).toEqual([...listed].sort());
    expect(summary.overdue.map((item) => item.daysLeft)).toEqual([-15, -1, -1]);
  });

  test('the page flags as overdue the steps the rule and the review name: none of a done or paused goal', () => {
    const flagged = built.goals.flatMap((goal) => goal.steps.filter((step) => step.overdue).map((step) => step.title));
    expect(flagged).toEqual(['Step due yesterday', 'Open quarter step']);
  });

  test('the index’s deadlines are the open ones from the as-of date on, the due day included', () => {
    const deadlines = upcomingDeadlines([built], asOf).map((deadline) => deadline.stepTitle ?? deadline.goalTitle);
    expect(deadlines).toEqual(['Due today', 'Step due today', 'Month step', 'Quarter']);
    expect(built.statusCounts).toEqual({ done: 1, active: 1, 'at-risk': 1, overdue: 1, paused: 1, dropped: 0 });
  });
});

describe('overdue steps count everywhere the rule warns', () => {
  const text = `---
title: Plan
owner: Jordan
goals:
  - title: Far goal
    id: far
    measure: M
    due: 2028-12
    steps: [{ title: Late step, due: 2027-03 }, { title: Later step, due: 2027-02-01 }, { title: Future step, due: 2027-06 }]
  - title: Paused far goal
    id: paused
    status: paused
    measure: M
    due: 2028-12
    steps: [{ title: Paused late step, due: 2027-03 }]
---
`;
  const checked = validate(parseText(text), { asOf, plansRoot: '/plans', inspect: () => undefined, severities: {} });
  const built = model(checked.plan!, { slug: 'plan', file: 'plans/plan.md', asOf, locale: 'en', bodyHtml: '', markdown: { inline: (markdown) => markdown } });
  const warned = checked.diagnostics.filter((d) => d.ruleId === 'overdue').map((d) => /`([^`]*)`/.exec(d.message)?.[1]);

  test('a goal far from its due date with an overdue step is at risk, not on track; a paused one stays paused', () => {
    expect(built.goals.map((goal) => [goal.id, goal.status])).toEqual([['far', 'at-risk'], ['paused', 'paused']]);
  });

  test('the model counts and names the steps the rule warns about, oldest first', () => {
    expect(warned).toHaveLength(2);
    expect(built.overdue.goals + built.overdue.steps).toBe(warned.length);
    expect(built.overdue).toMatchObject({ goals: 0, steps: 2 });
    expect(built.overdue.items.map((item) => [item.stepTitle, item.daysLeft])).toEqual([['Later step', -73], ['Late step', -15]]);
  });

  test('the index lists the overdue steps first, then the upcoming deadlines', () => {
    const listed = indexDeadlines([indexPlan(built)], asOf).map((deadline) => deadline.stepTitle ?? deadline.goalTitle);
    expect(listed).toEqual(['Later step', 'Late step', 'Future step']);
  });

  test('the review lists the same steps', () => {
    const summary = reviewSummary(built, { file: 'plans/plan.md', repository: false, lastRevised: { date: asOf, from: 'file' }, shallow: false, revisions: [], total: 0 }, asOf, { from: 'start' }, english);
    expect(summary.overdue.map((item) => item.stepTitle)).toEqual(['Later step', 'Late step']);
  });
});

describe('the written status', () => {
  test('done, at risk and overdue were written as active; paused and dropped as themselves', () => {
    expect((['done', 'active', 'at-risk', 'overdue', 'paused', 'dropped'] as const).map(writtenStatus)).toEqual(['active', 'active', 'active', 'active', 'paused', 'dropped']);
  });
});
