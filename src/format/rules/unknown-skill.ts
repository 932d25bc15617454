import { slugify } from '../slug.js';
import { createSuggester } from '../suggest.js';
import type { PlanContext, Report, Rule } from './rule.js';
import { goalName } from './describe.js';

/** A goal or opportunity that names a skill not in the inventory. */
export const unknownSkill: Rule = {
  id: 'unknown-skill',
  severity: 'error',
  summary: 'a goal or opportunity names a skill not in the inventory',
  *check(context: PlanContext): Iterable<Report> {
    const known = inventory(context);
    // One suggester for the plan: its budget bounds the hints of thousands of unknown names.
    const suggest = createSuggester(known);
    const message = (name: string, where: string): string => {
      const suggestion = suggest(name);
      const hint = suggestion ? `: did you mean \`${suggestion}\`?` : ': add it to `skills`, or name a skill that is there';
      return `Unknown skill \`${name}\` in ${where}, expected the id or name of a skill in \`skills\`${hint}`;
    };
    for (const [index, goal] of context.plan.goals.entries()) {
      for (const [skillIndex, name] of (goal?.skills ?? []).entries()) {
        if (known.has(name)) continue;
        yield { place: context.place(['goals', index, 'skills', skillIndex]), message: message(name, goalName(context, index)) };
      }
    }
    for (const [index, opportunity] of context.plan.opportunities.entries()) {
      for (const name of Object.keys(opportunity?.requires ?? {})) {
        if (known.has(name)) continue;
        yield {
          place: context.place(['opportunities', index, 'requires', name], 'key'),
          message: message(name, `opportunity \`${opportunity?.title ?? index + 1}\``),
        };
      }
    }
  },
};

/** The ids and names of the inventory, read from the raw data so a skill with another mistake still counts. */
function inventory(context: PlanContext): Set<string> {
  const known = new Set<string>();
  const skills = context.valueAt(['skills']);
  if (!Array.isArray(skills)) return known;
  for (const [index] of skills.entries()) {
    const name = context.valueAt(['skills', index, 'name']);
    const id = context.valueAt(['skills', index, 'id']);
    if (typeof name === 'string') known.add(name);
    if (typeof id === 'string') known.add(id);
    else if (typeof name === 'string') known.add(slugify(name));
  }
  return known;
}
