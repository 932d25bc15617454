/** Real Chromium for end-to-end tests: the system's browser, started the way careerplan will start it. */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

const candidates = [process.env.CAREERPLAN_BROWSER, process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Launches headless Chromium; fails (never skips) when there is none, saying how to get one. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = candidates.find((candidate): candidate is string => typeof candidate === 'string' && existsSync(candidate));
  if (!executablePath) throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CAREERPLAN_BROWSER');
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
