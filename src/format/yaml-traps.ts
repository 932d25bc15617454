/**
 * YAML that reads without a problem but not as the author meant it, found
 * where the plan format expects text: an item of a `[flow, list]` split at
 * a comma inside a number or a phrase (`split-item`), and a value YAML
 * reads as a number or true/false (`1.10` as 1.1, `2027`, `True`) where the
 * format expects text, which careerplan keeps exactly as written, and text
 * cut short by a ` #` that starts a comment (`quote-text`); and a list item
 * of text holding `: `, which YAML reads as a mapping with one key
 * (`quote-colon`, read as the text meant). Each message shows the form in
 * quotes. Which keys
 * expect text comes from the format's JSON Schema, the one source of what a
 * plan may hold. Pure.
 */
import { isMap, isScalar, isSeq, Scalar, type Document, type Node, type YAMLSeq } from 'yaml';
import { precomputed } from './precomputed.js';
import { planJsonSchema } from './schema.js';
import { quote } from './yaml-slips.js';
import { rangeOf, type DataPath, type YamlProblem } from './yaml.js';

/** A JSON Schema node, as far as these checks read it. */
interface SchemaNode {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
}

/** A value to keep as the text the author wrote. */
export interface KeptText {
  readonly path: DataPath;
  readonly text: string;
}

/** What the traps of a document are: warnings, and the values kept as text. */
export interface Traps {
  readonly problems: readonly YamlProblem[];
  readonly texts: readonly KeptText[];
}

let planSchemaNode: SchemaNode | undefined;

/** The plan's JSON Schema, made once (in a bundle, when careerplan was built). */
function planNode(): SchemaNode {
  planSchemaNode ??= (precomputed.planJsonSchema ?? planJsonSchema()) as SchemaNode;
  return planSchemaNode;
}

/** The options of a schema node: its `anyOf`, or itself. */
const optionsOf = (node: SchemaNode | undefined): readonly SchemaNode[] => (node ? (node.anyOf ?? [node]) : []);

/** Whether a value here is free text: a string without a fixed set or pattern, and no number or true/false allowed. */
function expectsText(node: SchemaNode | undefined): boolean {
  const options = optionsOf(node);
  const text = options.some((option) => option.type === 'string' && option.enum === undefined && option.pattern === undefined);
  return text && !options.some((option) => option.type === 'number' || option.type === 'integer' || option.type === 'boolean');
}

/** The schema of a mapping's key, or of a list's items. */
function childOf(node: SchemaNode | undefined, kind: 'object' | 'array', key?: string): SchemaNode | undefined {
  const option = optionsOf(node).find((each) => each.type === kind);
  if (!option) return undefined;
  if (kind === 'array') return option.items;
  const named = key !== undefined ? option.properties?.[key] : undefined;
  return named ?? (typeof option.additionalProperties === 'object' ? option.additionalProperties : undefined);
}

/**
 * The traps of a plan's YAML document; `text` is the YAML text its ranges
 * point into. A list item meant as text (`- Call Anna: ask`) is replaced by
 * that text in the document itself; everything else is left to `keepTexts`.
 */
export function findTraps(document: Document.Parsed, text: string): Traps {
  const problems: YamlProblem[] = [];
  const texts: KeptText[] = [];
  const walk = (node: unknown, schema: SchemaNode | undefined, path: DataPath, key: string | undefined): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        walk(pair.value, childOf(schema, 'object', name), [...path, name], name);
      }
    } else if (isSeq(node)) {
      if (node.flow) problems.push(...splitItems(node, text));
      const itemSchema = childOf(schema, 'array');
      node.items.forEach((item, index) => {
        const asText = colonItem(item, itemSchema, text);
        if (!asText) return walk(item, itemSchema, [...path, index], undefined);
        // The item the author meant as text becomes that text, in the document (which rules walk) and in the data.
        node.items[index] = asText.scalar;
        texts.push({ path: [...path, index], text: asText.scalar.value });
        problems.push(asText.problem);
      });
    } else if (isScalar(node) && expectsText(schema)) {
      const kept = keptText(node, text);
      if (kept) {
        texts.push({ path, text: kept.text });
        problems.push(kept.problem);
      }
      const cut = cutByComment(node, text, key);
      if (cut) problems.push(cut);
    }
  };
  walk(document.contents, planNode(), [], undefined);
  // A piece of a split item is named by the split's warning alone.
  const splits = problems.filter((problem) => problem.ruleId === 'split-item');
  const inSplit = (problem: YamlProblem): boolean =>
    problem.ruleId !== 'split-item' && splits.some((split) => problem.range[0] >= split.range[0] && problem.range[1] <= split.range[1]);
  return { problems: problems.filter((problem) => !inSplit(problem)), texts };
}

/** Whether a one-key mapping `key: value` stands where text is expected: text alone, or text or a mapping without that key (a step). */
function meantAsText(schema: SchemaNode | undefined, key: string): boolean {
  const options = optionsOf(schema);
  const text = options.some((option) => option.type === 'string' && option.enum === undefined && option.pattern === undefined);
  return text && options.every((option) => option.type !== 'object' || option.properties?.[key] === undefined);
}

/**
 * A list item `- Call Anna: ask about the role` where text is expected:
 * YAML reads a mapping with one key, the author meant the text. The text as
 * a scalar standing where the mapping stood, and an error that says to quote it.
 */
