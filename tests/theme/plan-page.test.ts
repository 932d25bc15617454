import { select, selectAll } from 'hast-util-select';
import type { Element } from 'hast';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTheme, type Theme } from '../../src/theme/theme.js';
import { everyCase } from './fixtures.js';
import { builtin, classes, dom, examplePlan, modelOf, planPage, text, timelineSvg } from './render.js';

let theme: Theme;
beforeAll(async () => {
  theme = await createTheme({ builtin });
});

const page = () => dom(theme.renderPlan(planPage(modelOf(everyCase))));
const goalCard = (id: string) => select(`li#goal-${id}`, page());

describe('a plan page', () => {
  test('is one document in the plan’s language with landmarks, a skip link and the local stylesheet', () => {
    const tree = page();
    expect(select('html', tree)?.properties['lang']).toBe('en');
    expect(select('meta[charset]', tree)).toBeDefined();
    expect(select('meta[name=viewport]', tree)).toBeDefined();
    expect(text(select('title', tree))).toBe('Plan for every case — Alex Example');
    expect(select('link[rel=stylesheet]', tree)?.properties['href']).toBe('../assets/style.css');
    for (const landmark of ['header', 'nav', 'main#main', 'footer']) expect(select(landmark, tree), landmark).toBeDefined();
    expect(select('a.skip-link', tree)?.properties['href']).toBe('#main');
    expect(select('a[href="../everycase.pdf"], a[href="../plan.pdf"]', tree)).toBeDefined();
  });

  test('has exactly one h1 and headings that never skip a level', () => {
    const tree = page();
    const headings = selectAll('h1, h2, h3, h4, h5, h6', tree).map((h) => Number(h.tagName.slice(1)));
    expect(headings.filter((level) => level === 1)).toHaveLength(1);
    expect(headings[0]).toBe(1);
    headings.forEach((level, i) => {
      if (i > 0) expect(level, `heading ${i}`).toBeLessThanOrEqual((headings[i - 1] as number) + 1);
    });
  });

  test('refers to no other site: every href and src stays on the page or below the root', () => {
    const tree = page();
    const urls = selectAll('[href], [src]', tree).map((element) => String(element.properties['href'] ?? element.properties['src']));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url, url).toMatch(/^(#|\.\.\/)/);
  });

  test('shows the cover: owner, role, dates, overall progress and status counts', () => {
    const cover = select('main .cover', page());
    expect(text(select('h1', cover))).toBe('Plan for every case');
    expect(text(cover)).toContain('Alex Example');
    expect(text(cover)).toContain('Analyst, Example Ltd');
    expect(text(cover)).toContain('January 10, 2026');
    expect(text(cover)).toContain('2 of 7 steps done');
    expect(selectAll('.counts .badge', cover).map(text)).toEqual(['Overdue', 'At risk', 'On track', 'Done', 'Paused', 'Dropped']);
  });

  test('shows each goal as a card with its status badge and progress text', () => {
    const tree = page();
    const expected = {
      promotion: ['On track', '1 of 3 steps done'],
      soon: ['At risk', '0 of 1 step done'],
      late: ['Overdue', '0 of 1 step done'],
      achieved: ['Done', '1 of 1 step done'],
      resting: ['Paused', '0 of 1 step done'],
      gone: ['Dropped', '1 of 1 step done'],
    };
    expect(selectAll('li.goal', tree)).toHaveLength(6);
    for (const [id, [badge, progress]] of Object.entries(expected)) {
      const card = select(`li#goal-${id}`, tree);
      expect(text(select('.card__head .badge', card)), id).toBe(badge);
      expect(text(select('.progress__text', card)), id).toContain(progress);
      expect(select('.bar__fill[style]', card), id).toBeDefined();
    }
  });

  test('shows a goal’s measure, start, due date, days left and the skills it builds', () => {
    const card = goalCard('promotion');
    expect(text(select('.goal__facts', card))).toContain('Confirmed by HR');
    expect(text(select('.goal__facts', card))).toContain('June 2026');
    expect(text(select('.goal__facts', card))).toContain('June 2027');
    expect(text(select('.goal__facts .when', card))).toBe('in 7 months');
    expect(selectAll('a.chip', card).map((chip) => chip.properties['href'])).toEqual(['#skill-sql', '#skill-speaking']);
    expect(text(select('.goal__facts', goalCard('achieved')))).toContain('October 1, 2026');
    expect(select('.goal__facts .when', goalCard('achieved'))).toBeUndefined();
    expect(text(select('.goal__facts .when', goalCard('late')))).toBe('57 days overdue');
  });

  test('lists the steps as a checklist with done and open states, the next step highlighted', () => {
    const steps = selectAll('li.step', goalCard('promotion'));
    expect(steps.map((step) => text(select('.step__state', step)))).toEqual(['Done:', 'Open:', 'Open:']);
    expect(steps.map((step) => classes(step).find((name) => name === 'step--done' || name === 'step--open'))).toEqual(['step--done', 'step--open', 'step--open']);
    const next = selectAll('li.step--next', goalCard('promotion'));
    expect(next).toHaveLength(1);
    expect(text(select('.step__title', next[0]))).toBe('Ask manager');
    expect(text(next[0])).toContain('Next step');
  });

  test('shows a step’s due date, resources, done date, evaluation and reflection', () => {
    const [course, talk] = selectAll('li.step', goalCard('promotion')) as [Element, Element];
    expect(text(course)).toContain('Done on October 20, 2026');
    expect(text(select('.worth', course))).toBe('Evaluation Worth it');
    expect(text(select('.reflection', course))).toContain('Worth the time');
    expect(text(talk)).toContain('Due March 2027');
    expect(selectAll('.step__resources li', talk).map(text)).toEqual(['Time off', 'A mentor']);
    const missed = select('li.step', goalCard('late'));
    expect(classes(missed)).toContain('step--overdue');
    expect(text(missed)).toContain('Overdue');
  });

  test('shows the skills table with a header row, a row per skill, and gaps in words', () => {
    const table = select('#skills table', page());
    expect(selectAll('thead th', table).every((th) => th.properties['scope'] === 'col')).toBe(true);
    const rows = selectAll('tbody tr', table);
    expect(rows.map((row) => select('th[scope=row]', row)).every(Boolean)).toBe(true);
    expect(rows.map((row) => text(select('th', row)))).toEqual(['SQL Practise weekly', 'Speaking']);
    const [sql, speaking] = rows as [Element, Element];
    expect(classes(sql)).toContain('skill--gap');
    expect(text(sql)).toContain('2 levels to go');
    expect(text(sql)).toContain('Technical');
    expect(select('.meter[style*="--level: 2"][style*="--target: 4"]', sql)).toBeDefined();
    expect(classes(speaking)).not.toContain('skill--gap');
    expect(text(speaking)).toContain('Target reached');
    expect(selectAll('a', sql).map((a) => a.properties['href'])).toEqual(['#goal-promotion', '#opportunity-0']);
  });

  test('shows the self-assessment and the education gap', () => {
    const section = select('#self-assessment', page());
    expect(selectAll('ol li', section).map(text)).toEqual(['Lead a team', 'Keep learning']);
    expect(text(section)).toContain('Careful with data');
    expect(text(section)).toContain('Shy in large meetings');
    expect(text(select('.flag', section))).toBe('Further education needed');
  });

  test('shows opportunities with status, date, note and the fit of each required skill', () => {
    const tree = page();
    const [lead, other] = selectAll('li.opportunity', tree) as [Element, Element];
    expect(text(select('.badge', lead))).toBe('Interviewing');
    expect(text(lead)).toContain('May 2027');
    expect(text(lead)).toContain('Opens in spring');
    expect(text(lead)).toContain('1 of 2 required skills met');
    const fit = selectAll('tbody tr', lead).map((row) => selectAll('th, td', row).map(text));
    expect(fit).toEqual([
      ['SQL', '2', '4', '', 'Not met'],
      ['Speaking', '3', '3', '', 'Met'],
    ]);
    expect(text(select('.badge', other))).toBe('Declined');
    expect(text(other)).toContain('No skill requirements recorded.');
  });

  test('inlines the timeline in a figure and the body as it is', () => {
    const tree = page();
    expect(select('#timeline figure svg.stub-timeline', tree)).toBeDefined();
    expect(theme.renderPlan(planPage(modelOf(everyCase)))).toContain(timelineSvg);
    expect(text(select('#notes .prose', tree))).toBe('The body.');
  });

  test('a minimal plan says what is missing instead of showing empty sections', () => {
    // Sam's example plan says its vision since issue 19 nudges plans without one; here it is taken out again.
    const { visionHtml: _vision, ...sam } = examplePlan('sam-okafor');
    const tree = dom(theme.renderPlan(planPage(sam)));
    for (const id of ['vision', 'self-assessment', 'skills', 'opportunities']) expect(select(`#${id} .empty`, tree), id).toBeDefined();
    expect(selectAll('li.goal', tree)).toHaveLength(1);
  });

  test('the example plans all render', () => {
    for (const name of ['jordan-lee', 'lena-schmidt', 'sam-okafor']) {
      const tree = dom(theme.renderPlan(planPage(examplePlan(name))));
      expect(selectAll('h1', tree), name).toHaveLength(1);
    }
  });
});
