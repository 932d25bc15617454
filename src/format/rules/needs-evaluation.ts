import type { PlanContext, Report, Rule } from './rule.js';

/** A done step without an evaluation. */
export const needsEvaluation: Rule = {
  id: 'needs-evaluation',
  severity: 'warning',
  summary: 'a done step without `worth`',
  *check(context: PlanContext): Iterable<Report> {
    for (const [index, goal] of context.plan.goals.entries()) {
      for (const [stepIndex, step] of (goal?.steps ?? []).entries()) {
        if (!step?.done || step.worth !== undefined) continue;
        yield {
          place: context.place(['goals', index, 'steps', stepIndex, 'done'], 'key'),
          message: `Unexpected done step \`${step.title}\` without an evaluation, expected \`worth\`: \`yes\`, \`partly\` or \`no\` — was it worth the time?`,
        };
      }
    }
  },
};
