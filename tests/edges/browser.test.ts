import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import * as browser from '../../src/edges/browser.js';
import { BrowserNotFoundError, browserVersion, findBrowser, howToGetABrowser, installedBrowserPaths, launchArgs, versionFromOutput, type FindBrowserOptions } from '../../src/edges/browser.js';

const on = (...files: string[]) => (file: string) => files.includes(file);

describe('findBrowser on Linux', () => {
  const find = (exists: (file: string) => boolean, more: Partial<FindBrowserOptions> = {}) => findBrowser({ env: {}, platform: 'linux', exists, puppeteerPath: () => undefined, ...more });

  test('takes the first installed browser in order of preference', () => {
    const all = ['/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/microsoft-edge-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
    expect(installedBrowserPaths('linux', {}).slice(0, all.length)).toEqual(all);
    for (const [index, file] of all.entries()) {
      expect(find(on(...all.slice(index)))).toEqual({ path: file, source: 'installed', reason: `found ${file}` });
    }
  });

  test('an explicit path beats the environment, which beats installed browsers, which beat Puppeteer', () => {
    const exists = on('/opt/mine/chrome', '/env/careerplan', '/env/puppeteer', '/usr/bin/chromium', '/cache/chrome-headless-shell');
    const env = { CAREERPLAN_BROWSER: '/env/careerplan', PUPPETEER_EXECUTABLE_PATH: '/env/puppeteer' };
    const puppeteerPath = () => '/cache/chrome-headless-shell';
    expect(find(exists, { explicit: '/opt/mine/chrome', explicitFrom: '--browser', env, puppeteerPath })).toEqual({ path: '/opt/mine/chrome', source: 'flag or config', reason: 'from --browser' });
    expect(find(exists, { env, puppeteerPath })).toEqual({ path: '/env/careerplan', source: 'environment', reason: 'CAREERPLAN_BROWSER is set' });
    expect(find(exists, { env: { PUPPETEER_EXECUTABLE_PATH: '/env/puppeteer' }, puppeteerPath })).toEqual({ path: '/env/puppeteer', source: 'environment', reason: 'PUPPETEER_EXECUTABLE_PATH is set' });
    expect(find(exists, { puppeteerPath })).toEqual({ path: '/usr/bin/chromium', source: 'installed', reason: 'found /usr/bin/chromium' });
    expect(find(on('/cache/chrome-headless-shell'), { puppeteerPath })).toEqual({ path: '/cache/chrome-headless-shell', source: 'puppeteer', reason: 'downloaded by Puppeteer' });
  });

  test('a named path that is missing is an error naming where it came from, not a fallthrough', () => {
    const exists = on('/usr/bin/chromium');
    expect(() => find(exists, { explicit: '/nope', explicitFrom: '--browser' })).toThrow(BrowserNotFoundError);
    expect(() => find(exists, { explicit: '/nope', explicitFrom: '--browser' })).toThrow('--browser');
    expect(() => find(exists, { explicit: '/nope', explicitFrom: '`pdf.browser` in careerplan.config.json' })).toThrow('`pdf.browser` in careerplan.config.json is not there: /nope');
    expect(() => find(exists, { env: { CAREERPLAN_BROWSER: '/nope' } })).toThrow('CAREERPLAN_BROWSER is set to /nope, which is not there');
    expect(() => find(exists, { env: { PUPPETEER_EXECUTABLE_PATH: '/nope' } })).toThrow('PUPPETEER_EXECUTABLE_PATH is set to /nope');
    // A good CAREERPLAN_BROWSER wins before a broken PUPPETEER_EXECUTABLE_PATH is looked at.
    expect(find(on('/ok'), { env: { CAREERPLAN_BROWSER: '/ok', PUPPETEER_EXECUTABLE_PATH: '/nope' } })?.path).toBe('/ok');
  });

  test('empty values count as unset', () => {
    expect(find(on('/usr/bin/chromium'), { explicit: '', env: { CAREERPLAN_BROWSER: '', PUPPETEER_EXECUTABLE_PATH: '' } })?.path).toBe('/usr/bin/chromium');
  });

  test("Puppeteer's download counts only when it is there, and a failing probe is no browser", () => {
    expect(find(on(), { puppeteerPath: () => '/cache/chrome-headless-shell' })).toBeUndefined();
    expect(
      find(on(), {
        puppeteerPath: () => {
          throw new Error('Could not find Chrome');
        },
      }),
    ).toBeUndefined();
    expect(find(on())).toBeUndefined();
  });

  test("by default, asks Puppeteer's own executablePath() for its headless shell", () => {
    const shell = `${path.sep}chrome-headless-shell${path.sep}`;
    const found = findBrowser({ env: {}, platform: 'linux', exists: (file) => file.includes(shell) });
    expect(found?.source).toBe('puppeteer');
    expect(found?.path).toMatch(/chrome-headless-shell$/);
  });
});

describe('findBrowser on macOS', () => {
  const env = { HOME: '/Users/sam' };
  const find = (...files: string[]) => findBrowser({ env, platform: 'darwin', exists: on(...files), puppeteerPath: () => undefined })?.path;
  const order = [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Users/sam/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Users/sam/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    '/Users/sam/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ];

  test('Chrome, then Chromium, then Edge, each in /Applications before ~/Applications', () => {
    expect(installedBrowserPaths('darwin', env)).toEqual(order);
    for (const [index, file] of order.entries()) expect(find(...order.slice(index))).toBe(file);
  });

  test('Linux places mean nothing there, and without HOME only /Applications is searched', () => {
    expect(find('/usr/bin/chromium')).toBeUndefined();
    expect(installedBrowserPaths('darwin', {})).toEqual(order.filter((file) => file.startsWith('/Applications')));
  });
});

describe('findBrowser on Windows', () => {
  const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\sam\\AppData\\Local' };
  const order = [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Users\\sam\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Chromium\\Application\\chrome.exe',
    'C:\\Users\\sam\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Users\\sam\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe',
  ];

  test('Chrome, Chromium, then Edge under %PROGRAMFILES%, %PROGRAMFILES(X86)% and %LOCALAPPDATA%', () => {
    expect(installedBrowserPaths('win32', env)).toEqual(order);
    for (const [index, file] of order.entries()) {
      expect(findBrowser({ env, platform: 'win32', exists: on(...order.slice(index)), puppeteerPath: () => undefined })).toEqual({ path: file, source: 'installed', reason: `found ${file}` });
    }
  });

  test('variables in any letter case, missing ones skipped', () => {
    expect(installedBrowserPaths('win32', { ProgramFiles: 'D:\\Apps' })).toEqual([
      'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe',
      'D:\\Apps\\Chromium\\Application\\chrome.exe',
      'D:\\Apps\\Microsoft\\Edge\\Application\\msedge.exe',
    ]);
  });

  test('the environment and Puppeteer come in the same order as elsewhere', () => {
    const exists = on('C:\\chrome.exe', 'C:\\cache\\chrome-headless-shell.exe', order[6] as string);
    const puppeteerPath = () => 'C:\\cache\\chrome-headless-shell.exe';
    expect(findBrowser({ env: { ...env, CAREERPLAN_BROWSER: 'C:\\chrome.exe' }, platform: 'win32', exists, puppeteerPath })?.source).toBe('environment');
    expect(findBrowser({ env, platform: 'win32', exists, puppeteerPath })?.path).toBe(order[6]);
    expect(findBrowser({ env: {}, platform: 'win32', exists, puppeteerPath })?.source).toBe('puppeteer');
  });
});

describe('howToGetABrowser', () => {
  test('one line per platform: what to install, the Puppeteer download, the variable, and --no-pdf', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const line = howToGetABrowser(platform);
      expect(line).not.toContain('\n');
      expect(line).toContain('npx puppeteer browsers install chrome-headless-shell');
      expect(line).toContain('CAREERPLAN_BROWSER');
      expect(line).toContain('careerplan build --no-pdf');
    }
    expect(howToGetABrowser('linux')).toContain('sudo apt-get install chromium');
    expect(howToGetABrowser('darwin')).toContain('Google Chrome');
    expect(howToGetABrowser('win32')).toContain('Microsoft Edge');
  });
});

