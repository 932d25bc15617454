import { select } from 'hast-util-select';
import { beforeAll, describe, expect, test } from 'vitest';
import { locales } from '../support/words.js';
import { createTheme, type Theme } from '../../src/theme/theme.js';
import { builtin, dom, examplePlan, planPage, text } from './render.js';

let theme: Theme;
beforeAll(async () => {
  theme = await createTheme({ builtin });
});

describe('the plan page’s calendar link', () => {
  test('links the calendar given in the context, in the page’s language, next to the next deadline', () => {
    const english = dom(theme.renderPlan({ ...planPage(examplePlan('jordan-lee')), calendar: 'jordan-lee.ics' }));
    const link = select('.summary a[href="jordan-lee.ics"][type="text/calendar"]', english);
    expect(text(link)).toBe('Add to calendar (.ics)');
    const german = dom(theme.renderPlan({ ...planPage(examplePlan('lena-schmidt')), calendar: 'lena-schmidt.ics' }));
    expect(text(select('a[href="lena-schmidt.ics"]', german))).toBe('Zum Kalender hinzufügen (.ics)');
  });

  test('is not there without a calendar', () => {
    expect(select('a[type="text/calendar"]', dom(theme.renderPlan(planPage(examplePlan('jordan-lee')))))).toBeUndefined();
  });

  test('has its label in every language of the theme', () => {
    expect(Object.keys(locales).length).toBeGreaterThan(1);
    for (const set of Object.values(locales)) expect(set['addToCalendar']).toMatch(/\(\.ics\)$/);
  });
});
