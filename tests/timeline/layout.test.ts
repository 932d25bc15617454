import { describe, expect, test } from 'vitest';
import type { PlanModel } from '../../src/stages/model.js';
import { renderTimeline } from '../../src/timeline/index.js';
import { defaultGoalMonths, goalSpan, layoutTimeline } from '../../src/timeline/layout.js';
import { estimateTextWidth, truncateText } from '../../src/timeline/text-width.js';
import { englishText, goal, period, plan } from './support.js';

const iso = (instant: Date): string => instant.toISOString().slice(0, 10);

describe('goalSpan', () => {
  test('a goal with a start runs from its first day to the end of its due period', () => {
    const span = goalSpan(goal({ title: 'G', start: '2027-Q2', due: '2027-09' }, '2027-01-01'), '2027-01-01');
    expect([iso(span.start), iso(span.end), span.estimated]).toEqual(['2027-04-01', '2027-10-01', false]);
  });

  test('without a start: the earliest of its steps’ due periods and the as-of date', () => {
    const withSteps = goal({ title: 'G', due: '2027-12', steps: [{ due: '2027-05' }, { due: '2027-03' }, {}] }, '2027-04-10');
    expect(iso(goalSpan(withSteps, '2027-04-10').start)).toBe('2027-03-01');
    const later = goal({ title: 'G', due: '2027-12', steps: [{ due: '2027-05' }] }, '2027-04-10');
    expect(iso(goalSpan(later, '2027-04-10').start)).toBe('2027-04-10');
  });

  test(`without a start and nothing earlier than its due date: ${defaultGoalMonths} months before its end`, () => {
    const past = goal({ title: 'G', due: '2026-10', status: 'done' }, '2026-11-26');
    const span = goalSpan(past, '2026-11-26');
    expect([iso(span.start), iso(span.end), span.estimated]).toEqual(['2026-08-01', '2026-11-01', true]);
  });
});

describe('text widths', () => {
  test('wide letters count wider than narrow ones, bold wider than regular', () => {
    expect(estimateTextWidth('WWW', 12)).toBeGreaterThan(estimateTextWidth('iii', 12));
    expect(estimateTextWidth('Plan', 12, true)).toBeGreaterThan(estimateTextWidth('Plan', 12));
    expect(estimateTextWidth('計画', 12)).toBeGreaterThanOrEqual(24);
  });

  test('truncation keeps text that fits and cuts the rest at a whole character', () => {
    expect(truncateText('Short', 100, 12)).toBe('Short');
    const cut = truncateText('Family 👨‍👩‍👧 trip planning for the summer', 80, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(estimateTextWidth(cut, 12)).toBeLessThanOrEqual(80);
    expect(cut).not.toMatch(/\u200D…$/);
    expect(truncateText('Ab 👨‍👩‍👧 cd', estimateTextWidth('Ab 👨‍👩‍👧…', 12), 12)).toBe('Ab 👨‍👩‍👧…');
  });
});

describe('the horizon', () => {
  const withHorizon = (horizon: PlanModel['horizon'], lang = 'en') => ({
    ...plan([{ title: 'Promotion', start: '2027-01', due: '2027-12', steps: [{ title: 'Course', due: '2027-03' }] }], { asOf: '2027-02-01', lang }),
    ...(horizon ? { horizon } : {}),
  });

  test('inside the chart: a dashed line at its end, named below it', () => {
    const layout = layoutTimeline(withHorizon(period('2027-Q3')), englishText);
    expect(layout.horizon?.x).toBeGreaterThan(layout.plot.left);
    expect(layout.horizon?.x).toBeLessThan(layout.plot.right);
    expect(layout.horizon?.label.text).toMatch(/^Horizon Jul\s–\sSep 2027$/u);
    expect(renderTimeline(withHorizon(period('2027-Q3')), englishText)).toMatch(/<line class="tl-horizon"[^>]*stroke-dasharray="4 3"/);
  });

  test('beyond the chart, as retirement usually is: its name with an arrow at the right end, and the scale keeps to the goals', () => {
    const retirement = { kind: 'retirement', text: 'Ruhestand 2058', year: 2058, first: '2058-01-01', last: '2058-12-31' } as const;
    const layout = layoutTimeline(withHorizon(retirement, 'de'), { ...englishText, retirementYear: 'Ruhestand ({year})' });
    expect(layout.horizon?.x).toBeUndefined();
    expect(layout.horizon?.label).toMatchObject({ text: 'Ruhestand (2058) →', anchor: 'middle' });
    expect((layout.horizon?.label.x ?? 0) + estimateTextWidth('Ruhestand (2058) →', 11, true) / 2).toBeLessThanOrEqual(layout.plot.right + 1);
    expect(layout.axis).toEqual(layoutTimeline(withHorizon(undefined, 'de'), englishText).axis);
    const svg = renderTimeline(withHorizon(retirement, 'de'), { ...englishText, retirementYear: 'Ruhestand ({year})' });
    expect(svg).toContain('Ruhestand (2058) →');
    expect(svg).not.toContain('class="tl-horizon"');
  });

  test('retirement without a year, or no horizon: no mark, and the legend where it was', () => {
    const none = layoutTimeline(withHorizon(undefined), englishText);
    const atAge = layoutTimeline(withHorizon({ kind: 'retirement', text: 'Rente mit 67', age: 67 }), englishText);
    expect(none.horizon).toBeUndefined();
    expect(atAge.horizon).toBeUndefined();
    expect(atAge.legend).toEqual(none.legend);
  });

  test('its name never sits on the today label: it moves to a row of its own, and the legend below it', () => {
    // Today (2027-02-01) is near the start; a horizon at the same spot must not overlap it.
    const layout = layoutTimeline(withHorizon(period('2027-01')), englishText);
    expect(layout.horizon?.label.y).toBeGreaterThan(layout.today.label.y);
    expect(layout.legend[0]?.y).toBeGreaterThan(layout.horizon?.label.y ?? Infinity);
  });
});

describe('a horizon already passed', () => {
  test('has no mark', () => {
    const passed = { ...plan([{ title: 'Promotion', start: '2027-01', due: '2027-12' }], { asOf: '2027-02-01' }), horizon: period('2020') };
    expect(layoutTimeline(passed, englishText).horizon).toBeUndefined();
  });
});
