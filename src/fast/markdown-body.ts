/**
 * A plan's Markdown body read into the tree remark-parse with remark-gfm
 * gives it, every node, key and position (line, column, offset) included, in
 * a fraction of micromark's time. Pure.
 *
 * The body is cut into chunks at blank lines followed by a line that can
 * only start a new top-level block (a letter, `#`, `|`, `>`, a link, …):
 * every block is closed there, so each chunk reads alone as it reads in the
 * body. A chunk written in the plain Markdown of plans (ATX headings,
 * paragraphs, tight `-` lists and task lists, one-paragraph quotes, GFM
 * tables; text, `*emphasis*`, `**strong**` or the same with `_`, links,
 * images, autolinks and simple autolink literals) is read here; any other
 * chunk goes to micromark, its positions shifted to where it starts. The fallback rule: whatever this
 * reader does not know for certain goes to micromark. A body with anything
 * that reaches across blocks (definitions, footnotes, fenced code, HTML
 * blocks) or changes how characters count (a CR that is not part of a CR LF
 * line break, NUL, tabs, other control characters, a byte order mark) goes to
 * micromark whole. Lines may end with LF or CR LF: every offset is the
 * text's own, and text that spans lines keeps its line breaks as micromark
 * keeps them.
 */
import type { BlockContent, Heading, Yaml, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lineIndexAt, lineStartsOf } from '../diagnostics/locator.js';

const bodyMarkdown = unified().use(remarkParse).use(remarkGfm);

/** How a body was read: how many chunks it was cut into, and how many of them were read without micromark. */
export interface BodyReading {
  readonly tree: Root;
  readonly chunks: number;
  readonly fastChunks: number;
}

/** Parses Markdown with micromark alone (remark-parse and GFM), the reference `parseBody` gives the tree of. Pure. */
export function parseWithMicromark(markdown: string): Root {
  return bodyMarkdown.parse(markdown);
}

/** Parses a Markdown body into the tree `unified().use(remarkParse).use(remarkGfm).parse(body)` gives. Pure. */
export function parseBody(body: string): Root {
  return readBody(body).tree;
}

/** Parses a body as `parseBody` does and says how it was read; `fast: false` reads every chunk with micromark. Pure. */
export function readBody(body: string, fast = true): BodyReading {
  if (needsWholeParse.test(body)) return { tree: bodyMarkdown.parse(body), chunks: 1, fastChunks: 0 };
  const lines = lineStartsOf(body);
  const children: RootContent[] = [];
  let fastChunks = 0;
  const chunks = cutIntoChunks(body, lines);
  for (const [index, chunk] of chunks.entries()) {
    const read = fast ? readChunk(body, lines, chunk) : undefined;
    if (read) fastChunks++;
    const next = chunks[index + 1];
    const nodes = read ?? parseChunk(body, lines, chunk, next && lines[next.first]);
    if (!nodes) return { tree: bodyMarkdown.parse(body), chunks: 1, fastChunks: 0 };
    children.push(...nodes);
  }
  const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: pointAt(lines, body.length) } };
  return { tree, chunks: chunks.length, fastChunks };
}

/**
 * What makes a body go to micromark whole: characters that change how
 * lines, columns or text are counted, definitions and footnotes (they reach
 * across blocks), fenced code, and a line starting with `<` (an HTML block
 * may run past blank lines) unless it starts an autolink.
 */
const needsWholeParse = /[\0-\x09\x0b\x0c\x0e-\x1f\x7f\ufeff]|\r(?!\n)|```|~~~|\]:|\[\^|^[ >*+\-\d.)]*<(?!https?:)/m;

/** What makes a chunk go to micromark: characters whose meaning this reader does not model, or spaces ending a line. */
const needsChunkParse = /[~`\\&@]| (?:\r?\n|$)/;

/** A chunk: lines `first` to `last` (0-based, both included), `last` not blank. */
interface Chunk {
  readonly first: number;
  readonly last: number;
}

