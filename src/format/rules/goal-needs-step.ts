import { goalName, isGoalKey } from './describe.js';
import type { Rule } from './rule.js';

/** A goal without any action step. */
export const goalNeedsStep: Rule = {
  id: 'goal-needs-step',
  severity: 'error',
  summary: 'a goal without any action step',
  claims(issue, context) {
    if (!isGoalKey(issue, 'steps')) return undefined;
    const steps = context.valueAt(issue.path);
    const empty = steps === undefined || steps === null || (Array.isArray(steps) && steps.length === 0);
    if (!empty) return undefined;
    return `Unexpected ${goalName(context, issue.path[1])} without action steps, expected at least one under \`steps\``;
  },
};
