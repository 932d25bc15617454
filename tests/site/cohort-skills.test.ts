import { describe, expect, test } from 'vitest';
import { cohortPlansShown, cohortSkills, skillKey } from '../../src/site/cohort-skills.js';
import type { IndexPlan, IndexSkill } from '../../src/site/index-view.js';

/** What the cohort looks at of a plan: its slug, owner, title and skills (name and gap). */
const plan = (slug: string, owner: string, skills: IndexSkill[]): IndexPlan => ({ slug, owner, title: `Plan of ${owner}`, skills }) as unknown as IndexPlan;

describe('skills the cohort needs', () => {
  test('matches a skill by name whatever its case and spacing, and lists it when two or more plans still have a gap', () => {
    const skills = cohortSkills([
      plan('ana', 'Ana', [{ name: 'Public speaking', gap: 3 }, { name: 'Kubernetes', gap: 2 }, { name: 'Excel', gap: 0 }]),
      plan('ben', 'Ben', [{ name: ' public  Speaking', gap: 1 }, { name: 'excel', gap: 2 }]),
      plan('cara', 'Cara', [{ name: 'EXCEL', gap: 4 }, { name: 'Public speaking', gap: 2 }]),
    ]);
    expect(skills.map(({ name, plans, averageGap }) => ({ name, plans: plans.map((p) => p.slug), averageGap }))).toEqual([
      // Most plans first; the name as most plans spell it.
      { name: 'Public speaking', plans: ['ana', 'cara', 'ben'], averageGap: 2 },
      // Ana's Excel meets its target: she does not need it, and her spelling does not count.
      { name: 'EXCEL', plans: ['cara', 'ben'], averageGap: 3 },
    ]);
  });

  test('a skill only one plan needs is not listed, nor a skill a plan lists twice', () => {
    expect(cohortSkills([plan('ana', 'Ana', [{ name: 'SQL', gap: 2 }, { name: 'sql', gap: 1 }]), plan('ben', 'Ben', [{ name: 'Python', gap: 1 }])])).toEqual([]);
  });

  test('a plan that lists the skill twice counts once, with its larger gap; the average has one decimal', () => {
    const [sql] = cohortSkills([plan('ana', 'Ana', [{ name: 'SQL', gap: 1 }, { name: 's q l', gap: 2 }]), plan('ben', 'Ben', [{ name: 'SQL', gap: 2 }]), plan('cy', 'Cy', [{ name: 'SQL', gap: 3 }])]);
    expect(sql?.plans.map((p) => [p.slug, p.gap])).toEqual([['cy', 3], ['ana', 2], ['ben', 2]]);
    expect(sql?.averageGap).toBe(2.3);
  });

  test('on a tie of spellings, capitals first; spaces are made single in the name shown', () => {
    const [skill] = cohortSkills([plan('a', 'A', [{ name: 'public  speaking', gap: 1 }]), plan('b', 'B', [{ name: 'Public   Speaking ', gap: 1 }])]);
    expect(skill?.name).toBe('Public Speaking');
  });

  test('links the first plans of a skill and folds the rest away', () => {
    const many = Array.from({ length: cohortPlansShown + 3 }, (_, index) => plan(`p${String(index).padStart(2, '0')}`, `Owner ${index}`, [{ name: 'SQL', gap: 1 }]));
    const [sql] = cohortSkills(many);
    expect(sql?.plans).toHaveLength(cohortPlansShown + 3);
    expect(sql?.first).toHaveLength(cohortPlansShown);
    expect(sql?.more).toHaveLength(3);
  });

  test('a name is matched without case, spaces or compatibility forms', () => {
    expect(skillKey('Public  Speaking')).toBe(skillKey('publicspeaking'));
    expect(skillKey('Ｅｘｃｅｌ')).toBe(skillKey('excel'));
    expect(skillKey('Führung')).not.toBe(skillKey('Fuhrung'));
  });
});
