import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { inlineMarkdownTexts } from '../../src/markdown/inline-markdown.js';
import { model, progressOf, type PlanModel } from '../../src/stages/model.js';
import { modelProblem, modelsProblem } from '../../src/site/model-schema.js';
import { indexPlan } from '../../src/site/index-view.js';
import { checkText } from '../support/plans.js';

const plan = `---
title: Plan
owner: Jordan
lang: de
vision: Lead a **team**
skills:
  - { name: SQL, id: sql, level: 2, target: 4, note: Use *window* functions }
  - { name: Speaking, level: 3, target: 3 }
  - { name: Coaching, level: 4, target: 2 }
education: { current: BSc, needed: MSc, note: Part time }
goals:
  - title: Promotion
    id: promotion
    measure: Confirmed by HR
    start: 2026-06
    due: 2027-06
    skills: [sql, Speaking]
    steps:
      - { title: Course, due: 2026-10, done: 2026-10-20, worth: yes, reflection: Worth *it* }
      - { title: Talk, due: 2027-03 }
      - { title: Ask manager, due: 2026-12-01 }
  - title: Soon
    measure: M
    due: 2026-12-15
    steps: [Open step]
  - title: Soon but finished steps
    measure: M
    due: 2026-12-15
    steps: [{ title: S, done: true, worth: partly }]
  - title: Late
    measure: M
    due: 2026-Q3
    steps: [{ title: S, due: 2026-08 }]
  - { title: Achieved, measure: M, due: 2026-10, done: 2026-10-01, steps: [{ title: S, done: true, worth: no }] }
  - { title: Resting, measure: M, due: 2026-01, status: paused, steps: [Wait] }
  - { title: Gone, measure: M, due: 2026-01, status: dropped, steps: [Never, Ever] }
opportunities:
  - title: Team lead
    date: 2027-05
    requires: { sql: 4, Speaking: 3, python: 1 }
    note: Ask *Maria*
---
Body.
`;

const checked = checkText(plan);
const inline = (markdown: string): string => `<i>${markdown}</i>`;
const built = model(checked.plan!, { slug: 'jordan', file: 'plans/jordan.md', asOf: '2026-11-26', locale: 'en', bodyHtml: '<p>Body.</p>', markdown: { inline } });
const goal = (title: string) => built.goals.find((g) => g.title === title)!;

