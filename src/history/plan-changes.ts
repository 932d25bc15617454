/**
 * The plan-changes stage: what changed in a plan's substance between two
 * versions, by comparing their models — goals matched by id, skills by id,
 * steps and opportunities by title (then by place) — never a text diff.
 * Facts that depend on the as-of date (overdue, at risk, days left) are not
 * compared: only what the author wrote. Pure.
 */
import type { GoalModel, PlanModel, SkillModel, StepModel } from '../stages/model.js';
import { optional } from '../lib/optional.js';
import { writtenStatus, type WrittenStatus } from '../format/status.js';

/** A plan's scalar fields that a history shows when they change. */
export type PlanField = 'title' | 'owner' | 'role' | 'vision' | 'horizon' | 'created' | 'reviewed' | 'lang';

/** The self-assessment lists. */
export type PlanList = 'priorities' | 'strengths' | 'weaknesses';

/** A skill a goal builds: its id (what the plan matches it by) and its name (what a reader knows it by). */
export interface SkillRef {
  readonly id: string;
  readonly name: string;
}

/** The goal a change concerns: its permanent id and its title (in the newer version, or the older for a removed goal). */
interface GoalRef {
  readonly goal: string;
  readonly goalTitle: string;
}

/** A step of a goal: its title (in the newer version, or the older for a removed step). */
interface StepRef extends GoalRef {
  readonly step: string;
}

/** One change in a plan's substance between two versions. */
export type Change =
  | { readonly kind: 'plan-created'; readonly goals: number; readonly skills: number }
  | { readonly kind: 'field-changed'; readonly field: PlanField; readonly from?: string; readonly to?: string }
  | { readonly kind: 'list-item-added' | 'list-item-removed'; readonly list: PlanList; readonly item: string }
  | { readonly kind: 'education-changed'; readonly part: 'current' | 'needed' | 'note'; readonly from?: string; readonly to?: string }
  | { readonly kind: 'notes-changed' }
  | (GoalRef & { readonly kind: 'goal-added' | 'goal-removed' })
  | (GoalRef & { readonly kind: 'goal-renamed'; readonly from: string; readonly to: string })
  | (GoalRef & { readonly kind: 'due-moved'; readonly from: string; readonly to: string })
  | (GoalRef & { readonly kind: 'start-moved'; readonly from?: string; readonly to?: string })
  | (GoalRef & { readonly kind: 'measure-changed'; readonly from: string; readonly to: string })
  | (GoalRef & { readonly kind: 'status-changed'; readonly from: WrittenStatus; readonly to: WrittenStatus })
  | (GoalRef & { readonly kind: 'goal-done' | 'goal-reopened'; readonly on?: string })
  | (GoalRef & { readonly kind: 'goal-kind-changed'; readonly from: string; readonly to: string })
  | (GoalRef & { readonly kind: 'goal-skills-changed'; readonly added: readonly SkillRef[]; readonly removed: readonly SkillRef[] })
  | (StepRef & { readonly kind: 'step-added' | 'step-removed' })
  | (GoalRef & { readonly kind: 'step-renamed'; readonly from: string; readonly to: string })
  | (StepRef & { readonly kind: 'step-done' | 'step-reopened'; readonly on?: string })
  | (StepRef & { readonly kind: 'step-due-moved'; readonly from?: string; readonly to?: string })
  | (StepRef & { readonly kind: 'step-evaluated'; readonly from?: string; readonly to?: string })
  | (StepRef & { readonly kind: 'resources-added' | 'resources-removed'; readonly resources: readonly string[] })
  | { readonly kind: 'skill-added' | 'skill-removed'; readonly skill: string; readonly name: string; readonly level: number; readonly target: number }
  | { readonly kind: 'skill-renamed'; readonly skill: string; readonly from: string; readonly to: string }
  | { readonly kind: 'skill-kind-changed'; readonly skill: string; readonly name: string; readonly from: string; readonly to: string }
  | { readonly kind: 'skill-level-changed' | 'skill-target-changed'; readonly skill: string; readonly name: string; readonly from: number; readonly to: number }
  | { readonly kind: 'opportunity-added' | 'opportunity-removed'; readonly title: string; readonly status: string }
  | { readonly kind: 'opportunity-renamed'; readonly from: string; readonly to: string }
  | { readonly kind: 'opportunity-status-changed'; readonly title: string; readonly from: string; readonly to: string }
  | { readonly kind: 'opportunity-date-moved'; readonly title: string; readonly from?: string; readonly to?: string };

