/**
 * Which browser prints the PDFs, and how it is started. The search
 * (`findBrowser`, pure with injected probes; its defaults look at the real
 * disk and at Puppeteer's download cache) is `scripts/find-browser.mjs`,
 * imported as `#find-browser`: one search for the CLI and the postinstall
 * script, which runs before TypeScript is compiled.
 */
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { isAlive } from './files.js';

export {
  BrowserNotFoundError,
  browserEnvironmentVariables,
  findBrowser,
  howToGetABrowser,
  installedBrowserPaths,
  type BrowserChoice,
  type BrowserSource,
  type FindBrowserOptions,
} from '#find-browser';

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
