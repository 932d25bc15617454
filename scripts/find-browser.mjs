/**
 * The browser search of src/edges/browser.ts in plain JavaScript, for the
 * postinstall script: it runs before `prepare` compiles the TypeScript, so it
 * cannot import dist/. tests/edges/browser.test.ts runs both searches on the
 * same cases and fails when they differ: change both together.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

/** An explicitly named browser (environment) that is not there. */
export class BrowserNotFoundError extends Error {
  name = 'BrowserNotFoundError';
}

/** The environment variables that name a browser, in the order they are read. */
export const browserEnvironmentVariables = ['CAREERPLAN_BROWSER', 'PUPPETEER_EXECUTABLE_PATH'];

/**
 * Finds the browser to print with, in the order of src/edges/browser.ts.
 * Pure when `exists` and `puppeteerPath` are given; `exists` defaults to the disk.
 * @param {{ explicit?: string, explicitFrom?: string, env: Record<string, string | undefined>, platform?: NodeJS.Platform, exists?: (file: string) => boolean, puppeteerPath?: () => string | undefined }} options
 * @returns {{ path: string, source: 'flag or config' | 'environment' | 'installed' | 'puppeteer', reason: string } | undefined}
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
  const downloaded = safely(options.puppeteerPath ?? (() => undefined));
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
    const roots = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].map((name) => environmentValue(env, name)).filter((root) => Boolean(root));
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
 * Whether a regular file is there.
 * @param {string} file
 */
export function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** @param {() => string | undefined} probe */
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
