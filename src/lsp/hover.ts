/**
 * What the editor shows when the pointer rests in a plan: on a problem, the
 * rule's explanation and fix; on a key, its documentation; on a date or
 * period, the days it covers in words. Pure.
 */
import { MarkupKind, type Hover, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver/node';
import { parsePeriod, utcDate, type Period } from '../format/dates.js';
import { dateTimeFormat } from '../theme/intl.js';
import { cursorAt, frontmatterLines, item, mappingOf, readYamlLine, type TextPosition } from './cursor.js';
import type { FormatDocs } from './format-docs.js';
import { messageOf } from './diagnostics.js';

const longDay = { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' } as const satisfies Intl.DateTimeFormatOptions;
const longMonth = { timeZone: 'UTC', year: 'numeric', month: 'long' } as const satisfies Intl.DateTimeFormatOptions;

/** The hover at `position` in the plan `text`, given the diagnostics the editor has for it. Pure. */
export function hoverAt(text: string, position: TextPosition, docs: FormatDocs, diagnostics: readonly LspDiagnostic[]): Hover | undefined {
  const parts = [...problemParts(position, docs, diagnostics), ...keyParts(text, position, docs), ...dateParts(text, position)];
  return parts.length === 0 ? undefined : { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}

/** Whether `position` falls in `range` (its ends included). Pure. */
export function contains(range: Range, position: TextPosition): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

/** Each problem at the position: its message, then its rule's explanation and fix from the format's page. */
function problemParts(position: TextPosition, docs: FormatDocs, diagnostics: readonly LspDiagnostic[]): string[] {
  return diagnostics
    .filter((diagnostic) => contains(diagnostic.range, position))
    .map((diagnostic) => {
      const rule = typeof diagnostic.code === 'string' ? docs.rules.get(diagnostic.code) : undefined;
      const heading = `**\`${String(diagnostic.code)}\`**: ${messageOf(diagnostic)}`;
      return [heading, rule?.explanation, rule?.fix].filter((part) => part !== undefined && part !== '').join('\n\n');
    });
}

/** The documentation of the key under the position, from its mapping's table. */
function keyParts(text: string, position: TextPosition, docs: FormatDocs): string[] {
  const line = readYamlLine(text.split('\n')[position.line] ?? '');
  if (line?.key === undefined || position.character < line.keyColumn || position.character > line.keyColumn + line.key.length) return [];
  const cursor = cursorAt(text, { line: position.line, character: line.keyColumn });
  if (cursor === undefined) return [];
  const mapping = mappingOf(cursor.at === 'item' ? [...cursor.path, item] : cursor.path);
  const row = mapping === undefined ? undefined : docs.keys.get(mapping)?.get(line.key);
  if (row === undefined) return [];
  const facts = [row.type, `required: ${row.required}`, ...(row.fallback === '' ? [] : [`default: ${row.fallback}`])];
  return [`**\`${line.key}\`** (${mapping}): ${facts.join('; ')}\n\n${row.meaning}`];
}

/** The period under the position, as the days it covers in the plan's language. */
function dateParts(text: string, position: TextPosition): string[] {
  const bounds = frontmatterLines(text);
  if (bounds === undefined || position.line < bounds.first || position.line >= bounds.end) return [];
  const line = text.split('\n')[position.line] ?? '';
  for (const match of line.matchAll(/\d{4}(?:-Q\d|-\d{2}(?:-\d{2})?)?/gu)) {
    const start = match.index;
    if (position.character < start || position.character > start + match[0].length) continue;
    const period = parsePeriod(match[0]);
    return period === undefined ? [] : [periodInWords(period, languageOf(text, bounds.end))];
  }
  return [];
}

/** A period in words in `lang`: `April – June 2027`, with its first and last day. Pure. */
export function periodInWords(period: Period, lang: string): string {
  const first = utcDate(period.first);
  const last = utcDate(period.last);
  const days = dateTimeFormat(lang, longDay);
  const named = period.kind === 'day' ? days.format(first) : period.kind === 'year' ? period.first.slice(0, 4) : dateTimeFormat(lang, longMonth).formatRange(first, last);
  return period.kind === 'day' ? `**${named}**` : `**${named}**: ${days.formatRange(first, last)}`;
}

/** The plan's `lang`, as its frontmatter says now, else English. */
function languageOf(text: string, end: number): string {
  const written = text
    .split('\n')
    .slice(0, end)
    .map((line) => /^lang:[ \t]*["']?([A-Za-z0-9-]+)/u.exec(line)?.[1])
    .find((tag) => tag !== undefined);
  try {
    return written === undefined ? 'en' : (Intl.getCanonicalLocales(written)[0] ?? 'en');
  } catch {
    return 'en';
  }
}
