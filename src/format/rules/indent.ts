import type { Rule } from './rule.js';

/** Reported by the parse stage: a line of the frontmatter that lines up with no key or item above it. */
export const indent: Rule = {
  id: 'indent',
  severity: 'error',
  summary: 'a line of the frontmatter that lines up with no key or list item above it',
};
