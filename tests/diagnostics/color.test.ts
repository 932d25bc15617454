import { describe, expect, test } from 'vitest';
import { wantsColor } from '../../src/diagnostics/color.js';

describe('wantsColor', () => {
  test('a terminal gets colours, anything else none, unless the environment says otherwise', () => {
    expect(wantsColor({}, {}, true)).toBe(true);
    expect(wantsColor({}, {}, false)).toBe(false);
  });

  test('FORCE_COLOR empty, 1, 2 or 3 turns colours on without a terminal; 0 or false turns them off on one', () => {
    for (const value of ['', '1', '2', '3', 'true']) expect(wantsColor({}, { FORCE_COLOR: value }, false), value).toBe(true);
    for (const value of ['0', 'false', 'FALSE']) expect(wantsColor({}, { FORCE_COLOR: value }, true), value).toBe(false);
  });

  test('NO_COLOR (not empty) beats FORCE_COLOR; the flags beat both', () => {
    expect(wantsColor({}, { NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(wantsColor({}, { NO_COLOR: '', FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor({ color: true }, { NO_COLOR: '1', FORCE_COLOR: '0' }, false)).toBe(true);
    expect(wantsColor({ 'no-color': true }, { FORCE_COLOR: '3' }, true)).toBe(false);
  });
});
