import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePeriod } from '../../src/format/dates.js';
import type { Plan } from '../../src/format/schema.js';
import { describeChange, versionOfText } from '../../src/history/revisions.js';
import { english, german, words } from '../support/words.js';
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
    expect(describeChange(planChanges(modelOf(base), modelOf(after))[0]!, english).text).toBe('Due date of “Earn a promotion” moved: June 2027 → December 2027');
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
    expect(describeChange({ kind: 'skill-level-changed', skill: 'sql', name: 'SQL', from: 2, to: 3 }, english).text).toBe('Level of SQL raised: 2 → 3');
  });

  test('a goal’s kind, a skill’s kind, a step’s resources and a goal’s skills are recorded, named by titles and names', () => {
    const after = edit(
      edit(
        edit(edit(base, 'measure: One talk given', 'kind: personal\n    measure: One talk given'), '{ title: Advanced SQL course, due: 2027-03 }', '{ title: Advanced SQL course, due: 2027-03, resources: [Thursday afternoons off, Course fee] }'),
        '{ name: Speaking, id: speaking, level: 1, target: 3 }',
        '{ name: Speaking, id: speaking, kind: people, level: 1, target: 3 }',
      ),
      'skills: [sql]',
      'skills: [speaking]',
    );
    const changes = planChanges(modelOf(base), modelOf(after));
    const promotion = { goal: 'promotion', goalTitle: 'Earn a promotion' };
    expect(changes).toEqual(
      expect.arrayContaining<Change>([
        { kind: 'goal-kind-changed', goal: 'talk', goalTitle: 'Speak at the all-hands', from: 'professional', to: 'personal' },
        { kind: 'resources-added', ...promotion, step: 'Advanced SQL course', resources: ['Thursday afternoons off', 'Course fee'] },
        { kind: 'skill-kind-changed', skill: 'speaking', name: 'Speaking', from: 'technical', to: 'people' },
        { kind: 'goal-skills-changed', ...promotion, added: [{ id: 'speaking', name: 'Speaking' }], removed: [{ id: 'sql', name: 'SQL' }] },
      ]),
    );
    const text = (change: Change, lang = english): string => describeChange(change, lang).text;
    const sentences = changes.map((change) => text(change));
    expect(sentences).toEqual(
      expect.arrayContaining([
        'Kind of goal “Speak at the all-hands”: Professional → Personal',
        'Resources added to step “Advanced SQL course”: Thursday afternoons off and Course fee',
        'Kind of skill Speaking: Technical → People',
        'Skill added to “Earn a promotion”: Speaking; skill removed from “Earn a promotion”: SQL',
      ]),
    );
    expect(changes.map((change) => text(change, german))).toEqual(
      expect.arrayContaining(['Art des Ziels „Speak at the all-hands“: Beruflich → Persönlich', 'Ressourcen für Schritt „Advanced SQL course“ hinzugefügt: Thursday afternoons off und Course fee']),
    );
    const removed = planChanges(modelOf(after), modelOf(edit(after, 'resources: [Thursday afternoons off, Course fee]', 'resources: [Course fee]')));
    expect(removed).toEqual([{ kind: 'resources-removed', ...promotion, step: 'Advanced SQL course', resources: ['Thursday afternoons off'] }]);
    expect(text(removed[0]!)).toBe('Resource removed from step “Advanced SQL course”: Thursday afternoons off');
    expect(text(removed[0]!, german)).toBe('Ressource für Schritt „Advanced SQL course“ entfernt: Thursday afternoons off');
    for (const sentence of [...sentences, ...changes.map((change) => text(change, german))]) expect(sentence).not.toMatch(/`|\(promotion\)|\b(?:talk|speaking|sql)\b/);
  });

  test('every list’s items are named by the list’s singular noun in each language, never a cut plural', () => {
    const lists = ['priorities', 'strengths', 'weaknesses'] as const;
    const said = (lang: string) => lists.map((list) => describeChange({ kind: 'list-item-added', list, item: 'X' }, words(lang)).text);
    expect(said('en')).toEqual(['Priority added: X', 'Strength added: X', 'Area to develop added: X']);
    expect(said('de')).toEqual(['Priorität hinzugefügt: X', 'Stärke hinzugefügt: X', 'Entwicklungsfeld hinzugefügt: X']);
    expect(said('fr')).toEqual(['Ajout aux priorités : X', 'Ajout aux points forts : X', 'Ajout aux axes de progrès : X']);
    // Each list noun of the format has a singular and a plural in every language.
    for (const lang of ['en', 'de', 'fr']) {
      for (const list of ['priorities', 'strengths', 'weaknesses', 'skills', 'goals', 'steps', 'resources', 'opportunities']) {
        const label = words(lang).labels[`change.list.${list}`];
        expect(label, `${lang} change.list.${list}`).toMatchObject({ one: expect.any(String), other: expect.any(String) });
      }
    }
  });

  test('the vision rewritten is said with its old and new text; the horizon and other short fields as before → after', () => {
    const after = edit(edit(base, 'vision: Lead a team', 'vision: Lead a team of analysts in a public library'), 'horizon: 2031', 'horizon: 2032');
    const changes = planChanges(modelOf(base), modelOf(after));
    const vision = changes.find((change) => change.kind === 'field-changed' && change.field === 'vision')!;
    expect(describeChange(vision, english)).toEqual({
      sign: '~',
      text: 'Vision rewritten',
      rewritten: { before: { label: 'Before', text: 'Lead a team' }, after: { label: 'After', text: 'Lead a team of analysts in a public library' } },
    });
    expect(describeChange(vision, german)).toMatchObject({ text: 'Vision neu formuliert', rewritten: { before: { label: 'Vorher' }, after: { label: 'Nachher' } } });
    const horizon = changes.find((change) => change.kind === 'field-changed' && change.field === 'horizon')!;
    expect(describeChange(horizon, english).text).toBe('Horizon: 2031 → 2032');
    expect(describeChange(horizon, german).text).toBe('Horizont: 2031 → 2032');
    expect(describeChange({ kind: 'field-changed', field: 'lang', from: 'en', to: 'de' }, english).text).toBe('Language: English → German');
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
    resources: fc.subarray(['Time off', 'Course fee', 'A mentor']),
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
        kind: fc.constantFrom('technical' as const, 'people' as const),
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
