import type { Rule } from './rule.js';

/** Reported by the parse stage: text that YAML reads otherwise than it is written: a number or true/false where text is expected (kept as written), or text cut short by a comment. */
export const quoteText: Rule = {
  id: 'quote-text',
  severity: 'warning',
  summary: 'text that YAML reads otherwise than written: as a number or true/false (`1.10`, `2027`, `True`), or cut short at ` #`',
};