/** A line that, after a blank line, can only start a new top-level block and closes every open one. */
const chunkStart = /^(?:[\p{L}#|>"'(]|\d+(?![\d.)])|\*\*?[^\s*]|!\[|\[|<https?:\/\/)/u;

/** Where a line's text ends: before its LF or CR LF. */
function lineEnd(body: string, lines: readonly number[], line: number): number {
  const next = lines[line + 1];
  if (next === undefined) return body.length;
  return body.charCodeAt(next - 2) === 0x0d && next - 2 >= (lines[line] ?? 0) ? next - 2 : next - 1;
}

/** The length of the line break that starts at `offset`, the end of a line: 2 for CR LF, else 1. */
function breakLength(body: string, offset: number): number {
  return body.charCodeAt(offset) === 0x0d ? 2 : 1;
}

function isBlank(body: string, lines: readonly number[], line: number): boolean {
  for (let offset = lines[line] ?? 0, end = lineEnd(body, lines, line); offset < end; offset++) {
    if (body.charCodeAt(offset) !== 0x20) return false;
  }
  return true;
}

/** Cuts the body at blank lines followed by a line matching `chunkStart`. */
function cutIntoChunks(body: string, lines: readonly number[]): Chunk[] {
  const chunks: Chunk[] = [];
  let first = -1;
  let last = -1;
  let afterBlank = true;
  for (let line = 0; line < lines.length; line++) {
    if (isBlank(body, lines, line)) {
      afterBlank = true;
      continue;
    }
    if (first === -1) first = line;
    else if (afterBlank && chunkStart.test(body.slice(lines[line], lineEnd(body, lines, line)))) {
      chunks.push({ first, last });
      first = line;
    }
    last = line;
    afterBlank = false;
  }
  if (first !== -1) chunks.push({ first, last });
  return chunks;
}

/**
 * A chunk read by micromark, its positions moved to where it starts in the
 * body. Where another chunk follows (at `next`), the chunk is read with the
 * blank lines after it and a line `x`, whose paragraph is then dropped:
 * micromark ends some containers differently at the end of its input.
 * `undefined` (read the body whole) when the chunk's root got a field of its
 * own (mdast-util-gfm sets `checked` on the root for `[x]` starting a line
 * after an empty list item), or when the line `x` did not end up a paragraph
 * of its own.
 */
function parseChunk(body: string, lines: readonly number[], chunk: Chunk, next: number | undefined): RootContent[] | undefined {
  const start = lines[chunk.first] ?? 0;
  const tree = bodyMarkdown.parse(next === undefined ? body.slice(start) : `${body.slice(start, next)}x`);
  if (Object.keys(tree).length !== 3) return undefined;
  if (next !== undefined && tree.children.pop()?.type !== 'paragraph') return undefined;
  const moved = new Set<Point>();
  for (const child of tree.children) moveDown(child, chunk.first, start, moved);
  return tree.children;
}

type Point = NonNullable<Root['position']>['start'];

/**
 * A frontmatter fence as micromark-extension-frontmatter reads it: the
 * offsets that the parse stage's one fence detector (`findFence` in
 * stages/parse.ts) gives.
 */
export interface Fence {
  /** Where the YAML text starts: after the opening line's line break. */
  readonly valueStart: number;
  /** Where it ends: before the line break that precedes the closing line. */
  readonly valueEnd: number;
  /** Where the closing `---` starts, and where the closing line's text ends (spaces and tabs included). */
  readonly fenceStart: number;
  readonly fenceEnd: number;
  /** The closing line's number, 1-based. */
  readonly closingLine: number;
  /** Where the body starts: after the closing line's line break, or at the end of the text. */
  readonly bodyOffset: number;
}

/**
 * The tree `remark-parse` with `remark-frontmatter` and GFM gives a whole
 * file whose frontmatter is at `fence`, positions included: the `yaml` node
 * made from the fence, the body read by `readBody`, its positions moved down
 * past the block. `undefined` (let micromark read the whole file) where
 * micromark would read the block differently from its text: a NUL (which it
 * turns into U+FFFD) or a CR alone before the body, no line break after the
 * closing line, or a byte order mark first in the body (which it skips). Pure.
 */
export function readFileAfterFence(text: string, fence: Fence): Root | undefined {
  const { bodyOffset, closingLine, fenceStart, fenceEnd } = fence;
  if (bodyOffset === text.length || text.charCodeAt(bodyOffset) === 0xfeff || /\0|\r(?!\n)/.test(text.slice(0, bodyOffset))) return undefined;
  const tree = readBody(text.slice(bodyOffset)).tree;
  if (!tree.position) return undefined;
  moveDown(tree, closingLine, bodyOffset, new Set());
  const value = text.slice(fence.valueStart, Math.max(fence.valueStart, fence.valueEnd));
  const node: Yaml = { type: 'yaml', value, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: closingLine, column: fenceEnd - fenceStart + 1, offset: fenceEnd } } };
  tree.children.unshift(node);
  tree.position = { start: { line: 1, column: 1, offset: 0 }, end: tree.position.end };
  return tree;
}

