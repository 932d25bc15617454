/** Real Chromium for end-to-end tests: the browser careerplan itself would use, started the way it starts it. */
import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser, howToGetABrowser, launchArgs } from '../../src/edges/browser.js';

/** Launches the browser `careerplan build` would print with; fails (never skips) when there is none, saying how to get one. */
export async function launchBrowser(): Promise<Browser> {
  const found = findBrowser({ env: process.env });
  if (!found) throw new Error(howToGetABrowser(process.platform));
  return puppeteer.launch({ executablePath: found.path, headless: true, args: launchArgs() });
}
