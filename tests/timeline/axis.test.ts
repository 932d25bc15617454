import type { Root } from 'hast';
import { describe, expect, test } from 'vitest';
import type { PlanModel } from '../../src/stages/model.js';
import { renderTimeline } from '../../src/timeline/index.js';
import { layoutTimeline } from '../../src/timeline/layout.js';
import { fontSizes } from '../../src/timeline/style.js';
import { estimateTextWidth } from '../../src/timeline/text-width.js';
import { all, num, one, parseSvg, visibleText } from './svg.js';
import { englishText, oneYear, plan, sixWeeks, tenYears } from './support.js';

interface Label {
  readonly text: string;
  readonly left: number;
  readonly right: number;
}

function labels(tree: Root, selector: string, bold = false): Label[] {
  return all(tree, selector).map((element) => {
    const text = visibleText(element);
    const left = num(element, 'x');
    return { text, left, right: left + estimateTextWidth(text, fontSizes.tick, bold) };
  });
}

function expectApart(found: readonly Label[], width: number): void {
  for (const [index, label] of found.entries()) {
    expect(label.left).toBeGreaterThanOrEqual(0);
    expect(label.right).toBeLessThanOrEqual(width);
    const next = found[index + 1];
    if (next) expect(label.right, `${label.text} runs into ${next.text}`).toBeLessThan(next.left);
  }
}

function axisOf(model: PlanModel) {
  const tree = parseSvg(renderTimeline(model, englishText));
  const width = Number(String(one(tree, 'svg').properties['viewBox']).split(' ')[2]);
  return { tree, width, ticks: labels(tree, 'text.tl-tick-label'), years: labels(tree, 'text.tl-context-label', true) };
}

const twoYears = plan(
  [
    { title: 'Earn a promotion', start: '2027-01', due: '2027-12' },
    { title: 'Finish a certificate', start: '2027-07', due: '2028-12' },
  ],
  { asOf: '2027-02-01' },
);

describe('the time axis', () => {
  test('six weeks: weekly ticks named by month and day, the year above', () => {
    const { ticks, years, width } = axisOf(sixWeeks);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    for (const tick of ticks) expect(tick.text).toMatch(/^(Nov|Dec) \d{1,2}$/);
    expect(ticks.map((tick) => tick.text)).toContain('Nov 30');
    expect(years.map((year) => year.text)).toEqual(['2026']);
    expectApart(ticks, width);
    expect(layoutTimeline(sixWeeks, englishText).axis.interval).toBe('week');
  });

  test('one year: a tick per month named by its month, the year above', () => {
    const { ticks, years, width } = axisOf(oneYear);
    expect(ticks.map((tick) => tick.text)).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(years.map((year) => year.text)).toEqual(['2027']);
    expectApart(ticks, width);
    expectApart(years, width);
  });

  test('two years: quarters, with every new year named above', () => {
    const { ticks, years, width } = axisOf(twoYears);
    expect(ticks.map((tick) => tick.text)).toEqual(['Jan', 'Apr', 'Jul', 'Oct', 'Jan', 'Apr', 'Jul', 'Oct']);
    expect(years.map((year) => year.text)).toEqual(['2027', '2028']);
    expectApart(ticks, width);
    expectApart(years, width);
  });

  test('ten years: a tick per year named by the year, and no line of years above', () => {
    const { ticks, years, width } = axisOf(tenYears);
    const numbers = ticks.map((tick) => Number(tick.text));
    expect(ticks.every((tick) => /^\d{4}$/.test(tick.text))).toBe(true);
    expect(numbers.length).toBeGreaterThanOrEqual(9);
    expect(numbers.every((year, index) => index === 0 || year - numbers[index - 1]! === 1)).toBe(true);
    expect(years).toEqual([]);
    expectApart(ticks, width);
  });

  test('thirty years and more: years a few apart, never colliding', () => {
    const long = plan([{ title: 'Retire', start: '2027', due: '2066' }], { asOf: '2027-01-01' });
    const { ticks, width } = axisOf(long);
    const numbers = ticks.map((tick) => Number(tick.text));
    expect(numbers.length).toBeGreaterThanOrEqual(4);
    const steps = new Set(numbers.slice(1).map((year, index) => year - numbers[index]!));
    expect(steps.size).toBe(1);
    expect([2, 5, 10]).toContain([...steps][0]);
    expectApart(ticks, width);
  });

  test('no tick labels collide across spans from a week to a century, in wide languages too', () => {
    for (const lang of ['en', 'de', 'fi', 'ja']) {
      for (const [start, due] of [
        ['2027-03-01', '2027-03-07'],
        ['2027-03-01', '2027-04-20'],
        ['2027-01', '2027-05'],
        ['2027-01', '2028-03'],
        ['2026-11', '2030-06'],
        ['2026', '2041'],
        ['2000', '2100'],
      ] as const) {
        const { ticks, years, width } = axisOf(plan([{ title: 'Goal', start, due }], { asOf: '2027-03-03', lang }));
        expect(ticks.length, `${lang} ${start}–${due}`).toBeGreaterThanOrEqual(2);
        expectApart(ticks, width);
        expectApart(years, width);
      }
    }
  });

  test('grid lines fall on the first day of the periods they name', () => {
    const layout = layoutTimeline(oneYear, englishText);
    const bar = layout.rows[0]!.bar; // 2027-01-01 to the end of 2027-06-30
    expect(layout.axis.ticks[0]!.x).toBeCloseTo(bar.x, 5);
    expect(layout.axis.ticks[6]!.x).toBeCloseTo(bar.x + bar.width, 5);
  });
});