describe('model', () => {
  test('renders as inline Markdown exactly the strings `inlineMarkdownTexts` lists, whose links check looks at', () => {
    const rendered: string[] = [];
    const record = (markdown: string): string => {
      rendered.push(markdown);
      return markdown;
    };
    model(checked.plan!, { slug: 'jordan', file: 'plans/jordan.md', asOf: '2026-11-26', locale: 'en', bodyHtml: '', markdown: { inline: record } });
    const listed = inlineMarkdownTexts(parseYaml(plan.split('---\n')[1] ?? '')).map(({ text }) => text);
    expect(listed).toHaveLength(5);
    expect([...rendered].sort()).toEqual([...listed].sort());
  });

  test('the schema merge checks a slice with accepts the model of a rich plan, as plans.json holds it', () => {
    expect(modelProblem(JSON.parse(JSON.stringify(built)))).toBeUndefined();
    expect(modelProblem({ ...JSON.parse(JSON.stringify(built)), progress: { done: 1, total: 2, ratio: 'half' } })).toBe('`progress.ratio`: expected number, received string');
  });

  test('plans.json holds a retirement horizon as written, with its year or age, and merge accepts it; a period horizon keeps its shape', () => {
    const withHorizon = (horizon: string) => {
      const checked = checkText(plan.replace('vision: Lead a **team**', `vision: Lead a **team**\nhorizon: ${horizon}`));
      const built = model(checked.plan!, { slug: 'jordan', file: 'plans/jordan.md', asOf: '2027-03-01', locale: 'en', bodyHtml: '', markdown: { inline: (text) => text } });
      return JSON.parse(JSON.stringify(built)) as PlanModel;
    };
    const ruhestand = withHorizon('Ruhestand 2058');
    expect(ruhestand.horizon).toEqual({ kind: 'retirement', text: 'Ruhestand 2058', year: 2058, first: '2058-01-01', last: '2058-12-31' });
    expect(modelProblem(ruhestand)).toBeUndefined();
    const atAge = withHorizon('Rente mit 67');
    expect(atAge.horizon).toEqual({ kind: 'retirement', text: 'Rente mit 67', age: 67 });
    expect(modelProblem(atAge)).toBeUndefined();
    expect(withHorizon('2031-Q2').horizon).toEqual({ kind: 'quarter', text: '2031-Q2', first: '2031-04-01', last: '2031-06-30' });
    expect(modelProblem({ ...atAge, horizon: { kind: 'retirement', text: 'x', first: 'soon' } })).toBe('`horizon.first`: expected a date as YYYY-MM-DD');
  });

  test('names the first plan that is not a model, by its place and slug, and the field', () => {
    const json = JSON.parse(JSON.stringify(built)) as PlanModel;
    expect(modelsProblem([json, { ...json, slug: 'b', goals: 'notalist' }])).toBe('expected plan 2 (`b`) as careerplan writes it, but `goals`: expected array, received string');
    const far = { ...json, goals: [{ ...json.goals[0], due: { kind: 'day', text: '12345-01-01', first: '12345-01-01', last: '12345-01-01' } }] };
    expect(modelsProblem([far])).toBe('expected plan 1 (`jordan`) as careerplan writes it, but `goals[0].due.first`: expected a date as YYYY-MM-DD');
    expect(modelsProblem([json, json])).toBeUndefined();
  });

  test('the plan is valid but for the unknown skill kept to test its fit (the rule can be turned off)', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['unknown-skill']);
    expect(checked.plan).toBeDefined();
  });

  test('goal statuses follow the plan’s words first, then the calendar', () => {
    expect(built.goals.map((g) => [g.title, g.status])).toEqual([
      ['Promotion', 'active'],
      ['Soon', 'at-risk'],
      ['Soon but finished steps', 'active'],
      ['Late', 'overdue'],
      ['Achieved', 'done'],
      ['Resting', 'paused'],
      ['Gone', 'dropped'],
    ]);
    expect(built.statusCounts).toEqual({ done: 1, active: 2, 'at-risk': 1, overdue: 1, paused: 1, dropped: 1 });
  });

  test('progress, next open step and days left per goal', () => {
    const promotion = goal('Promotion');
    expect(promotion.progress).toEqual({ done: 1, total: 3, ratio: 1 / 3 });
    expect(promotion.nextStep?.title).toBe('Ask manager');
    expect(promotion.daysLeft).toBe(216);
    expect(goal('Late').daysLeft).toBe(-57);
    expect(goal('Achieved').nextStep).toBeUndefined();
    expect(goal('Achieved').doneOn).toBe('2026-10-01');
  });

  test('steps: done, evaluations, reflections as HTML, overdue', () => {
    const [course, talk] = goal('Promotion').steps;
    expect(course).toMatchObject({ done: true, doneOn: '2026-10-20', worth: 'yes', reflectionHtml: '<i>Worth *it*</i>', overdue: false });
    expect(talk).toMatchObject({ done: false, overdue: false });
    expect(goal('Late').steps[0]?.overdue).toBe(true);
  });

  test('skills: gap, and which goals and opportunities need them', () => {
    expect(built.skills.map((s) => [s.id, s.gap])).toEqual([['sql', 2], ['speaking', 0], ['coaching', 0]]);
    expect(built.skills[0]?.neededBy).toEqual({ goals: [{ id: 'promotion', title: 'Promotion' }], opportunities: [{ index: 0, title: 'Team lead' }] });
    expect(built.skills[1]?.neededBy.goals).toEqual([{ id: 'promotion', title: 'Promotion' }]);
    expect(built.skills[2]?.neededBy).toEqual({ goals: [], opportunities: [] });
    expect(built.skills[0]?.noteHtml).toBe('<i>Use *window* functions</i>');
  });

  test('opportunities: fit per required skill, unknown skills at level 0', () => {
    const [lead] = built.opportunities;
    expect(lead?.fit).toEqual([
      { skill: 'sql', name: 'SQL', level: 2, required: 4, met: false },
      { skill: 'speaking', name: 'Speaking', level: 3, required: 3, met: true },
      { skill: 'python', name: 'python', level: 0, required: 1, met: false },
    ]);
    expect(lead?.fitProgress).toEqual({ done: 1, total: 3, ratio: 1 / 3 });
    expect(lead?.status).toBe('watching');
  });

  test('education gap, evaluation summary, overall progress without dropped goals', () => {
    expect(built.education).toEqual({ current: 'BSc', needed: 'MSc', noteHtml: '<i>Part time</i>', gap: true });
    expect(built.evaluations).toEqual({ yes: 1, partly: 1, no: 1, missing: 0 });
    expect(built.progress).toEqual({ done: 3, total: 8, ratio: 3 / 8 });
  });

  test('next deadline and the open deadlines from the as-of date on', () => {
    expect(built.nextDeadline).toMatchObject({ date: '2026-12-01', goalTitle: 'Promotion', stepTitle: 'Ask manager', daysLeft: 5 });
    expect(built.deadlines.map((d) => `${d.date} ${d.goalTitle}${d.stepTitle ? ` / ${d.stepTitle}` : ''}`)).toEqual([
      '2026-12-01 Promotion / Ask manager',
      '2026-12-15 Soon',
      '2026-12-15 Soon but finished steps',
      '2027-03-31 Promotion / Talk',
      '2027-06-30 Promotion',
    ]);
  });

  test('language, vision and body', () => {
    expect(built.lang).toBe('de');
    expect(built.visionHtml).toBe('<i>Lead a **team**</i>');
    expect(built.bodyHtml).toBe('<p>Body.</p>');
  });

  test('a model survives JSON unchanged (plans.json)', () => {
    expect(JSON.parse(JSON.stringify(built))).toEqual(built);
  });
});

