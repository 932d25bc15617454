/**
 * How the lines of plan YAML line up: a model of the blocks open at each
 * line (the keys of a mapping at one column, the `- ` items of a list at
 * one column), enough to name the first line that lines up with none of
 * them and the column it belongs at. It reads the shapes plans are written
 * in (block mappings and lists, one-line values, `|` and `>` blocks, plain
 * text running on over several lines); it is asked only once the YAML
 * reader has found a problem. Pure.
 */

/** A line of the YAML text. */
export interface YamlLine {
  /** Offset of the line's first character in the text. */
  readonly start: number;
  /** The line without its line break. */
  readonly text: string;
  /** Its leading spaces and tabs. */
  readonly lead: string;
}

/** The lines of a text, with where each starts; a line break is LF, CR LF or CR. Pure. */
export function linesOf(text: string): YamlLine[] {
  const lines: YamlLine[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let found = breaks.exec(text); ; found = breaks.exec(text)) {
    const line = text.slice(start, found ? found.index : text.length);
    lines.push({ start, text: line, lead: /^[ \t]*/.exec(line)?.[0] ?? '' });
    if (!found) break;
    start = found.index + found[0].length;
  }
  return lines;
}

/** What a line holds: `- ` items, then maybe a key, then maybe a value. */
export interface Entry {
  /** Whether the line starts with `- `. */
  readonly item: boolean;
  /** The key after the dashes, if any. */
  readonly key?: string;
  /** The column of the key, or of what follows the dashes. */
  readonly column: number;
  /** The value after `key: ` (or after `- ` without a key), comment included; empty when it is below. */
  readonly value: string;
  /** The column the value starts at. */
  readonly valueColumn: number;
}

