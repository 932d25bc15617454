import type { Finding } from '../../types.js';
import { reservedSlugs } from '../slug.js';
import type { PlanName, Rule } from './rule.js';

/** A plan whose output name is one the site keeps for its own files (`assets`). */
export const reservedName: Rule = {
  id: 'reserved-name',
  severity: 'error',
  // A page built into the site's own folder would sit among its assets: no config may let it through.
  fixed: true,
  summary: 'a plan whose output name the site uses for its own files (`assets`)',
  *checkAll(plans: ReadonlyArray<PlanName>): Iterable<Finding> {
    for (const plan of plans) {
      if (!reservedSlugs.has(plan.slug)) continue;
      yield {
        file: plan.path,
        place: { start: { line: 1, column: 1 } },
        ruleId: 'reserved-name',
        message: `Unexpected plan with the output name \`${plan.slug}\`, which the site keeps for its own files, expected another name: rename the file`,
      };
    }
  },
};
