import { goalKinds } from '../schema.js';
import { goalName } from './describe.js';
import type { PlanContext, Report, Rule } from './rule.js';

/** A goal that does not say whether it is professional or personal. */
export const goalNeedsKind: Rule = {
  id: 'goal-needs-kind',
  severity: 'warning',
  summary: 'a goal without `kind`',
  *check(context: PlanContext): Iterable<Report> {
    const goals = context.valueAt(['goals']);
    if (!Array.isArray(goals)) return;
    for (const [index, goal] of goals.entries()) {
      if (typeof goal !== 'object' || goal === null || Array.isArray(goal)) continue;
      if (context.valueAt(['goals', index, 'kind']) !== undefined) continue;
      const title = context.valueAt(['goals', index, 'title']);
      yield {
        place: title === undefined ? context.place(['goals', index]) : context.place(['goals', index, 'title'], 'key'),
        message: `Unexpected ${goalName(context, index)} without \`kind\`, expected ${goalKinds.map((kind) => `\`kind: ${kind}\``).join(' or ')}: until it has one, it counts as professional`,
      };
    }
  },
};
