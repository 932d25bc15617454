import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { overlayProblems } from '../../src/diagnostics/reporters/overlay.js';
import { createServer, eventsPath, type PreviewServer } from '../../src/edges/server.js';
import { clientScript } from '../../src/preview/client-script.js';
import { clientPath, injectPreview, type PreviewState } from '../../src/preview/inject.js';
import { printViewPage } from '../../src/preview/print-view.js';
import { launchBrowser } from '../support/browser.js';
import { checkText } from '../support/plans.js';

const hostileKey = '<img src=x onerror="window.pwned=1">';
const planText = `---\ntitle: Plan\nowner: Jordan\n'${hostileKey}': 1\ngoals:\n  - title: Ship it\n    due: 2027-06\n    steps: [Start]\n---\n`;
const checked = checkText(planText, { 'unknown-key': 'error', 'goal-needs-measure': 'warn' });
const problems = overlayProblems(checked.diagnostics, new Map([['plans/plan.md', planText]]));

let root: string;
let server: PreviewServer;
let browser: Browser;
const states = new Map<string, PreviewState>([
  ['/problems/', { problems }],
  ['/plan/', { problems: [], printView: '/__careerplan/print/jordan-lee/' }],
  ['/building/', { problems: [], building: { built: 12, plans: 1000 } }],
]);
let pdfReady = true;

