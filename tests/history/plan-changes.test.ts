import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePeriod } from '../../src/format/dates.js';
import type { Plan } from '../../src/format/schema.js';
import { describeChange, versionOfText } from '../../src/history/revisions.js';
import { english } from '../support/words.js';
import { model, type PlanModel } from '../../src/stages/model.js';
import { invertChange, planChanges, type Change } from '../../src/history/plan-changes.js';

/** The model of a plan's text; fails the test when it is not a readable plan. */
function modelOf(text: string): PlanModel {
  const version = versionOfText(text, 'plans/jordan.md');
  if ('problem' in version) throw new Error(version.problem);
  return version.model;
}

const base = `---
title: Plan
owner: Jordan
vision: Lead a team
horizon: 2031
priorities: [Lead, Learn]
skills:
  - { name: SQL, id: sql, level: 2, target: 4 }
  - { name: Speaking, id: speaking, level: 1, target: 3 }
goals:
  - title: Earn a promotion
    id: promotion
    measure: Promotion confirmed by HR
    due: 2027-06
    skills: [sql]
    steps:
      - { title: Advanced SQL course, due: 2027-03 }
      - Present the quarterly report
  - title: Speak at the all-hands
    id: talk
    measure: One talk given
    due: 2027-12
    steps: [Join Toastmasters]
opportunities:
  - { title: Team lead, date: 2027-05, status: watching }
---
Notes.
`;

