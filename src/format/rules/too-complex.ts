import type { Rule } from './rule.js';

/** Reported by the parse stage for input shaped to make parsers slow or crash. */
export const tooComplex: Rule = {
  id: 'too-complex',
  severity: 'error',
  summary: 'the body nests quotes or lists too deeply, or has thousands of emphasis markers in a row',
};
