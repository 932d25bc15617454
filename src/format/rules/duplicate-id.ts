import type { Finding } from '../../types.js';
import type { PlanContext, PlanName, Report, Rule } from './rule.js';

/** Two goals, two skills, or two plans with one id or output name. */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  summary: 'two goals, two skills, or two plans with one id/slug',
  *check(context: PlanContext): Iterable<Report> {
    yield* duplicatesIn(context, 'goals', 'goal', 'title', context.plan.goals.map((goal) => goal?.id));
    yield* duplicatesIn(context, 'skills', 'skill', 'name', context.plan.skills.map((skill) => skill?.id));
  },
  *checkAll(plans: ReadonlyArray<PlanName>): Iterable<Finding> {
    const first = new Map<string, PlanName>();
    for (const checked of plans) {
      const earlier = first.get(checked.slug);
      if (!earlier) {
        first.set(checked.slug, checked);
        continue;
      }
      yield {
        file: checked.path,
        place: { start: { line: 1, column: 1 } },
        ruleId: 'duplicate-id',
        message: `Unexpected plan with the output name \`${checked.slug}\` of another plan, expected each plan's file name to be unique: rename one of the files`,
        cause: { file: earlier.path, place: { start: { line: 1, column: 1 } }, message: 'the other plan' },
      };
    }
  },
};

function* duplicatesIn(
  context: PlanContext,
  list: 'goals' | 'skills',
  noun: string,
  nameKey: string,
  ids: ReadonlyArray<string | undefined>,
): Iterable<Report> {
  const firstIndex = new Map<string, number>();
  const placeOf = (index: number) =>
    context.valueAt([list, index, 'id']) === undefined ? context.place([list, index, nameKey]) : context.place([list, index, 'id']);
  for (const [index, id] of ids.entries()) {
    if (id === undefined) continue;
    const earlier = firstIndex.get(id);
    if (earlier === undefined) {
      firstIndex.set(id, index);
      continue;
    }
    yield {
      place: placeOf(index),
      message: `Unexpected second ${noun} with the id \`${id}\`, expected each ${noun}'s id once: give one of them an \`id\` of its own`,
      cause: { place: placeOf(earlier), message: `the first ${noun} with this id` },
    };
  }
}