const edit = (text: string, from: string, to: string): string => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe('planChanges', () => {
  test('the first version is a created plan', () => {
    expect(planChanges(undefined, modelOf(base))).toEqual([{ kind: 'plan-created', goals: 2, skills: 2 }]);
  });

  test('identical versions, and versions that differ only in layout or comments, give no changes', () => {
    expect(planChanges(modelOf(base), modelOf(base))).toEqual([]);
    const relaid = edit(base, '  - title: Earn a promotion', '  # the big one\n  - title: "Earn a promotion"');
    expect(planChanges(modelOf(base), modelOf(relaid))).toEqual([]);
  });

  test('a due date moved names the goal and both periods', () => {
    const after = edit(base, 'due: 2027-06', 'due: 2027-12');
    expect(planChanges(modelOf(base), modelOf(after))).toEqual([
      { kind: 'due-moved', goal: 'promotion', goalTitle: 'Earn a promotion', from: '2027-06', to: '2027-12' },
    ]);
    expect(describeChange(planChanges(modelOf(base), modelOf(after))[0]!, english).text).toBe('due moved: Earn a promotion (`promotion`) 2027-06 → 2027-12');
  });

  test('a goal renamed keeps its id: renamed, not removed and added', () => {
    const after = edit(base, 'title: Earn a promotion', 'title: Become Senior Analyst');
    expect(planChanges(modelOf(base), modelOf(after))).toEqual([
      { kind: 'goal-renamed', goal: 'promotion', goalTitle: 'Become Senior Analyst', from: 'Earn a promotion', to: 'Become Senior Analyst' },
    ]);
  });

  test('a goal without an explicit id that is retitled is removed and added (its id is its title)', () => {
    const before = modelOf(edit(base, '    id: talk\n', ''));
    const after = modelOf(edit(edit(base, '    id: talk\n', ''), 'Speak at the all-hands', 'Give a talk'));
    expect(planChanges(before, after).map((change) => change.kind)).toEqual(['goal-removed', 'goal-added']);
  });

  test('goals added and removed, measures reworded, statuses changed and goals done', () => {
    const withGoal = edit(
      edit(
        edit(base, 'measure: One talk given', 'measure: Two talks given\n    status: paused'),
        'measure: Promotion confirmed by HR',
        'measure: Promotion confirmed by HR\n    done: 2027-05-02',
      ),
      'opportunities:\n  - { title: Team lead, date: 2027-05, status: watching }\n',
      '  - { title: Learn Python, id: python, measure: A course certificate, due: 2028, steps: [Enrol] }\n',
    );
    const changes = planChanges(modelOf(base), modelOf(withGoal));
    expect(changes).toContainEqual({ kind: 'goal-added', goal: 'python', goalTitle: 'Learn Python' });
    expect(changes).toContainEqual({ kind: 'measure-changed', goal: 'talk', goalTitle: 'Speak at the all-hands', from: 'One talk given', to: 'Two talks given' });
    expect(changes).toContainEqual({ kind: 'status-changed', goal: 'talk', goalTitle: 'Speak at the all-hands', from: 'active', to: 'paused' });
    expect(changes).toContainEqual({ kind: 'goal-done', goal: 'promotion', goalTitle: 'Earn a promotion', on: '2027-05-02' });
    expect(changes).toContainEqual({ kind: 'opportunity-removed', title: 'Team lead', status: 'watching' });
    const back = planChanges(modelOf(withGoal), modelOf(base));
    expect(back).toContainEqual({ kind: 'goal-removed', goal: 'python', goalTitle: 'Learn Python' });
  });

  test('steps added, completed, evaluated, reworded and removed', () => {
    const after = edit(
      edit(base, '{ title: Advanced SQL course, due: 2027-03 }', '{ title: Advanced SQL course, due: 2027-03, done: 2027-03-20, worth: yes }'),
      '      - Present the quarterly report',
      '      - Present the yearly report\n      - Ask for a mentor',
    );
    const changes = planChanges(modelOf(base), modelOf(after));
    const ref = { goal: 'promotion', goalTitle: 'Earn a promotion' };
    expect(changes).toEqual([
      { kind: 'step-added', ...ref, step: 'Ask for a mentor' },
      { kind: 'step-renamed', ...ref, from: 'Present the quarterly report', to: 'Present the yearly report' },
      { kind: 'step-done', ...ref, step: 'Advanced SQL course', on: '2027-03-20' },
      { kind: 'step-evaluated', ...ref, step: 'Advanced SQL course', to: 'yes' },
    ]);
    expect(planChanges(modelOf(after), modelOf(base))).toContainEqual({ kind: 'step-removed', ...ref, step: 'Ask for a mentor' });
  });

  test('skill levels raised, skills added and removed, the vision, horizon, priorities and notes', () => {
    const after = edit(
      edit(edit(edit(base, 'level: 2, target: 4', 'level: 3, target: 4'), '  - { name: Speaking, id: speaking, level: 1, target: 3 }\n', '  - { name: Python, id: python, level: 0, target: 2 }\n'), 'horizon: 2031', 'horizon: 2032'),
      'Notes.',
      'Notes after the review.',
    ).replace('priorities: [Lead, Learn]', 'priorities: [Lead]');
    const changes = planChanges(modelOf(base), modelOf(after));
    expect(changes).toEqual(
      expect.arrayContaining<Change>([
        { kind: 'skill-level-changed', skill: 'sql', name: 'SQL', from: 2, to: 3 },
        { kind: 'skill-added', skill: 'python', name: 'Python', level: 0, target: 2 },
        { kind: 'skill-removed', skill: 'speaking', name: 'Speaking', level: 1, target: 3 },
        { kind: 'field-changed', field: 'horizon', from: '2031', to: '2032' },
        { kind: 'list-item-removed', list: 'priorities', item: 'Learn' },
        { kind: 'notes-changed' },
      ]),
    );
    expect(describeChange({ kind: 'skill-level-changed', skill: 'sql', name: 'SQL', from: 2, to: 3 }, english).text).toBe('skill level raised: SQL 2 → 3');
  });

  test('opportunities: status changed and date moved, matched by title', () => {
    const after = edit(base, '{ title: Team lead, date: 2027-05, status: watching }', '{ title: Team lead, date: 2027-07, status: applied }');
    expect(planChanges(modelOf(base), modelOf(after))).toEqual([
      { kind: 'opportunity-status-changed', title: 'Team lead', from: 'watching', to: 'applied' },
      { kind: 'opportunity-date-moved', title: 'Team lead', from: '2027-05', to: '2027-07' },
    ]);
  });

  test('a version that is not a plan is a problem, not a crash', () => {
    expect(versionOfText('---\ntitle: [unclosed\n---\n', 'plans/x.md')).toEqual({ problem: expect.stringMatching(/^line \d+: /) });
    expect(versionOfText('no frontmatter at all', 'plans/x.md')).toHaveProperty('problem');
    expect(versionOfText('---\ntitle: T\nowner: O\ngoals: []\n---\n', 'plans/x.md')).toHaveProperty('problem');
  });
});

const periods = ['2027', '2027-Q2', '2027-06', '2027-12', '2028-03-31'];
const titles = ['Alpha', 'Beta', 'Gamma', 'Delta'];

