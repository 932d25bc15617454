/**
 * The view stage: an audience view (`build --view mentor`) leaves parts of a
 * validated plan out before its model and HTML are made, so an omitted part
 * is absent from every output (page, PDF, calendar, `plans.json`, index), not
 * hidden. Rules and diagnostics still see the whole plan. Pure.
 */
import type { Goal, Opportunity, Plan, Skill, Step } from '../format/schema.js';
import type { Checked } from '../types.js';
import type { HistoryView } from '../history/revisions.js';

/**
 * The parts of a plan a view can leave out: the sections a person might keep
 * to themselves, and the notes inside items. A dotted name is a key inside
 * each item of a list (`steps.reflection`: every step's reflection).
 */
export const omittableParts = [
  'vision',
  'priorities',
  'strengths',
  'weaknesses',
  'skills',
  'education',
  'opportunities',
  'body',
  'skills.note',
  'education.note',
  'opportunities.note',
  'steps.resources',
  'steps.reflection',
] as const;

/** A part of a plan that a view can leave out. */
export type OmittablePart = (typeof omittableParts)[number];

/** A named audience view: the parts of every plan it leaves out. */
export interface View {
  readonly name: string;
  readonly omit: readonly OmittablePart[];
}

/** Whether a name is one of `omittableParts`. Pure. */
export function isOmittablePart(name: string): name is OmittablePart {
  return (omittableParts as readonly string[]).includes(name);
}

/** A checked plan that has a plan object. */
type WithPlan = Checked & { readonly plan: NonNullable<Checked['plan']> };

/** A checked plan as a view shows it: its plan without the omitted parts, and no body when `body` is omitted. No view: the plan as it is. Pure. */
export function applyView<T extends WithPlan>(checked: T, view: View | undefined): T {
  if (view === undefined || view.omit.length === 0) return checked;
  const { body, ...rest } = checked;
  const plan = planInView(checked.plan, view.omit);
  // The rest of a Checked is the file and its diagnostics: the same whole plan, kept for reporting.
  return (view.omit.includes('body') || body === undefined ? { ...rest, plan } : { ...rest, plan, body }) as T;
}

/**
 * A plan without the omitted parts. Leaving out the skills inventory also
 * leaves out what names its skills elsewhere (a goal's `skills`, an
 * opportunity's `requires` and with it the fit, which shows levels from the
 * inventory), since a skill's name or id would otherwise still show. Pure.
 */
export function planInView(plan: Plan, omit: readonly OmittablePart[]): Plan {
  const omitted = new Set<OmittablePart>(omit);
  const without = <T extends object, K extends keyof T>(value: T, key: K, leaveOut: boolean): T => {
    if (!leaveOut || !Object.hasOwn(value, key)) return value;
    const copy = { ...value };
    delete copy[key];
    return copy;
  };
  let viewed: Plan = plan;
  for (const part of ['vision', 'priorities', 'strengths', 'weaknesses', 'skills', 'education', 'opportunities'] as const) {
    viewed = without(viewed, part, omitted.has(part));
  }
  const noSkills = omitted.has('skills');
  const step = (item: Step): Step => without(without(item, 'resources', omitted.has('steps.resources')), 'reflection', omitted.has('steps.reflection'));
  const goal = (item: Goal): Goal => ({ ...without(item, 'skills', noSkills), steps: item.steps.map(step) });
  const skill = (item: Skill): Skill => without(item, 'note', omitted.has('skills.note'));
  const opportunity = (item: Opportunity): Opportunity => without(without(item, 'note', omitted.has('opportunities.note')), 'requires', noSkills);
  return {
    ...viewed,
    goals: viewed.goals.map(goal),
    ...(viewed.skills ? { skills: viewed.skills.map(skill) } : {}),
    ...(viewed.education ? { education: without(viewed.education, 'note', omitted.has('education.note')) } : {}),
    ...(viewed.opportunities ? { opportunities: viewed.opportunities.map(opportunity) } : {}),
  };
}

/**
 * A plan's revision history as a view shows it: when the plan was last
 * revised, but no revisions. What a commit changed can be in an omitted part
 * (a weakness added, a note rewritten), and a commit's subject is free text
 * that may name one, so a view that omits anything shows neither. Pure.
 */
export function historyInView(history: HistoryView, view: View | undefined): HistoryView {
  if (view === undefined || view.omit.length === 0) return history;
  return { lastRevised: history.lastRevised, lastRevisedFrom: history.lastRevisedFrom, show: false, revisions: [], older: [], more: 0 };
}
