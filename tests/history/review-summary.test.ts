import { describe, expect, test } from 'vitest';
import type { History, Revision } from '../../src/history/revisions.js';
import { model, type PlanModel } from '../../src/stages/model.js';
import type { Change } from '../../src/history/plan-changes.js';
import { reviewSummary } from '../../src/history/review-summary.js';
import { checkText } from '../support/plans.js';
import { english } from '../support/words.js';

const asOf = '2027-04-15';

const plan = `---
title: Plan
owner: Jordan
goals:
  - title: Earn a promotion
    id: promotion
    measure: Promotion confirmed by HR
    due: 2027-12
    steps:
      - { title: SQL course, due: 2027-02, done: 2027-02-10, worth: yes, reflection: Worth every hour }
      - { title: Old step, done: 2026-12-01, worth: no }
      - { title: Undated step, done: true }
      - { title: Later step, done: 2027-05-01 }
      - { title: Report, due: 2027-03 }
      - { title: Mentor, due: 2027-09 }
  - title: Speak at the all-hands
    id: speak
    measure: One talk given
    due: 2027-02
    steps: [Join Toastmasters]
  - title: Finish the certificate
    id: certificate
    measure: Certificate received
    due: 2027-01
    done: 2027-01-20
    steps: [{ title: Pass the exam, done: 2027-01-15, worth: partly }]
  - title: Paused goal
    id: paused
    status: paused
    measure: Something
    due: 2026-12
    steps: [{ title: Paused step, due: 2026-12 }]
---
`;

function modelOf(text: string): PlanModel {
  const checked = checkText(text);
  if (!checked.plan) throw new Error(checked.diagnostics.map((d) => d.message).join('; '));
  return model(checked.plan, { slug: 'plan', file: 'plans/plan.md', asOf, locale: 'en', bodyHtml: '', markdown: { inline: (text) => text } });
}

function revision(date: string, subject: string, changes: Change[], more: Partial<Revision> = {}): Revision {
  return { commit: `${date.replaceAll('-', '')}`.padEnd(40, '0'), date: `${date}T10:00:00+01:00`, subject, path: 'plans/plan.md', changes, ...more };
}

function historyOf(revisions: Revision[], more: Partial<History> = {}): History {
  return { file: 'plans/plan.md', repository: true, lastRevised: { date: '2027-04-01T10:00:00+01:00', from: 'git' }, shallow: false, revisions, total: revisions.length, ...more };
}

const noHistory = historyOf([]);
const current = modelOf(plan);

describe('reviewSummary', () => {
  test('completed: goals and steps done now and dated in the period; not before it, not after the as-of date', () => {
    const summary = reviewSummary(current, noHistory, asOf, { from: 'date', date: '2027-01-01' }, english);
    expect(summary.completedGoals).toEqual([{ id: 'certificate', title: 'Finish the certificate', doneOn: '2027-01-20' }]);
    expect(summary.completedSteps.map((step) => `${step.goalId}: ${step.title}`)).toEqual(['promotion: SQL course', 'certificate: Pass the exam']);
    expect(summary.completedCount).toBe(3);
    expect(summary.sinceDate).toBe('2027-01-01');
  });

  test('completed: a step marked done by a commit in the period counts without a date; one reopened since does not; since a revision of unknown date, only those', () => {
    const history = historyOf([
      revision('2027-03-01', 'Done, undated', [{ kind: 'step-done', goal: 'promotion', goalTitle: 'Earn a promotion', step: 'Undated step' }]),
      revision('2027-02-01', 'Done, then reopened', [{ kind: 'step-done', goal: 'promotion', goalTitle: 'Earn a promotion', step: 'Report' }]),
    ]);
    const summary = reviewSummary(current, history, asOf, { from: 'revision', revision: 'abc1234' }, english);
    expect(summary.completedSteps.map((step) => step.title)).toEqual(['Undated step']);
    expect(summary.sinceDate).toBeUndefined();
    const dated = reviewSummary(current, history, asOf, { from: 'revision', revision: 'abc1234', date: '2027-02-01' }, english);
    expect(dated.completedSteps.map((step) => step.title)).toEqual(['SQL course', 'Undated step']);
  });

  test('since the first commit, everything done so far counts, whatever its date (but not after the as-of date)', () => {
    const summary = reviewSummary(current, noHistory, asOf, { from: 'start', date: '2027-01-05' }, english);
    expect(summary.completedSteps.map((step) => step.title)).toEqual(['SQL course', 'Old step', 'Undated step', 'Pass the exam']);
    expect(summary.sinceDate).toBe('2027-01-05');
  });

  test('overdue: open goals and steps past due as of the date, earliest first; paused, dropped and done goals are left out', () => {
    const summary = reviewSummary(current, noHistory, asOf, { from: 'reviewed', date: '2027-01-01' }, english);
    expect(summary.overdue).toEqual([
      { goalId: 'speak', goalTitle: 'Speak at the all-hands', due: expect.objectContaining({ last: '2027-02-28' }), daysLeft: -46 },
      { goalId: 'promotion', goalTitle: 'Earn a promotion', stepTitle: 'Report', due: expect.objectContaining({ last: '2027-03-31' }), daysLeft: -15 },
    ]);
  });

  test('evaluations: each completed step keeps its worth and reflection; the counts include steps not evaluated', () => {
    const summary = reviewSummary(current, noHistory, asOf, { from: 'start' }, english);
    expect(summary.completedSteps[0]).toEqual({ goalId: 'promotion', goalTitle: 'Earn a promotion', title: 'SQL course', doneOn: '2027-02-10', worth: 'yes', reflectionHtml: 'Worth every hour' });
    expect(summary.evaluations).toEqual({ yes: 1, partly: 1, no: 1, missing: 1 });
  });

  test('changes: revisions with changes or problems up to the as-of date, uncommitted changes first, ids without backticks', () => {
    const dueMoved: Change = { kind: 'due-moved', goal: 'promotion', goalTitle: 'Earn a promotion', from: '2027-06', to: '2027-12' };
    const history = historyOf(
      [
        revision('2027-05-01', 'After the as-of date', [{ kind: 'notes-changed' }]),
        revision('2027-03-10', 'Move the promotion', [dueMoved]),
        revision('2027-03-01', 'Rename the file', [], { renamedFrom: 'plans/old.md' }),
        revision('2027-02-01', 'Half-finished edit', [], { problem: 'could not be read at this revision: line 3: bad' }),
      ],
      { uncommitted: { changes: [{ kind: 'goal-added', goal: 'python', goalTitle: 'Learn Python' }] } },
    );
    const summary = reviewSummary(current, history, asOf, { from: 'date', date: '2027-01-01' }, english);
    expect(summary.revisions.map((shown) => shown.subject)).toEqual(['Move the promotion', 'Half-finished edit']);
    expect(summary.revisions[0]?.changes[0]?.text).toBe('Due date of “Earn a promotion” moved: June 2027 → December 2027');
    expect(summary.revisions[1]?.note).toBe('could not be read at this revision: line 3: bad');
    expect(summary.uncommitted?.map((change) => change.text)).toEqual(['Goal added: “Learn Python”']);
    expect(summary.changeCount).toBe(2);
    expect(summary.changed).toBe(true);
    expect(summary.repository).toBe(true);
  });

  test('a plan outside git, or without changes in the period, has nothing under what changed', () => {
    const outside = reviewSummary(current, historyOf([], { repository: false }), asOf, { from: 'date', date: '2027-01-01' }, english);
    expect(outside).toMatchObject({ repository: false, changed: false, changeCount: 0, revisions: [] });
    expect(outside.uncommitted).toBeUndefined();
  });
});
