import { describe, expect, test } from 'vitest';
import { codeFrame } from '../../src/diagnostics/code-frame.js';
import { createLocator } from '../../src/diagnostics/locator.js';

describe('codeFrame', () => {
  test('frames the line the locator places an offset on, with LF, CRLF or lone CR line ends', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      const text = ['title: T', 'dua: 2027', 'owner: O'].join(end);
      const offset = text.indexOf('dua');
      const frame = codeFrame(text, createLocator(text).place(offset, offset + 3));
      expect(frame, JSON.stringify(end)).toBe(['  1 | title: T', '> 2 | dua: 2027', '    | ^^^', '  3 | owner: O'].join('\n'));
    }
  });
});
