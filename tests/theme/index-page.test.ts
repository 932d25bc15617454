import { select, selectAll } from 'hast-util-select';
import type { Element } from 'hast';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTheme, type Theme } from '../../src/theme/theme.js';
import { everyCase } from './fixtures.js';
import { cohortSkills } from '../../src/site/cohort-skills.js';
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
    const [, , progress, deadline, overdue, atRisk] = selectAll('th, td', alex);
    expect(text(progress)).toBe('2 of 7 steps done (29%)');
    expect(select('.bar__fill', progress)?.properties['style']).toMatch(/^--ratio: 0\.28/);
    expect(text(deadline)).toBe('Dec 1, 2026 in 5 days Ask manager');
    // Goals and steps, counted as `check` counts them and worded for a coach (issue 19; was "1 overdue", goals only).
    expect(text(overdue)).toBe('1 overdue goal 1 overdue step');
    expect(selectAll('.badge--overdue', overdue).map(text)).toEqual(['1 overdue goal', '1 overdue step']);
    expect(text(atRisk)).toBe('1 at risk');
    expect(select('.badge--at-risk', atRisk)).toBeDefined();
    expect(classes(alex)).toContain('plan-row--overdue');
    expect(selectAll('td', jordan).slice(-2).map(text)).toEqual(['0', '0']);
    expect(classes(jordan)).not.toContain('plan-row--overdue');
  });

  test('labels each cell for the small-screen layout, which shows the label above the value', () => {
    const tree = dom(theme.renderIndex(indexPage(plans())));
    for (const row of selectAll('#plans tbody tr', tree)) {
      expect(selectAll('td', row).map((cell) => cell.properties['dataLabel'])).toEqual(['Plan', 'Progress', 'Next deadline', 'Overdue', 'At risk']);
    }
  });

  test('links each plan’s PDF when the site has PDFs', () => {
    const tree = dom(theme.renderIndex({ ...indexPage(plans()), pdfs: true }));
    const pdf = select('#plans tbody tr td a', tree);
    expect(pdf?.properties['href']).toBe('./alex/alex.pdf');
    expect(text(pdf)).toBe('PDF: Alex Example');
    expect(select('#plans tbody a[href$=".pdf"]', dom(theme.renderIndex(indexPage(plans()))))).toBeUndefined();
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

describe('the index’s search and pages', () => {
  test('load the theme’s script from its assets, deferred, before the lists it pages', () => {
    const tree = dom(theme.renderIndex(indexPage(plans())));
    const scripts = selectAll('script', tree);
    expect(scripts.map((script) => script.properties['src'])).toEqual(['./assets/index-lists.js']);
    expect(scripts[0]?.properties['defer']).toBe(true);
    expect(scripts[0]?.children).toEqual([]);
    // style.css shows only the first page of the lists after it until it has run (`script[data-lists] ~ .section`).
    expect(scripts[0]?.properties['dataLists']).toBe('');
    expect(selectAll('main > script[data-lists] ~ section.section', tree).map((section) => section.properties['id'])).toEqual(['plans', 'deadlines']);
  });

  test('a labelled search box over the plans, hidden until the script shows it, with a status line it fills in', () => {
    const tree = dom(theme.renderIndex(indexPage(plans())));
    const search = select('#plans [role=search]', tree);
    expect(search?.properties['hidden']).toBe(true);
    expect(search?.properties['dataRows']).toBe('#plans-table tbody');
    const input = select('input', search);
    expect(input?.properties).toMatchObject({ type: 'search', id: 'plans-search', ariaControls: ['plans-table'], ariaDescribedBy: ['plans-search-hint'] });
    expect(text(select('label[for=plans-search]', search))).toBe('Search plans');
    expect(text(select('#plans-search-hint', search))).toBe('Owner, role, plan title, goal or next deadline');
    const status = select('[role=status]', search);
    expect(text(status)).toBe('');
    expect(status?.properties['dataMatches']).toBe('Matches for “{query}”: {count}');
    expect(status?.properties['dataNone']).toBe('No plan matches “{query}”.');
    expect(select('#plans-table tbody', tree)).toBeDefined();
  });

  test('each plan row carries its goal titles, which it does not show, for the search', () => {
    const tree = dom(theme.renderIndex(indexPage(plans())));
    const alex = select('#plans tbody tr', tree);
    expect(alex?.properties['dataSearch']).toBe('Promotion; Soon; Late; Achieved; Resting; Gone');
    expect(text(alex)).not.toContain('Resting');
  });

  test('a pager for each list, hidden until the script fills it in, named apart and with its messages', () => {
    const tree = dom(theme.renderIndex(indexPage(plans())));
    const pagers = selectAll('nav.pager', tree);
    expect(pagers.map((nav) => [nav.properties['ariaLabel'], nav.properties['dataRows'], nav.properties['dataPageSize'], nav.properties['hidden']])).toEqual([
      ['Pages of the plans', '#plans-table tbody', '25', true],
      ['Pages of the deadlines', '#deadlines tbody', '25', true],
    ]);
    expect(pagers[0]?.properties['dataPage']).toBe('Page {page}');
    expect(pagers[0]?.properties['dataRange']).toBe('{from}–{to} of {count}');
    expect(selectAll('button', pagers[0]).map((button) => [button.properties['type'], button.properties['dataStep'], text(button)])).toEqual([
      ['button', '-1', '← Previous page'],
      ['button', '1', 'Next page →'],
    ]);
    expect(select('[aria-hidden=true]', selectAll('button', pagers[0])[0])).toBeDefined();
    expect(select('#plans nav.pager', tree)).toBeDefined();
  });

  test('no pager for the deadlines when there are none', () => {
    const tree = dom(theme.renderIndex({ ...indexPage([examplePlan('sam-okafor')]), deadlines: [] }));
    expect(selectAll('nav.pager', tree).map((nav) => nav.properties['ariaLabel'])).toEqual(['Pages of the plans']);
  });

  test('every plan is in the page, whatever the number: the script, not the template, pages them', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...examplePlan('sam-okafor'), slug: `sam-${i}` }));
    const tree = dom(theme.renderIndex(indexPage(many)));
    expect(selectAll('#plans tbody tr', tree)).toHaveLength(60);
    expect(selectAll('#plans tbody tr[hidden]', tree)).toEqual([]);
  });

  test('in German', () => {
    const tree = dom(theme.renderIndex(indexPage(plans(), 'de')));
    expect(text(select('label[for=plans-search]', tree))).toBe('Pläne durchsuchen');
    expect(select('[role=status]', tree)?.properties['dataMatches']).toBe('Treffer für „{query}“: {count}');
    expect(selectAll('nav.pager', tree).map((nav) => nav.properties['ariaLabel'])).toEqual(['Seiten der Pläne', 'Seiten der Termine']);
    expect(select('nav.pager', tree)?.properties['dataRange']).toBe('{from}–{to} von {count}');
    expect(selectAll('nav.pager button', tree).slice(0, 2).map(text)).toEqual(['← Vorherige Seite', 'Nächste Seite →']);
  });
});