/** A page much taller than the window, so there is something to scroll. */
function tallPage(heading: string, extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${heading}</title></head><body><h1 id="heading">${heading}</h1>${extra}<div style="height: 5000px"></div><p>The end</p></body></html>`;
}

function write(name: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), text);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'careerplan-preview-client-'));
  write('doc/index.html', tallPage('Version 1'));
  write('problems/index.html', tallPage('Last good version'));
  write('plan/index.html', tallPage('Jordan Lee'));
  write('building/index.html', tallPage('Plans'));
  // The pdf event as a marker: it changes this iframe, so once it has, every event sent before it was handled.
  write('quiet/index.html', tallPage('Quiet', '<iframe id="careerplan-pdf" data-slug="marker" src="/marker.txt" title="Marker"></iframe>'));
  write('marker.txt', 'marker');
  write('jordan-lee/jordan-lee.pdf', '%PDF-1.4\n%%EOF\n');
  server = await createServer({
    root,
    port: 0,
    inject: (html, requestPath) => injectPreview(html, states.get(requestPath) ?? { problems: [] }),
    memory: (name) => {
      if (name === 'client.js') return clientScript;
      if (name !== 'print/jordan-lee/') return undefined;
      return printViewPage({ slug: 'jordan-lee', title: 'Jordan Lee', lang: 'en', pdfReady, state: { problems: [] } });
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Resolves when the page's events stream has its response headers: from then on the server sends it every broadcast. */
function eventsConnected(page: Page): Promise<unknown> {
  return page.waitForResponse((response) => new URL(response.url()).pathname === eventsPath);
}

/** Opens a server path in a new tab and waits until the client script listens for events. */
async function open(target: string, options: { bypassCsp?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage();
  // Well within the test's own timeout, so a wait that fails says which.
  page.setDefaultTimeout(10_000);
  await page.setViewport({ width: 1000, height: 700 });
  if (options.bypassCsp === true) await page.setBypassCSP(true);
  const connected = eventsConnected(page);
  await page.goto(new URL(target, server.url).href, { waitUntil: 'load' });
  await connected;
  return page;
}

/** Sends an event and waits for the page to load again, with its events stream connected. */
async function reloadedBy(page: Page, event: string, data: unknown): Promise<void> {
  const navigation = page.waitForNavigation({ waitUntil: 'load' });
  const connected = eventsConnected(page);
  server.broadcast(event, JSON.stringify(data));
  await navigation;
  await connected;
}

const evaluate = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;

describe('the overlay', () => {
  test('shows every problem above the last good page, as text, with its code frame and note', async () => {
    // Without the CSP, so only building the DOM from text keeps the message's onerror from running.
    const page = await open('/problems/', { bypassCsp: true });
    try {
      expect(problems.map((problem) => problem.severity)).toEqual(['error', 'warning']);
      const shown = await evaluate<{ role: string; label: string; heading: string; problems: string[]; frames: string[]; images: number; position: string; height: number; page: string }>(
        page,
        `(() => {
          const panel = document.getElementById('careerplan-overlay');
          return {
            role: panel.getAttribute('role'),
            label: panel.getAttribute('aria-label'),
            heading: panel.querySelector('h2').textContent,
            problems: [...panel.querySelectorAll('.careerplan-problem')].map((problem) => problem.textContent),
            frames: [...panel.querySelectorAll('pre')].map((pre) => pre.textContent),
            images: document.querySelectorAll('img').length,
            position: getComputedStyle(panel).position,
            height: panel.getBoundingClientRect().height / innerHeight,
            page: document.getElementById('heading').textContent,
          };
        })()`,
      );
      expect(shown).toMatchObject({ role: 'alert', label: 'careerplan problems', images: 0, position: 'fixed', page: 'Last good version' });
      expect(shown.heading).toBe('careerplan: 2 problems — the page shows the last good version');
      expect(shown.height).toBeLessThanOrEqual(0.6);
      const [error, warning] = problems;
      expect(shown.problems[0]).toContain(`plans/plan.md:${error?.line}:${error?.column}`);
      expect(shown.problems[0]).toContain(error?.message);
      expect(shown.problems[0]).toContain(hostileKey);
      expect(shown.problems[0]).toContain('unknown-key');
      expect(shown.problems[1]).toContain(warning?.message);
      expect(shown.frames).toEqual([error?.frame]);
      expect(shown.frames[0]).toContain(hostileKey);
      expect(await evaluate(page, 'window.pwned')).toBeUndefined();
    } finally {
      await page.close();
    }
  });

  test('meets WCAG 2.1 AA (axe-core)', async () => {
    const page = await open('/problems/', { bypassCsp: true });
    try {
      await page.addScriptTag({ path: path.join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
      const violations = await evaluate<string[]>(
        page,
        `axe.run('#careerplan-overlay', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((node) => node.target.join(' ')).join(', ')))`,
      );
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the close button and Escape hide it; the page stays', async () => {
    const page = await open('/problems/');
    try {
      await page.click('#careerplan-overlay button');
      expect(await evaluate(page, `document.getElementById('careerplan-overlay')`)).toBeNull();
      await page.reload({ waitUntil: 'load' });
      expect(await evaluate(page, `!!document.getElementById('careerplan-overlay')`)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await evaluate(page, `document.getElementById('careerplan-overlay')`)).toBeNull();
      expect(await evaluate(page, `document.getElementById('heading').textContent`)).toBe('Last good version');
    } finally {
      await page.close();
    }
  });

  test('no problems, no overlay and no print view link', async () => {
    const page = await open('/doc/');
    try {
      expect(await evaluate(page, `[!!document.getElementById('careerplan-overlay'), !!document.getElementById('careerplan-print-view-link')]`)).toEqual([false, false]);
      expect(await evaluate(page, `document.querySelector('script[src="${clientPath}"]') !== null`)).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('the print view link', () => {
  test('sits in the bottom-right corner, is not printed, and opens the print view', async () => {
    const page = await open('/plan/');
    try {
      const link = await evaluate<{ text: string; href: string; position: string; right: number; bottom: number }>(
        page,
        `(() => {
          const link = document.getElementById('careerplan-print-view-link');
          const box = link.getBoundingClientRect();
          return { text: link.textContent, href: link.getAttribute('href'), position: getComputedStyle(link).position, right: innerWidth - box.right, bottom: innerHeight - box.bottom };
        })()`,
      );
      expect(link).toMatchObject({ text: 'Print view', href: '/__careerplan/print/jordan-lee/', position: 'fixed' });
      expect(link.right).toBeGreaterThan(0);
      expect(link.right).toBeLessThan(40);
      expect(link.bottom).toBeLessThan(40);
      await page.emulateMediaType('print');
      expect(await evaluate(page, `getComputedStyle(document.getElementById('careerplan-print-view-link')).display`)).toBe('none');
      await page.emulateMediaType('screen');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#careerplan-print-view-link')]);
      expect(new URL(page.url()).pathname).toBe('/__careerplan/print/jordan-lee/');
      expect(await evaluate(page, `document.getElementById('careerplan-pdf').getAttribute('src')`)).toBe('/jordan-lee/jordan-lee.pdf');
    } finally {
      await page.close();
    }
  });
});

describe('the first build’s progress', () => {
  test('while the first build runs, the page says how many plans are built, in the bottom-left corner, not printed', async () => {
    const page = await open('/building/');
    try {
      const note = await evaluate<{ text: string; role: string | null; position: string; left: number }>(
        page,
        `(() => {
          const note = document.getElementById('careerplan-building');
          return { text: note.textContent, role: note.getAttribute('role'), position: getComputedStyle(note).position, left: note.getBoundingClientRect().left };
        })()`,
      );
      expect(note).toEqual({ text: 'Building the plans: 12 of 1,000. This list updates when all are built.', role: 'status', position: 'fixed', left: 12 });
      await page.emulateMediaType('print');
      expect(await evaluate(page, `getComputedStyle(document.getElementById('careerplan-building')).display`)).toBe('none');
    } finally {
      await page.close();
    }
    const done = await open('/plan/');
    try {
      expect(await evaluate(done, `document.getElementById('careerplan-building')`)).toBeNull();
    } finally {
      await done.close();
    }
  });
});

describe('reload events', () => {
  test('a reload for this page shows the new file at the same scroll position', async () => {
    write('doc/index.html', tallPage('Version 1'));
    const page = await open('/doc/');
    try {
      // Only the client script may restore the scroll, not the browser's own restoration on reload.
      await evaluate(page, `history.scrollRestoration = 'manual'; window.scrollTo(0, 1500)`);
      await page.waitForFunction('window.scrollY === 1500');
      write('doc/index.html', tallPage('Version 2'));
      await reloadedBy(page, 'reload', { paths: ['/', '/doc/'] });
      expect(await evaluate(page, `document.getElementById('heading').textContent`)).toBe('Version 2');
      await page.waitForFunction('Math.abs(window.scrollY - 1500) < 1');
      expect(await evaluate(page, `sessionStorage.getItem('careerplan:scroll:/doc/')`)).toBeNull();
    } finally {
      await page.close();
    }
  });

  test('/doc/index.html is the page /doc/; {all: true} reloads any page', async () => {
    const page = await open('/doc/index.html');
    try {
      await evaluate(page, 'window.marker = 1');
      await reloadedBy(page, 'reload', { paths: ['/doc/'] });
      expect(await evaluate(page, 'window.marker')).toBeUndefined();
      await evaluate(page, 'window.marker = 2');
      await reloadedBy(page, 'reload', { all: true });
      expect(await evaluate(page, 'window.marker')).toBeUndefined();
    } finally {
      await page.close();
    }
  });

  test('a reload for other pages, or with data it cannot read, leaves the page alone', async () => {
    const page = await open('/quiet/');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    let navigations = 0;
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations++;
    });
    try {
      await evaluate(page, 'window.marker = 1');
      for (const data of [JSON.stringify({ paths: ['/doc/', '/quiet/other/', '/quiet'] }), 'not json', '{"paths": "/quiet/"}', '{"all": "yes"}', 'null', '[]']) {
        server.broadcast('reload', data);
      }
      for (const data of ['null', '{"slug": 1}', '{']) server.broadcast('pdf', data);
      server.broadcast('pdf', JSON.stringify({ slug: 'marker' }));
      await page.waitForFunction(`document.getElementById('careerplan-pdf').getAttribute('src').startsWith('/marker.txt?v=')`);
      // This checks an absence: a reload would have started by now, so wait a little for a navigation that must not come.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(navigations).toBe(0);
      expect(await evaluate(page, 'window.marker')).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the print view', () => {
  test('a pdf event for its plan reloads the PDF', async () => {
    pdfReady = true;
    const page = await open('/__careerplan/print/jordan-lee/');
    try {
      expect(await evaluate(page, `document.getElementById('careerplan-pdf').getAttribute('src')`)).toBe('/jordan-lee/jordan-lee.pdf');
      server.broadcast('pdf', JSON.stringify({ slug: 'jordan-lee' }));
      await page.waitForFunction(`document.getElementById('careerplan-pdf').getAttribute('src') !== '/jordan-lee/jordan-lee.pdf'`);
      expect(await evaluate(page, `document.getElementById('careerplan-pdf').getAttribute('src')`)).toMatch(/^\/jordan-lee\/jordan-lee\.pdf\?v=\d+$/);
    } finally {
      await page.close();
    }
  });

  test('while the PDF is printed it says so, and shows the PDF on the pdf event', async () => {
    pdfReady = false;
    const page = await open('/__careerplan/print/jordan-lee/');
    try {
      expect(await evaluate(page, `document.getElementById('careerplan-pdf-pending').dataset.slug`)).toBe('jordan-lee');
      pdfReady = true;
      await reloadedBy(page, 'pdf', { slug: 'jordan-lee' });
      expect(await evaluate(page, `[!!document.getElementById('careerplan-pdf'), !!document.getElementById('careerplan-pdf-pending')]`)).toEqual([true, false]);
    } finally {
      pdfReady = true;
      await page.close();
    }
  });
});
