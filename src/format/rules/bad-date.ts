import type { RuleParams } from '../schema.js';
import type { Rule } from './rule.js';

/** Not a real calendar date or period; the schema's date types raise it. */
export const badDate: Rule = {
  id: 'bad-date',
  severity: 'error',
  summary: 'not a real calendar date or period (2027-02-30, 2027-13, 2027-Q5)',
  claims(issue) {
    if (issue.code !== 'custom') return undefined;
    const params = issue.params as Partial<RuleParams> | undefined;
    return params?.ruleId === 'bad-date' ? issue.message : undefined;
  },
};