/** Every kind of change. */
export type ChangeKind = Change['kind'];

/**
 * The changes from one version of a plan to the next; `before` is
 * `undefined` for the first version, which gives one `plan-created`.
 * Identical versions give no changes. Pure.
 */
export function planChanges(before: PlanModel | undefined, after: PlanModel): Change[] {
  if (before === undefined) return [{ kind: 'plan-created', goals: after.goals.length, skills: after.skills.length }];
  return [
    ...fieldChanges(before, after),
    ...listChanges(before, after),
    ...educationChanges(before, after),
    ...goalChanges(before, after),
    ...skillChanges(before, after),
    ...opportunityChanges(before, after),
    ...(before.bodyHtml === after.bodyHtml ? [] : [{ kind: 'notes-changed' } as const]),
  ];
}

/** The same change seen the other way round (from the newer version to the older). Pure. */
export function invertChange(change: Change): Change {
  switch (change.kind) {
    case 'plan-created':
    case 'notes-changed':
      return change;
    case 'list-item-added':
      return { ...change, kind: 'list-item-removed' };
    case 'list-item-removed':
      return { ...change, kind: 'list-item-added' };
    case 'goal-added':
      return { ...change, kind: 'goal-removed' };
    case 'goal-removed':
      return { ...change, kind: 'goal-added' };
    case 'goal-done':
      return { ...change, kind: 'goal-reopened' };
    case 'goal-reopened':
      return { ...change, kind: 'goal-done' };
    case 'step-added':
      return { ...change, kind: 'step-removed' };
    case 'step-removed':
      return { ...change, kind: 'step-added' };
    case 'step-done':
      return { ...change, kind: 'step-reopened' };
    case 'step-reopened':
      return { ...change, kind: 'step-done' };
    case 'resources-added':
      return { ...change, kind: 'resources-removed' };
    case 'resources-removed':
      return { ...change, kind: 'resources-added' };
    case 'skill-added':
      return { ...change, kind: 'skill-removed' };
    case 'skill-removed':
      return { ...change, kind: 'skill-added' };
    case 'opportunity-added':
      return { ...change, kind: 'opportunity-removed' };
    case 'opportunity-removed':
      return { ...change, kind: 'opportunity-added' };
    case 'goal-skills-changed':
      return { ...change, added: change.removed, removed: change.added };
    default: {
      const { from, to, ...rest } = change;
      return { ...rest, ...optional('from', to), ...optional('to', from) } as Change;
    }
  }
}

function fieldChanges(before: PlanModel, after: PlanModel): Change[] {
  const fields: Array<[PlanField, (plan: PlanModel) => string | undefined]> = [
    ['title', (plan) => plan.title],
    ['owner', (plan) => plan.owner],
    ['role', (plan) => plan.role],
    ['vision', (plan) => plan.visionHtml],
    ['horizon', (plan) => plan.horizon?.text],
    ['created', (plan) => plan.created],
    ['reviewed', (plan) => plan.reviewed],
    ['lang', (plan) => plan.lang],
  ];
  return fields.flatMap(([field, read]): Change[] => {
    const [from, to] = [read(before), read(after)];
    return from === to ? [] : [{ kind: 'field-changed', field, ...optional('from', from), ...optional('to', to) }];
  });
}

function listChanges(before: PlanModel, after: PlanModel): Change[] {
  return (['priorities', 'strengths', 'weaknesses'] as const).flatMap((list) => {
    const { added, removed } = match(before[list], after[list], (item) => item);
    return [
      ...removed.map((item): Change => ({ kind: 'list-item-removed', list, item })),
      ...added.map((item): Change => ({ kind: 'list-item-added', list, item })),
    ];
  });
}

