import { location } from 'vfile-location';
import type { Locator, Place, Point } from '../types.js';

/** The offsets at which the lines of `text` start. Pure. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** The 0-based index of the line (of `starts`, from `lineStartsOf`) that holds `offset`. Pure. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Creates a locator that maps offsets in `text` to 1-based lines and columns,
 * counting line ends as remark does (`\n`, `\r\n` and a lone `\r`), so a
 * frontmatter message and a body message of one file are placed alike. Pure.
 */
export function createLocator(text: string): Locator {
  const where = location(text);
  const point = (offset: number): Point => {
    const found = where.toPoint(Math.max(0, Math.min(offset, text.length)));
    return found ? { line: found.line, column: found.column } : { line: 1, column: 1 };
  };
  const place = (startOffset: number, endOffset?: number): Place =>
    endOffset === undefined || endOffset <= startOffset
      ? { start: point(startOffset) }
      : { start: point(startOffset), end: point(endOffset) };
  return { point, place };
}
