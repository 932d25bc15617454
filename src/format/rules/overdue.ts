import type { PlanContext, Report, Rule } from './rule.js';
import { goalName } from './describe.js';
import { isOpenGoal, isOverdue, isOverdueStep } from '../status.js';

/** A goal or step that is not done and was due before the as-of date (`isOverdue`, `isOverdueStep` in `format/status`): what every page counts as overdue. */
export const overdue: Rule = {
  id: 'overdue',
  severity: 'warning',
  summary: 'not done, and due before the as-of date (default today)',
  *check(context: PlanContext): Iterable<Report> {
    for (const [index, goal] of context.plan.goals.entries()) {
      if (!goal || !isOpenGoal(goal)) continue;
      if (isOverdue(goal, context.asOf)) {
        yield {
          place: context.place(['goals', index, 'due']),
          message: `Unexpected open ${goalName(context, index)} due \`${goal.due.text}\`, before ${context.asOf}: expected \`done\` with the date it was reached, a new \`due\`, or \`status: paused\``,
        };
      }
      for (const [stepIndex, step] of goal.steps.entries()) {
        if (!step || !isOverdueStep(step, goal, context.asOf)) continue;
        yield {
          place: context.place(['goals', index, 'steps', stepIndex, 'due']),
          message: `Unexpected open step \`${step.title}\` due \`${step.due.text}\`, before ${context.asOf}: expected \`done\` or a new \`due\``,
        };
      }
    }
  },
};
