import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, HTTPResponse, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startWatch, type WatchProcess } from '../support/watch-process.js';
import { repo } from './run.js';

const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-watch-browser-')));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Resolves once the page's reload script has its events stream open, so a rebuild's event reaches it. */
const eventsOpen = (page: Page): Promise<HTTPResponse> => page.waitForResponse((response) => response.url().endsWith('/__careerplan/events'), { timeout: 15_000 });

const headingOf = (page: Page): Promise<string> => page.$eval('h1', (h1) => h1.textContent ?? '');

describe('the live preview in real Chromium', () => {
  let watch: WatchProcess;
  let folder: string;
  beforeAll(async () => {
    folder = path.join(scratch, 'project');
    cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
    watch = await startWatch(folder, ['--as-of', '2026-11-26']);
  });
  afterAll(async () => {
    expect(await watch?.stop()).toBe(0);
  });

  test('a saved plan shows in the open page, at the same scroll; a mistake shows over the last good page; the fix clears it', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const plan = path.join(folder, 'plans/jordan-lee.md');
    const original = await readFile(plan, 'utf8');
    const first = /^title: (.*)$/m.exec(original)?.[1] as string;

    let connected = eventsOpen(page);
    await page.goto(`${watch.url}jordan-lee/`);
    await connected;
    expect(await headingOf(page)).toContain(first.replace(/^"|"$/g, ''));
    await page.evaluate('window.scrollTo(0, 900)');

    connected = eventsOpen(page);
    await writeFile(plan, original.replace(/^title: .*$/m, 'title: Seen without pressing reload'));
    await page.waitForFunction(`document.querySelector('h1')?.textContent?.includes('Seen without pressing reload')`, { polling: 50, timeout: 15_000 });
    await connected;
    await page.waitForFunction('Math.abs(window.scrollY - 900) < 2', { polling: 50, timeout: 5_000 });

    connected = eventsOpen(page);
    await writeFile(plan, original.replace(/^title: .*$/m, 'title: [never closed'));
    const overlay = await page.waitForSelector('#careerplan-overlay', { visible: true, timeout: 15_000 });
    await connected;
    const text = await overlay?.evaluate((element) => (element as unknown as { innerText: string }).innerText);
    expect(text).toContain('plans/jordan-lee.md:');
    expect(text).toContain('yaml-syntax');
    expect(text).toContain('title: [never closed');
    // Under the overlay: the last good version.
    expect(await headingOf(page)).toContain('Seen without pressing reload');

    connected = eventsOpen(page);
    await writeFile(plan, original.replace(/^title: .*$/m, 'title: Fixed and shown'));
    await page.waitForFunction(`document.querySelector('h1')?.textContent?.includes('Fixed and shown') && !document.querySelector('#careerplan-overlay')`, { polling: 50, timeout: 15_000 });
    await connected;
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the index reloads when a plan is added, and the print view shows the PDF printed again after a save', async () => {
    const page = await browser.newPage();
    let connected = eventsOpen(page);
    await page.goto(watch.url);
    await connected;
    connected = eventsOpen(page);
    const sam = path.join(folder, 'plans/sam-okafor.md');
    await writeFile(path.join(folder, 'plans/ada.md'), (await readFile(sam, 'utf8')).replace(/^owner: .*$/m, 'owner: Ada Newcomer'));
    await page.waitForFunction(`document.body.textContent?.includes('Ada Newcomer')`, { polling: 50, timeout: 15_000 });
    await connected;

    const view = await browser.newPage();
    connected = eventsOpen(view);
    await view.goto(`${watch.url}__careerplan/print/sam-okafor/`);
    await view.waitForSelector('iframe#careerplan-pdf', { timeout: 60_000 });
    await connected;
    const before = await view.$eval('iframe#careerplan-pdf', (frame) => frame.getAttribute('src'));
    await writeFile(sam, (await readFile(sam, 'utf8')).replace(/^title: .*$/m, 'title: Reprinted while writing'));
    const reprinted = `(() => { const src = document.querySelector('iframe#careerplan-pdf')?.getAttribute('src'); return src !== ${JSON.stringify(before)} && src?.includes('?v='); })()`;
    await view.waitForFunction(reprinted, { polling: 100, timeout: 60_000 });
    await page.close();
    await view.close();
  }, 120_000);
});
