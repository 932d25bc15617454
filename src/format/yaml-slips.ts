/**
 * The slips authors make in YAML, each named once in plain words at the
 * place to change, and mended in memory so the rest of the plan can still
 * be read and checked: text holding `: ` without quotes (`quote-colon`), a
 * line that lines up with nothing above it (`indent`), a tab used to indent
 * (`tab-indent`). The reader's problems are taken first to last: the first
 * is named and mended, the text read again, for a bounded number of rounds;
 * what the reader finds after a slip on the same line follows from it and
 * is not named again. A problem that is none of these is named once in
 * plainer words; where it stands in a key's one-line value, reading goes on
 * as if that value were in quotes, and elsewhere it stops there. Pure.
 */
import { isNode, visit, type Document, type Range, type YAMLError } from 'yaml';
import { describeError, readYaml, type YamlProblem } from './yaml.js';
import { blocksBefore, entryOf, firstMisaligned, linesOf, linesUpAt, valueText, type Block, type Misaligned, type YamlLine } from './yaml-indent.js';
import { originOf, splice, spliceAll, unmended, type Edit, type MendedText } from './mended-text.js';

/** A slip found in the text being mended: what to say, where (offsets of that text), and how to mend it. */
export interface Slip {
  readonly ruleId: 'quote-colon' | 'indent' | 'tab-indent';
  readonly line: number;
  readonly range: readonly [number, number];
  readonly message: string;
  readonly mend: (text: MendedText) => MendedText;
}

/** The offsets of a range of the mended text in the text as written. Pure. */
export function rangeInOriginal(mended: MendedText, range: readonly [number, number]): readonly [number, number] {
  return [originOf(mended, range[0]), Math.max(originOf(mended, range[1]), originOf(mended, range[0]))];
}

/** The slip behind the reader's first problem in `text`, or `undefined` when it is none careerplan knows. Pure. */
export function slipBehind(text: string, error: YAMLError): Slip | undefined {
  const lines = linesOf(text);
  const first = lineAt(lines, error.pos[0]);
  const last = lineAt(lines, Math.max(error.pos[0], error.pos[1] - 1));
  const line = lines[first];
  if (!line) return undefined;
  if (line.lead.includes('\t')) return tabSlip(lines, first);
  const colon = colonSlip(line, first);
  if (colon) return colon;
  const misaligned = firstMisaligned(lines, last + 1);
  if (!misaligned || misaligned.line < first) return undefined;
  return misaligned.runsOnFrom !== undefined ? runOnColonSlip(lines, misaligned.runsOnFrom, misaligned.line) : indentSlip(lines, misaligned);
}

/**
 * Text that runs on over lines `from` to `to`, the last holding `: `, which
 * YAML reads as a key: the text from its start to the end of that line goes
 * in quotes (YAML joins the lines of quoted text with spaces, as it joins
 * those of plain text).
 */