describe('launchArgs', () => {
  const closedNetwork = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

  test('--no-sandbox only as root or in a container', () => {
    expect(launchArgs({ isRoot: true, inContainer: false })).toContain('--no-sandbox');
    expect(launchArgs({ isRoot: false, inContainer: true })).toContain('--no-sandbox');
    expect(launchArgs({ isRoot: false, inContainer: false })).not.toContain('--no-sandbox');
  });

  test('always the flags for containers and a closed network', () => {
    for (const isRoot of [true, false]) {
      expect(launchArgs({ isRoot, inContainer: false })).toEqual(expect.arrayContaining(['--disable-dev-shm-usage', '--disable-gpu', '--disable-extensions', '--mute-audio', ...closedNetwork]));
    }
  });
});

describe('browserVersion', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-browser-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const script = (name: string, body: string): string => {
    const file = path.join(folder, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };

  test("the first line of `--version`, without Debian's tail", async () => {
    expect(await browserVersion(script('chromium', 'echo "Chromium 156.0.8078.73 built on Debian GNU/Linux 12 (bookworm)"'))).toBe('Chromium 156.0.8078.73');
    expect(await browserVersion(script('chrome', 'echo "Google Chrome 150.0.1.2 "'))).toBe('Google Chrome 150.0.1.2');
  });

  test('undefined when the browser fails, says nothing or is not there', async () => {
    expect(await browserVersion(script('broken', 'exit 3'))).toBeUndefined();
    expect(await browserVersion(script('silent', 'true'))).toBeUndefined();
    expect(await browserVersion(path.join(folder, 'missing'))).toBeUndefined();
  });

  test('versionFromOutput skips blank lines', () => {
    expect(versionFromOutput('\n  Chromium 1.2.3\nmore\n')).toBe('Chromium 1.2.3');
    expect(versionFromOutput('')).toBeUndefined();
  });
});

