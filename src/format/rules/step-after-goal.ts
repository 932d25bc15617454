import type { PlanContext, Report, Rule } from './rule.js';
import { goalName } from './describe.js';

/** A step due after the goal it serves. */
export const stepAfterGoal: Rule = {
  id: 'step-after-goal',
  severity: 'warning',
  summary: 'a step is due after its goal',
  *check(context: PlanContext): Iterable<Report> {
    for (const [index, goal] of context.plan.goals.entries()) {
      const goalDue = goal?.due;
      if (!goal || !goalDue) continue;
      for (const [stepIndex, step] of goal.steps.entries()) {
        if (!step?.due || step.due.last <= goalDue.last) continue;
        yield {
          place: context.place(['goals', index, 'steps', stepIndex, 'due']),
          message: `Unexpected step due \`${step.due.text}\` after its ${goalName(context, index)} (due \`${goalDue.text}\`), expected the step due by then: move one of the dates`,
          cause: { place: context.place(['goals', index, 'due']), message: 'the goal is due here' },
        };
      }
    }
  },
};
