/**
 * YAML for plans: YAML 1.2 core schema with exact source ranges, turned into
 * plain data that can never touch an object's prototype. Pure.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Range,
  type ScalarTag,
  type YAMLError,
} from 'yaml';

/** Keys that are never copied into any object, wherever they appear. */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The deepest nesting a plan may use; real plans need five levels. */
export const maxDepth = 64;

/** A problem found in the YAML text, at offsets relative to that text. */
export interface YamlProblem {
  readonly range: readonly [number, number];
  readonly message: string;
  /** The rule that names it, when it is not `yaml-syntax`. */
  readonly ruleId?: string;
}

/** A path into the plan's data: keys and list indices. */
export type DataPath = ReadonlyArray<string | number>;

/**
 * Integers are decimal without leading zeros, so `01234` stays the text it
 * looks like instead of becoming 1234 (or 668 in YAML 1.1).
 */
const decimalInt: ScalarTag = {
  identify: (value) => typeof value === 'number' && Number.isInteger(value),
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: /^[-+]?(?:0|[1-9][0-9]*)$/,
  resolve: (source) => Number(source),
};

const intTag = 'tag:yaml.org,2002:int';

/** Parses YAML text with ranges; a text too deep for the parser becomes a problem, not a crash. */
export function readYaml(text: string): { document?: Document.Parsed; problems: YamlProblem[] } {
  try {
    const document = parseDocument(text, {
      version: '1.2',
      schema: 'core',
      customTags: (tags) => [...tags.filter((tag) => typeof tag === 'object' && tag.tag !== intTag), decimalInt],
      // The reader's own check compares each key with every key before it: 20,000 keys took minutes. `duplicateKeys` does it in one pass.
      uniqueKeys: false,
      merge: false,
      prettyErrors: false,
      strict: true,
    });
    const duplicates = duplicateKeys(document).map((offset) => ({ range: [offset, offset + 1] as const, message: describeYamlError('DUPLICATE_KEY', '', keyAt(text, offset)) }));
    return { document, problems: [...document.errors.map((error) => describeError(text, error)), ...duplicates, ...document.warnings.map((warning) => describeError(text, warning))] };
  } catch (error) {
    if (error instanceof RangeError) {
      return { problems: [{ range: [0, 0], message: `Unexpected nesting too deep to read, expected at most ${maxDepth} levels` }] };
    }
    throw error;
  }
}

/** A problem the YAML reader found in `text`, in plain words. Pure. */
export function describeError(text: string, error: YAMLError): YamlProblem {
  const flow = /^Flow (sequence|mapping)/.exec(error.message);
  if (flow) {
    // A bracket never closed is reported where the reader gave up: point at the bracket, the place to change.
    const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
    const at = text.lastIndexOf(open, error.pos[0]);
    const start = at === -1 ? error.pos[0] : at;
    return {
      range: [start, start + 1],
      message: `Unexpected \`${open}\` without its closing \`${close}\`: end the list on the same line with \`${close}\`, or put the text in quotes if the \`${open}\` belongs to it`,
    };
  }
  return {
    range: [error.pos[0], Math.max(error.pos[1], error.pos[0])],
    message: describeYamlError(error.code, error.message, keyAt(text, error.pos[0])),
  };
}

/**
 * Where each key stands that repeats an earlier key of its mapping (the
 * same scalar value, as the YAML reader's own check compares them), in one
 * pass over each mapping. Pure.
 */
function duplicateKeys(document: Document.Parsed): number[] {
  const offsets: number[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) offsets.push(rangeOf(pair.key)[0]);
        else seen.add(pair.key.value);
      }
    },
  });
  return offsets;
}

/** The key that starts at an offset: the text up to its colon. */
function keyAt(text: string, offset: number): string {
  return (/^[^:\n]*/.exec(text.slice(offset, offset + 200))?.[0] ?? '').trim();
}

