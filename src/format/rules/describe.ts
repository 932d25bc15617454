/** Words shared by several rules' messages. Pure. */
import type { SchemaIssue } from './rule.js';
import type { PlanContext } from './rule.js';
import { slugify } from '../slug.js';

/** Names a goal for a message: its id, else its title's slug, else its position. */
export function goalName(context: PlanContext, index: number): string {
  const id = context.valueAt(['goals', index, 'id']);
  if (typeof id === 'string' && id !== '') return `goal \`${id}\``;
  const title = context.valueAt(['goals', index, 'title']);
  if (typeof title === 'string' && slugify(title) !== '') return `goal \`${slugify(title)}\``;
  return `goal ${index + 1}`;
}

/** Whether a schema issue says a value is missing (absent, or left empty). */
export function isMissing(issue: SchemaIssue, context: PlanContext): boolean {
  const value = context.valueAt(issue.path as ReadonlyArray<string | number>);
  // A missing date or period fails both branches of its union rather than one type.
  if (value === undefined || value === null) return issue.code === 'invalid_type' || issue.code === 'invalid_union';
  if (value === '') return issue.code === 'too_small';
  return false;
}

/** Whether an issue's path is `goals.<n>.<key>`. */
export function isGoalKey(issue: SchemaIssue, key: string): issue is SchemaIssue & { path: ['goals', number, string] } {
  const [list, index, name, ...rest] = issue.path;
  return list === 'goals' && typeof index === 'number' && name === key && rest.length === 0;
}
