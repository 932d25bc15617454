import { select, selectAll } from 'hast-util-select';
import type { Element } from 'hast';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTheme, type Theme } from '../../src/theme/theme.js';
import { everyCase } from './fixtures.js';
import { builtin, classes, dom, examplePlan, indexPage, modelOf, text } from './render.js';

let theme: Theme;
beforeAll(async () => {
  theme = await createTheme({ builtin });
});

const plans = () => [modelOf(everyCase, 'alex'), examplePlan('jordan-lee'), examplePlan('sam-okafor')];

describe('the index page', () => {
  test('is one document with one h1, landmarks and the stylesheet below the root', () => {
    const tree = dom(theme.renderIndex(indexPage(plans())));
    expect(select('html', tree)?.properties['lang']).toBe('en');
    expect(selectAll('h1', tree)).toHaveLength(1);
    expect(select('link[rel=stylesheet]', tree)?.properties['href']).toBe('./assets/style.css');
    for (const landmark of ['header', 'nav', 'main', 'footer']) expect(select(landmark, tree), landmark).toBeDefined();
  });

  test('lists every plan in the order given, linking to its page', () => {
    const tree = dom(theme.renderIndex(indexPage(plans())));
    const rows = selectAll('#plans tbody tr', tree);
    expect(rows.map((row) => text(select('th[scope=row] a', row)))).toEqual(['Alex Example', 'Jordan Lee', 'Sam Okafor']);
    expect(rows.map((row) => select('th[scope=row] a', row)?.properties['href'])).toEqual(['./alex/index.html', './jordan-lee/index.html', './sam-okafor/index.html']);
    expect(selectAll('#plans thead th', tree).every((th) => th.properties['scope'] === 'col')).toBe(true);
  });

  test('shows progress, the next deadline and the goals that need attention, in words and colour', () => {
    const tree = dom(theme.renderIndex(indexPage(plans())));
    const [alex, jordan] = selectAll('#plans tbody tr', tree) as [Element, Element];
    expect(text(select('.plan-row__progress', alex))).toContain('2 of 7 steps done');
    expect(text(select('.plan-row__deadline', alex))).toContain('Dec 1, 2026');
    expect(text(select('.plan-row__deadline', alex))).toContain('in 5 days');
    expect(text(select('.plan-row__deadline', alex))).toContain('Ask manager');
    const [overdue, atRisk] = selectAll('.plan-row__count', alex);
    expect(text(overdue)).toBe('1 overdue');
    expect(select('.badge--overdue', overdue)).toBeDefined();
    expect(text(atRisk)).toBe('1 at risk');
    expect(select('.badge--at-risk', atRisk)).toBeDefined();
    expect(classes(alex)).toContain('plan-row--overdue');
    expect(selectAll('.plan-row__count', jordan).map(text)).toEqual(['0', '0']);
    expect(classes(jordan)).not.toContain('plan-row--overdue');
  });

  test('lists the deadlines of the next 90 days with whose plan they are', () => {
    const tree = dom(theme.renderIndex(indexPage(plans())));
    const rows = selectAll('#deadlines tbody tr', tree);
    expect(rows.map((row) => selectAll('th, td', row).map(text))).toEqual([
      ['Dec 1, 2026', 'in 5 days', 'Alex Example', 'Ask manager Step of “Promotion”'],
      ['Dec 15, 2026', 'in 19 days', 'Alex Example', 'Soon Goal'],
    ]);
    expect(select('a', rows[0])?.properties['href']).toBe('./alex/index.html');
    expect(selectAll('a', rows[0])[1]?.properties['href']).toBe('./alex/index.html#goal-promotion');
  });

  test('says so when no deadline falls in the next 90 days', () => {
    const tree = dom(theme.renderIndex({ ...indexPage([examplePlan('sam-okafor')]), deadlines: [] }));
    expect(text(select('#deadlines .empty', tree))).toBe('No deadlines in the next 90 days.');
  });
});
