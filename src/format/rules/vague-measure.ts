import { isMeasurable } from '../measurable.js';
import { goalName } from './describe.js';
import type { PlanContext, Report, Rule } from './rule.js';

/** A goal's measure nobody could check: no number, no date, no result someone can see (`isMeasurable`, with the plan's language's words). */
export const vagueMeasure: Rule = {
  id: 'vague-measure',
  severity: 'warning',
  summary: 'a goal whose `measure` cannot be checked: no number, no date, no result someone can see (`Be more confident`)',
  *check(context: PlanContext): Iterable<Report> {
    const words = context.measureWords;
    if (!words) return;
    for (const [index, goal] of context.plan.goals.entries()) {
      // A goal done or dropped no longer needs a measure to work towards.
      if (!goal || goal.done !== undefined || goal.status === 'dropped') continue;
      if (typeof goal.measure !== 'string' || isMeasurable(goal.measure, words)) continue;
      yield {
        place: context.place(['goals', index, 'measure']),
        message: `Unexpected \`measure\` of ${goalName(context, index)} that nobody could check, expected a number, a date or a result someone can see, such as \`${words.example}\``,
      };
    }
  },
};
