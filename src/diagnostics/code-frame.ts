import type { Place } from '../types.js';

/** The last text split into lines: a report frames many places of one plan in a row, and splitting it for each was quadratic. */
let split: { readonly text: string; readonly lines: readonly string[] } | undefined;

/** A few lines of source around a place, with the place underlined. Pure (it keeps the last text's lines). */
export function codeFrame(text: string, place: Place, paint: (style: 'dim' | 'mark', text: string) => string = (_, s) => s): string {
  if (split?.text !== text) split = { text, lines: text.split(/\r?\n/) };
  const { lines } = split;
  const { line, column } = place.start;
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const endColumn = place.end && place.end.line === line ? place.end.column : (lines[line - 1]?.length ?? 0) + 1;
  const frame: string[] = [];
  for (let number = first; number <= last; number++) {
    const content = lines[number - 1] ?? '';
    const shown = content.length > 160 ? `${content.slice(0, 157)}...` : content;
    const gutter = `${number === line ? '>' : ' '} ${String(number).padStart(width)} |`;
    frame.push(`${paint('dim', gutter)}${shown ? ` ${shown}` : ''}`);
    if (number === line) {
      const underline = '^'.repeat(Math.max(1, Math.min(endColumn, shown.length + 1) - column));
      frame.push(`${paint('dim', `  ${' '.repeat(width)} |`)} ${' '.repeat(Math.max(0, column - 1))}${paint('mark', underline)}`);
    }
  }
  return frame.join('\n');
}
