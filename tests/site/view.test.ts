import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planSchema, type Plan } from '../../src/format/schema.js';
import { model } from '../../src/stages/model.js';
import type { HistoryView } from '../../src/history/revisions.js';
import { applyView, historyInView, omittableParts, planInView, type OmittablePart } from '../../src/site/view.js';
import { checkText } from '../support/plans.js';
import { property } from '../support/property.js';

const jordan = readFileSync(path.join(import.meta.dirname, '../../plans/jordan-lee.md'), 'utf8');
const identity = { inline: (markdown: string) => markdown };
const modelOf = (plan: Plan) => model(plan, { slug: 'p', file: 'plans/p.md', asOf: '2026-11-26', locale: 'en', bodyHtml: '', markdown: identity });

/**
 * The parts a string at a path of a plan belongs to, written out from the
 * plan format independently of the stage: a string is left out when any of
 * its parts is. Skill ids and names in goals and opportunities belong to
 * `skills`, since the view leaves them out with the inventory.
 */
function partsAt(at: readonly (string | number)[]): OmittablePart[] {
  const [top, , field, , stepField] = at;
  switch (top) {
    case 'vision':
    case 'priorities':
    case 'strengths':
    case 'weaknesses':
      return [top];
    case 'skills':
      return field === 'note' ? ['skills', 'skills.note'] : ['skills'];
    case 'education':
      return at[1] === 'note' ? ['education', 'education.note'] : ['education'];
    case 'opportunities':
      if (field === 'note') return ['opportunities', 'opportunities.note'];
      return field === 'requires' ? ['opportunities', 'skills'] : ['opportunities'];
    case 'goals':
      if (field === 'skills') return ['skills'];
      if (field === 'steps' && stepField === 'resources') return ['steps.resources'];
      if (field === 'steps' && stepField === 'reflection') return ['steps.reflection'];
      return [];
    default:
      return [];
  }
}

/** Every string of a plan (values and record keys) with the parts of each place it occurs. */
function occurrences(value: unknown, at: readonly (string | number)[] = [], found = new Map<string, OmittablePart[][]>()): Map<string, OmittablePart[][]> {
  const add = (text: string, where: readonly (string | number)[]): void => {
    found.set(text, [...(found.get(text) ?? []), partsAt(where)]);
  };
  if (typeof value === 'string') add(value, at);
  else if (Array.isArray(value)) value.forEach((item, index) => occurrences(item, [...at, index], found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (at.at(-1) === 'requires') add(key, [...at, key]);
      occurrences(item, [...at, key], found);
    }
  }
  return found;
}

