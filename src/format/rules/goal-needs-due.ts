import { goalName, isGoalKey, isMissing } from './describe.js';
import type { Rule } from './rule.js';

/** A goal without a timeline. */
export const goalNeedsDue: Rule = {
  id: 'goal-needs-due',
  severity: 'error',
  summary: 'a goal without a timeline',
  claims(issue, context) {
    if (!isGoalKey(issue, 'due') || !isMissing(issue, context)) return undefined;
    return `Unexpected ${goalName(context, issue.path[1])} without a timeline, expected \`due\` with a date or period such as \`2027-06\``;
  },
};