function colonItem(item: unknown, schema: SchemaNode | undefined, text: string): { scalar: Scalar<string>; problem: YamlProblem } | undefined {
  if (!isMap(item) || item.items.length !== 1) return undefined;
  const [pair] = item.items;
  if (!pair || !isScalar(pair.key) || pair.key.type !== 'PLAIN' || !isScalar(pair.value) || pair.value.type !== 'PLAIN' || pair.value.value === null) return undefined;
  const start = rangeOf(pair.key)[0];
  const end = rangeOf(pair.value)[1];
  const written = text.slice(start, end);
  if (/[\r\n]/.test(written) || !meantAsText(schema, String(pair.key.value))) return undefined;
  const scalar = new Scalar(written);
  scalar.range = [start, end, end];
  return {
    scalar,
    problem: {
      ruleId: 'quote-colon',
      range: [start, end],
      message: `The colon in \`${written}\` reads as the start of a key: put the text in quotes: \`- ${quote(written)}\``,
    },
  };
}

/** Plain text followed on its line by ` #` and a word: YAML ends the text there and reads the rest as a comment. */
function cutByComment(node: Scalar, text: string, key: string | undefined): YamlProblem | undefined {
  if (node.type !== 'PLAIN') return undefined;
  const range = rangeOf(node);
  const commentAfter = /[ \t]+#[^\s#][^\r\n]*/y;
  commentAfter.lastIndex = range[1];
  const comment = commentAfter.exec(text);
  if (!comment) return undefined;
  const written = text.slice(range[0], range[1]) + comment[0];
  const quoted = key !== undefined ? `${key}: ${quote(written)}` : quote(written);
  return {
    ruleId: 'quote-text',
    range: [range[0], range[1] + comment[0].length],
    message: `The \`#\` in \`${written}\` starts a comment, so the text ends before it: if it belongs to the text, put the text in quotes: \`${quoted}\``,
  };
}

/** Whether plain data holds a number, true/false or a one-key mapping where the format expects text: such data must be read with its document. Pure. */
export function holdsValueForText(data: unknown, schema: SchemaNode | undefined = planNode()): boolean {
  if (Array.isArray(data)) return data.some((item) => holdsValueForText(item, childOf(schema, 'array')));
  if (data !== null && typeof data === 'object') {
    const keys = Object.keys(data);
    if (keys.length === 1 && meantAsText(schema, keys[0] ?? '')) return true;
    return Object.entries(data).some(([name, value]) => holdsValueForText(value, childOf(schema, 'object', name)));
  }
  return (typeof data === 'number' || typeof data === 'boolean') && expectsText(schema);
}

/** A number or true/false where text is expected: the text as written, and a warning that shows it in quotes. */
function keptText(node: Scalar, text: string): { text: string; problem: YamlProblem } | undefined {
  const { value } = node;
  if (typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const range = rangeOf(node);
  const written = text.slice(range[0], range[1]);
  const reading = typeof value === 'boolean' ? `the yes/no value ${String(value)}` : String(value) === written ? 'a number' : `the number ${String(value)}`;
  return {
    text: written,
    problem: {
      ruleId: 'quote-text',
      range: [range[0], range[1]],
      message: `Unexpected \`${written}\` read as ${reading} where text is expected: careerplan keeps the text as you wrote it, but other programs may not; put it in quotes: \`${quote(written)}\``,
    },
  };
}

/**
 * Items of a one-line `[list]` that a comma with no space after it split
 * from each other, where the pieces look like one item: digits on both
 * sides (`£9,600`), or a piece that is a phrase (`Half of £9`). Compact
 * lists of single words (`[sql,python]`) are left alone.
 */
function splitItems(list: YAMLSeq, text: string): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const items = list.items.filter((item): item is Scalar => isScalar(item) && item.type === 'PLAIN');
  if (items.length !== list.items.length) return problems;
  let run: Scalar[] = [];
  const flush = (): void => {
    if (run.length > 1) problems.push(splitProblem(list, run, text));
    run = [];
  };
  for (const [index, item] of items.entries()) {
    const previous = items[index - 1];
    const joined = previous !== undefined && text.slice(rangeOf(previous)[1], rangeOf(item)[0]) === ',' && looksJoined(sourceOf(previous, text), sourceOf(item, text));
    if (!joined) flush();
    run.push(item);
  }
  flush();
  return problems;
}

/** Whether two pieces split at a comma with no space look like one item. */
function looksJoined(before: string, after: string): boolean {
  return (/\d$/.test(before) && /^\d/.test(after)) || /\s/.test(before) || /\s/.test(after);
}

const sourceOf = (node: Node, text: string): string => text.slice(rangeOf(node)[0], rangeOf(node)[1]);

/** The warning for items split from each other: the pieces, and the list with them joined in quotes. */
function splitProblem(list: YAMLSeq, run: readonly Scalar[], text: string): YamlProblem {
  const start = rangeOf(run[0])[0];
  const end = rangeOf(run.at(-1))[1];
  const whole = text.slice(start, end);
  const listRange = rangeOf(list);
  const listText = text.slice(listRange[0], listRange[1]);
  const fixed = `${listText.slice(0, start - listRange[0])}${quote(whole)}${listText.slice(end - listRange[0])}`;
  const pieces = run.map((item) => `\`${sourceOf(item, text)}\``).join(' and ');
  return {
    ruleId: 'split-item',
    range: [start, end],
    message: `The comma in \`${whole}\` splits it into ${run.length} items, ${pieces}: if it is one item, put it in quotes: \`${fixed}\``,
  };
}

/** Puts the texts kept as written into plain data, in place. */
export function keepTexts(data: unknown, texts: readonly KeptText[]): void {
  for (const { path, text } of texts) {
    let parent: unknown = data;
    for (const segment of path.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[segment] : undefined;
    const last = path.at(-1);
    if (parent !== null && typeof parent === 'object' && last !== undefined) (parent as Record<string | number, unknown>)[last] = text;
  }
}
