import type { PlanContext, Report, Rule } from './rule.js';
import { reportsOf } from './local-links.js';

/** A link or image in the body or in inline Markdown (`vision`, notes, reflections) to a file of a type the site does not publish (HTML, XML, scripts…) or larger than 25 MiB. */
export const badAttachment: Rule = {
  id: 'bad-attachment',
  severity: 'error',
  summary: 'a link or image to a file of a type the site does not publish (such as HTML), or over 25 MiB',
  check: (context: PlanContext): Iterable<Report> => reportsOf(context, 'bad-attachment'),
};
