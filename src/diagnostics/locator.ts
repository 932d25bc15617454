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

/** Creates a locator that maps offsets in `text` to 1-based lines and columns. Pure. */
export function createLocator(text: string): Locator {
  const lineStarts = lineStartsOf(text);
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const line = lineIndexAt(lineStarts, clamped);
    return { line: line + 1, column: clamped - (lineStarts[line] ?? 0) + 1 };
  };
  const place = (startOffset: number, endOffset?: number): Place =>
    endOffset === undefined || endOffset <= startOffset
      ? { start: point(startOffset) }
      : { start: point(startOffset), end: point(endOffset) };
  return { point, place };
}