describe('the index’s skills the cohort needs', () => {
  const owners = Array.from({ length: 14 }, () => examplePlan('jordan-lee')).map((plan, index) => ({ ...plan, slug: `p${String(index).padStart(2, '0')}`, owner: `Owner ${index}`, skills: plan.skills.map((skill) => ({ ...skill, gap: 1 + (index % 2) })) }));

  test('in German: its heading, the plans counted, the average gap in German digits, the first 12 plans linked and the rest folded away', () => {
    const tree = dom(theme.renderIndex({ ...indexPage(owners, 'de'), cohortSkills: cohortSkills(owners) }));
    expect(text(select('#cohort-skills-title', tree))).toBe('Kompetenzen, die die Gruppe braucht');
    expect(select('.site-nav a[href="#cohort-skills"]', tree)).toBeDefined();
    const row = select('#cohort-skills tbody tr', tree);
    expect(selectAll('td', row).slice(0, 2).map((cell) => text(cell))).toEqual(['14 Pläne', 'noch 1,5 Stufen']);
    expect(selectAll('td > a', row)).toHaveLength(12);
    expect(text(select('details.cohort__more summary', row))).toBe('und 2 weitere Pläne');
    // The 7 plans 2 levels short first, then the others by owner: the last two of those are folded.
    expect(selectAll('details.cohort__more a', row).map((link) => link.properties['href'])).toEqual(['./p06/index.html#skills', './p08/index.html#skills']);
  });

  test('is left out when no skill is shared', () => {
    const tree = dom(theme.renderIndex({ ...indexPage(plans()), cohortSkills: [] }));
    expect(select('#cohort-skills', tree)).toBeUndefined();
    expect(select('.site-nav a[href="#cohort-skills"]', tree)).toBeUndefined();
  });
});
