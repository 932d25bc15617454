/**
 * The index of a few hundred plans in real Chromium, opened from disk as a
 * coach would open it: the plans come a page at a time, those needing
 * attention first; the search box finds any plan as you type; the pages turn
 * from the keyboard; the page is axe-clean and fits a phone. Without
 * JavaScript every plan is listed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { benchAsOf, writePlans } from '../../bench/generate.js';
import type { PlanModel } from '../../src/stages/model.js';
import { byAttention } from '../../src/site/index-view.js';
import { axeViolations, launchBrowser } from '../support/browser.js';
import { careerplan } from './run.js';

const planCount = 240;
const pageSize = 25;

let folder: string;
let browser: Browser;
/** The plans' slugs in the order the index lists them: those needing attention first. */
let order: string[];
let models: PlanModel[];

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-index-'));
  await writePlans(path.join(folder, 'plans'), planCount, 1);
  const run = await careerplan(['build', '--no-pdf', '--as-of', benchAsOf], { cwd: folder });
  expect(run.status, run.stderr).toBe(0);
  models = (JSON.parse(readFileSync(path.join(folder, 'out/plans.json'), 'utf8')) as { plans: PlanModel[] }).plans;
  order = byAttention(models).map((plan) => plan.slug);

  // The same plans' index in German, a smaller site of three pages.
  writeFileSync(path.join(folder, 'careerplan.config.json'), JSON.stringify({ locale: 'de', plans: 'plans-de', out: 'out-de' }));
  await writePlans(path.join(folder, 'plans-de'), 60, 1);
  const german = await careerplan(['build', '--no-pdf', '--as-of', benchAsOf], { cwd: folder });
  expect(german.status, german.stderr).toBe(0);

  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function open(options: { width?: number; javaScript?: boolean; site?: string } = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(options.javaScript ?? true);
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  await page.goto(pathToFileURL(path.join(folder, options.site ?? 'out', 'index.html')).href, { waitUntil: 'load' });
  return page;
}

// What the page shows; each runs in the page (a string, so this file needs no DOM types).

/** The slugs of the plan rows on screen, top to bottom. */
const shownPlans = (page: Page) =>
  page.evaluate(`[...document.querySelectorAll('#plans-table tbody tr')]
    .filter((row) => row.getClientRects().length > 0)
    .map((row) => row.querySelector('th a').getAttribute('href').replace('/index.html', ''))`) as Promise<string[]>;

/** How many deadline rows are on screen. */
const shownDeadlines = (page: Page) => page.evaluate(`[...document.querySelectorAll('#deadlines tbody tr')].filter((row) => row.getClientRects().length > 0).length`) as Promise<number>;

interface Pager {
  readonly shown: boolean;
  readonly range: string;
  readonly buttons: string[];
  readonly current: string | null;
  readonly disabled: string[];
}

/** The pager after the table in `section` (`plans` or `deadlines`), as a reader sees it. */
const pagerOf = (page: Page, section: 'plans' | 'deadlines') =>
  page.evaluate(`(() => {
    const nav = document.querySelector(${JSON.stringify(section === 'plans' ? '#plans nav.pager' : '#deadlines + nav.pager')});
    const buttons = [...nav.querySelectorAll('button')];
    return {
      shown: nav.getClientRects().length > 0,
      range: nav.querySelector('.pager__range').textContent,
      buttons: [...nav.querySelectorAll('li')].map((item) => item.querySelector('button')?.getAttribute('aria-label') || item.textContent.trim()),
      current: nav.querySelector('[aria-current=page]')?.textContent ?? null,
      disabled: buttons.filter((button) => button.disabled).map((button) => button.textContent.trim()),
    };
  })()`) as Promise<Pager>;

const statusOf = (page: Page) => page.evaluate(`document.querySelector('#plans [role=status]').textContent`) as Promise<string>;

/** Waits for the status line to say `text` (it is announced once typing pauses). */
const statusSays = (page: Page, text: string) => page.waitForFunction(`document.querySelector('#plans [role=status]').textContent === ${JSON.stringify(text)}`, { timeout: 5000 });

