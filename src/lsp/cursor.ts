/**
 * Where a cursor stands in a plan's frontmatter, read from the lines above it
 * by their indentation, so it is found while the YAML is half typed: which
 * mapping it is in (the plan, a skill, a goal, a step, an opportunity…),
 * and whether it is at a key, at a key's value or at a list's item. Pure.
 */

/** A mapping of the plan format, as `mappings` in `format/schema.ts` names them; `requires` is an opportunity's skill levels. */
export type MappingName = 'plan' | 'skill' | 'goal' | 'step' | 'opportunity' | 'education' | 'requires';

/** A step of a path to the cursor: a key, or an item of a list. */
export type PathStep = string | typeof item;

/** An item of a list, in a cursor's path. */
export const item = Symbol('item');

/** What is at the cursor. */
export type Cursor =
  | { readonly at: 'key'; readonly path: readonly PathStep[]; readonly prefix: string }
  | { readonly at: 'value'; readonly path: readonly PathStep[]; readonly key: string; readonly prefix: string }
  | { readonly at: 'item'; readonly path: readonly PathStep[]; readonly prefix: string };

/** A position in a text: 0-based line and character (UTF-16 code units), as LSP has it. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/** A line of YAML as the cursor's walk reads it. */
interface YamlLine {
  /** Column of the item's `-`, when the line starts a list item. */
  readonly dash?: number;
  /** Column where the line's key (or text) starts. */
  readonly keyColumn: number;
  readonly key?: string;
  /** What follows the key's colon, comment left out. */
  readonly rest: string;
}

/** The lines of the frontmatter, 0-based: from the line after the opening `---` to the line before the closing one (or the end). Pure. */
export function frontmatterLines(text: string): { readonly first: number; readonly end: number } | undefined {
  const lines = text.split('\n').map((line) => line.replace(/\r$/u, ''));
  if (!/^---(?:yaml)?\s*$/u.test(lines[0] ?? '')) return undefined;
  const closing = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/u.test(line));
  return { first: 1, end: closing < 0 ? lines.length : closing };
}

/** Reads one line of YAML; `undefined` for a blank line or a comment. Pure. */
export function readYamlLine(line: string): YamlLine | undefined {
  const match = /^( *)(- +)?(.*)$/u.exec(line.replace(/\r$/u, ''));
  if (!match) return undefined;
  const [, lead = '', dash, content = ''] = match;
  if (content.trim() === '' && dash === undefined) return undefined;
  if (content.startsWith('#')) return undefined;
  const keyColumn = lead.length + (dash?.length ?? 0);
  const entry = /^([^\s:#'"[{][^:#]*?|"[^"]*"|'[^']*')\s*:(?:[ \t]+(.*)|$)/u.exec(content);
  const rest = (entry?.[2] ?? '').replace(/(?:^|[ \t]+)#.*$/u, '').trim();
  return { ...(dash === undefined ? {} : { dash: lead.length }), keyColumn, ...(entry?.[1] === undefined ? {} : { key: entry[1].replace(/^["']|["']$/gu, '') }), rest };
}

/** What is at `position` in `text`, when it stands in the frontmatter; `undefined` elsewhere or where the lines above do not say. Pure. */
export function cursorAt(text: string, position: TextPosition): Cursor | undefined {
  const bounds = frontmatterLines(text);
  if (!bounds || position.line < bounds.first || position.line >= bounds.end) return undefined;
  const lines = text.split('\n');
  const before = (lines[position.line] ?? '').replace(/\r$/u, '').slice(0, position.character);
  const above = lines.slice(bounds.first, position.line).map(readYamlLine);
  const match = /^( *)(- +)?(.*)$/u.exec(before);
  const [, lead = '', dash, content = ''] = match ?? [];
  const valueOf = /^([^\s:#'"[{][^:#]*?)\s*:[ \t]+(.*)$/u.exec(content);
  if (dash !== undefined) {
    const list = pathAt(above, lead.length, true);
    if (list === undefined) return undefined;
    if (valueOf?.[1] !== undefined) return { at: 'value', path: [...list, item], key: valueOf[1], prefix: valuePrefix(valueOf[2] ?? '') };
    return { at: 'item', path: list, prefix: content };
  }
  const mapping = pathAt(above, lead.length, false);
  if (mapping === undefined) return undefined;
  if (valueOf?.[1] !== undefined) return { at: 'value', path: mapping, key: valueOf[1], prefix: valuePrefix(valueOf[2] ?? '') };
  if (content.includes(':')) return undefined;
  return { at: 'key', path: mapping, prefix: content };
}

/**
 * The keys already written in the mapping whose keys stand at `column`
 * around line `line` (the cursor's, left out): the lines above up to the
 * mapping's first key, and below up to its end. Pure.
 */
export function keysAround(text: string, line: number, column: number): Set<string> {
  const bounds = frontmatterLines(text);
  const keys = new Set<string>();
  if (!bounds) return keys;
  const lines = text.split('\n');
  for (let index = line - 1; index >= bounds.first; index--) {
    const read = readYamlLine(lines[index] ?? '');
    if (read === undefined || read.keyColumn > column) continue;
    if (read.keyColumn < column) break;
    if (read.key !== undefined) keys.add(read.key);
    // The first key of a list item: the mapping starts here.
    if (read.dash !== undefined) break;
  }
  for (let index = line + 1; index < bounds.end; index++) {
    const read = readYamlLine(lines[index] ?? '');
    if (read === undefined || read.keyColumn > column) continue;
    if (read.keyColumn < column || read.dash !== undefined) break;
    if (read.key !== undefined) keys.add(read.key);
  }
  return keys;
}

/** The part of a value being typed: after an opening quote or bracket, or a flow list's last comma. */
function valuePrefix(value: string): string {
  const flow = /[[,]\s*([^,[\]]*)$/u.exec(value);
  return (flow?.[1] ?? value).replace(/^["']/u, '');
}

/**
 * The path to the mapping whose keys stand at `column` (or, `inList`, to the
 * list whose items' dashes stand there), walking up `above` (the lines
 * above the cursor, nearest last); `undefined` when the lines do not lead to
 * the top (text in a block scalar, a value where a mapping should be).
 */
function pathAt(above: ReadonlyArray<YamlLine | undefined>, column: number, inList: boolean): PathStep[] | undefined {
  const path: PathStep[] = [];
  let at = column;
  let list = inList;
  for (let index = above.length - 1; index >= 0; index--) {
    const line = above[index];
    if (line === undefined || line.keyColumn > at || (list && line.dash === at)) continue;
    if (!list && line.keyColumn === at) {
      // A sibling key, or the first key of the item this mapping is.
      if (line.dash !== undefined) {
        path.unshift(item);
        [at, list] = [line.dash, true];
      }
      continue;
    }
    if (line.key === undefined || line.rest !== '') return undefined;
    path.unshift(line.key);
    if (line.dash !== undefined) path.unshift(item);
    [at, list] = line.dash !== undefined ? [line.dash, true] : [line.keyColumn, false];
  }
  return at === 0 && !list ? path : undefined;
}

/** The mapping a path leads to, if it is one of the format's. Pure. */
export function mappingOf(path: readonly PathStep[]): MappingName | undefined {
  const shape = path.map((step) => (step === item ? '-' : step)).join('.');
  const known: Record<string, MappingName> = {
    '': 'plan',
    'skills.-': 'skill',
    'goals.-': 'goal',
    'goals.-.steps.-': 'step',
    'opportunities.-': 'opportunity',
    education: 'education',
    'opportunities.-.requires': 'requires',
  };
  return known[shape];
}