describe('the search shared with the postinstall script (scripts/find-browser.mjs)', () => {
  type Search = Pick<typeof browser, 'findBrowser' | 'installedBrowserPaths' | 'howToGetABrowser' | 'browserEnvironmentVariables'>;
  const mirror = async (): Promise<Search> => (await import(new URL('../../scripts/find-browser.mjs', import.meta.url).href)) as Search;
  const outcome = (search: Search, options: FindBrowserOptions): unknown => {
    try {
      return search.findBrowser(options);
    } catch (error) {
      return { error: (error as Error).message, name: (error as Error).name };
    }
  };

  test('is the very search the CLI uses, not a copy (src/edges/browser.ts re-exports it as #find-browser)', async () => {
    const js = await mirror();
    expect(js.findBrowser).toBe(browser.findBrowser);
    expect(js.installedBrowserPaths).toBe(browser.installedBrowserPaths);
    expect(js.howToGetABrowser).toBe(browser.howToGetABrowser);
    expect(js.browserEnvironmentVariables).toBe(browser.browserEnvironmentVariables);
  });

  test('finds the same browser as src/edges/browser.ts in every case', async () => {
    const js = await mirror();
    expect(js.browserEnvironmentVariables).toEqual([...browser.browserEnvironmentVariables]);
    const envs = [
      {},
      { HOME: '/Users/sam', PROGRAMFILES: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Local' },
      { CAREERPLAN_BROWSER: '/env/careerplan' },
      { CAREERPLAN_BROWSER: '/missing' },
      { PUPPETEER_EXECUTABLE_PATH: '/env/puppeteer' },
      { PUPPETEER_EXECUTABLE_PATH: '/missing', HOME: '/home/sam' },
    ];
    let cases = 0;
    for (const platform of ['linux', 'darwin', 'win32', 'freebsd'] as const) {
      expect(js.howToGetABrowser(platform)).toBe(browser.howToGetABrowser(platform));
      for (const env of envs) {
        const places = browser.installedBrowserPaths(platform, env);
        expect(js.installedBrowserPaths(platform, env)).toEqual(places);
        const worlds = [[], ...places.map((place) => [place]), places, ['/env/careerplan', '/env/puppeteer', '/cache/shell'], ['/cache/shell'], ['/opt/given']];
        for (const files of worlds) {
          for (const explicit of [undefined, '/opt/given', '/missing']) {
            const options = { env, platform, exists: on(...files), puppeteerPath: () => '/cache/shell', ...(explicit ? { explicit, explicitFrom: '--browser' } : {}) };
            expect(outcome(js, options), JSON.stringify({ platform, env, files, explicit })).toEqual(outcome(browser, options));
            cases += 1;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(200);
  });
});

describe('removeBrowserProfile', () => {
  test('never throws while a process still writes into the profile, and removes it once the writing stops', async () => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'careerplan-profile-test-'));
    const folder = path.join(profile, 'Default');
    // A browser process that has not quite ended: it keeps writing files into the profile as fast as it can.
    const writer = spawn(process.execPath, ['-e', "const fs = require('fs'); for (let i = 0; ; i++) { try { fs.mkdirSync(process.argv[1], { recursive: true }); fs.writeFileSync(process.argv[1] + '/f' + i, 'x'); } catch {} }", folder], { stdio: 'ignore' });
    try {
      await vi.waitFor(() => expect(existsSync(path.join(folder, 'f100'))).toBe(true), { timeout: 10_000, interval: 5 });
      const removed = browser.removeBrowserProfile(profile);
      writer.kill('SIGKILL');
      expect(await removed).toBe(true);
      expect(existsSync(profile)).toBe(false);
    } finally {
      writer.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});
