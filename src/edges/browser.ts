/**
 * Which browser prints the PDFs, and how it is started. The search is pure
 * with injected probes (`findBrowser`); its defaults look at the real disk
 * and at Puppeteer's download cache. `scripts/find-browser.mjs` repeats the
 * search in plain JavaScript for the postinstall script, which runs before
 * TypeScript is compiled; tests/edges/browser.test.ts keeps the two in step.
 */
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { isAlive } from './files.js';

/** Where the chosen browser came from. */
export type BrowserSource = 'flag or config' | 'environment' | 'installed' | 'puppeteer';

/** The browser careerplan will start, and why that one. */
export interface BrowserChoice {
  readonly path: string;
  readonly source: BrowserSource;
  /** A short sentence: "from --browser", "CAREERPLAN_BROWSER is set", "found /usr/bin/chromium", "downloaded by Puppeteer". */
  readonly reason: string;
}

/** What `findBrowser` looks at; every probe can be replaced. */
export interface FindBrowserOptions {
  /** A path given with `--browser` or the config's `pdf.browser`. */
  readonly explicit?: string | undefined;
  /** Where `explicit` came from, for the reason and the error: default "--browser or the config's `pdf.browser`". */
  readonly explicitFrom?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  /** Whether a file is there. Default: the real disk. */
  readonly exists?: (file: string) => boolean;
  /** The browser Puppeteer downloaded, if any; must not throw. Default: Puppeteer's own `executablePath()`. */
  readonly puppeteerPath?: () => string | undefined;
}

/** An explicitly named browser (flag, config, environment) that is not there. */
export class BrowserNotFoundError extends Error {
  override readonly name = 'BrowserNotFoundError';
}

/** The environment variables that name a browser, in the order they are read. */
export const browserEnvironmentVariables = ['CAREERPLAN_BROWSER', 'PUPPETEER_EXECUTABLE_PATH'] as const;

/**
 * Finds the browser to print with: an explicit path, then CAREERPLAN_BROWSER
 * and PUPPETEER_EXECUTABLE_PATH, then an installed Chrome, Chromium or Edge,
 * then one that Puppeteer downloaded. A named path that is missing throws
 * `BrowserNotFoundError`; finding nothing returns `undefined`. Pure when every
 * probe is given; the defaults read the disk.
 */
export function findBrowser(options: FindBrowserOptions): BrowserChoice | undefined {
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

/** The usual places of Chrome, Chromium and Edge on a platform, most preferred first. Pure. */
export function installedBrowserPaths(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const home = env.HOME;
    const folders = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])];
    return apps.flatMap((app) => folders.map((folder) => path.posix.join(folder, app)));
  }
  if (platform === 'win32') {
    const roots = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].map((name) => environmentValue(env, name)).filter((root): root is string => Boolean(root));
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

/** The one line shown when no browser is found: how to get one on this platform. Pure. */
export function howToGetABrowser(platform: NodeJS.Platform): string {
  const install =
    platform === 'darwin'
      ? 'install Google Chrome or Chromium'
      : platform === 'win32'
        ? 'install Google Chrome or Microsoft Edge'
        : 'install Chromium (Debian/Ubuntu: sudo apt-get install chromium)';
  return `No browser for PDFs: ${install}, or run \`npx puppeteer browsers install chrome-headless-shell\`, or set CAREERPLAN_BROWSER; \`careerplan build --no-pdf\` builds the HTML alone`;
}

/** Whether to start the browser without its sandbox. */
export interface SandboxContext {
  /** Running as root: Chromium refuses to start its sandbox then. */
  readonly isRoot: boolean;
  /** Inside a container (Docker, Podman), where the sandbox's namespaces are usually not allowed. */
  readonly inContainer: boolean;
}

/**
 * The flags careerplan always starts the browser with. `--no-sandbox` only
 * where the sandbox cannot start: as root, or inside a container. A plain CI
 * runner that is neither keeps the sandbox. Pure; the default context reads
 * the process and the disk.
 */
export function launchArgs(context: SandboxContext = sandboxContext()): string[] {
  return [
    ...(context.isRoot || context.inContainer ? ['--no-sandbox'] : []),
    '--disable-dev-shm-usage',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-extensions',
    '--mute-audio',
  ];
}

/** The start of the name of each browser profile folder careerplan makes in the temporary folder; the process id follows. */
const profilePrefix = 'careerplan-chromium-';

/** The profiles of this process's browsers that still run: any other profile of this process is a leftover. */
const profilesInUse = new Set<string>();

/**
 * Starts a headless browser the one way every command does (build, watch,
 * review, doctor): with `launchArgs()`, Puppeteer's signal handlers off (the
 * commands handle signals), and the pipe transport, so that the browser's
 * control channel is a pipe that closes when this process dies, however it
 * dies: a build killed with SIGKILL took its whole Chromium tree (zygotes,
 * renderers, GPU and utility processes) along within a quarter of a second
 * (Chromium 156), where with a WebSocket the tree ran on under PID 1. When
 * the browser's own process ends, however it ended, the rest of its tree is
 * ended too (see `endBrowserTree`) and its profile, a temporary folder named
 * with this process's id, is removed; a profile that cannot be removed then,
 * and those of processes that are gone (killed), are removed at the next
 * start. Starts a process, writes the temporary folder.
 */
