/**
 * What `build` gives a coach over all plans, through the real CLI on plans
 * written for the test: `plans.csv` read back with a real CSV parser (first
 * build, a build with one plan changed, an audience view), and the index's
 * "Skills the cohort needs".
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { plansCsvColumns } from '../../src/site/plans-csv.js';
import { axeViolations, launchBrowser } from '../support/browser.js';
import { careerplan } from './run.js';

const project = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-coach-')));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const anna = `---
title: Plan für Anna Müller
owner: Anna Müller
lang: de
skills:
  - name: Public speaking
    level: 1
    target: 4
  - name: Excel
    level: 2
    target: 2
  - name: Kubernetes
    level: 0
    target: 3
goals:
  - title: Teamleitung, "Vertrieb", Süd
    kind: professional
    measure: |-
      Ernennung schriftlich bestätigt,
      mit Datum
    due: 2026-10
    skills: [public-speaking]
    steps:
      - title: =HYPERLINK("http://evil.example","click")
        due: 2026-06-30
        resources: [ZqresourcesZq]
      - title: Kurs „Verhandeln“ besucht
        due: 2026-03
        done: 2026-03-20
        worth: partly
        reflection: Sehr nützlich ZqreflectionZq
---
Notes.
`;

const ben = `---
title: Ben's plan
owner: "+Ben O'Neil"
skills:
  - name: "public  Speaking"
    level: 2
    target: 3
  - name: excel
    level: 1
    target: 3
goals:
  - title: Give three talks
    kind: professional
    measure: Three talks of 10 minutes to groups of 30+
    due: 2027-Q2
    steps:
      - Join Toastmasters
      - title: "@Give the first talk"
        due: 2027-01
---
`;

const cara = `---
title: Cara's plan
owner: Cara Lee
skills:
  - name: Excel
    level: 0
    target: 4
goals:
  - title: Get certified
    kind: professional
    measure: Certificate passed
    due: 2027
    steps:
      - Book the exam
---
`;

/** A draft: never built, so never in the spreadsheet. */
const draft = cara.replace('owner: Cara Lee', 'owner: Secret Draft Person');

const build = (...flags: string[]) => careerplan(['build', '--no-pdf', '--as-of', '2026-12-01', ...flags], { cwd: project });
const rowsOf = (file: string) => parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
const indexOf = (out: string) => fromHtml(readFileSync(path.join(out, 'index.html'), 'utf8'));
const out = path.join(project, 'out');

beforeAll(async () => {
  mkdirSync(path.join(project, 'plans'));
  writeFileSync(path.join(project, 'plans/anna.md'), anna);
  writeFileSync(path.join(project, 'plans/ben.md'), ben);
  writeFileSync(path.join(project, 'plans/cara.md'), cara);
  writeFileSync(path.join(project, 'plans/_draft.md'), draft);
  writeFileSync(path.join(project, 'careerplan.config.yaml'), 'views:\n  manager:\n    omit: [skills, steps.reflection, steps.resources]\n');
  const run = await build();
  expect(run.status, run.stderr).toBe(0);
});

describe('plans.csv', () => {
  test('has a row per action step of every built plan, in slug order, each cell as the plan wrote it', () => {
    const bytes = readFileSync(path.join(out, 'plans.csv'));
    // UTF-8 with a byte order mark, so a spreadsheet program reads ä and „ right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = rowsOf(path.join(out, 'plans.csv'));
    expect(Object.keys(rows[0] ?? {})).toEqual([...plansCsvColumns]);
    expect(rows.map((row) => [row.plan, row.step, row.overdue])).toEqual([
      ['anna', `'=HYPERLINK("http://evil.example","click")`, 'yes'],
      ['anna', 'Kurs „Verhandeln“ besucht', 'no'],
      ['ben', 'Join Toastmasters', 'no'],
      ['ben', "'@Give the first talk", 'no'],
      ['cara', 'Book the exam', 'no'],
    ]);
    expect(rows[1]).toEqual({
      owner: 'Anna Müller', plan: 'anna', goal: 'Teamleitung, "Vertrieb", Süd', kind: 'professional', measure: 'Ernennung schriftlich bestätigt,\nmit Datum',
      'goal due': '2026-10-31', 'goal status': 'overdue', step: 'Kurs „Verhandeln“ besucht', 'step due': '2026-03-31', 'step done': 'yes', 'done on': '2026-03-20', worth: 'partly', overdue: 'no',
    });
    expect(rows[2]).toMatchObject({ owner: "'+Ben O'Neil", measure: 'Three talks of 10 minutes to groups of 30+', 'goal due': '2027-06-30', 'goal status': 'active', 'step due': '' });
    expect(bytes.toString('utf8')).not.toContain('Secret Draft Person');
  });

  test('a build with one plan changed keeps the other plans’ rows, and writes the file again when it was deleted', async () => {
    const before = rowsOf(path.join(out, 'plans.csv'));
    writeFileSync(path.join(project, 'plans/ben.md'), ben.replace('Join Toastmasters', 'Join Toastmasters, "Downtown"'));
    const changed = await build();
    expect(changed.status, changed.stderr).toBe(0);
    const after = rowsOf(path.join(out, 'plans.csv'));
    expect(after.filter((row) => row.plan !== 'ben')).toEqual(before.filter((row) => row.plan !== 'ben'));
    expect(after.find((row) => row.plan === 'ben')?.step).toBe('Join Toastmasters, "Downtown"');

    rmSync(path.join(out, 'plans.csv'));
    const again = await build();
    expect(again.status, again.stderr).toBe(0);
    expect(rowsOf(path.join(out, 'plans.csv'))).toEqual(after);
  });
});

