// @ts-check
/**
 * careerplan's one browser search, shared by the CLI and the postinstall
 * script. Plain JavaScript because the postinstall script runs before
 * `prepare` compiles the TypeScript (a fresh clone has no dist/ yet); the CLI
 * imports it as `#find-browser` (package.json `imports`), which resolves from
 * src/ and dist/src/ alike, in a clone and in the published package (which
 * ships scripts/). Its types are in find-browser.d.mts.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** An explicitly named browser (flag, config, environment) that is not there. */
export class BrowserNotFoundError extends Error {
  name = 'BrowserNotFoundError';
}

/** The environment variables that name a browser, in the order they are read. */
export const browserEnvironmentVariables = Object.freeze(['CAREERPLAN_BROWSER', 'PUPPETEER_EXECUTABLE_PATH']);

/**
 * Finds the browser to print with: an explicit path, then CAREERPLAN_BROWSER
 * and PUPPETEER_EXECUTABLE_PATH, then an installed Chrome, Chromium or Edge,
 * then one that Puppeteer downloaded. A named path that is missing throws
 * `BrowserNotFoundError`; finding nothing returns `undefined`. Pure when every
 * probe is given; the defaults read the disk.
 * @param {import('./find-browser.d.mts').FindBrowserOptions} options
 * @returns {import('./find-browser.d.mts').BrowserChoice | undefined}
 */
export function findBrowser(options) {
  const exists = options.exists ?? isFile;
  const platform = options.platform ?? process.platform;

  if (options.explicit) {
    const from = options.explicitFrom ?? "--browser or the config's `pdf.browser`";
    if (!exists(options.explicit)) throw new BrowserNotFoundError(`the browser given by ${from} is not there: ${options.explicit}`);
    return { path: options.explicit, source: 'flag or config', reason: `from ${from}` };
  }
  for (const name of browserEnvironmentVariables) {
    const named = options.env[name];
    if (!named) continue;
    if (!exists(named)) throw new BrowserNotFoundError(`${name} is set to ${named}, which is not there: fix it or unset it`);
    return { path: named, source: 'environment', reason: `${name} is set` };
  }
  const installed = installedBrowserPaths(platform, options.env).find((candidate) => exists(candidate));
  if (installed) return { path: installed, source: 'installed', reason: `found ${installed}` };
  const downloaded = safely(options.puppeteerPath ?? puppeteerDownload);
  if (downloaded && exists(downloaded)) return { path: downloaded, source: 'puppeteer', reason: 'downloaded by Puppeteer' };
  return undefined;
}

/**
 * The usual places of Chrome, Chromium and Edge on a platform, most preferred first. Pure.
 * @param {NodeJS.Platform} platform
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function installedBrowserPaths(platform, env) {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const home = env.HOME;
    const folders = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])];
    return apps.flatMap((app) => folders.map((folder) => path.posix.join(folder, app)));
  }
  if (platform === 'win32') {
    const roots = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].map((name) => environmentValue(env, name)).filter(/** @type {(root: string | undefined) => root is string} */ (root) => Boolean(root));
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  return [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
    '/usr/local/bin/chromium',
    '/usr/local/bin/google-chrome',
    '/opt/google/chrome/chrome',
  ];
}

/**
 * The one line shown when no browser is found: how to get one on this platform. Pure.
 * @param {NodeJS.Platform} platform
 */
export function howToGetABrowser(platform) {
  const install =
    platform === 'darwin'
      ? 'install Google Chrome or Chromium'
      : platform === 'win32'
        ? 'install Google Chrome or Microsoft Edge'
        : 'install Chromium (Debian/Ubuntu: sudo apt-get install chromium)';
  return `No browser for PDFs: ${install}, or run \`npx puppeteer browsers install chrome-headless-shell\`, or set CAREERPLAN_BROWSER; \`careerplan build --no-pdf\` builds the HTML alone`;
}

/**
 * Whether a regular file is there (symbolic links followed). Reads the disk.
 * @param {string} file
 */
export function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Where Puppeteer's installer puts the headless shell, then Chrome, at the
 * builds puppeteer-core pins, in Puppeteer's cache folder (PUPPETEER_CACHE_DIR,
 * else ~/.cache/puppeteer): the browser careerplan's postinstall downloads.
 * Loaded (synchronously, CommonJS) only when no other browser was found.
 * Reads the disk.
 * @returns {string | undefined}
 */
export function puppeteerDownload() {
  const require = createRequire(import.meta.url);
  /** @type {typeof import('@puppeteer/browsers')} */
  const browsers = require('@puppeteer/browsers');
  const revisions = /** @type {Record<string, string | undefined>} */ (require('puppeteer-core/internal/revisions.js').PUPPETEER_REVISIONS);
  const platform = safely(() => browsers.detectBrowserPlatform());
  if (!platform) return undefined;
  const cacheDir = process.env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  const candidates = [browsers.Browser.CHROMEHEADLESSSHELL, browsers.Browser.CHROME].map((browser) =>
    safely(() => browsers.computeExecutablePath({ browser, buildId: revisions[browser] ?? '', cacheDir, platform })),
  );
  return candidates.find((candidate) => candidate !== undefined && isFile(candidate)) ?? candidates.find((candidate) => candidate !== undefined);
}

/**
 * A probe's answer, or `undefined` when it throws.
 * @template T
 * @param {() => T | undefined} probe
 * @returns {T | undefined}
 */
function safely(probe) {
  try {
    return probe();
  } catch {
    return undefined;
  }
}

/**
 * Windows spells its variables in any case (`ProgramFiles`); a plain record does not.
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 */
function environmentValue(env, name) {
  if (env[name]) return env[name];
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}
