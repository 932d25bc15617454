import type { PlanContext, Report, Rule } from './rule.js';
import { reportsOf } from './local-links.js';

/** A local link or image in the body or in inline Markdown (`vision`, notes, reflections) to a missing file, a folder, a pipe or device, or a file outside the plans folder. */
export const brokenLink: Rule = {
  id: 'broken-link',
  severity: 'error',
  summary: 'a local link or image in the body, `vision`, a note or a reflection to a missing file, a folder or something else that is not a file, or outside the plans folder',
  check: (context: PlanContext): Iterable<Report> => reportsOf(context, 'broken-link'),
};
