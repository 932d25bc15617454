import { describe, expect, test } from 'vitest';
import { chooseScale, fitScales, sliverFill, textArea, type PageMeasure } from '../../src/print/fit.js';

/** A page whose content is `pages` pages tall at scale 1 and shrinks with the scale, as printing's does. */
const flowing = (pages: number) => {
  const asked: number[] = [];
  const measure = async (scale: number): Promise<PageMeasure> => {
    asked.push(scale);
    const height = pages * scale;
    const whole = Math.ceil(height - 1e-9);
    return { pages: whole, lastFill: height - (whole - 1) };
  };
  return { measure, asked };
};

describe('chooseScale', () => {
  test('a one-page plan, or one whose last page is well filled, prints at full size after one measure', async () => {
    for (const pages of [0.4, 1, 2.6, 3.25]) {
      const { measure, asked } = flowing(pages);
      expect(await chooseScale(measure)).toBe(1);
      expect(asked).toEqual([1]);
    }
  });

  test('a last page holding a sliver is saved by the largest scale that saves it', async () => {
    expect(await chooseScale(flowing(4.05).measure)).toBe(fitScales[0]);
    expect(await chooseScale(flowing(4.15).measure)).toBe(fitScales[1]);
  });

  test('a sliver no allowed scale can save stays at full size: the type is never made smaller than about 9.5 pt', async () => {
    const { measure, asked } = flowing(2 + sliverFill - 0.01);
    expect(await chooseScale(measure)).toBe(1);
    expect(asked).toEqual([1, ...fitScales]);
    expect(Math.min(...fitScales) * 10).toBeGreaterThanOrEqual(9.5);
  });
});

describe('textArea', () => {
  test('the paper less its margins, in CSS pixels (96 to the inch)', () => {
    const a4 = textArea({ format: 'A4', margin: { top: '18mm', right: '18mm', bottom: '18mm', left: '18mm' } });
    expect(a4.width).toBeCloseTo(((210 - 36) / 25.4) * 96, 0);
    expect(a4.height).toBeCloseTo(((297 - 36) / 25.4) * 96, 0);
    const letter = textArea({ format: 'Letter', margin: { top: '1in', right: '0.5in', bottom: '1in', left: '0.5in' } });
    expect(letter).toEqual({ width: 7.5 * 96, height: 9 * 96 });
  });
});