async function search(page: Page, query: string): Promise<void> {
  await page.click('#plans-search', { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type('#plans-search', query);
}

/** The plans a search should find: every word somewhere in the owner, role, title, goals or next deadline, ignoring case and accents. */
function expectedMatches(query: string): string[] {
  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  const bySlug = new Map(models.map((plan) => [plan.slug, plan]));
  return order.filter((slug) => {
    const plan = bySlug.get(slug) as PlanModel;
    const haystack = fold([plan.owner, plan.role ?? '', plan.title, ...plan.goals.map((goal) => goal.title), plan.nextDeadline?.stepTitle ?? '', plan.nextDeadline?.goalTitle ?? ''].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

describe('the index of a few hundred plans, opened from disk', () => {
  test('shows the 25 plans needing attention first, with a pager for the rest', async () => {
    const page = await open();
    try {
      expect(await shownPlans(page)).toEqual(order.slice(0, pageSize));
      expect(await pagerOf(page, 'plans')).toEqual({
        shown: true,
        range: `1–25 of ${planCount}`,
        buttons: ['← Previous page', 'Page 1', 'Page 2', 'Page 3', 'Page 4', 'Page 5', 'Page 6', 'Page 7', '…', 'Page 10', 'Next page →'],
        current: '1',
        disabled: ['← Previous page'],
      });
      expect(await statusOf(page)).toBe('');
      expect(await page.evaluate(`document.querySelector('#plans-search').labels[0].textContent`)).toBe('Search plans');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the search finds plans by owner, role, plan title and goal as you type, in the attention order, and says how many', async () => {
    const page = await open();
    try {
      // A goal title, which the rows do not show.
      const spanish = expectedMatches('spanish');
      expect(spanish.length).toBeGreaterThan(pageSize);
      await search(page, 'spanish');
      expect(await shownPlans(page)).toEqual(spanish.slice(0, pageSize));
      await statusSays(page, `Matches for “spanish”: ${spanish.length}`);
      const pager = await pagerOf(page, 'plans');
      expect(pager.range).toBe(`1–25 of ${spanish.length}`);
      expect(pager.buttons.at(-2)).toBe(`Page ${Math.ceil(spanish.length / pageSize)}`);

      // An owner and a role together; accents need not be typed.
      const priya = expectedMatches('priya analyst');
      expect(priya.length).toBeGreaterThan(0);
      await search(page, 'Priya analyst');
      expect(await shownPlans(page)).toEqual(priya.slice(0, pageSize));
      await statusSays(page, `Matches for “Priya analyst”: ${priya.length}`);
      const accented = models.find((plan) => plan.owner.normalize('NFD') !== plan.owner);
      expect(accented, 'a generated owner with an accent').toBeDefined();
      const plain = (accented as PlanModel).owner.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      await search(page, plain);
      expect(await shownPlans(page)).toContain((accented as PlanModel).slug);
      expect(await shownPlans(page)).toEqual(expectedMatches(plain).slice(0, pageSize));

      // A plan title word matches them all.
      await search(page, 'career action');
      expect(await shownPlans(page)).toEqual(order.slice(0, pageSize));

      await search(page, 'zzzz');
      expect(await shownPlans(page)).toEqual([]);
      await statusSays(page, 'No plan matches “zzzz”.');
      expect((await pagerOf(page, 'plans')).shown).toBe(false);
      expect(await page.evaluate(`document.querySelector('#plans-table').getClientRects().length`)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      // Escape empties the box: every plan again, from the first page, and nothing to announce.
      await page.keyboard.press('Escape');
      expect(await shownPlans(page)).toEqual(order.slice(0, pageSize));
      await statusSays(page, '');
      expect((await pagerOf(page, 'plans')).range).toBe(`1–25 of ${planCount}`);
    } finally {
      await page.close();
    }
  });

  test('the pages turn from the keyboard; focus goes to the table, and a reload keeps the page', async () => {
    const page = await open();
    try {
      // From the search box, Tab goes through the rows' links to the pager (Previous is disabled, so skipped).
      await page.focus('#plans-search');
      let reached = '';
      for (let press = 0; press < 2 * pageSize && reached !== 'Next page →'; press++) {
        await page.keyboard.press('Tab');
        reached = (await page.evaluate(`document.activeElement.closest('#plans nav.pager') ? document.activeElement.textContent.trim() : ''`)) as string;
      }
      expect(reached).toBe('Next page →');
      await page.keyboard.press('Enter');
      expect(await shownPlans(page)).toEqual(order.slice(pageSize, 2 * pageSize));
      expect(await page.evaluate('document.activeElement.id')).toBe('plans-table');
      expect((await pagerOf(page, 'plans')).current).toBe('2');

      // A page number, with the space bar.
      await page.focus('#plans nav.pager button[data-to="10"]');
      await page.keyboard.press('Space');
      expect(await shownPlans(page)).toEqual(order.slice(9 * pageSize));
      const last = await pagerOf(page, 'plans');
      expect(last.range).toBe(`226–240 of ${planCount}`);
      expect(last.current).toBe('10');
      expect(last.disabled).toEqual(['Next page →']);
      expect(last.buttons).toEqual(['← Previous page', 'Page 1', '…', 'Page 4', 'Page 5', 'Page 6', 'Page 7', 'Page 8', 'Page 9', 'Page 10', 'Next page →']);
      expect(await axeViolations(page)).toEqual([]);

      await page.reload({ waitUntil: 'load' });
      expect(await shownPlans(page)).toEqual(order.slice(9 * pageSize));
    } finally {
      await page.close();
    }
  });

  test('the deadlines of the next 90 days come a page at a time too', async () => {
    const page = await open();
    try {
      const total = (await page.evaluate(`document.querySelectorAll('#deadlines tbody tr').length`)) as number;
      expect(total).toBeGreaterThan(pageSize);
      expect(await shownDeadlines(page)).toBe(pageSize);
      expect((await pagerOf(page, 'deadlines')).range).toBe(`1–25 of ${total}`);
      await page.click('#deadlines + nav.pager button[data-step="1"]');
      expect(await shownDeadlines(page)).toBe(Math.min(pageSize, total - pageSize));
      expect((await pagerOf(page, 'deadlines')).current).toBe('2');
      // The plans' pager is its own.
      expect((await pagerOf(page, 'plans')).current).toBe('1');
    } finally {
      await page.close();
    }
  });

  test('fits a 390 px phone screen, pager and search included, and stays axe-clean', async () => {
    const page = await open({ width: 390 });
    try {
      await page.click('#plans nav.pager button[data-to="5"]');
      const layout = (await page.evaluate(`({
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
        pagerLines: new Set([...document.querySelectorAll('#plans nav.pager .pager__list button')].map((button) => Math.round(button.getBoundingClientRect().top))).size,
        search: document.querySelector('#plans-search').getBoundingClientRect().right,
      })`)) as { page: number; view: number; pagerLines: number; search: number };
      expect(layout.page).toBeLessThanOrEqual(layout.view);
      expect(layout.pagerLines).toBe(1);
      expect(layout.search).toBeLessThanOrEqual(layout.view);
      expect((await pagerOf(page, 'plans')).buttons).toEqual(['← Previous page', 'Page 1', '…', 'Page 4', 'Page 5', 'Page 6', '…', 'Page 10', 'Next page →']);
      await search(page, 'spanish');
      await statusSays(page, `Matches for “spanish”: ${expectedMatches('spanish').length}`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('without JavaScript every plan and every deadline is listed, and no dead control shows', async () => {
    const page = await open({ javaScript: false });
    try {
      expect(await shownPlans(page)).toEqual(order);
      expect(await shownDeadlines(page)).toBe((await page.evaluate(`document.querySelectorAll('#deadlines tbody tr').length`)) as number);
      expect(await page.evaluate(`[...document.querySelectorAll('.search, nav.pager')].filter((element) => element.getClientRects().length > 0).length`)).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('in German: the messages, the numbers and the pager’s names', async () => {
    const page = await open({ site: 'out-de' });
    try {
      expect(await page.evaluate('document.documentElement.lang')).toBe('de');
      const pager = await pagerOf(page, 'plans');
      expect(pager.range).toBe('1–25 von 60');
      expect(pager.buttons).toEqual(['← Vorherige Seite', 'Seite 1', 'Seite 2', 'Seite 3', 'Nächste Seite →']);
      await search(page, 'zzzz');
      await statusSays(page, 'Kein Plan passt zu „zzzz“.');
      await search(page, 'a');
      await page.waitForFunction(`/^Treffer für „a“: \\d+$/.test(document.querySelector('#plans [role=status]').textContent)`, { timeout: 5000 });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
