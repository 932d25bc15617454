import type { Locator, Place, Point } from '../types.js';

/** Creates a locator that maps offsets in `text` to 1-based lines and columns. Pure. */
export function createLocator(text: string): Locator {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - (lineStarts[low] ?? 0) + 1 };
  };
  const place = (startOffset: number, endOffset?: number): Place =>
    endOffset === undefined || endOffset <= startOffset
      ? { start: point(startOffset) }
      : { start: point(startOffset), end: point(endOffset) };
  return { point, place };
}
