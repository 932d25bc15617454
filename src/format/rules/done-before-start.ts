import { goalName } from './describe.js';
import type { PlanContext, Report, Rule } from './rule.js';

/**
 * A goal marked done before its own `start`. Steps have no start of their
 * own, and a step done before its goal starts is ordinary preparation (a
 * course taken before the promotion work begins), so only goals are checked.
 */
export const doneBeforeStart: Rule = {
  id: 'done-before-start',
  severity: 'warning',
  summary: "a goal's `done` date before its own `start`",
  *check(context: PlanContext): Iterable<Report> {
    for (const [index, goal] of context.plan.goals.entries()) {
      const start = goal?.start;
      if (!start || typeof goal.done !== 'string' || goal.done >= start.first) continue;
      yield {
        place: context.place(['goals', index, 'done']),
        message: `Unexpected \`done: ${goal.done}\` before ${goalName(context, index)} starts (\`start: ${start.text}\`), expected a date from ${start.first} on: correct \`done\` or \`start\``,
        cause: { place: context.place(['goals', index, 'start']), message: 'the goal starts here' },
      };
    }
  },
};