export async function launchBrowser(executablePath: string, options: { readonly timeout?: number } = {}): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer-core');
  removeLeftoverProfiles();
  const profile = mkdtempSync(path.join(os.tmpdir(), `${profilePrefix}${process.pid}-`));
  profilesInUse.add(profile);
  const ended = (pid: number | undefined): void => {
    endProcessGroup(pid);
    profilesInUse.delete(profile);
    void removeBrowserProfile(profile);
  };
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      args: [...launchArgs(), `--user-data-dir=${profile}`],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    });
    const child = browser.process();
    if (child && child.exitCode === null && child.signalCode === null) child.once('exit', () => ended(child.pid));
    else ended(child?.pid);
    return browser;
  } catch (error) {
    ended(undefined);
    throw error;
  }
}

/**
 * Ends a browser started by `launchBrowser` at once with its whole process
 * tree (its process group: zygotes, renderers, GPU and utility processes),
 * whether its own process still runs or was killed already. Never throws.
 * Touches processes.
 */
export function endBrowserTree(browser: Browser): void {
  const child = browser.process();
  endProcessGroup(child?.pid);
  try {
    child?.kill('SIGKILL');
  } catch {
    // gone already
  }
}

/**
 * Sends SIGKILL to the process group a browser leads (Puppeteer starts it
 * detached, as a group of its own). Linux gives no new process an id still in
 * use as a group's, so this reaches only that browser's processes, or nothing.
 */
function endProcessGroup(pid: number | undefined): void {
  if (pid === undefined || process.platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is gone already
  }
}

/**
 * Removes a browser profile folder; never throws. A process of the browser
 * that has not quite ended may still write into it (Ctrl-C while printing:
 * ENOTEMPTY), so a failed attempt is tried again in the background; should
 * that fail too, the folder is a leftover that the next start removes.
 * Resolves with whether it is gone. Touches the disk.
 */
export function removeBrowserProfile(profile: string): Promise<boolean> {
  try {
    rmSync(profile, { recursive: true, force: true });
    return Promise.resolve(true);
  } catch {
    return rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 }).then(
      () => true,
      () => false,
    );
  }
}

/**
 * Removes the browser profiles that processes now gone left in the temporary
 * folder (a build killed with SIGKILL), and those of this process's own
 * browsers that have ended but could not be removed then. Touches the disk.
 */
function removeLeftoverProfiles(): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const owner = name.startsWith(profilePrefix) ? Number(/^(\d+)-/.exec(name.slice(profilePrefix.length))?.[1]) : Number.NaN;
    const folder = path.join(os.tmpdir(), name);
    if (!Number.isInteger(owner) || (owner === process.pid ? profilesInUse.has(folder) : isAlive(owner))) continue;
    try {
      // Only a folder of this user: a link or another user's file in a shared temporary folder is left alone.
      const info = lstatSync(folder);
      if (info.isDirectory() && info.uid === process.getuid?.()) rmSync(folder, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
}

/** This process's sandbox context: root, or inside a Docker or Podman container. Reads the process and the disk. */
export function sandboxContext(): SandboxContext {
  return { isRoot: process.getuid?.() === 0, inContainer: existsSync('/.dockerenv') || existsSync('/run/.containerenv') };
}

/** Runs `<browser> --version` (10 s at most): e.g. "Chromium 156.0.8078.73"; `undefined` when it says nothing or fails. Starts a process. */
export function browserVersion(browser: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(browser, ['--version'], { timeout: 10_000, windowsHide: true }, (error, stdout) => {
      if (error) return resolve(undefined);
      resolve(versionFromOutput(String(stdout)));
    });
  });
}

/** The version line of `--version` output, without Debian's " built on …" tail. Pure. */
export function versionFromOutput(output: string): string | undefined {
  const line = output.split('\n').map((text) => text.trim()).find((text) => text.length > 0);
  return line?.replace(/\s+built on .*$/, '');
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function safely(probe: () => string | undefined): string | undefined {
  try {
    return probe();
  } catch {
    return undefined;
  }
}

/**
 * Where Puppeteer's installer puts the headless shell, then Chrome, at the
 * builds puppeteer-core pins, in Puppeteer's cache folder (PUPPETEER_CACHE_DIR,
 * else ~/.cache/puppeteer): the browser careerplan's postinstall downloads.
 * Loaded (synchronously, CommonJS) only when no other browser was found.
 */
function puppeteerDownload(): string | undefined {
  const require = createRequire(import.meta.url);
  const browsers = require('@puppeteer/browsers') as typeof import('@puppeteer/browsers');
  const { PUPPETEER_REVISIONS } = require('puppeteer-core/internal/revisions.js') as { PUPPETEER_REVISIONS: Record<string, string> };
  const platform = safely(() => browsers.detectBrowserPlatform());
  if (!platform) return undefined;
  const cacheDir = process.env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  const candidates = [browsers.Browser.CHROMEHEADLESSSHELL, browsers.Browser.CHROME].map((browser) =>
    safely(() => browsers.computeExecutablePath({ browser, buildId: PUPPETEER_REVISIONS[browser] ?? '', cacheDir, platform: platform as import('@puppeteer/browsers').BrowserPlatform })),
  );
  return candidates.find((candidate) => candidate !== undefined && isFile(candidate)) ?? candidates.find((candidate) => candidate !== undefined);
}

/** Windows spells its variables in any case (`ProgramFiles`); a plain record does not. */
function environmentValue(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  if (env[name]) return env[name];
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}
