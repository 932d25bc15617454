import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.js';
import { careerplan, repo } from './run.js';

const pages = ['index.html', 'jordan-lee/index.html', 'lena-schmidt/index.html', 'sam-okafor/index.html'];

let folder: string;
let browser: Browser;
beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-a11y-'));
  cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
  const run = await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder });
  expect(run.status, run.stderr).toBe(0);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the example site in real Chromium', () => {
  test.each(pages)('%s has no accessibility violations (axe-core, WCAG 2.1 AA)', async (name) => {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(path.join(folder, 'out', name)).href, { waitUntil: 'load' });
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test.each(pages)('%s fits a 390 px phone screen without sideways scrolling', async (name) => {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 390, height: 844 });
      await page.goto(pathToFileURL(path.join(folder, 'out', name)).href, { waitUntil: 'load' });
      const widths = (await page.evaluate('({ page: document.documentElement.scrollWidth, view: window.innerWidth })')) as { page: number; view: number };
      expect(widths.page).toBeLessThanOrEqual(widths.view);
    } finally {
      await page.close();
    }
  });

  // A4 less the default 18 mm margins is 174 mm: 658 CSS px. Chromium cuts what is wider at the margin, on every page of the PDF.
  test.each(pages.filter((name) => name !== 'index.html'))('%s fits the width of an A4 page with the default margins in print', async (name) => {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 658, height: 1000 });
      await page.emulateMediaType('print');
      await page.goto(pathToFileURL(path.join(folder, 'out', name)).href, { waitUntil: 'load' });
      const widths = (await page.evaluate('({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth })')) as { page: number; view: number };
      expect(widths.page).toBeLessThanOrEqual(widths.view);
    } finally {
      await page.close();
    }
  });

  test('the fonts come from the site itself', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    try {
      await page.goto(pathToFileURL(path.join(folder, 'out', 'jordan-lee/index.html')).href, { waitUntil: 'networkidle0' });
      const loaded = (await page.evaluate(`document.fonts.ready.then(() => [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family.replace(/"/g, '')))`)) as string[];
      expect(loaded).toContain('Inter');
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
