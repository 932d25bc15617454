/**
 * The built site in real Chromium, opened from disk: every page carries a
 * Content-Security-Policy under which the site's own scripts, styles, fonts
 * and images work without a single violation (the index's search still
 * finds plans), while anything from elsewhere is refused by the browser
 * itself; and a plan whose raw HTML asks for remote images, `srcset`s and
 * CSS makes no request outside the site.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { minimalPlan } from '../support/plans.js';
import { startWatch } from '../support/watch-process.js';
import { careerplan, repo } from './run.js';

const pages = ['index.html', 'jordan-lee/index.html', 'lena-schmidt/index.html', 'sam-okafor/index.html', 'remote/index.html'];

/** A plan whose raw HTML (kept by the config) asks for things from elsewhere in every way the page could load them. */
const remotePlan = minimalPlan(
  '',
  `![chart](https://images.example.com/chart.png) and ![bare](http:images.example.com/x.png) and ![rooted](http:/x.png)

<img src="https://images.example.com/raw.png" srcset="https://images.example.com/raw-2x.png 2x">

<picture><source srcset="//images.example.com/p.webp"><img src="images/speaking-progress.svg" alt="progress"></picture>

<p style="background: url(https://images.example.com/bg.png)">Styled</p>

<video poster="https://images.example.com/poster.png" src="https://video.example.com/v.mp4"></video>
`,
);

let folder: string;
let browser: Browser;
let buildOutput: string;
beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-csp-'));
  cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
  writeFileSync(path.join(folder, 'plans', 'remote.md'), remotePlan);
  writeFileSync(path.join(folder, 'careerplan.config.json'), JSON.stringify({ allowRawHtml: true }));
  const run = await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder });
  expect(run.status, run.stderr).toBe(0);
  buildOutput = run.stderr;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A page opened from disk, with every request it made and every policy violation it reported. */
async function open(name: string): Promise<{ page: Page; requests: string[]; answered: string[]; violations: () => Promise<string[]>; console: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const answered: string[] = [];
  const messages: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfinished', (request) => answered.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') messages.push(message.text());
  });
  await page.evaluateOnNewDocument(`window.__violations = []; document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));`);
  await page.goto(pathToFileURL(path.join(folder, 'out', name)).href, { waitUntil: 'networkidle0' });
  return { page, requests, answered, console: messages, violations: () => page.evaluate('window.__violations') as Promise<string[]> };
}

describe('the content policy of the built pages', () => {
  test.each(pages)('%s carries the policy, loads only the site\'s own files and breaks nothing', async (name) => {
    const html = readFileSync(path.join(folder, 'out', name), 'utf8');
    expect(html).toMatch(/<head>\s*<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self';/);
    const { page, requests, violations, console } = await open(name);
    try {
      expect(await violations()).toEqual([]);
      expect(console).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      // The site's own stylesheet and fonts arrived.
      expect(await page.evaluate(`getComputedStyle(document.body).fontFamily`)).toContain('Inter');
    } finally {
      await page.close();
    }
  });

  test('the browser itself refuses what the page did not ask for: a remote image and an inline script added later', async () => {
    const { page, answered, violations } = await open('jordan-lee/index.html');
    try {
      await page.evaluate(`(() => {
        const image = document.createElement('img');
        image.src = 'https://images.example.com/tracker.png';
        document.body.append(image);
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.append(script);
      })()`);
      await page.waitForFunction('window.__violations.length >= 2', { timeout: 5000 });
      expect((await violations()).sort()).toEqual(['img-src https://images.example.com/tracker.png', 'script-src-elem inline']);
      expect(await page.evaluate('window.__ran === true')).toBe(false);
      // Chromium names the blocked image as a request, but never sends it.
      expect(answered.filter((url) => !url.startsWith('file://'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the index search works under the policy', async () => {
    const { page, violations } = await open('index.html');
    try {
      await page.waitForSelector('.search:not([hidden])');
      await page.type('#plans-search', 'Lena');
      await page.waitForFunction(`[...document.querySelectorAll('#plans-table tbody tr')].filter((row) => row.getClientRects().length > 0).length === 1`, { timeout: 5000 });
      const shown = await page.evaluate(`[...document.querySelectorAll('#plans-table tbody tr')].filter((row) => row.getClientRects().length > 0).map((row) => row.querySelector('th a').getAttribute('href'))`);
      expect(shown).toEqual(['lena-schmidt/index.html']);
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a plan asking for remote images, srcsets and CSS gets each left out with a warning (a video is left out whole), and its page keeps its own image', async () => {
    const warnings = buildOutput.split('\n').filter((line) => line.startsWith('plans/remote.md:') && line.endsWith('remote-content'));
    expect(warnings.map((line) => line.split(' ')[0])).toEqual([
      'plans/remote.md:10:1',
      'plans/remote.md:10:52',
      'plans/remote.md:10:95',
      'plans/remote.md:12:1',
      'plans/remote.md:12:1',
      'plans/remote.md:14:10',
      'plans/remote.md:16:1',
    ]);
    const html = readFileSync(path.join(folder, 'out', 'remote', 'index.html'), 'utf8');
    const body = html.slice(html.indexOf('id="notes"'));
    expect(body).not.toMatch(/<img[^>]+example\.com|srcset="[^"]*example|url\(|poster=|<video/);
    expect(body).toContain('<a href="https://images.example.com/chart.png">chart</a>');
    expect(body).toContain('<a href="http:images.example.com/x.png">bare</a>');
    expect(body).toContain('<img src="media/images/speaking-progress.svg" alt="progress">');
    const { page, requests } = await open('remote/index.html');
    try {
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      expect(requests.some((url) => url.endsWith('/remote/media/images/speaking-progress.svg'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  test('in the live preview the reload client runs under both the page\'s policy and the server\'s: its overlay shows, with no violation', async () => {
    const watch = await startWatch(folder, ['--as-of', '2026-11-26', '--no-pdf', '--out', 'preview-out']);
    const page = await browser.newPage();
    try {
      await page.evaluateOnNewDocument(`window.__violations = []; document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));`);
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(new URL('/remote/', watch.url).href, { waitUntil: 'load' });
      // The client script (a file of the preview) draws the plan's warnings over the page, with a style element of its own.
      await page.waitForSelector('#careerplan-overlay', { timeout: 10_000 });
      expect(await page.evaluate('window.__violations')).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(watch.url))).toEqual([]);
    } finally {
      await page.close();
      await watch.stop();
    }
  });
});
