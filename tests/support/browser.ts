/** Real Chromium for end-to-end tests: the browser careerplan itself would use, started the way it starts it. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
import { findBrowser, howToGetABrowser, launchBrowser as launch } from '../../src/edges/browser.js';

/** Launches the browser `careerplan build` would print with; fails (never skips) when there is none, saying how to get one. */
export async function launchBrowser(): Promise<Browser> {
  const found = findBrowser({ env: process.env });
  if (!found) throw new Error(howToGetABrowser(process.platform));
  return launch(found.path);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The page's accessibility violations by axe-core (WCAG 2.1 AA and best practice), each as its rule id and the elements. Runs in the page. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools, which the page's content policy does not govern (an inline script tag would be refused).
  await page.evaluate(axeSource);
  // Runs in the page (a string, so the tests need no DOM types).
  return (await page.evaluate(`(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => v.id + ': ' + v.nodes.map((node) => node.target.join(' ')).join(', '));
  })()`)) as string[];
}
