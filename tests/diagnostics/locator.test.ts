import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { createLocator } from '../../src/diagnostics/locator.js';

describe('createLocator', () => {
  test('places an offset on the line and column remark gives, with LF, CRLF or lone CR line ends', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      const text = ['# One', '', 'Two *words*', '', '- three'].join(end);
      const locator = createLocator(text);
      const tree = unified().use(remarkParse).parse(text);
      for (const node of tree.children) {
        const { start, end: last } = node.position ?? {};
        if (!start?.offset || !last?.offset) continue;
        expect(locator.place(start.offset, last.offset), JSON.stringify(end)).toEqual({ start: { line: start.line, column: start.column }, end: { line: last.line, column: last.column } });
      }
    }
  });

  test('clamps offsets outside the text to its ends, and an empty range is a point', () => {
    const locator = createLocator('ab\ncd');
    expect(locator.point(-5)).toEqual({ line: 1, column: 1 });
    expect(locator.point(99)).toEqual({ line: 2, column: 3 });
    expect(locator.place(3, 3)).toEqual({ start: { line: 2, column: 1 } });
  });
});