const stepArbitrary = fc.record(
  {
    title: fc.constantFrom(...titles),
    due: fc.constantFrom(...periods).map((text) => parsePeriod(text)!),
    done: fc.constantFrom<true | string>(true, '2027-01-02'),
    worth: fc.constantFrom('yes' as const, 'partly' as const, 'no' as const),
  },
  { requiredKeys: ['title'] },
);

const goalArbitrary = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    title: fc.constantFrom(...titles),
    kind: fc.constantFrom('professional' as const, 'personal' as const),
    measure: fc.constantFrom('One', 'Two'),
    start: fc.constantFrom(...periods).map((text) => parsePeriod(text)!),
    due: fc.constantFrom(...periods).map((text) => parsePeriod(text)!),
    skills: fc.subarray(['sql', 'talk', 'python']),
    status: fc.constantFrom('active' as const, 'paused' as const, 'dropped' as const),
    done: fc.constantFrom<true | string>(true, '2027-02-03'),
    steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['id', 'title', 'kind', 'measure', 'due', 'status', 'steps'] },
);

const planArbitrary = fc.record(
  {
    title: fc.constantFrom('Plan', 'My plan'),
    owner: fc.constantFrom('Sam', 'Jo'),
    role: fc.constantFrom('Analyst', 'Lead'),
    horizon: fc.constantFrom(...periods).map((text) => parsePeriod(text)!),
    vision: fc.constantFrom('Lead', 'Teach'),
    priorities: fc.array(fc.constantFrom(...titles), { maxLength: 3 }),
    skills: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('sql', 'talk', 'python'),
        name: fc.constantFrom('SQL', 'Talking', 'Python'),
        kind: fc.constant('technical' as const),
        level: fc.integer({ min: 0, max: 5 }),
        target: fc.integer({ min: 0, max: 5 }),
      }),
      { selector: (skill) => skill.id, maxLength: 3 },
    ),
    education: fc.record({ current: fc.constantFrom('BSc', 'MSc'), needed: fc.constantFrom('PhD', 'MBA') }, { requiredKeys: ['current'] }),
    goals: fc.uniqueArray(goalArbitrary, { selector: (goal) => goal.id, minLength: 1, maxLength: 4 }),
    opportunities: fc.array(
      fc.record({
        title: fc.constantFrom(...titles),
        date: fc.constantFrom(...periods).map((text) => parsePeriod(text)!),
        status: fc.constantFrom('watching' as const, 'applied' as const, 'offered' as const),
      }),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['title', 'owner', 'goals'] },
);

const modelArbitrary = fc
  .tuple(planArbitrary, fc.constantFrom('Notes.', 'Other notes.'))
  .map(([plan, body]) => model(plan as unknown as Plan, { slug: 'p', file: 'p.md', asOf: '2027-01-01', locale: 'en', bodyHtml: body, markdown: { inline: (text) => text } }));

/** A change without the titles it is shown with (of goals, steps, skills, opportunities), which come from the newer version and so differ by direction. */
function substance(change: Change): string {
  const { goalTitle: _goalTitle, step: _step, name: _name, ...rest } = change as Change & { goalTitle?: string; step?: string; name?: string };
  const named = change.kind === 'opportunity-status-changed' || change.kind === 'opportunity-date-moved';
  return JSON.stringify(Object.entries(rest).filter(([key]) => !(named && key === 'title')).sort(([a], [b]) => a.localeCompare(b)));
}

describe('planChanges properties', () => {
  test('a version compared with itself has no changes', () => {
    fc.assert(fc.property(modelArbitrary, (plan) => planChanges(plan, plan).length === 0));
  });

  test('the changes from b to a mirror the changes from a to b', () => {
    fc.assert(
      fc.property(modelArbitrary, modelArbitrary, (a, b) => {
        const forth = planChanges(a, b).map(invertChange).map(substance).sort();
        const back = planChanges(b, a).map(substance).sort();
        expect(back).toEqual(forth);
      }),
    );
  });

  test('inverting a change twice gives it back', () => {
    fc.assert(
      fc.property(modelArbitrary, modelArbitrary, (a, b) => {
        for (const change of planChanges(a, b)) expect(invertChange(invertChange(change))).toEqual(change);
      }),
    );
  });

  test('two versions have changes exactly when their substance differs, and every change can be described', () => {
    fc.assert(
      fc.property(modelArbitrary, modelArbitrary, (a, b) => {
        const changes = planChanges(a, b);
        for (const change of changes) expect(describeChange(change, english).text).not.toBe('');
        if (changes.length === 0) expect(planChanges(b, a)).toEqual([]);
      }),
    );
  });
});
