import { nearest } from '../suggest.js';
import type { PlanContext, Rule, SchemaIssue } from './rule.js';

/** The shape of the plan is wrong: a missing key, a wrong type, a value outside its set. */
export const schema: Rule = {
  id: 'schema',
  severity: 'error',
  summary: 'a missing required key, a wrong type, a value outside its set',
};

const dateKeys = new Set(['created', 'reviewed']);
const periodKeys = new Set(['horizon', 'start', 'due', 'date']);

/** Words for a schema issue that no specific rule claimed. Pure. */
export function describeSchemaIssue(issue: SchemaIssue, context: PlanContext): string {
  const path = issue.path as ReadonlyArray<string | number>;
  const value = context.valueAt(path);
  const name = nameOf(path);
  const written = context.sourceText(path) ?? String(value);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectation(path, issue.expected);
      if (path.length === 0) return `Unexpected ${kindOf(value)} as frontmatter, expected a mapping of keys such as \`title\` and \`goals\``;
      if (value === undefined) return `Missing ${name}, expected ${expected}`;
      if (value === null) return `Unexpected empty ${name}, expected ${expected}`;
      const quote = expected === 'text' && (typeof value === 'number' || typeof value === 'boolean')
        ? `; put it in quotes to keep it as text: \`"${written}"\``
        : '';
      return `Unexpected ${kindOf(value)} \`${written}\` for ${name}, expected ${expected}${quote}`;
    }
    case 'too_small':
    case 'too_big': {
      if (Array.isArray(value)) return `Unexpected empty list ${name}, expected at least ${'minimum' in issue ? String(issue.minimum) : '1'} item`;
      if (typeof value === 'string') return `Unexpected empty ${name}, expected text`;
      return `Unexpected \`${written}\` for ${name}, expected a whole number from 0 to 5`;
    }
    case 'invalid_value':
      return `Unexpected \`${written}\` for ${name}, expected one of ${issue.values.map((option) => `\`${String(option)}\``).join(', ')}${didYouMean(value, issue.values)}`;
    case 'invalid_union': {
      const expected = [...new Set(issue.errors.flat().map((branch) => (branch.code === 'invalid_type' ? expectation(path, branch.expected) : undefined)))]
        .filter((word): word is string => word !== undefined);
      return value === undefined || value === null
        ? `Missing ${name}, expected ${expected.join(' or ')}`
        : `Unexpected ${kindOf(value)} \`${written}\` for ${name}, expected ${expected.join(' or ')}`;
    }
    case 'custom':
      return `Unexpected \`${written}\` for ${name}, expected ${issue.message}`;
    default:
      return `Unexpected value for ${name}: ${issue.message}`;
  }
}

/** `: did you mean \`personal\`?` for a value near one of the allowed values (in any letter case), else nothing. */
function didYouMean(value: unknown, values: readonly unknown[]): string {
  if (typeof value !== 'string') return '';
  const suggestion = nearest(value, values.map(String));
  return suggestion === undefined ? '' : `: did you mean \`${suggestion}\`?`;
}

/** Names the place of a path for a message: `` `due` `` or `` item 2 of `steps` ``. */
function nameOf(path: ReadonlyArray<string | number>): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    return `item ${last + 1} of \`${String(list)}\``;
  }
  return last === undefined ? 'frontmatter' : `\`${last}\``;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

function expectation(path: ReadonlyArray<string | number>, expected: string): string {
  const key = path[path.length - 1];
  if (typeof key === 'string' && dateKeys.has(key)) return 'a date as YYYY-MM-DD';
  if (key === 'done') return 'a date as YYYY-MM-DD or `true`';
  if (key === 'horizon' && path.length === 1) return 'a date or period (YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY) or `retirement`';
  if (typeof key === 'string' && periodKeys.has(key)) return 'a date or period: YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY';
  switch (expected) {
    case 'string': return 'text';
    case 'number':
    case 'int': return 'a whole number';
    case 'boolean': return '`true` or `false`';
    case 'object':
    case 'record': return 'a mapping of keys';
    case 'array': return 'a list';
    default: return expected;
  }
}
