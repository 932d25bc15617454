import { isMap, isScalar, isSeq } from 'yaml';
import { mappings } from '../schema.js';
import { nearest } from '../suggest.js';
import { forbiddenKeys, rangeOf, type DataPath } from '../yaml.js';
import { hasEveryKey } from '../yaml-subset.js';
import type { PlanContext, Report, Rule } from './rule.js';

type MappingName = keyof typeof mappings | 'requires';

/** Which mapping each known key's value holds, for walking down the plan. */
const children: Partial<Record<string, { readonly mapping: MappingName; readonly list: boolean }>> = {
  'plan.skills': { mapping: 'skill', list: true },
  'plan.education': { mapping: 'education', list: false },
  'plan.goals': { mapping: 'goal', list: true },
  'plan.opportunities': { mapping: 'opportunity', list: true },
  'goal.steps': { mapping: 'step', list: true },
  'opportunity.requires': { mapping: 'requires', list: false },
};

const knownKeys = (mapping: MappingName): readonly string[] =>
  mapping === 'requires' ? [] : Object.keys(mappings[mapping].shape);

/** A key the format does not know, with the nearest known key as a hint. */
export const unknownKey: Rule = {
  id: 'unknown-key',
  severity: 'warning',
  summary: 'a key the format does not know; suggests the nearest known key',
  *check(context: PlanContext): Iterable<Report> {
    // The document is read only when the data may lack keys (`__proto__`) or merge two keys (`1` and `"1"`).
    yield* hasEveryKey(context.data) ? walkData(context, context.data, [], 'plan') : walk(context, context.document.contents, 'plan');
  },
};

/** The same walk as `walk`, over data that holds every key of the document: positions are looked up only for a report. */
function* walkData(context: PlanContext, data: unknown, path: DataPath, mapping: MappingName): Iterable<Report> {
  if (!isRecord(data)) return;
  const known = knownKeys(mapping);
  for (const [key, value] of Object.entries(data)) {
    if (!(mapping === 'requires' || known.includes(key))) {
      yield { place: context.place([...path, key], 'key'), message: unknownMessage(key, mapping, known) };
      continue;
    }
    const child = children[`${mapping}.${key}`];
    if (!child) continue;
    if (!child.list) yield* walkData(context, value, [...path, key], child.mapping);
    else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* walkData(context, item, [...path, key, index], child.mapping);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function* walk(context: PlanContext, node: unknown, mapping: MappingName): Iterable<Report> {
  if (!isMap(node)) return;
  const known = knownKeys(mapping);
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const isKnown = mapping === 'requires' ? !forbiddenKeys.has(key) : known.includes(key) && !forbiddenKeys.has(key);
    if (!isKnown) {
      const [start, end] = rangeOf(pair.key);
      yield { place: context.placeRange(start, end), message: unknownMessage(key, mapping, known) };
      continue;
    }
    const child = children[`${mapping}.${key}`];
    if (!child) continue;
    if (child.list && isSeq(pair.value)) {
      for (const item of pair.value.items) yield* walk(context, item, child.mapping);
    } else if (!child.list) {
      yield* walk(context, pair.value, child.mapping);
    }
  }
}

function unknownMessage(key: string, mapping: MappingName, known: readonly string[]): string {
  const where = mapping === 'plan' ? 'in the plan' : mapping === 'requires' ? 'in `requires`' : `in a ${mapping}`;
  if (mapping === 'requires') return `Unexpected key \`${key}\` ${where}, expected a skill id`;
  const suggestion = forbiddenKeys.has(key) ? undefined : nearest(key, known);
  return suggestion
    ? `Unknown key \`${key}\` ${where}, did you mean \`${suggestion}\`?`
    : `Unknown key \`${key}\` ${where}, expected one of ${known.map((name) => `\`${name}\``).join(', ')}`;
}