function educationChanges(before: PlanModel, after: PlanModel): Change[] {
  const parts: Array<['current' | 'needed' | 'note', (plan: PlanModel) => string | undefined]> = [
    ['current', (plan) => plan.education?.current],
    ['needed', (plan) => plan.education?.needed],
    ['note', (plan) => plan.education?.noteHtml],
  ];
  return parts.flatMap(([part, read]): Change[] => {
    const [from, to] = [read(before), read(after)];
    return from === to ? [] : [{ kind: 'education-changed', part, ...optional('from', from), ...optional('to', to) }];
  });
}

function goalChanges(before: PlanModel, after: PlanModel): Change[] {
  const { pairs, added, removed } = match(before.goals, after.goals, (goal) => goal.id);
  return [
    ...removed.map((goal): Change => ({ kind: 'goal-removed', ...goalRef(goal) })),
    ...added.map((goal): Change => ({ kind: 'goal-added', ...goalRef(goal) })),
    ...pairs.flatMap(([old, now]) => oneGoal(old, now)),
  ];
}

function oneGoal(old: GoalModel, now: GoalModel): Change[] {
  const ref = goalRef(now);
  const changes: Change[] = [];
  if (old.title !== now.title) changes.push({ kind: 'goal-renamed', ...ref, from: old.title, to: now.title });
  if (old.kind !== now.kind) changes.push({ kind: 'goal-kind-changed', ...ref, from: old.kind, to: now.kind });
  if (old.measure !== now.measure) changes.push({ kind: 'measure-changed', ...ref, from: old.measure, to: now.measure });
  if (old.start?.text !== now.start?.text) changes.push({ kind: 'start-moved', ...ref, ...optional('from', old.start?.text), ...optional('to', now.start?.text) });
  if (old.due.text !== now.due.text) changes.push({ kind: 'due-moved', ...ref, from: old.due.text, to: now.due.text });
  const [wasDone, isDone] = [old.status === 'done', now.status === 'done'];
  if (!wasDone && isDone) changes.push({ kind: 'goal-done', ...ref, ...optional('on', now.doneOn) });
  if (wasDone && !isDone) changes.push({ kind: 'goal-reopened', ...ref, ...optional('on', old.doneOn) });
  const [from, to] = [writtenStatus(old.status), writtenStatus(now.status)];
  if (from !== to) changes.push({ kind: 'status-changed', ...ref, from, to });
  const skills = match(old.skills, now.skills, (skill) => skill.id);
  if (skills.added.length > 0 || skills.removed.length > 0) changes.push({ kind: 'goal-skills-changed', ...ref, added: skills.added, removed: skills.removed });
  return [...changes, ...stepChanges(old, now)];
}

function stepChanges(old: GoalModel, now: GoalModel): Change[] {
  const ref = goalRef(now);
  const byTitle = match(old.steps, now.steps, (step) => step.title);
  // Steps have no ids: of the steps whose title is new, one at the same place as a step whose title is gone was reworded.
  const renamed = match(byTitle.removed, byTitle.added, (step) => String(step.index));
  const changes: Change[] = [
    ...renamed.removed.map((step): Change => ({ kind: 'step-removed', ...goalRef(old), step: step.title })),
    ...renamed.added.map((step): Change => ({ kind: 'step-added', ...ref, step: step.title })),
  ];
  for (const [was, is] of renamed.pairs) changes.push({ kind: 'step-renamed', ...ref, from: was.title, to: is.title });
  for (const [was, is] of [...byTitle.pairs, ...renamed.pairs]) changes.push(...oneStep(was, is, { ...ref, step: is.title }));
  return changes;
}