/** A token that cannot occur inside another: a small alphabet, so the same text often lands in a kept and an omitted part. */
const token = fc.stringMatching(/^[a-c]{1,3}$/).map((text) => `⟦${text}⟧`);
const tokens = fc.array(token, { minLength: 1, maxLength: 3 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const level = fc.integer({ min: 0, max: 5 });

const step = fc.oneof(
  token,
  fc.record(
    { title: token, due: maybe(fc.constantFrom('2027-03', '2026-Q4', '2028')), resources: maybe(tokens), done: maybe(fc.constantFrom('2026-10-01', true)), worth: maybe(fc.constantFrom('yes', 'partly', 'no')), reflection: maybe(token) },
    { requiredKeys: ['title'] },
  ),
);
const planData = fc.record(
  {
    title: token,
    owner: token,
    role: maybe(token),
    horizon: maybe(fc.constant('2031')),
    vision: maybe(token),
    priorities: maybe(tokens),
    strengths: maybe(tokens),
    weaknesses: maybe(tokens),
    skills: maybe(fc.array(fc.record({ name: token, id: token, level, target: level, note: maybe(token) }, { requiredKeys: ['name', 'id', 'level', 'target'] }), { maxLength: 3 })),
    education: maybe(fc.record({ current: token, needed: maybe(token), note: maybe(token) }, { requiredKeys: ['current'] })),
    goals: fc.array(
      fc.record(
        { title: token, id: token, measure: token, due: fc.constantFrom('2026-12', '2027-06-30', '2027-Q2'), skills: maybe(tokens), status: maybe(fc.constantFrom('active', 'paused', 'dropped')), steps: fc.array(step, { minLength: 1, maxLength: 3 }) },
        { requiredKeys: ['title', 'id', 'measure', 'due', 'steps'] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    opportunities: maybe(
      fc.array(fc.record({ title: token, date: maybe(fc.constant('2027-05')), requires: maybe(fc.dictionary(token, level, { maxKeys: 2 })), note: maybe(token) }, { requiredKeys: ['title'] }), { maxLength: 2 }),
    ),
  },
  { requiredKeys: ['title', 'owner', 'goals'] },
);
const plan = planData.map((data) => planSchema.parse(JSON.parse(JSON.stringify(data))));
const omitList = fc.subarray([...omittableParts]);

describe('planInView', () => {
  test('for any plan and any omit list, no string found only in omitted parts is in the viewed plan or its model', () => {
    fc.assert(
      fc.property(plan, omitList, (whole, omit) => {
        const viewed = JSON.stringify(planInView(whole, omit));
        const modelled = JSON.stringify(modelOf(planInView(whole, omit)));
        for (const [text, places] of occurrences(whole)) {
          const onlyOmitted = places.every((parts) => parts.some((part) => omit.includes(part)));
          if (onlyOmitted) {
            expect(viewed, `${text} in the plan without ${omit.join(', ')}`).not.toContain(text);
            expect(modelled, `${text} in the model without ${omit.join(', ')}`).not.toContain(text);
          } else {
            // Kept parts are kept: the same strings as in the whole plan's model.
            expect(viewed).toContain(text);
          }
        }
      }),
      property(200),
    );
  });

  test('an empty omit list changes nothing, and never the plan it was given', () => {
    fc.assert(
      fc.property(plan, omitList, (whole, omit) => {
        const before = JSON.stringify(whole);
        expect(planInView(whole, [])).toEqual(whole);
        planInView(whole, omit);
        expect(JSON.stringify(whole)).toBe(before);
      }),
      property(100),
    );
  });

  test('each part of the example plan: what goes, and what stays', () => {
    const whole = checkText(jordan).plan as Plan;
    const without = (...omit: OmittablePart[]) => planInView(whole, omit);
    expect(without('weaknesses').weaknesses).toBeUndefined();
    expect(without('weaknesses').strengths).toEqual(whole.strengths);
    expect(without('vision')).not.toHaveProperty('vision');
    expect(without('vision').horizon).toEqual(whole.horizon);
    expect(without('education.note').education).toEqual({ current: 'BSc Statistics', needed: 'Certificate in data engineering' });
    expect(without('opportunities.note').opportunities?.map((o) => o.note)).toEqual([undefined, undefined]);
    expect(without('opportunities.note').opportunities?.[0]?.requires).toEqual({ sql: 4, speaking: 3, coaching: 2 });
    expect(without('steps.reflection').goals.flatMap((g) => g.steps.map((s) => s.reflection))).toEqual(Array(7).fill(undefined));
    expect(without('steps.reflection').goals[0]?.steps[0]?.worth).toBe('yes');
    expect(without('steps.resources').goals[0]?.steps[0]).toEqual({ title: 'Complete the advanced SQL course', due: whole.goals[0]?.steps[0]?.due, done: '2026-11-20', worth: 'yes', reflection: 'I use window functions every day now.' });
    const noSkills = without('skills');
    expect(noSkills.skills).toBeUndefined();
    expect(noSkills.goals.map((g) => g.skills)).toEqual([undefined, undefined, undefined, undefined]);
    expect(noSkills.opportunities?.map((o) => o.requires)).toEqual([undefined, undefined]);
    expect(modelOf(noSkills).opportunities.map((o) => o.fit)).toEqual([[], []]);
  });
});

describe('applyView', () => {
  const checked = checkText(jordan) as ReturnType<typeof checkText> & { plan: Plan };

  test('no view, or one that omits nothing: the checked plan itself', () => {
    expect(applyView(checked, undefined)).toBe(checked);
    expect(applyView(checked, { name: 'all', omit: [] })).toBe(checked);
  });

  test('`body` leaves the Markdown body out; other parts keep it; the diagnostics are the whole plan’s', () => {
    expect(applyView(checked, { name: 'm', omit: ['body'] })).not.toHaveProperty('body');
    expect(applyView(checked, { name: 'm', omit: ['body'] }).plan).toEqual(checked.plan);
    const mentor = applyView(checked, { name: 'm', omit: ['weaknesses'] });
    expect(mentor.body).toBe(checked.body);
    expect(mentor.diagnostics).toBe(checked.diagnostics);
    expect(mentor.source).toBe(checked.source);
    expect(mentor.plan.weaknesses).toBeUndefined();
  });
});

describe('historyInView', () => {
  const history: HistoryView = {
    lastRevised: '2026-11-20',
    lastRevisedFrom: 'git',
    show: true,
    shallowNote: 'shallow',
    uncommitted: { note: 'not committed yet', changes: [] },
    revisions: [{ commit: 'a'.repeat(40), shortCommit: 'aaaaaaa', date: '2026-11-20', subject: 'Add a weakness', path: 'plans/p.md', changes: [] }],
    older: [{ commit: 'b'.repeat(40), shortCommit: 'bbbbbbb', date: '2026-10-20', subject: 'Add another weakness', path: 'plans/p.md', changes: [] }],
    more: 3,
  };

  test('a view that omits anything keeps when the plan was last revised, and no revision, change or subject', () => {
    expect(historyInView(history, { name: 'mentor', omit: ['weaknesses'] })).toEqual({ lastRevised: '2026-11-20', lastRevisedFrom: 'git', show: false, revisions: [], older: [], more: 0 });
  });

  test('no view, or one that omits nothing: the whole history', () => {
    expect(historyInView(history, undefined)).toBe(history);
    expect(historyInView(history, { name: 'all', omit: [] })).toBe(history);
  });
});