/**
 * Moves every position of a tree read from part of a text down to where that
 * part starts (`lines` lines, `offset` characters in). Columns stay: the part
 * starts a line. A point shared by two nodes moves once.
 */
function moveDown(node: Root | RootContent, lines: number, offset: number, moved: Set<Point>): void {
  if (node.position) {
    for (const point of [node.position.start, node.position.end]) {
      if (moved.has(point)) continue;
      moved.add(point);
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
  }
  if ('children' in node) for (const child of node.children) moveDown(child, lines, offset, moved);
}

/** The point of an offset in the body. */
function pointAt(lines: readonly number[], offset: number): Point {
  const line = lineIndexAt(lines, offset);
  return { line: line + 1, column: offset - (lines[line] ?? 0) + 1, offset };
}

// ── blocks ──────────────────────────────────────────────────────────────────

/** A line of the body: the offsets of its first character and of its end. */
interface Line {
  readonly from: number;
  readonly to: number;
}

/** What the fast reader needs to know about the body. */
interface Source {
  readonly body: string;
  readonly lines: readonly number[];
}

/** A chunk read without micromark, or `undefined` when it holds anything the fast reader does not know. */
function readChunk(body: string, lines: readonly number[], chunk: Chunk): RootContent[] | undefined {
  const start = lines[chunk.first] ?? 0;
  const end = lineEnd(body, lines, chunk.last);
  if (needsChunkParse.test(body.slice(start, end))) return undefined;
  const source: Source = { body, lines };
  const blocks: RootContent[] = [];
  let group: Line[] = [];
  for (let line = chunk.first; line <= chunk.last + 1; line++) {
    if (line <= chunk.last && !isBlank(body, lines, line)) {
      group.push({ from: lines[line] ?? 0, to: lineEnd(body, lines, line) });
      continue;
    }
    if (group.length === 0) continue;
    const read = readGroup(source, group);
    // A list after a blank line continues the list before it, which is then loose.
    if (!read || (read[0]?.type === 'list' && blocks.at(-1)?.type === 'list')) return undefined;
    blocks.push(...read);
    group = [];
  }
  return blocks;
}

const headingLine = /^(#{1,6}) (?=\S)/;
const listLine = /^- (?:\[([ x])\] )?/;
const quoteLine = /^> /;

/** Blocks of consecutive non-blank lines: headings, then a paragraph, list, quote or table running to the end. */
function readGroup(source: Source, group: readonly Line[]): RootContent[] | undefined {
  const blocks: RootContent[] = [];
  let index = 0;
  while (index < group.length) {
    const line = group[index] as Line;
    const text = source.body.slice(line.from, line.to);
    const heading = headingLine.exec(text);
    if (heading) {
      const read = readHeading(source, line, heading[1]?.length ?? 1);
      if (!read) return undefined;
      blocks.push(read);
      index++;
      continue;
    }
    let read: RootContent | undefined;
    // A table, list or quote runs to the end of the group; only a paragraph may stop before it (at a heading), so
    // the rest of the group is copied once per group, not once per heading: 30,000 headings in a row took seconds.
    let used = group.length - index;
    if (text.startsWith('|')) read = readTable(source, group.slice(index));
    else if (text.startsWith('- ')) read = readList(source, group.slice(index));
    else if (quoteLine.test(text)) read = readQuote(source, group.slice(index));
    else {
      used = paragraphLength(source, group, index);
      read = used === 0 ? undefined : readParagraph(source, group.slice(index, index + used));
    }
    if (!read) return undefined;
    blocks.push(read);
    index += used;
  }
  return blocks;
}

/** How many lines from line `from` of `lines` make a paragraph (up to a heading); 0 when a line could start or continue another block. */
function paragraphLength(source: Source, lines: readonly Line[], from: number): number {
  let count = 0;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index] as Line;
    const text = source.body.slice(line.from, line.to);
    if (count > 0 && headingLine.test(text)) break;
    if (!chunkStart.test(text) || /^[#|>]/.test(text)) return 0;
    count++;
  }
  return count;
}

function span(source: Source, from: number, to: number): NonNullable<Root['position']> {
  return { start: pointAt(source.lines, from), end: pointAt(source.lines, to) };
}

function readHeading(source: Source, line: Line, depth: number): Heading | undefined {
  if (source.body.charCodeAt(line.to - 1) === 0x23 /* `#` */) return undefined;
  const children = readInline(source, [{ from: line.from + depth + 1, to: line.to }]);
  if (!children) return undefined;
  return { type: 'heading', depth: depth as Heading['depth'], children, position: span(source, line.from, line.to) };
}

function readParagraph(source: Source, lines: readonly Line[]): Paragraph | undefined {
  const children = readInline(source, lines);
  const first = lines[0];
  const last = lines.at(-1);
  if (!children || !first || !last) return undefined;
  return { type: 'paragraph', children, position: span(source, first.from, last.to) };
}

/** A tight `-` list of one-line items, task items among them. */
function readList(source: Source, lines: readonly Line[]): List | undefined {
  const items: ListItem[] = [];
  for (const line of lines) {
    const text = source.body.slice(line.from, line.to);
    const marker = listLine.exec(text);
    if (!marker || !chunkStart.test(text.slice(marker[0].length)) || /^[#|>]/.test(text.slice(marker[0].length))) return undefined;
    const paragraph = readParagraph(source, [{ from: line.from + marker[0].length, to: line.to }]);
    if (!paragraph) return undefined;
    const checked = marker[1] === undefined ? null : marker[1] === 'x';
    // mdast-util-gfm-task-list-item starts the paragraph after the checkbox only when it starts with text.
    if (checked !== null && paragraph.children[0]?.type !== 'text') paragraph.position = span(source, line.from + 2, line.to);
    items.push({ type: 'listItem', spread: false, checked, children: [paragraph], position: span(source, line.from, line.to) });
  }
  const first = lines[0];
  const last = lines.at(-1);
  if (!first || !last) return undefined;
  return { type: 'list', ordered: false, start: null, spread: false, children: items, position: span(source, first.from, last.to) };
}

/** A quote of one paragraph, every line starting with `> `. */
function readQuote(source: Source, lines: readonly Line[]): BlockContent | undefined {
  const inner: Line[] = [];
  for (const line of lines) {
    const text = source.body.slice(line.from, line.to);
    if (!quoteLine.test(text) || !chunkStart.test(text.slice(2)) || /^[#|>]/.test(text.slice(2))) return undefined;
    inner.push({ from: line.from + 2, to: line.to });
  }
  const paragraph = readParagraph(source, inner);
  const first = lines[0];
  const last = lines.at(-1);
  if (!paragraph || !first || !last) return undefined;
  return { type: 'blockquote', children: [paragraph], position: span(source, first.from, last.to) };
}

type Align = NonNullable<Table['align']>[number];

const delimiterRow = /^\|(?: *:?-+:? *\|)+$/;

/** A GFM table whose every row starts and ends with `|` and has as many cells as its header; no empty cells. */
function readTable(source: Source, lines: readonly Line[]): Table | undefined {
  const [head, delimiter, ...body] = lines;
  if (!head || !delimiter) return undefined;
  const delimiterText = source.body.slice(delimiter.from, delimiter.to);
  if (!delimiterRow.test(delimiterText)) return undefined;
  const align = delimiterText
    .slice(1, -1)
    .split('|')
    .map((cell): Align => {
      const trimmed = cell.trim();
      const left = trimmed.startsWith(':');
      const right = trimmed.endsWith(':');
      return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
    });
  const rows: TableRow[] = [];
  for (const line of [head, ...body]) {
    const row = readRow(source, line);
    if (!row || row.children.length !== align.length) return undefined;
    rows.push(row);
  }
  const last = lines.at(-1) ?? head;
  return { type: 'table', align, children: rows, position: span(source, head.from, last.to) };
}

/** A row: each cell runs from its leading `|` to the next one, the last to the row's end. */
function readRow(source: Source, line: Line): TableRow | undefined {
  const { body } = source;
  if (body.charCodeAt(line.from) !== 0x7c || body.charCodeAt(line.to - 1) !== 0x7c || line.to - line.from < 2) return undefined;
  const cells: TableCell[] = [];
  let pipe = line.from;
  while (pipe < line.to - 1) {
    const next = body.indexOf('|', pipe + 1);
    let from = pipe + 1;
    let to = next;
    while (from < to && body.charCodeAt(from) === 0x20) from++;
    while (to > from && body.charCodeAt(to - 1) === 0x20) to--;
    if (from === to) return undefined;
    const children = readInline(source, [{ from, to }]);
    if (!children) return undefined;
    const end = next === line.to - 1 ? line.to : next;
    cells.push({ type: 'tableCell', children, position: span(source, pipe, end) });
    pipe = next;
  }
  return { type: 'tableRow', children: cells, position: span(source, line.from, line.to) };
}

// ── inline ──────────────────────────────────────────────────────────────────

/** Inline content spread over lines: its text (lines joined by their line breaks) and where each index is in the body. */
interface Content {
  readonly text: string;
  readonly source: Source;
  readonly segments: readonly Line[];
  /** Index in `text` at which each segment starts. */
  readonly starts: readonly number[];
}

/** Phrasing content of lines, or `undefined` for anything outside the fast reader's inline whitelist. */
function readInline(source: Source, segments: readonly Line[]): PhrasingContent[] | undefined {
  const starts: number[] = [];
  let length = 0;
  for (const segment of segments) {
    starts.push(length);
    length += segment.to - segment.from + breakLength(source.body, segment.to);
  }
  // Lines are joined by their own line breaks, LF or CR LF, as micromark keeps them in the text.
  const text =
    segments.length === 1 && segments[0]
      ? source.body.slice(segments[0].from, segments[0].to)
      : segments.map((segment, index) => source.body.slice(segment.from, index === segments.length - 1 ? segment.to : segment.to + breakLength(source.body, segment.to))).join('');
  return readPhrasing({ text, source, segments, starts });
}

/** The body offset of an index of the content; an index in the line break joining two lines is at the end of the first. */
function offsetOf(content: Content, index: number): number {
  let segment = content.segments.length - 1;
  while (segment > 0 && (content.starts[segment] ?? 0) > index) segment--;
  return (content.segments[segment]?.from ?? 0) + index - (content.starts[segment] ?? 0);
}

/** Where an end index is in the body: an end just after a line break is the next line's start, before any `> `. */
function endOffsetOf(content: Content, index: number): number {
  const segment = content.starts.indexOf(index);
  const previous = content.segments[segment - 1];
  return segment > 0 && previous ? previous.to + breakLength(content.source.body, previous.to) : offsetOf(content, index);
}

function contentSpan(content: Content, from: number, to: number): NonNullable<Root['position']> {
  return span(content.source, offsetOf(content, from), endOffsetOf(content, to));
}

function textNode(content: Content, from: number, to: number): Text {
  return { type: 'text', value: content.text.slice(from, to), position: contentSpan(content, from, to) };
}

/** An inline construct read at an index, and the index after it. */
interface Read {
  readonly node: PhrasingContent;
  readonly end: number;
}

function readPhrasing(content: Content): PhrasingContent[] | undefined {
  const { text } = content;
  const nodes: PhrasingContent[] = [];
  let textStart = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    let read: Read | undefined;
    if (code === 0x2a || code === 0x5f /* `*`, `_` */) read = readEmphasis(content, index);
    else if (code === 0x5b /* `[` */) read = readLink(content, index, false);
    else if (code === 0x21 /* `!` */ && text.charCodeAt(index + 1) === 0x5b) read = readLink(content, index, true);
    else if (code === 0x3c /* `<` */) read = readAutolink(content, index);
    else if ((code === 0x68 || code === 0x48 || code === 0x77 || code === 0x57) /* `h`, `H`, `w`, `W` */ && urlStart.test(text.slice(index, index + 8))) {
      read = readLiteral(content, index);
    } else if (code === 0x5d /* `]` */) return undefined;
    else {
      index++;
      continue;
    }
    if (!read) return undefined;
    if (index > textStart) nodes.push(textNode(content, textStart, index));
    nodes.push(read.node);
    index = textStart = read.end;
  }
  if (text.length > textStart) nodes.push(textNode(content, textStart, text.length));
  return nodes;
}

const urlStart = /^(?:https?:\/\/|www\.)/i;
/** Text with nothing this reader would have to interpret: no delimiters, brackets, angle brackets or URL starts. */
const notPlain = /[*[\]<\\`_~&@]|www\.|:\/\//i;
const wordCharacter = /^[\p{L}\p{N}]$/u;

function isPlain(text: string, from: number, to: number): boolean {
  return from < to && !notPlain.test(text.slice(from, to));
}

function isBoundary(character: string | undefined): boolean {
  return character === undefined || character === ' ' || character === '\n' || character === '\r';
}

/**
 * `*text*`, `**text**`, `_text_` or `__text__` whose opening run follows a
 * space or line start and precedes a letter or digit, and whose closing run
 * of the same marker and length follows a letter or digit and precedes a
 * space, line end or `.,;:!?`: runs that can only open and only close (for
 * `_` as for `*`), around plain text.
 */
function readEmphasis(content: Content, index: number): Read | undefined {
  const { text } = content;
  const marker = text.charCodeAt(index);
  const size = text.charCodeAt(index + 1) === marker ? 2 : 1;
  if (text.charCodeAt(index + size) === marker || !isBoundary(text[index - 1]) || !wordCharacter.test(text[index + size] ?? '')) return undefined;
  const close = text.indexOf(text[index] ?? '', index + size);
  if (close === -1 || !wordCharacter.test(text[close - 1] ?? '')) return undefined;
  const closeSize = text.charCodeAt(close + 1) === marker ? 2 : 1;
  const after = text[close + closeSize];
  if (closeSize !== size || !(isBoundary(after) || '.,;:!?'.includes(after ?? ''))) return undefined;
  if (!isPlain(text, index + size, close)) return undefined;
  const children = [textNode(content, index + size, close)];
  const position = contentSpan(content, index, close + size);
  return { node: size === 1 ? { type: 'emphasis', children, position } : { type: 'strong', children, position }, end: close + size };
}

const destination = /^[A-Za-z0-9\-.~:/?#=%+,;!$]+$/;

/** `[text](url)` or `![alt](url)` with plain text, a destination of URL characters and no title. */
function readLink(content: Content, index: number, image: boolean): Read | undefined {
  const { text } = content;
  const open = image ? index + 1 : index;
  const close = text.indexOf(']', open + 1);
  if (close === -1 || !isPlain(text, open + 1, close) || /^\s|\s$/.test(text.slice(open + 1, close))) return undefined;
  if (text.charCodeAt(close + 1) !== 0x28 /* `(` */) return undefined;
  const end = text.indexOf(')', close + 2);
  const url = end === -1 ? '' : text.slice(close + 2, end);
  if (!destination.test(url)) return undefined;
  const position = contentSpan(content, index, end + 1);
  const node: PhrasingContent = image
    ? { type: 'image', title: null, url, alt: text.slice(open + 1, close), position }
    : { type: 'link', title: null, url, children: [textNode(content, open + 1, close)], position };
  return { node, end: end + 1 };
}

const autolink = /<(https?:\/\/[A-Za-z0-9\-.~:/?#=%+,;!$]*)>/y;

/** `<http://…>` or `<https://…>` of URL characters. */
function readAutolink(content: Content, index: number): Read | undefined {
  autolink.lastIndex = index;
  const match = autolink.exec(content.text);
  if (!match?.[1]) return undefined;
  const end = index + match[0].length;
  const node: PhrasingContent = { type: 'link', title: null, url: match[1], children: [textNode(content, index + 1, end - 1)], position: contentSpan(content, index, end) };
  return { node, end };
}

const domainPart = '[A-Za-z0-9-]*[A-Za-z0-9][A-Za-z0-9-]*';
const literalUrl = new RegExp(`^(?:https?://${domainPart}(?:\\.${domainPart})+|www(?:\\.${domainPart})+)(?:/[A-Za-z0-9\\-./]*)?$`);

/**
 * A GFM autolink literal, `https://…`, `http://…` or `www.…`, after a space
 * or line start, of a domain and a path of letters, digits, `-`, `.` and
 * `/`, ended by a space or line end after optional trailing `.,:;!?` (which
 * stays text). Any other word starting like a URL is refused.
 */
function readLiteral(content: Content, index: number): Read | undefined {
  const { text } = content;
  if (!isBoundary(text[index - 1])) return undefined;
  let wordEnd = index;
  while (wordEnd < text.length && !isBoundary(text[wordEnd])) wordEnd++;
  let end = wordEnd;
  while (end > index && '.,:;!?'.includes(text[end - 1] ?? '')) end--;
  const value = text.slice(index, end);
  if (!literalUrl.test(value)) return undefined;
  const url = value.startsWith('www.') ? `http://${value}` : value;
  const node: PhrasingContent = { type: 'link', title: null, url, children: [textNode(content, index, end)], position: contentSpan(content, index, end) };
  return { node, end };
}
