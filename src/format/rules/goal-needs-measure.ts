import { goalName, isGoalKey, isMissing } from './describe.js';
import type { Rule } from './rule.js';

/** A goal without a measurable outcome. */
export const goalNeedsMeasure: Rule = {
  id: 'goal-needs-measure',
  severity: 'error',
  summary: 'a goal without a measurable outcome',
  claims(issue, context) {
    if (!isGoalKey(issue, 'measure') || !isMissing(issue, context)) return undefined;
    return `Unexpected ${goalName(context, issue.path[1])} without a measurable outcome, expected \`measure\`: how you will know it is reached`;
  },
};