function oneStep(was: StepModel, is: StepModel, ref: StepRef): Change[] {
  const changes: Change[] = [];
  if (!was.done && is.done) changes.push({ kind: 'step-done', ...ref, ...optional('on', is.doneOn) });
  if (was.done && !is.done) changes.push({ kind: 'step-reopened', ...ref, ...optional('on', was.doneOn) });
  if (was.due?.text !== is.due?.text) changes.push({ kind: 'step-due-moved', ...ref, ...optional('from', was.due?.text), ...optional('to', is.due?.text) });
  if (was.worth !== is.worth) changes.push({ kind: 'step-evaluated', ...ref, ...optional('from', was.worth), ...optional('to', is.worth) });
  const resources = match(was.resources, is.resources, (resource) => resource);
  if (resources.removed.length > 0) changes.push({ kind: 'resources-removed', ...ref, resources: resources.removed });
  if (resources.added.length > 0) changes.push({ kind: 'resources-added', ...ref, resources: resources.added });
  return changes;
}

function skillChanges(before: PlanModel, after: PlanModel): Change[] {
  const { pairs, added, removed } = match(before.skills, after.skills, (skill) => skill.id);
  const described = (kind: 'skill-added' | 'skill-removed', skill: SkillModel): Change => ({ kind, skill: skill.id, name: skill.name, level: skill.level, target: skill.target });
  const changes: Change[] = [...removed.map((skill) => described('skill-removed', skill)), ...added.map((skill) => described('skill-added', skill))];
  for (const [old, now] of pairs) {
    if (old.name !== now.name) changes.push({ kind: 'skill-renamed', skill: now.id, from: old.name, to: now.name });
    if (old.kind !== now.kind) changes.push({ kind: 'skill-kind-changed', skill: now.id, name: now.name, from: old.kind, to: now.kind });
    if (old.level !== now.level) changes.push({ kind: 'skill-level-changed', skill: now.id, name: now.name, from: old.level, to: now.level });
    if (old.target !== now.target) changes.push({ kind: 'skill-target-changed', skill: now.id, name: now.name, from: old.target, to: now.target });
  }
  return changes;
}

function opportunityChanges(before: PlanModel, after: PlanModel): Change[] {
  const byTitle = match(before.opportunities, after.opportunities, (opportunity) => opportunity.title);
  const renamed = match(byTitle.removed, byTitle.added, (opportunity) => String(opportunity.index));
  const changes: Change[] = [
    ...renamed.removed.map((o): Change => ({ kind: 'opportunity-removed', title: o.title, status: o.status })),
    ...renamed.added.map((o): Change => ({ kind: 'opportunity-added', title: o.title, status: o.status })),
  ];
  for (const [old, now] of renamed.pairs) changes.push({ kind: 'opportunity-renamed', from: old.title, to: now.title });
  for (const [old, now] of [...byTitle.pairs, ...renamed.pairs]) {
    if (old.status !== now.status) changes.push({ kind: 'opportunity-status-changed', title: now.title, from: old.status, to: now.status });
    if (old.date?.text !== now.date?.text) changes.push({ kind: 'opportunity-date-moved', title: now.title, ...optional('from', old.date?.text), ...optional('to', now.date?.text) });
  }
  return changes;
}

function goalRef(goal: GoalModel): GoalRef {
  return { goal: goal.id, goalTitle: goal.title };
}

/** Matches two lists by key; with repeated keys, the n-th of one list matches the n-th of the other. Symmetric. */
function match<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): { pairs: Array<[T, T]>; added: T[]; removed: T[] } {
  const waiting = new Map<string, number[]>();
  before.forEach((item, index) => {
    const k = key(item);
    waiting.set(k, [...(waiting.get(k) ?? []), index]);
  });
  const pairs: Array<[T, T]> = [];
  const added: T[] = [];
  const paired = new Set<number>();
  for (const item of after) {
    const index = waiting.get(key(item))?.shift();
    if (index === undefined) {
      added.push(item);
    } else {
      paired.add(index);
      pairs.push([before[index] as T, item]);
    }
  }
  return { pairs, added, removed: before.filter((_, index) => !paired.has(index)) };
}
