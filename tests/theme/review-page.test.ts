import { select } from 'hast-util-select';
import { beforeAll, describe, expect, test } from 'vitest';
import type { History } from '../../src/history/revisions.js';
import type { PlanModel } from '../../src/stages/model.js';
import { reviewSummary } from '../../src/history/review-summary.js';
import { locales, words } from '../support/words.js';
import { createTheme, type Theme } from '../../src/theme/theme.js';
import { everyCase, jedenFall } from './fixtures.js';
import { asOf, builtin, dom, modelOf, planPage, text } from './render.js';

let theme: Theme;
beforeAll(async () => {
  theme = await createTheme({ builtin });
});

const history: History = {
  file: 'plans/alex.md',
  repository: true,
  lastRevised: { date: '2026-11-20T10:00:00+01:00', from: 'git' },
  shallow: false,
  revisions: [
    {
      commit: 'a'.repeat(40),
      date: '2026-11-20T10:00:00+01:00',
      subject: 'Move the promotion',
      path: 'plans/alex.md',
      changes: [{ kind: 'due-moved', goal: 'promotion', goalTitle: 'Promotion', from: '2027-03', to: '2027-06' }],
    },
  ],
  total: 1,
};

function reviewPage(plan: PlanModel) {
  return { ...planPage(plan), review: reviewSummary(plan, history, asOf, { from: 'date', date: '2026-10-01' }, words(plan.lang)) };
}

describe('a plan page with a review', () => {
  test('shows the review first, before the cover; without one, none', () => {
    const plan = modelOf(everyCase, 'alex');
    const tree = dom(theme.renderPlan(reviewPage(plan)));
    const main = select('main', tree);
    const first = main?.children.find((node) => node.type === 'element');
    expect(first?.type === 'element' && first.properties.id).toBe('review');
    const review = text(select('#review', tree));
    expect(review).toContain('Review for the one-to-one meeting');
    expect(review).toContain('Since October 1, 2026');
    expect(review).toMatch(/Completed.*Course/);
    expect(review).toMatch(/Overdue now.*Missed step Step of “Late” Due August 2026 · 87 days overdue/);
    expect(review).not.toContain('Ask manager');
    expect(review).toMatch(/Evaluations of completed steps.*Course.*Worth it.*Worth the time/);
    expect(review).toContain('Due date of “Promotion” moved: March 2027 → June 2027');
    expect(select('#review', dom(theme.renderPlan(planPage(plan))))).toBeUndefined();
  });

  test('in German, the review’s labels are German', () => {
    const review = text(select('#review', dom(theme.renderPlan(reviewPage(modelOf(jedenFall, 'alex', 'Pläne/alex.md'))))));
    expect(review).toContain('Rückblick für das Entwicklungsgespräch');
    expect(review).toContain('Seit 1. Oktober 2026');
    expect(review).toContain('Jetzt überfällig');
    const english = Object.entries(locales['en'] ?? {}).flatMap(([key, label]) => (key.startsWith('review') && typeof label === 'string' ? [label.replace(/\{\w+\}/g, '').trim()] : []));
    expect(english.filter((label) => label.length > 3 && review.includes(label))).toEqual([]);
  });
});
