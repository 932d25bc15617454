import type { PlanContext, Report, Rule } from './rule.js';
import { reportsOf } from './local-links.js';

/** An image (in the body or in inline Markdown), `srcset`, CSS `url()` or the like that would load something from outside the site, which the page leaves out. */
export const remoteContent: Rule = {
  id: 'remote-content',
  severity: 'warning',
  summary: 'an image or other content loaded from outside the site, which the page shows as a link or leaves out',
  check: (context: PlanContext): Iterable<Report> => reportsOf(context, 'remote-content'),
};
