import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { GoalStatus } from '../../src/format/status.js';
import { renderTimeline } from '../../src/timeline/index.js';
import { fontSizes } from '../../src/timeline/style.js';
import { estimateTextWidth } from '../../src/timeline/text-width.js';
import { all, num, one, parseSvg, visibleText } from './svg.js';
import { englishText, plan, type GoalSpec } from './support.js';
import { property } from '../support/property.js';

const day = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const asPeriod = (date: string, kind: number): string => [date, date.slice(0, 7), `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`, date.slice(0, 4)][kind]!;
const status = fc.constantFrom<GoalStatus>('done', 'active', 'at-risk', 'overdue', 'paused', 'dropped');
const title = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom('<script>alert(1)</script>', '&amp; "\'<>', '   ', ''));

const goalSpec = fc
  .record({ title, a: day, b: day, startKind: fc.integer({ min: 0, max: 4 }), dueKind: fc.integer({ min: 0, max: 3 }), status, steps: fc.array(fc.record({ due: fc.option(day), done: fc.boolean() }), { maxLength: 5 }) })
  .map(({ title, a, b, startKind, dueKind, status, steps }): GoalSpec => {
    const [first, last] = [a, b].sort() as [string, string];
    return {
      title,
      ...(startKind < 4 ? { start: asPeriod(first, startKind) } : {}),
      due: asPeriod(last, dueKind),
      status,
      steps: steps.map((step) => ({ ...(step.due ? { due: step.due } : {}), done: step.done })),
    };
  });

test('any plan renders: every goal a row, every label apart and inside the box, nothing executable', () => {
  fc.assert(
    fc.property(fc.array(goalSpec, { maxLength: 8 }), day, fc.constantFrom('en', 'de', 'ja', 'ar', 'not a language'), (goals, asOf, lang) => {
      const svg = renderTimeline(plan(goals.map((goal, index) => ({ ...goal, id: `g${index}` })), { asOf, lang }), englishText);
      const tree = parseSvg(svg);
      expect(all(tree, 'g.tl-row')).toHaveLength(goals.length);
      expect(all(tree, 'script')).toEqual([]);
      const width = Number(String(one(tree, 'svg').properties['viewBox']).split(' ')[2]);
      for (const bar of all(tree, 'rect.tl-bar')) {
        expect(num(bar, 'x')).toBeGreaterThanOrEqual(0);
        expect(num(bar, 'x') + num(bar, 'width')).toBeLessThanOrEqual(width + 0.1);
      }
      const ticks = all(tree, 'text.tl-tick-label').map((element) => ({ left: num(element, 'x'), right: num(element, 'x') + estimateTextWidth(visibleText(element), fontSizes.tick) }));
      expect(ticks.length).toBeGreaterThan(0);
      for (const [index, tick] of ticks.entries()) {
        expect(tick.right).toBeLessThanOrEqual(width);
        if (ticks[index + 1]) expect(tick.right).toBeLessThan(ticks[index + 1]!.left);
      }
      const today = one(tree, 'text.tl-today-label');
      const half = estimateTextWidth(visibleText(today), fontSizes.today, true) / 2;
      expect(num(today, 'x') - half).toBeGreaterThanOrEqual(0);
      expect(num(today, 'x') + half).toBeLessThanOrEqual(width);
    }),
    property(100),
  );
});
