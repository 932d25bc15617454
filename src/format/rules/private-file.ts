import type { PlanContext, Report, Rule } from './rule.js';
import { reportsOf } from './local-links.js';

/** A link or image in the body or in inline Markdown (`vision`, notes, reflections) to a file whose path has a part starting with `_` or `.`, which the site never publishes. */
export const privateFile: Rule = {
  id: 'private-file',
  severity: 'error',
  summary: 'a link or image to a private file: a name starting with `_` or `.` (drafts, `.env`, `.git`)',
  check: (context: PlanContext): Iterable<Report> => reportsOf(context, 'private-file'),
};