describe('calendar arithmetic', () => {
  test('progress of nothing is zero, not NaN', () => {
    expect(progressOf(0, 0)).toEqual({ done: 0, total: 0, ratio: 0 });
  });
});

describe('indexPlan: what the index keeps of a model', () => {
  test('names, dates, progress, counts and deadlines as in the model; goals without their steps; skills by name and gap', () => {
    const kept = indexPlan(built);
    expect(Object.keys(kept).sort()).toEqual(['asOf', 'deadlines', 'evaluations', 'file', 'goals', 'lang', 'nextDeadline', 'overdue', 'owner', 'progress', 'skills', 'slug', 'statusCounts', 'title']);
    for (const key of Object.keys(kept) as Array<keyof typeof kept>) if (key !== 'goals' && key !== 'skills') expect(kept[key]).toEqual(built[key]);
    // The cohort's skills on the index need only each skill's name and gap.
    expect(kept.skills).toEqual(built.skills.map(({ name, gap }) => ({ name, gap })));
    expect(kept.goals).toEqual(built.goals.map(({ id, title, kind, status, due, progress, daysLeft }) => ({ id, title, kind, status, due, progress, daysLeft })));
    // A done step is in no deadline: nothing of it is kept.
    expect(JSON.stringify(kept)).not.toMatch(/Course|Worth/);
  });

  test('taking it again changes nothing, so the index gets the same whoever calls', () => {
    expect(indexPlan(indexPlan(built))).toEqual(indexPlan(built));
  });
});
