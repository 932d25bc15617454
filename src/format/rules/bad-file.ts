import type { Rule } from './rule.js';

/** Reported when a plan file cannot be read as text: too large, binary, or not UTF-8. */
export const badFile: Rule = {
  id: 'bad-file',
  severity: 'error',
  summary: 'the file is over 1 MiB, binary, or not UTF-8 text',
};
