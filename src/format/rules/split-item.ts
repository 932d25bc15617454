import type { Rule } from './rule.js';

/** Reported by the parse stage: an item of a `[list]` split in two at a comma with no space after it. */
export const splitItem: Rule = {
  id: 'split-item',
  severity: 'warning',
  summary: 'an item of a `[list]` split in two at a comma inside a number or phrase (`[£9,600 tuition]`)',
};
