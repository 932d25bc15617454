import type { Rule } from './rule.js';

/** Reported by the parse stage: a line of the frontmatter indented with a tab. */
export const tabIndent: Rule = {
  id: 'tab-indent',
  severity: 'error',
  summary: 'a line of the frontmatter indented with a tab instead of spaces',
};
