import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Imported } from '../../src/import/imported.js';
import { fromJsonResume } from '../../src/import/json-resume.js';
import { importedPlan, mostSkills, recentPositions } from '../../src/import/to-plan.js';
import { validate } from '../../src/stages/validate.js';
import { parseText } from '../support/plans.js';
import { property } from '../support/property.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import');
const today = '2026-12-08';

function check(text: string) {
  return validate(parseText(text), { asOf: today, plansRoot: '/plans', inspect: () => undefined, severities: {} });
}

describe('importedPlan', () => {
  const imported = fromJsonResume(readFileSync(path.join(fixtures, 'full.json'), 'utf8'), 'full.json');
  const written = importedPlan(imported, today);
  const checked = check(written.text);

  test('is a valid plan whose only warnings are the starter placeholders it did not fill', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.diagnostics.map((d) => `${d.ruleId} ${/`([^`]+)`/.exec(d.message)?.[1] ?? ''}`)).toEqual([
      'placeholder-text Where you want to be by the horizon, in two …',
      'placeholder-text What matters most while you get there',
      'placeholder-text Something you do well that the goals can build on',
      'placeholder-text Something you want to get better at',
      'placeholder-text An opening you are watching',
    ]);
  });

  test('fills in the owner, role, skills with levels on 0–5 and keywords as notes, education with certificates, and the starter goals refer to its skills', () => {
    const plan = checked.plan!;
    expect(plan.owner).toBe('Lena Weber');
    expect(plan.role).toBe('Staff Nurse, Charité');
    expect(plan.skills?.map((skill) => [skill.id, skill.level, skill.target])).toEqual([
      ['wound-care', 5, 5],
      ['patient-education', 4, 4],
      ['ward-management', 3, 3],
      ['excel', 1, 1],
      ['charting', 3, 3],
      ['german-sign-language', 2, 2],
      ['triage', 4, 4],
      ['leadership', 5, 5],
      ['teamwork', 1, 1],
      ['phlebotomy', 1, 1],
      // The starter's speaking goal builds this one: the résumé's takes its place, with its level.
      ['presenting', 2, 2],
    ]);
    expect(plan.skills?.[0]?.note).toBe('VAC therapy, diabetic foot');
    expect(plan.education).toEqual({ current: 'BSc Nursing, Alice Salomon Hochschule (2018-10 – 2021-09)', note: 'Also: Staatsexamen, Berufsfachschule für Pflege (until 2017); Basic Life Support, ERC (2023-02-01)' });
    expect(plan.goals[0]?.skills).toEqual(['wound-care', 'presenting']);
    expect(plan.opportunities?.[0]?.requires).toEqual({ 'wound-care': 3, presenting: 3 });
    // A level it does not know, or none, is 1 with a comment in the plan saying so.
    expect(written.text).toContain('level: 1 # `rockstar` is not a level careerplan knows: set 0 (none) to 5 (expert)');
    expect(written.text).toContain('level: 1 # no level given: set 0 (none) to 5 (expert)');
  });

  test('the notes start with the summary as text (nothing in it is read as Markdown), then the recent positions', () => {
    const body = written.text.slice(written.text.indexOf('## Why this plan'));
    expect(body).toContain('Ward nurse for \\*eight\\* years; I mentor new colleagues. See \\[my portfolio]\\(portfolio.html) \\<b>now\\</b>.\n\nRecent positions (from full.json):\n\n- Staff Nurse, Charité (2021-04 – now)\n');
    expect(body).toContain(`- Volunteer Medic, Red Cross (2013-01 – 2014-08)\n- Waitress, Café Luna (2012 – 2012-12)\n\nFree notes in Markdown`);
    expect(body).not.toContain('Sales Assistant');
    expect(body).toContain(`- ${today}: Plan written from full.json.`);
    expect(checked.diagnostics.some((d) => d.ruleId === 'broken-link')).toBe(false);
  });

  test('says what it took and what it left out', () => {
    expect(written.took).toEqual([
      'owner: Lena Weber',
      'role: Staff Nurse, Charité (from work[0])',
      'skills: 11, each with its target at its level: raise the targets your goals need; 2 without a level careerplan knows, set to 1 (marked in the plan)',
      'education: BSc Nursing, Alice Salomon Hochschule (2018-10 – 2021-09) and 2 more in its note',
      `notes: the summary and ${recentPositions} recent positions`,
    ]);
    expect(written.leftOut.slice(-2)).toEqual(['skills named a second time: wound care', '1 older position']);
  });

  test('whatever the source holds, the plan is valid: names in any script, quotes, YAML and Markdown syntax, long texts', () => {
    const anyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }).filter((text) => text.trim() !== '');
    const anyImport = fc.record({
      owner: anyText,
      role: anyText,
      summary: anyText,
      skills: fc.array(fc.record({ name: anyText, level: fc.oneof(anyText, fc.double()), note: anyText }), { maxLength: 6 }),
      education: fc.array(anyText, { maxLength: 3 }),
      positions: fc.array(anyText, { maxLength: 7 }),
    });
    fc.assert(
      fc.property(anyImport, (given) => {
        const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim() || 'x';
        const source: Imported = {
          source: 'r.json',
          owner: clean(given.owner),
          role: { text: clean(given.role), from: 'basics.label' },
          summary: clean(given.summary),
          skills: given.skills.map((skill) => ({ name: clean(skill.name), level: typeof skill.level === 'number' ? skill.level : clean(skill.level), note: clean(skill.note) })),
          education: given.education.map(clean),
          certificates: [],
          positions: given.positions.map(clean),
          leftOut: [],
        };
        const result = check(importedPlan(source, today).text);
        expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
      }),
      property(15),
    );
  });
});

describe('importedPlan of a large source', () => {
  test(`takes the first ${mostSkills} skills and 10 qualifications, and says how many it left out`, () => {
    const many = (count: number, what: string) => Array.from({ length: count }, (_, index) => `${what} ${index + 1}`);
    const written = importedPlan({ source: 'big.json', owner: 'Sam Lee', skills: many(150, 'Skill').map((name) => ({ name, level: 'Advanced' })), education: many(12, 'Course'), certificates: many(3, 'Certificate'), positions: [], leftOut: [] }, today);
    const plan = check(written.text).plan!;
    // And the starter's skill that its speaking goal builds.
    expect(plan.skills).toHaveLength(mostSkills + 1);
    expect(plan.education?.note?.split('; ')).toHaveLength(9);
    expect(written.leftOut).toEqual([`50 skills after the first ${mostSkills}`, '5 more qualifications and certificates']);
  });
});
