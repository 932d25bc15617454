import { describe, expect, test } from 'vitest';
import { defaultGoalMonths, goalSpan } from '../../src/timeline/layout.js';
import { estimateTextWidth, truncateText } from '../../src/timeline/text-width.js';
import { goal } from './support.js';

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
