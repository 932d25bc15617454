import type { PlanContext, Report, Rule } from './rule.js';
import { goalName } from './describe.js';

/** A goal that starts after it is due. */
export const startAfterDue: Rule = {
  id: 'start-after-due',
  severity: 'error',
  summary: "a goal's start is after its due",
  *check(context: PlanContext): Iterable<Report> {
    for (const [index, goal] of context.plan.goals.entries()) {
      if (!goal?.start || !goal.due || goal.start.first <= goal.due.last) continue;
      yield {
        place: context.place(['goals', index, 'start']),
        message: `Unexpected \`start\` \`${goal.start.text}\` after \`due\` \`${goal.due.text}\` in ${goalName(context, index)}, expected the start on or before the due date`,
        cause: { place: context.place(['goals', index, 'due']), message: 'due here' },
      };
    }
  },
};
