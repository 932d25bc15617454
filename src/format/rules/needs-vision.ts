import type { PlanContext, Report, Rule } from './rule.js';

/** A plan without a vision: where its goals lead. */
export const needsVision: Rule = {
  id: 'needs-vision',
  severity: 'warning',
  summary: 'a plan without a `vision`',
  *check(context: PlanContext): Iterable<Report> {
    // An empty `vision:` is the schema's to report; here only a plan that has none at all.
    if (context.valueAt(['vision']) !== undefined) return;
    yield {
      // Where the vision goes: below the `owner` line.
      place: context.place([context.valueAt(['owner']) === undefined ? 'title' : 'owner'], 'key'),
      message: 'Missing `vision`, expected where the owner wants to be by the horizon, in a sentence or two: add `vision: …` below `owner`',
    };
  },
};
