/**
 * The index's "Skills the cohort needs": the skills that two or more plans
 * still need to grow (a gap between level and target), matched by name with
 * case and spacing ignored, with how many plans need each, the average gap
 * and which plans. Pure.
 */
import type { IndexPlan } from './index-view.js';

/** A plan that needs a skill, as the index links it. */
export interface CohortPlan {
  readonly slug: string;
  readonly owner: string;
  readonly title: string;
  /** Levels still to go in this plan (its largest, should it list the skill twice). */
  readonly gap: number;
}

/** A skill two or more plans need. */
export interface CohortSkill {
  /** The name as most of its plans spell it (spaces made single); on a tie, the one with capitals first. */
  readonly name: string;
  /** The plans that need it, largest gap first, then by owner. */
  readonly plans: readonly CohortPlan[];
  /** The first plans, linked in the row; the others are folded away (`more`) so a skill of hundreds of plans stays one line. */
  readonly first: readonly CohortPlan[];
  readonly more: readonly CohortPlan[];
  /** The average of the plans' gaps, to one decimal. */
  readonly averageGap: number;
}

/** How many plans must need a skill before the index lists it. */
export const cohortMinimum = 2;

/** Plans linked in a skill's row before the rest are folded away. */
export const cohortPlansShown = 12;

/** A skill's name as matching sees it: compatible forms unified, lower case, no white space. Pure. */
export function skillKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** The skills needed by `cohortMinimum` or more of the plans: most plans first, then the largest average gap, then by name. Pure. */
export function cohortSkills(plans: readonly IndexPlan[]): CohortSkill[] {
  const found = new Map<string, { spellings: Map<string, number>; plans: Map<string, CohortPlan> }>();
  for (const plan of [...plans].sort((a, b) => a.slug.localeCompare(b.slug))) {
    for (const skill of plan.skills) {
      if (skill.gap <= 0) continue;
      const key = skillKey(skill.name);
      const entry = found.get(key) ?? { spellings: new Map<string, number>(), plans: new Map<string, CohortPlan>() };
      found.set(key, entry);
      const before = entry.plans.get(plan.slug);
      // A spelling is counted with its spaces made single: `public  Speaking` is `public Speaking`.
      const spelling = skill.name.trim().replace(/\s+/gu, ' ');
      if (before === undefined) entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      if (before === undefined || before.gap < skill.gap) entry.plans.set(plan.slug, { slug: plan.slug, owner: plan.owner, title: plan.title, gap: skill.gap });
    }
  }
  return [...found.values()]
    .filter((entry) => entry.plans.size >= cohortMinimum)
    .map(({ spellings, plans: needing }) => cohortSkill(spellings, [...needing.values()]))
    .sort((a, b) => b.plans.length - a.plans.length || b.averageGap - a.averageGap || a.name.localeCompare(b.name));
}

/** A skill's entry from its spellings (with how many plans wrote each) and its plans. */
function cohortSkill(spellings: ReadonlyMap<string, number>, needing: readonly CohortPlan[]): CohortSkill {
  // On a tie, capitals first (`Excel` before `excel`), so the name does not hang on which plan came first.
  const name = [...spellings].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b, 'en', { caseFirst: 'upper' }))[0]?.[0] ?? '';
  const plans = [...needing].sort((a, b) => b.gap - a.gap || a.owner.localeCompare(b.owner) || a.slug.localeCompare(b.slug));
  const averageGap = Math.round((plans.reduce((sum, plan) => sum + plan.gap, 0) / plans.length) * 10) / 10;
  return { name, plans, first: plans.slice(0, cohortPlansShown), more: plans.slice(cohortPlansShown), averageGap };
}