/** The dashes of `- ` items at the start of a line's content. */
const dashesPattern = /^(?:-(?:[ \t]+|$))*/;
/** What a key may start with: not a sign that starts something else in YAML. */
const keyStart = /^[^\s#'"[\]{},:&*!|>%@`-]|^-[^\s:#]/;

/** Reads what a line holds, with `indent` columns before its content. Pure; linear in the line's length. */
export function entryOf(content: string, indent: number): Entry {
  const dashes = dashesPattern.exec(content)?.[0] ?? '';
  const rest = content.slice(dashes.length);
  const column = indent + dashes.length;
  const colon = rest.search(/:(?=[ \t]|$)/);
  const key = colon === -1 ? undefined : trimSpaces(rest.slice(0, colon));
  if (key === undefined || !keyStart.test(key) || key.includes('#')) return { item: dashes !== '', column, value: rest, valueColumn: column };
  const after = rest.slice(colon + 1);
  const value = after.slice(after.length - after.replace(/^[ \t]+/, '').length);
  return { item: dashes !== '', key, column, value, valueColumn: indent + content.length - value.length };
}

/** Text without spaces and tabs at its end. Pure; linear. */
export function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/** A value's text without the comment after it (from a `#` after a space or tab, or at its start) and the spaces before that. Pure; linear. */
export function valueText(value: string): string {
  if (value.startsWith('#')) return '';
  const comment = value.search(/[ \t]#/);
  return trimSpaces(comment === -1 ? value : value.slice(0, comment));
}

/** A block open at a column: the keys of a mapping or the items of a list. */
export interface Block {
  readonly column: number;
  readonly kind: 'keys' | 'items';
  /** For a list, the key it is the value of; for a mapping, its first key. */
  readonly name?: string;
}

/** Where a line should stand: the block it lines up with. */
export interface Misaligned {
  /** The index of the line. */
  readonly line: number;
  /** Its indent, in columns. */
  readonly indent: number;
  /** The block it belongs to, nearest its indent. */
  readonly block: Block;
  /** What the line starts with: its key, or `-` and its key. */
  readonly label: string;
  /** The line whose text this line would run on from, were it not for the `: ` in it. */
  readonly runsOnFrom?: number;
}

/** The state after some lines. */
interface Shape {
  blocks: Block[];
  /** The column a value below the last line belongs deeper than, if that line's value is below it. */
  opener?: { column: number; key?: string } | undefined;
  /** The column deeper than which a line without a key continues the last line's text. */
  runsOn?: number | undefined;
  /** The line that text starts on. */
  runsOnFrom?: number | undefined;
  /** The quote mark of quoted text that runs on to the next lines, until a line holds it. */
  quoteOpen?: string | undefined;
  /** The column deeper than which lines are the text of a `|` or `>` block. */
  blockText?: number | undefined;
}

/** A line's content and indent, tabs counted as `tabWidth` columns. */
function measure(line: YamlLine, tabWidth: number): { indent: number; content: string } {
  const indent = [...line.lead].reduce((sum, char) => sum + (char === '\t' ? tabWidth : 1), 0);
  return { indent, content: line.text.slice(line.lead.length) };
}

/**
 * The first line, up to line `last`, that lines up with no open block
 * (tabs counted as `tabWidth` columns); `undefined` when every one does. Pure.
 */
export function firstMisaligned(lines: readonly YamlLine[], last: number, tabWidth = 1): Misaligned | undefined {
  const shape: Shape = { blocks: [] };
  for (let index = 0; index <= last && index < lines.length; index++) {
    const line = lines[index] as YamlLine;
    const { indent, content } = measure(line, tabWidth);
    const found = place(shape, index, indent, content);
    if (found) return found;
  }
  return undefined;
}

/** The blocks open before line `index` (tabs counted as one column); `undefined` when a line above lines up with none. Pure. */
export function blocksBefore(lines: readonly YamlLine[], index: number): Block[] | undefined {
  return shapeBefore(lines, index)?.blocks;
}

/** Whether line `index` would line up with the blocks above it if it had `indent` columns. Pure. */
export function linesUpAt(lines: readonly YamlLine[], index: number, indent: number): boolean {
  const shape = shapeBefore(lines, index);
  const line = lines[index];
  return shape !== undefined && line !== undefined && place(shape, index, indent, line.text.slice(line.lead.length)) === undefined;
}

/** The shape after the lines before `index`; `undefined` when one of them lines up with nothing. */
function shapeBefore(lines: readonly YamlLine[], index: number): Shape | undefined {
  const shape: Shape = { blocks: [] };
  for (let each = 0; each < index; each++) {
    const line = lines[each] as YamlLine;
    const { indent, content } = measure(line, 1);
    if (place(shape, each, indent, content)) return undefined;
  }
  return shape;
}

/** Takes one line into the shape; returns where it does not line up. */
function place(shape: Shape, index: number, indent: number, content: string): Misaligned | undefined {
  if (shape.quoteOpen !== undefined) {
    if (content.replace(/\\./g, '').includes(shape.quoteOpen)) shape.quoteOpen = undefined;
    return undefined;
  }
  if (shape.blockText !== undefined && (content === '' || indent > shape.blockText)) return undefined;
  shape.blockText = undefined;
  if (content === '' || content.startsWith('#')) return undefined;
  const entry = entryOf(content, indent);
  if (!entry.item && shape.runsOn !== undefined && indent > shape.runsOn && !/^[A-Za-z_][\w-]*$/.test(entry.key ?? '')) {
    if (entry.key === undefined) return undefined;
    // Text running on from the line above, but with `: ` in it: YAML reads a key there (a single word before the colon reads as a key too deep).
    const found = misaligned(shape.blocks, index, indent, entry);
    return found && shape.runsOnFrom !== undefined ? { ...found, runsOnFrom: shape.runsOnFrom } : found;
  }
  const { opener } = shape;
  if (shape.blocks.length === 0) {
    // The first line opens the document's block wherever it stands.
  } else if (opener && (indent > opener.column || (indent === opener.column && entry.item && opener.key !== undefined))) {
    shape.blocks = shape.blocks.filter((block) => block.column < indent || (block.column === indent && block.kind === 'keys' && entry.item));
  } else {
    const fits = fitting(shape.blocks, indent, entry.item);
    if (!fits) return misaligned(shape.blocks, index, indent, entry);
    shape.blocks = fits;
  }
  open(shape, index, indent, entry);
  return undefined;
}

/** The blocks still open when a line at `indent` lines up with one of them; `undefined` when it lines up with none. */
function fitting(blocks: readonly Block[], indent: number, item: boolean): Block[] | undefined {
  const kept = blocks.filter((block) => block.column <= indent);
  const top = kept.at(-1);
  if (top?.column !== indent) return undefined;
  if ((top.kind === 'items') === item) return kept;
  // A mapping's key after the items of a list that stands at the mapping's own column.
  const below = kept.at(-2);
  return top.kind === 'items' && below?.column === indent && below.kind === 'keys' ? kept.slice(0, -1) : undefined;
}

/** Opens the blocks line `index` starts, and notes what may follow it. */
function open(shape: Shape, index: number, indent: number, entry: Entry): void {
  const top = shape.blocks.at(-1);
  if (entry.item && !(top?.column === indent && top.kind === 'items')) {
    shape.blocks.push({ column: indent, kind: 'items', ...(shape.opener?.key !== undefined ? { name: shape.opener.key } : {}) });
  }
  if (entry.key !== undefined && !(shape.blocks.at(-1)?.column === entry.column && shape.blocks.at(-1)?.kind === 'keys')) {
    shape.blocks.push({ column: entry.column, kind: 'keys', name: entry.key });
  }
  const value = valueText(entry.value);
  const owner = entry.key !== undefined ? entry.column : indent;
  shape.opener = value === '' ? { column: owner, ...(entry.key !== undefined ? { key: entry.key } : {}) } : undefined;
  shape.blockText = /^[|>][-+0-9]*$/.test(value) ? owner : undefined;
  shape.runsOn = value !== '' && shape.blockText === undefined ? owner : undefined;
  shape.runsOnFrom = shape.runsOn !== undefined && /^[^"'[{&*!|>%@`]/.test(value) ? index : undefined;
  shape.quoteOpen = unclosedQuote(value);
}

/** The block nearest a misaligned line: one of its kind where there is one, the deeper one of two as near. */
function misaligned(blocks: readonly Block[], line: number, indent: number, entry: Entry): Misaligned | undefined {
  const kind = entry.item ? 'items' : 'keys';
  const sameKind = blocks.filter((block) => block.kind === kind);
  const candidates = sameKind.length > 0 ? sameKind : blocks;
  let best: Block | undefined;
  for (const block of candidates) {
    const distance = Math.abs(block.column - indent);
    if (!best || distance < Math.abs(best.column - indent) || (distance === Math.abs(best.column - indent) && block.column > best.column)) best = block;
  }
  if (!best) return undefined;
  const label = entry.item ? (entry.key !== undefined ? `- ${entry.key}` : '-') : (entry.key ?? entry.value.split(/\s/)[0] ?? '');
  return { line, indent, block: best, label };
}

/** The quote mark of a value that opens quoted text and does not close it on its line. */
function unclosedQuote(value: string): string | undefined {
  const mark = value[0];
  if (mark !== '"' && mark !== "'") return undefined;
  const inner = mark === '"' ? value.slice(1).replace(/\\./g, '') : value.slice(1).replace(/''/g, '');
  return inner.includes(mark) ? undefined : mark;
}