describe('skills the cohort needs, on the index', () => {
  test('lists each skill two or more plans need once, whatever its case and spacing, with the count, the average gap and links to those plans', () => {
    const index = indexOf(out);
    const rows = selectAll('#cohort-skills tbody tr', index).map((row) => ({
      skill: toString(select('th', row) ?? row),
      cells: selectAll('td', row).slice(0, 2).map((cell) => toString(cell).trim()),
      links: selectAll('a', row).map((link) => [toString(link), String(link.properties.href)]),
    }));
    expect(rows).toEqual([
      // Excel: Ben 2 to go, Cara 4; Anna's Excel meets its target. Public speaking: Anna 3, Ben 1. Kubernetes is Anna's alone.
      { skill: 'Excel', cells: ['2 plans', '3 levels to go'], links: [['Cara Lee', 'cara/index.html#skills'], ["+Ben O'Neil", 'ben/index.html#skills']] },
      { skill: 'Public speaking', cells: ['2 plans', '2 levels to go'], links: [['Anna Müller', 'anna/index.html#skills'], ["+Ben O'Neil", 'ben/index.html#skills']] },
    ]);
    for (const [, href] of rows.flatMap((row) => row.links)) expect(existsSync(path.join(out, (href ?? '').split('#')[0] ?? ''))).toBe(true);
    expect(toString(select('#cohort-skills', index) ?? index)).not.toContain('Kubernetes');
    expect(select('.site-nav a[href="#cohort-skills"]', index)).toBeDefined();
    expect(select('a[href="plans.csv"]', index)).toBeDefined();
  });
});

describe('an audience view that leaves out skills', () => {
  test('has no cohort section, and its plans.csv has the same rows without the parts it leaves out', async () => {
    const run = await build('--view', 'manager');
    expect(run.status, run.stderr).toBe(0);
    const viewOut = path.join(project, 'out-manager');
    const index = indexOf(viewOut);
    expect(select('#cohort-skills', index)).toBeUndefined();
    expect(select('.site-nav a[href="#cohort-skills"]', index)).toBeUndefined();
    expect(rowsOf(path.join(viewOut, 'plans.csv'))).toEqual(rowsOf(path.join(out, 'plans.csv')));
    const text = readFileSync(path.join(viewOut, 'plans.csv'), 'utf8');
    for (const left of ['ZqreflectionZq', 'ZqresourcesZq', 'Kubernetes', 'public-speaking']) expect(text).not.toContain(left);
  });
});

describe('the cohort section in real Chromium', () => {
  test('with a skill of 14 plans, 2 of them folded away: no accessibility violations, and it fits a phone screen and an A4 page', async () => {
    // A project of its own: the first one's config, found by looking upwards, would be this one's too.
    const cohort = path.join(os.tmpdir(), `${path.basename(project)}-cohort`);
    onTestFinished(() => rmSync(cohort, { recursive: true, force: true }));
    mkdirSync(path.join(cohort, 'plans'), { recursive: true });
    for (let index = 0; index < 14; index++) writeFileSync(path.join(cohort, `plans/p${index}.md`), cara.replace('owner: Cara Lee', `owner: Owner ${index} Großmann-Überlänge`));
    const run = await careerplan(['build', '--no-pdf', '--as-of', '2026-12-01'], { cwd: cohort });
    expect(run.status, run.stderr).toBe(0);
    const url = pathToFileURL(path.join(cohort, 'out/index.html')).href;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.evaluate('document.querySelectorAll("#cohort-skills details a").length')).toBe(2);
      await page.evaluate('document.querySelector("#cohort-skills details").open = true');
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      const width = '({ page: document.documentElement.scrollWidth, view: window.innerWidth })';
      await page.setViewport({ width: 390, height: 844 });
      const phone = (await page.evaluate(width)) as { page: number; view: number };
      expect(phone.page).toBeLessThanOrEqual(phone.view);
      // A4 less the default 18 mm margins: 658 CSS px.
      await page.emulateMediaType('print');
      await page.setViewport({ width: 658, height: 900 });
      const paper = (await page.evaluate(width)) as { page: number; view: number };
      expect(paper.page).toBeLessThanOrEqual(paper.view);
    } finally {
      await browser.close();
    }
  });
});
