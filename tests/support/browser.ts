/** Real Chromium for end-to-end tests: the browser careerplan itself would use, started the way it starts it. */
import type { Browser } from 'puppeteer-core';
import { findBrowser, howToGetABrowser, launchBrowser as launch } from '../../src/edges/browser.js';

/** Launches the browser `careerplan build` would print with; fails (never skips) when there is none, saying how to get one. */
export async function launchBrowser(): Promise<Browser> {
  const found = findBrowser({ env: process.env });
  if (!found) throw new Error(howToGetABrowser(process.platform));
  return launch(found.path);
}
