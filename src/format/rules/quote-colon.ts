import type { Rule } from './rule.js';

/** Reported by the parse stage: text holding `: ` without quotes, which YAML reads as another key. */
export const quoteColon: Rule = {
  id: 'quote-colon',
  severity: 'error',
  summary: 'text holding a colon and a space, not in quotes (`title: Talk: our process`)',
};
