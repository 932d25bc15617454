import type { Rule } from './rule.js';

/** Reported by the parse stage when the frontmatter is not YAML that careerplan can read. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  severity: 'error',
  summary: 'the frontmatter is not valid YAML (or there is none, or it is not YAML)',
};
