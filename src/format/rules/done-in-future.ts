import { goalName } from './describe.js';
import type { PlanContext, Report, Rule } from './rule.js';

/** A goal or step marked done on a day after the as-of date. */
export const doneInFuture: Rule = {
  id: 'done-in-future',
  severity: 'warning',
  summary: '`done` on a date after the as-of date',
  *check(context: PlanContext): Iterable<Report> {
    const { asOf } = context;
    for (const [index, goal] of context.plan.goals.entries()) {
      if (typeof goal?.done === 'string' && goal.done > asOf) {
        yield {
          place: context.place(['goals', index, 'done']),
          message: `Unexpected \`done: ${goal.done}\` for ${goalName(context, index)}, after ${asOf}, expected the day it was reached: correct the date, or remove \`done\` until then`,
        };
      }
      for (const [stepIndex, step] of (goal?.steps ?? []).entries()) {
        if (typeof step?.done !== 'string' || step.done <= asOf) continue;
        yield {
          place: context.place(['goals', index, 'steps', stepIndex, 'done']),
          message: `Unexpected \`done: ${step.done}\` for step \`${step.title}\`, after ${asOf}, expected the day it was done: correct the date, or remove \`done\` until then`,
        };
      }
    }
  },
};
