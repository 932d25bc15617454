/**
 * A fast reader for the plain YAML that plans are written in: block mappings
 * and lists, one-line scalars, `>` and `|` blocks, one-line `[a, b]` and
 * `{ a: 1 }`. It gives the data `toData(readYaml(text).document)` gives,
 * and `undefined` for any text outside that subset or any text `readYaml`
 * would report a problem in, so the caller falls back to the full reader.
 * The full reader takes ten times as long and is only needed for positions,
 * which only a diagnostic needs. Lines may end with `\n` or `\r\n`. Pure.
 */
import { forbiddenKeys } from '../format/yaml.js';

/** Reading stops at the first thing outside the subset. */
class OutsideSubset extends Error {}

const outside = (): never => {
  throw new OutsideSubset();
};

/** The deepest nesting read here; deeper text goes to the full reader. */
const maxSubsetDepth = 32;

/**
 * Characters the subset never holds: tabs, a CR that does not end a line
 * with the LF after it, `#` (comments), spaces at the end of a line, and
 * characters YAML may refuse or that JavaScript trims but YAML keeps
 * (non-breaking and other Unicode spaces).
 */
const refused = /\r(?!\n)|[\t#\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ufffe\uffff\ud800-\udfff]| $/m;

/** A key line: a plain word that YAML reads as the same string, a colon, and the value on the line, if any. */
const keyLine = /^([A-Za-z_][\w-]*):(?: +(.*))?$/;

/** Scalars of the core schema other than strings and decimal integers, as the `yaml` package tests them. */
const nullPattern = /^(?:~|[Nn]ull|NULL)?$/;
const truePattern = /^(?:[Tt]rue|TRUE)$/;
const falsePattern = /^(?:[Ff]alse|FALSE)$/;
const floatPatterns = [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/];
/** Integers as careerplan reads them (`decimalInt` in yaml.ts). */
const intPattern = /^[-+]?(?:0|[1-9][0-9]*)$/;
/** A plain scalar may not start with an indicator; the subset also leaves out a leading `-`, `?` and `:`. */
const indicatorFirst = /^[-?:,[\]{}#&*!|>'"%@`]/;

interface Line {
  readonly indent: number;
  /** The line without its indent; empty for a blank line. */
  readonly content: string;
}

interface Reader {
  readonly lines: readonly Line[];
  /** The index of the next line to read. */
  next: number;
}

/** A line break: LF, or CR LF (a CR alone is refused). */
const lineBreak = /\r?\n/;

/**
 * The data of YAML text in the subset, or `undefined` when the text is
 * outside it. Data it gives holds every key of its document exactly once:
 * plain words, each once, none left out, so rules may walk its keys instead
 * of the document, which then need not be read at all. Pure.
 */
export function readYamlSubset(text: string): unknown {
  if (refused.test(text)) return undefined;
  const lines = text.split(lineBreak).map((line): Line => {
    const content = line.replace(/^ +/, '');
    return { indent: line.length - content.length, content };
  });
  const reader: Reader = { lines, next: 0 };
  try {
    const first = peek(reader);
    if (!first) return null;
    if (first.indent !== 0) return undefined;
    const data = readBlock(reader, 0, 0);
    return peek(reader) === undefined ? data : undefined;
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

/** The next line that is not blank, skipping blank ones. */
function peek(reader: Reader): Line | undefined {
  while (reader.lines[reader.next]?.content === '') reader.next++;
  return reader.lines[reader.next];
}

/** A mapping or a list whose lines start at `indent`. */
function readBlock(reader: Reader, indent: number, depth: number): unknown {
  if (depth > maxSubsetDepth) outside();
  const line = peek(reader);
  if (!line || line.indent !== indent) return outside();
  return isItem(line.content) ? readList(reader, indent, depth) : readMapping(reader, indent, depth, line.content);
}

const isItem = (content: string): boolean => content === '-' || content.startsWith('- ');

/** A mapping at `indent`; its first key is `firstContent`, on the next line (which may be a list item's `- key: value`). */
function readMapping(reader: Reader, indent: number, depth: number, firstContent: string): Record<string, unknown> {
  const result: Record<string, unknown> = Object.create(null);
  let content = firstContent;
  for (;;) {
    const match = keyLine.exec(content);
    const key = match?.[1] ?? outside();
    // Duplicates are an error; forbidden keys are left out of the data and reported by unknown-key from the document.
    if (!isPlainKey(key) || Object.hasOwn(result, key)) outside();
    reader.next++;
    result[key] = readValue(reader, indent, depth, match?.[2]);
    const line = peek(reader);
    if (!line || line.indent < indent) return result;
    if (line.indent > indent) return outside();
    content = line.content;
  }
}

/** A key that YAML reads as the same string and that toData keeps; YAML refuses implicit keys over 1,024 characters. */
function isPlainKey(key: string): boolean {
  return key.length <= 100 && !nullPattern.test(key) && !truePattern.test(key) && !falsePattern.test(key) && !forbiddenKeys.has(key);
}

/** A list at `indent`; it ends at a line less indented, or at a key of the mapping it stands in. */
function readList(reader: Reader, indent: number, depth: number): unknown[] {
  const result: unknown[] = [];
  for (let line = peek(reader); line && line.indent === indent && isItem(line.content); line = peek(reader)) {
    const item = line.content.slice(2);
    if (item === '' || item.startsWith(' ') || isItem(item)) outside();
    if (keyLine.test(item)) {
      // `- key: value` opens a mapping whose keys stand two columns in.
      result.push(readMapping(reader, indent + 2, depth + 1, item));
    } else {
      reader.next++;
      result.push(scalar(item));
    }
  }
  const after = peek(reader);
  if (after && after.indent > indent) outside();
  return result;
}

/** The value of a key: on its line (`rest`), a `>` or `|` block, or a block below it. */
function readValue(reader: Reader, indent: number, depth: number, rest: string | undefined): unknown {
  if (rest === '>' || rest === '|') return readBlockScalar(reader, indent, rest);
  if (rest !== undefined) return scalar(rest);
  const line = peek(reader);
  if (!line || line.indent < indent || (line.indent === indent && !isItem(line.content))) return null;
  return readBlock(reader, line.indent, depth + 1);
}

/**
 * A `>` or `|` block whose lines all stand at one indent, with no blank
 * line between them: folded, its lines joined by spaces; literal, by line
 * breaks; either way with one final line break.
 */
function readBlockScalar(reader: Reader, indent: number, style: '>' | '|'): string {
  const parts: string[] = [];
  let blankSeen = false;
  // A blank line before the first line of the block would be part of its text.
  const first = reader.lines[reader.next];
  if (!first || first.content === '' || first.indent <= indent) return outside();
  for (let line = reader.lines[reader.next]; line; line = reader.lines[reader.next]) {
    if (line.content === '') {
      blankSeen = true;
    } else if (line.indent > indent) {
      if (blankSeen || line.indent !== first.indent) outside();
      parts.push(line.content);
    } else {
      break;
    }
    reader.next++;
  }
  return `${parts.join(style === '>' ? ' ' : '\n')}\n`;
}

/** A scalar on one line: quoted, a one-line flow list or mapping, or plain. */
function scalar(text: string): unknown {
  const first = text[0];
  if (first === '"' || first === "'") return quoted(text);
  if (first === '[') return flowList(text);
  if (first === '{') return flowMapping(text);
  return plain(text);
}

/** A quoted scalar without escapes. */
function quoted(text: string): string {
  const mark = text[0] ?? '';
  const inner = text.slice(1, -1);
  if (text.length < 2 || !text.endsWith(mark) || inner.includes(mark) || inner.includes('\\')) outside();
  return inner;
}

function flowList(text: string): unknown[] {
  if (!text.endsWith(']')) outside();
  const inner = text.slice(1, -1);
  // A comma with no space after it may split one item in two: the full reader warns about it (split-item).
  if (/,(?! )/.test(inner)) outside();
  return /^ *$/.test(inner) ? [] : inner.split(',').map(flowPlain);
}

function flowMapping(text: string): Record<string, unknown> {
  if (!text.endsWith('}')) outside();
  const result: Record<string, unknown> = Object.create(null);
  const inner = text.slice(1, -1);
  if (/^ *$/.test(inner)) return result;
  for (const entry of inner.split(',')) {
    const match = keyLine.exec(entry.replace(/^ +| +$/g, ''));
    const key = match?.[1] ?? outside();
    if (!isPlainKey(key) || Object.hasOwn(result, key)) outside();
    result[key] = flowPlain(match?.[2] ?? outside());
  }
  return result;
}

/** A plain scalar inside `[]` or `{}`, where more characters are indicators. */
function flowPlain(text: string): unknown {
  const trimmed = text.replace(/^ +| +$/g, '');
  if (/[[\]{}:"']/.test(trimmed)) outside();
  return plain(trimmed);
}

/** A plain scalar: a decimal integer, `true`, `false` or text. Null, floats, and text that YAML might read otherwise go to the full reader. */
function plain(text: string): unknown {
  if (intPattern.test(text)) return Number(text);
  if (text === '' || indicatorFirst.test(text) || text.includes(': ') || text.endsWith(':')) outside();
  if (truePattern.test(text)) return true;
  if (falsePattern.test(text)) return false;
  if (nullPattern.test(text) || floatPatterns.some((pattern) => pattern.test(text))) outside();
  return text;
}

/** A range of the YAML text: `[start, end)`. */
type TextRange = readonly [number, number];

/** Where a scalar and its key stand, as `locate` (yaml.ts) gives them. */
export interface ScalarPlace {
  /** The key, for a value of a mapping. */
  readonly key?: TextRange;
  readonly value: TextRange;
}

/** A line of the text with where it starts. */
interface PlacedLine extends Line {
  readonly start: number;
}

/**
 * Where the scalar at `path` stands in text `readYamlSubset` took, without
 * reading the document: for a one-line plain or quoted scalar that is the
 * value of a key (on the key's line, or in a one-line `{ }` mapping) or an
 * item of a block list. `undefined` for any other path, which the full
 * reader then locates. Pure.
 */
export function locateSubsetScalar(text: string, path: ReadonlyArray<string | number>): ScalarPlace | undefined {
  return createSubsetLocator(text)(path);
}

/**
 * `locateSubsetScalar` for many paths of one text: the lines and each block's
 * entries and keys are read once, when first needed, so a plan with
 * thousands of messages is located in time linear in its length, not in
 * its length times its messages. Pure.
 */
export function createSubsetLocator(text: string): (path: ReadonlyArray<string | number>) => ScalarPlace | undefined {
  let placed: Placed | undefined;
  return (path) => {
    placed ??= placedLines(text);
    const { first } = placed;
    return first === -1 ? undefined : inBlock(placed, first, placed.lines[first]?.indent ?? 0, path);
  };
}

/** The lines of a text, and the blocks of it already looked at, by `line:column`. */
interface Placed {
  readonly lines: readonly PlacedLine[];
  /** The first line that is not empty; -1 for none. */
  readonly first: number;
  readonly blocks: Map<string, Block>;
}

/** A block's entries (the lines of its keys or items), and for a mapping the first line of each key. */
interface Block {
  readonly entries: readonly number[];
  keys?: Map<string, number>;
}

function placedLines(text: string): Placed {
  const lines: PlacedLine[] = [];
  const breaks = /\r?\n/g;
  let start = 0;
  for (let found = breaks.exec(text); ; found = breaks.exec(text)) {
    const line = text.slice(start, found ? found.index : text.length);
    const content = line.replace(/^ +/, '');
    lines.push({ indent: line.length - content.length, content, start });
    if (!found) break;
    start = found.index + found[0].length;
  }
  return { lines, first: lines.findIndex((line) => line.content !== ''), blocks: new Map() };
}

/** The text of a line from column `column` on. */
const from = (line: PlacedLine, column: number): string => line.content.slice(column - line.indent);

/** In the block whose first entry is at line `index`, column `column` (a list, or a mapping whose first key may follow a list item's `- `). */
function inBlock(placed: Placed, index: number, column: number, path: ReadonlyArray<string | number>): ScalarPlace | undefined {
  const { lines } = placed;
  const line = lines[index];
  const [segment, ...rest] = path;
  if (!line || segment === undefined) return undefined;
  const block = blockAt(placed, index, column);
  if (isItem(from(line, column))) {
    const item = typeof segment === 'number' ? block.entries[segment] : undefined;
    if (item === undefined) return undefined;
    const itemLine = lines[item] as PlacedLine;
    const content = from(itemLine, column + 2);
    if (keyLine.test(content)) return rest.length === 0 ? undefined : inBlock(placed, item, column + 2, rest);
    const itemStart = itemLine.start + column + 2;
    if (rest.length === 0) return scalarAt(itemStart, content);
    return rest.length === 1 && content.startsWith('{') ? inFlowMapping(itemStart, content, rest[0] as string | number) : undefined;
  }
  block.keys ??= keysOf(lines, block.entries, column);
  const entry = block.keys.get(String(segment));
  if (entry === undefined) return undefined;
  const entryLine = lines[entry] as PlacedLine;
  const match = keyLine.exec(from(entryLine, column));
  if (!match) return undefined;
  const keyStart = entryLine.start + column;
  const key: TextRange = [keyStart, keyStart + segment.toString().length];
  const value = match[2];
  if (value === undefined) return rest.length === 0 ? undefined : below(placed, entry, column, rest);
  const valueStart = entryLine.start + entryLine.indent + entryLine.content.length - value.length;
  if (rest.length === 0) {
    const place = scalarAt(valueStart, value);
    return place && { key, value: place.value };
  }
  return rest.length === 1 && value.startsWith('{') ? inFlowMapping(valueStart, value, rest[0] as string | number) : undefined;
}

/** The block at line `index`, column `column`, read once. */
function blockAt(placed: Placed, index: number, column: number): Block {
  const name = `${index}:${column}`;
  let block = placed.blocks.get(name);
  if (!block) placed.blocks.set(name, (block = { entries: entriesOf(placed.lines, index, column) }));
  return block;
}

/** The first line of each key of a mapping's entries. */
function keysOf(lines: readonly PlacedLine[], entries: readonly number[], column: number): Map<string, number> {
  const keys = new Map<string, number>();
  for (const entry of entries) {
    const key = keyLine.exec(from(lines[entry] as PlacedLine, column))?.[1];
    if (key !== undefined && !keys.has(key)) keys.set(key, entry);
  }
  return keys;
}

/** The lines of a block's entries: its keys, or its items, at `column`. */
function entriesOf(lines: readonly PlacedLine[], index: number, column: number): number[] {
  const list = isItem(from(lines[index] as PlacedLine, column));
  const entries = [index];
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next] as PlacedLine;
    if (line.content === '' || line.indent > column) continue;
    if (line.indent < column) break;
    // At the block's column, a mapping's key may have a list as its value: its items are not keys.
    if (isItem(line.content) === list) entries.push(next);
    else if (list) break;
  }
  return entries;
}

/** The value of a key with nothing on its line: the block below it. */
function below(placed: Placed, index: number, column: number, path: ReadonlyArray<string | number>): ScalarPlace | undefined {
  const { lines } = placed;
  let next = index + 1;
  while (lines[next]?.content === '') next++;
  const line = lines[next];
  if (!line || line.indent < column || (line.indent === column && !isItem(line.content))) return undefined;
  return inBlock(placed, next, line.indent, path);
}

/** A key's value in a one-line `{ key: value, … }` mapping starting at `start`. */
function inFlowMapping(start: number, text: string, segment: string | number): ScalarPlace | undefined {
  let offset = start + 1;
  for (const entry of text.slice(1, -1).split(',')) {
    const leading = entry.length - entry.replace(/^ +/, '').length;
    const trimmed = entry.replace(/^ +| +$/g, '');
    const match = keyLine.exec(trimmed);
    if (match?.[1] === String(segment) && match[2] !== undefined) {
      const keyStart = offset + leading;
      const valueStart = keyStart + trimmed.length - match[2].length;
      return { key: [keyStart, keyStart + match[1].length], value: [valueStart, keyStart + trimmed.length] };
    }
    offset += entry.length + 1;
  }
  return undefined;
}

/** A one-line plain or quoted scalar at `start`; none for a flow collection or a block scalar. */
function scalarAt(start: number, text: string): ScalarPlace | undefined {
  if (text === '' || text === '>' || text === '|' || text.startsWith('[') || text.startsWith('{')) return undefined;
  return { value: [start, start + text.length] };
}