function runOnColonSlip(lines: readonly YamlLine[], from: number, to: number): Slip | undefined {
  const first = lines[from];
  const last = lines[to];
  if (!first || !last) return undefined;
  const entry = entryOf(first.text.slice(first.lead.length), first.lead.length);
  const start = first.start + entry.valueColumn;
  const end = last.start + valueText(last.text).length;
  const runs = lines.slice(from, to + 1).map((line, index) => (index === 0 ? entry.value : line.text.trim()));
  const value = valueText(runs.join(' '));
  if (/["\\]/.test(value)) return undefined;
  const name = entry.key !== undefined ? `${entry.key}: ` : '- ';
  return {
    ruleId: 'quote-colon',
    line: from,
    range: [start, start + valueText(entry.value).length],
    message: `The colon in the text ${entry.key !== undefined ? `of \`${entry.key}\`` : 'of this item'}, on its line ${to - from + 1}, reads as the start of another key: put the text in quotes: \`${name}"${value}"\``,
    mend: (text) => splice(splice(text, end, 0, '"'), start, 0, '"'),
  };
}

/** The index of the line an offset stands on. */
function lineAt(lines: readonly YamlLine[], offset: number): number {
  let index = 0;
  while (index + 1 < lines.length && (lines[index + 1] as YamlLine).start <= offset) index++;
  return index;
}

/** A value that is plain text holding `: ` (or ending in `:`): the colon reads as another key. */
function colonSlip(line: YamlLine, index: number): Slip | undefined {
  const entry = entryOf(line.text.slice(line.lead.length), line.lead.length);
  if (entry.key === undefined || entry.value === '') return undefined;
  const value = valueText(entry.value);
  if (/^["'[{|>&*!%@`]/.test(value) || !/:(?:[ \t]|$)/.test(value)) return undefined;
  const start = line.start + entry.valueColumn;
  const quoted = quote(value);
  return {
    ruleId: 'quote-colon',
    line: index,
    range: [start, start + value.length],
    message: `The colon in the text of \`${entry.key}\` reads as the start of another key: put the text in quotes: \`${entry.key}: ${quoted}\``,
    mend: (text) => splice(text, start, value.length, quoted),
  };
}

/**
 * How to read on past a problem that is no known slip, when it stands in
 * the text of a key's value on one line (a value starting with `@` or a
 * backtick, text after a closing quote): the value as if it were in quotes.
 * `undefined` for anything else, where reading stops. Pure.
 */
export function quotingOfValue(text: string, error: YAMLError): { mend: (mended: MendedText) => MendedText; message?: string; range: readonly [number, number] } | undefined {
  const lines = linesOf(text);
  const line = lines[lineAt(lines, error.pos[0])];
  if (!line || line.lead.includes('\t')) return undefined;
  const entry = entryOf(line.text.slice(line.lead.length), line.lead.length);
  const value = valueText(entry.value);
  const start = line.start + entry.valueColumn;
  if (entry.key === undefined || value === '' || /^[[{|>]/.test(value) || error.pos[0] < start || error.pos[0] >= start + value.length) return undefined;
  const mend = (mended: MendedText): MendedText => splice(mended, start, value.length, quote(value));
  // A quoted part and more text after it: the reader's words would not say so.
  const afterQuote = /^(["'])(?:(?!\1).)*\1\s*\S/.test(value);
  const range = [start, start + value.length] as const;
  return afterQuote ? { mend, range, message: `Unexpected text after the closing quote in the text of \`${entry.key}\`: put the whole text in quotes: \`${entry.key}: ${quote(value)}\`` } : { mend, range };
}

/** Text in double quotes, or in single quotes when it holds a double quote or a backslash. Pure. */
export function quote(value: string): string {
  return /["\\]/.test(value) ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
}

/** A line indented with a tab: the tab becomes the spaces that line the line up with the blocks above. */
function tabSlip(lines: readonly YamlLine[], index: number): Slip {
  const line = lines[index] as YamlLine;
  const widths = [4, 8, 2, 1].map((width) => [...line.lead].reduce((sum, char) => sum + (char === '\t' ? width : 1), 0));
  const fitting = widths.find((indent) => linesUpAt(lines, index, indent));
  const misaligned = fitting === undefined ? firstMisaligned(lines, index, 4) : undefined;
  const indent = fitting ?? (misaligned?.line === index ? misaligned.block.column : undefined) ?? widths[0] ?? 0;
  const item = entryOf(line.text.slice(line.lead.length), 0).item;
  const open = blocksBefore(lines, index) ?? [];
  const block = open.findLast((each) => each.column === indent && (each.kind === 'items') === item) ?? open.findLast((each) => each.column === indent);
  const label = labelOf(line);
  const tab = line.start + line.lead.indexOf('\t');
  const lineUp = block ? `${spaces(indent)} line it up with ${blockWords(block)} above` : `use ${spaces(indent)}`;
  return {
    ruleId: 'tab-indent',
    line: index,
    range: [tab, tab + 1],
    message: `Unexpected tab before \`${label}\`: indent with spaces, not a tab (${lineUp})`,
    mend: (text) => splice(text, line.start, line.lead.length, ' '.repeat(indent)),
  };
}

/** A line that lines up with no block above it: it, the lines below it that belong to it, and its siblings at the same indent move to the nearest block's column. */
function indentSlip(lines: readonly YamlLine[], misaligned: Misaligned): Slip {
  const line = lines[misaligned.line] as YamlLine;
  const shift = misaligned.block.column - misaligned.indent;
  const start = line.start + line.lead.length;
  const { moved, siblings } = belonging(lines, misaligned);
  const how = shift > 0 ? `${spaces(shift)} further in` : `${spaces(-shift)} further out`;
  const which = siblings === 0 ? `The line \`${misaligned.label}\` is` : `The line \`${misaligned.label}\` and the ${siblings === 1 ? 'line' : `${siblings} lines`} beside it below are`;
  const above = misaligned.block.column === 0 ? 'start at the beginning of the line' : `are indented ${spaces(misaligned.block.column)}`;
  return {
    ruleId: 'indent',
    line: misaligned.line,
    range: [start, start + misaligned.label.length],
    message: `${which} indented ${spaces(misaligned.indent)}, but ${blockWords(misaligned.block)} above ${above}: ${siblings === 0 ? `line it up with them (${how})` : `move them ${how} to line them up`}`,
    mend: (text) => spliceAll(text, moved.map((index) => reindent(lines[index] as YamlLine, shift))),
  };
}

/**
 * The lines that move with a misaligned line: the lines after it at its
 * indent, of its kind (keys or items), and the lines deeper than those
 * that belong to them (below a line whose value is below it), as long as
 * none lines up with a block open above it. Counts the siblings.
 */
function belonging(lines: readonly YamlLine[], misaligned: Misaligned): { moved: number[]; siblings: number } {
  const kindOf = (line: YamlLine) => entryOf(line.text.slice(line.lead.length), line.lead.length);
  const opensBelow = (line: YamlLine): boolean => {
    const entry = kindOf(line);
    return entry.item || valueText(entry.value) === '';
  };
  const first = lines[misaligned.line] as YamlLine;
  const item = kindOf(first).item;
  const open = new Set((blocksBefore(lines, misaligned.line) ?? []).map((block) => block.column));
  const moved = [misaligned.line];
  let siblings = 0;
  let owner = first;
  for (let next = misaligned.line + 1; next < lines.length; next++) {
    const below = lines[next] as YamlLine;
    if (below.text.trim() === '') continue;
    const indent = below.lead.length;
    if (below.lead.includes('\t') || indent < misaligned.indent) break;
    if (indent === misaligned.indent && kindOf(below).item === item) {
      siblings++;
      owner = below;
    } else if (open.has(indent) || indent === misaligned.indent || !opensBelow(owner)) {
      break;
    }
    moved.push(next);
  }
  return { moved, siblings };
}

/** The edit that moves a line's content `shift` columns. */
function reindent(line: YamlLine, shift: number): Edit {
  return shift > 0 ? { start: line.start, length: 0, insert: ' '.repeat(shift) } : { start: line.start, length: Math.min(-shift, line.lead.length), insert: '' };
}

/** What a line starts with, for a message: its key, or `-` and its key. */
function labelOf(line: YamlLine): string {
  const entry = entryOf(line.text.slice(line.lead.length), 0);
  if (entry.item) return entry.key !== undefined ? `- ${entry.key}` : '-';
  return entry.key ?? line.text.trim().split(/\s/)[0] ?? '';
}

/** A block in words: the items of a list, or the keys of a mapping. */
function blockWords(block: Block): string {
  if (block.kind === 'items') return block.name !== undefined ? `the items of \`${block.name}\`` : 'the items of the list';
  return block.name !== undefined ? `\`${block.name}\` and the keys beside it` : 'the keys';
}

function spaces(count: number): string {
  return count === 1 ? '1 space' : `${count} spaces`;
}

/** The reader's first error by place, if any. */
export function firstError(document: Document.Parsed): YAMLError | undefined {
  return [...document.errors].sort((a, b) => a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1])[0];
}


/** What reading mended YAML gave: the document (its ranges in the text as written), each problem once, and whether the data can be checked. */
export interface MendedReading {
  readonly document?: Document.Parsed;
  readonly problems: readonly YamlProblem[];
  /** False when a problem was left that careerplan could not read past: the data is then a guess, not worth checking. */
  readonly readable: boolean;
  /** The text the document was read from. */
  readonly text: string;
}

/** The most slips mended in one text before the rest is left to a plain message. */
const maxRounds = 24;

/**
 * Reads YAML text, naming and mending slips one at a time (see the module's
 * comment); every range given, in problems and in the document, is in the
 * text as written. Pure.
 */
export function readYamlMended(text: string): MendedReading {
  let mended: MendedText | undefined;
  const problems: YamlProblem[] = [];
  const named = new Set<string>();
  for (let round = 0; ; round++) {
    const current = mended?.text ?? text;
    const reading = readYaml(current);
    const { document } = reading;
    const toOriginal = (range: readonly [number, number]): readonly [number, number] => (mended ? rangeInOriginal(mended, range) : range);
    if (!document) return { problems: [...problems, ...reading.problems.map((problem) => ({ ...problem, range: toOriginal(problem.range) }))], readable: false, text: current };
    const error = firstError(document);
    if (!error) {
      if (mended) remapRanges(document, mended);
      return { document, problems: [...problems, ...reading.problems.map((problem) => ({ ...problem, range: toOriginal(problem.range) }))], readable: true, text: current };
    }
    const slip = round < maxRounds ? slipBehind(current, error) : undefined;
    const next = slip?.mend(mended ?? unmended(text));
    if (!slip || !next || next.text === current) {
      // No known slip: named once in plain words; reading goes on past it only where its value can be read as text.
      const quoting = round < maxRounds ? quotingOfValue(current, error) : undefined;
      const plain = describeError(current, error);
      const said = quoting?.message !== undefined ? { message: quoting.message, range: quoting.range } : plain;
      problems.push({ message: said.message, range: toOriginal(said.range) });
      const past = quoting?.mend(mended ?? unmended(text));
      if (!past || past.text === current) {
        if (mended) remapRanges(document, mended);
        return { document, problems, readable: false, text: current };
      }
      mended = past;
      continue;
    }
    const name = `${slip.ruleId === 'quote-colon' ? 'colon' : 'indent'}:${slip.line}`;
    if (!named.has(name)) problems.push({ ruleId: slip.ruleId, range: toOriginal(slip.range), message: slip.message });
    named.add(name);
    mended = next;
  }
}

/** Moves every node's range from the mended text to the text as written. */
function remapRanges(document: Document.Parsed, mended: MendedText): void {
  const move = (range: Range): Range => [originOf(mended, range[0]), originOf(mended, range[1]), originOf(mended, range[2])];
  if (document.range) document.range = move(document.range);
  visit(document, (_, node) => {
    if (isNode(node) && node.range) node.range = move(node.range);
  });
}
