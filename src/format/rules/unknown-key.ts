import { isMap, isScalar, isSeq } from 'yaml';
import { mappings } from '../schema.js';
import { createSuggester, type Suggester } from '../suggest.js';
import { forbiddenKeys, rangeOf } from '../yaml.js';
import type { PlanContext, Report, Rule } from './rule.js';
import { isRecord } from '../../lib/is-record.js';

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

/** Each mapping's known keys, listed once: the walk asks for them at every goal, step and skill. */
const knownKeyLists = new Map<MappingName, readonly string[]>(
  [...Object.keys(mappings), 'requires'].map((mapping) => [
    mapping as MappingName,
    mapping === 'requires' ? [] : Object.keys(mappings[mapping as keyof typeof mappings].shape),
  ]),
);

const knownKeys = (mapping: MappingName): readonly string[] => knownKeyLists.get(mapping) ?? [];

/** A key the format does not know, with the nearest known key as a hint. */
export const unknownKey: Rule = {
  id: 'unknown-key',
  severity: 'warning',
  summary: 'a key the format does not know; suggests the nearest known key',
  check(context: PlanContext): Iterable<Report> {
    // The document is read only when the data may lack keys (`__proto__`) or merge two keys (`1` and `"1"`).
    const message = unknownMessages();
    if (!context.dataHasEveryKey) return walk(context, context.document.contents, 'plan', message);
    const reports: Report[] = [];
    walkData(context, context.data, [], 'plan', reports, message);
    return reports;
  },
};

/**
 * The same walk as `walk`, over data that holds every key of the document: positions are looked up only for a
 * report. A plain loop rather than nested generators, with one path stack copied only for a report: every plan
 * is walked, and few have anything to report.
 */
function walkData(context: PlanContext, data: unknown, path: (string | number)[], mapping: MappingName, reports: Report[], message: UnknownMessage): void {
  if (!isRecord(data)) return;
  const known = knownKeys(mapping);
  for (const key in data) {
    if (!Object.hasOwn(data, key)) continue;
    if (!(mapping === 'requires' || known.includes(key))) {
      reports.push({ place: context.place([...path, key], 'key'), message: message(key, mapping) });
      continue;
    }
    const child = children[`${mapping}.${key}`];
    if (!child) continue;
    const value = data[key];
    path.push(key);
    if (!child.list) walkData(context, value, path, child.mapping, reports, message);
    else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        walkData(context, value[index], path, child.mapping, reports, message);
        path.pop();
      }
    }
    path.pop();
  }
}

function* walk(context: PlanContext, node: unknown, mapping: MappingName, message: UnknownMessage): Iterable<Report> {
  if (!isMap(node)) return;
  const known = knownKeys(mapping);
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const isKnown = mapping === 'requires' ? !forbiddenKeys.has(key) : known.includes(key) && !forbiddenKeys.has(key);
    if (!isKnown) {
      const [start, end] = rangeOf(pair.key);
      yield { place: context.placeRange(start, end), message: message(key, mapping) };
      continue;
    }
    const child = children[`${mapping}.${key}`];
    if (!child) continue;
    if (child.list && isSeq(pair.value)) {
      for (const item of pair.value.items) yield* walk(context, item, child.mapping, message);
    } else if (!child.list) {
      yield* walk(context, pair.value, child.mapping, message);
    }
  }
}

type UnknownMessage = (key: string, mapping: MappingName) => string;

/** The message for an unknown key, with one suggester a mapping for the whole plan, so the hints' work is bounded per plan. */
function unknownMessages(): UnknownMessage {
  const suggesters = new Map<MappingName, Suggester>();
  return (key, mapping) => {
    let suggest = suggesters.get(mapping);
    if (!suggest) suggesters.set(mapping, (suggest = createSuggester(knownKeys(mapping))));
    return unknownMessage(key, mapping, knownKeys(mapping), suggest);
  };
}

function unknownMessage(key: string, mapping: MappingName, known: readonly string[], suggest: Suggester): string {
  const where = mapping === 'plan' ? 'in the plan' : mapping === 'requires' ? 'in `requires`' : `in a ${mapping}`;
  if (mapping === 'requires') return `Unexpected key \`${key}\` ${where}, expected a skill id`;
  const suggestion = forbiddenKeys.has(key) ? undefined : suggest(key);
  return suggestion
    ? `Unknown key \`${key}\` ${where}, did you mean \`${suggestion}\`?`
    : `Unknown key \`${key}\` ${where}, expected one of ${known.map((name) => `\`${name}\``).join(', ')}`;
}
