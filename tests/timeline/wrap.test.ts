import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { estimateTextWidth } from '../../src/timeline/text-width.js';
import { wrapText } from '../../src/timeline/wrap.js';
import { property } from '../support/property.js';

describe('wrapText', () => {
  test('text that fits stays one line', () => {
    expect(wrapText('Find a mentor', 200, 12, 3)).toEqual(['Find a mentor']);
  });

  test('breaks at spaces, each line within the width', () => {
    const lines = wrapText('Grow into a team lead role at the company by the end of next year', 150, 12, 3);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimateTextWidth(line, 12)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe('Grow into a team lead role at the company by the end of next year');
  });

  test('a word wider than the line is split with a hyphen at the end of each piece but the last', () => {
    const lines = wrapText('Fortbildungskostenübernahmevereinbarung', 120, 12, 5);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((line) => line.endsWith('-'))).toBe(true);
    expect(lines.map((line) => line.replace(/-$/, '')).join('')).toBe('Fortbildungskostenübernahmevereinbarung');
  });

  test('beyond the last allowed line, the rest is cut with an ellipsis', () => {
    const lines = wrapText('one two three four five six seven eight nine ten eleven twelve', 60, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });

  test('any text: at most the lines allowed, each within the width, nothing but the ellipsis added', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.integer({ min: 40, max: 240 }), fc.integer({ min: 1, max: 3 }), (text, width, max) => {
        const lines = wrapText(text, width, 12, max);
        expect(lines.length).toBeLessThanOrEqual(max);
        for (const line of lines) expect(estimateTextWidth(line, 12)).toBeLessThanOrEqual(width + 0.001);
        if (!lines.at(-1)?.endsWith('…')) expect(lines.join('').replace(/[-\s]/g, '')).toBe(text.replace(/[-\s]/g, ''));
      }),
      property(100),
    );
  });
});