/** The reader's problems that plain words are known for, by the reader's code. */
const plainWords: Readonly<Record<string, string>> = {
  BAD_DQ_ESCAPE: 'Unexpected backslash in text in double quotes: write `\\\\` for a backslash, or put the text in single quotes',
  BAD_SCALAR_START: 'Unexpected sign at the start of this text: put the text in quotes',
  BAD_ALIAS: 'Unexpected `*` at the start of this text: put the text in quotes',
  BAD_DIRECTIVE: 'Unexpected line starting with `%`: put the text in quotes',
  MISSING_CHAR: 'Unexpected end of this line: a closing `]`, `}` or quote mark is missing, or the line does not line up with the ones above it',
  MULTIPLE_ANCHORS: 'Unexpected `&` at the start of this text: put the text in quotes',
  MULTIPLE_TAGS: 'Unexpected `!` at the start of this text: put the text in quotes',
  TAG_RESOLVE_FAILED: 'Unexpected `!` at the start of this text: put the text in quotes',
  UNEXPECTED_TOKEN: 'Unexpected sign here: put text that holds `: `, ` #`, `[`, `]`, `{`, `}` or a quote mark in quotes',
  MULTIPLE_DOCS: 'Unexpected second `---` in the frontmatter: keep one `---` before the keys and one after them',
};

function describeYamlError(code: string, message: string, source: string): string {
  if (code === 'DUPLICATE_KEY') return `Unexpected second key \`${source}\` in one mapping, expected each key once: remove or rename one`;
  if (/^Missing closing .quote/.test(message)) return 'Missing closing quote, expected the quoted text to end with the quote mark it starts with';
  if (message.includes('call stack')) return `Unexpected nesting too deep to read, expected at most ${maxDepth} levels`;
  if (/reserved character/.test(message)) return `${message.replace(/^Plain value cannot start with reserved character (.).*$/s, 'Unexpected `$1` at the start of this text')}: put the text in quotes`;
  const plain = plainWords[code];
  if (plain !== undefined) return plain;
  return 'careerplan cannot read this line: check that it lines up with the lines above it, and put text that holds `: ` or ` #`, or starts with a sign such as `[`, `{`, `&`, `*`, `!`, `@` or a quote mark, in quotes';
}

/** Turns a parsed YAML document into plain data: objects without a prototype, no aliases, bounded depth. */
export function toData(document: Document.Parsed): { data: unknown; problems: YamlProblem[] } {
  const problems: YamlProblem[] = [];
  const convert = (node: unknown, depth: number): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      problems.push({ range: rangeOf(node), message: `Unexpected alias \`*${node.source}\`, expected plain values: anchors and aliases are not allowed` });
      return undefined;
    }
    if (depth > maxDepth) {
      problems.push({ range: rangeOf(node), message: `Unexpected nesting deeper than ${maxDepth} levels` });
      return undefined;
    }
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1));
    if (isMap(node)) {
      const result: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        if (!isScalar(pair.key)) {
          problems.push({ range: rangeOf(pair.key), message: 'Unexpected complex key, expected a plain key such as `title`' });
          continue;
        }
        const key = String(pair.key.value);
        if (forbiddenKeys.has(key)) continue;
        result[key] = convert(pair.value, depth + 1);
      }
      return result;
    }
    return undefined;
  };
  const data = convert(document.contents, 0);
  return { data, problems };
}

/** The range of a node, or an empty range at the start when it has none. */
export function rangeOf(node: unknown): readonly [number, number] {
  const range = (node as { range?: Range | null } | null)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

/** Where a path's key and value stand in the YAML text. */
export interface Located {
  /** The key of the last path segment (absent for list items and the root). */
  readonly key?: readonly [number, number];
  /** The value, when the key has one. */
  readonly value?: readonly [number, number];
  /** The nearest mapping or list that exists on the path: where a missing key belongs. */
  readonly parent: readonly [number, number];
}

/** Finds the key and value at a path, following the document's own nodes. Pure. */
export function locate(document: Document.Parsed, path: DataPath): Located {
  let node: unknown = document.contents;
  let parent = rangeOf(node);
  let key: readonly [number, number] | undefined;
  for (const segment of path) {
    key = undefined;
    if (isMap(node)) {
      parent = rangeOf(node);
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return { parent };
      key = rangeOf(pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      parent = rangeOf(node);
      const item: unknown = node.items[segment];
      if (item === undefined) return { parent };
      node = item;
    } else {
      return { parent };
    }
  }
  const empty = isScalar(node) && node.value === null && rangeOf(node)[0] === rangeOf(node)[1];
  const value = node === null || node === undefined || empty ? undefined : rangeOf(node as Node);
  return { ...(key ? { key } : {}), ...(value ? { value } : {}), parent };
}

/** The source text of the value at a path, as the author typed it. */
export function sourceTextAt(document: Document.Parsed, text: string, path: DataPath): string | undefined {
  const { value } = locate(document, path);
  return value ? text.slice(value[0], value[1]) : undefined;
}
