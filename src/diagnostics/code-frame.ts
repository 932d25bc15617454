import type { Place } from '../types.js';
import { visible } from './terminal-text.js';

/** The widest source line a frame shows, in characters as shown. */
const shownWidth = 160;

/** The last text split into lines: a report frames many places of one plan in a row, and splitting it for each was quadratic. */
let split: { readonly text: string; readonly lines: readonly string[] } | undefined;

/** A few lines of source around a place, with the place underlined; control characters shown as escapes (see `visible`), the underline under what they show. Pure (it keeps the last text's lines). */
export function codeFrame(text: string, place: Place, paint: (style: 'dim' | 'mark', text: string) => string = (_, s) => s): string {
  // Line ends as remark and `createLocator` count them: LF, CRLF and a lone CR.
  if (split?.text !== text) split = { text, lines: text.split(/\r\n|\r|\n/) };
  const { lines } = split;
  const { line, column } = place.start;
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const endColumn = place.end && place.end.line === line ? place.end.column : (lines[line - 1]?.length ?? 0) + 1;
  const frame: string[] = [];
  for (let number = first; number <= last; number++) {
    const raw = lines[number - 1] ?? '';
    // Only what is shown is escaped: a plan of one long line with many messages would otherwise escape it again for each.
    const content = visible(raw.slice(0, shownWidth + 1));
    const shown = content.length > shownWidth ? `${content.slice(0, shownWidth - 3)}...` : content;
    const gutter = `${number === line ? '>' : ' '} ${String(number).padStart(width)} |`;
    frame.push(`${paint('dim', gutter)}${shown ? ` ${shown}` : ''}`);
    if (number === line) {
      // Columns count the line's own characters; an escape shows one as six.
      const start = visible(raw.slice(0, Math.min(shownWidth + 1, Math.max(0, column - 1)))).length + 1;
      const end = visible(raw.slice(0, Math.min(shownWidth + 1, Math.max(0, endColumn - 1)))).length + 1;
      const underline = '^'.repeat(Math.max(1, Math.min(end, shown.length + 1) - start));
      frame.push(`${paint('dim', `  ${' '.repeat(width)} |`)} ${' '.repeat(Math.max(0, start - 1))}${paint('mark', underline)}`);
    }
  }
  return frame.join('\n');
}
