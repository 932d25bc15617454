/**
 * What the postinstall script does: leave the machine able to print PDFs
 * where it can, and say what to run where it cannot. `setUpBrowser` takes the
 * world as a parameter and never throws; `realWorld` is the machine itself.
 *
 * 1. `CAREERPLAN_SKIP_BROWSER_INSTALL=1`: one line, nothing else.
 * 2. A browser is found (by find-browser.mjs, the search the CLI uses): one line naming it.
 * 3. Else Puppeteer's chrome-headless-shell is downloaded (60 s at most).
 * 4. Else, on Debian or Ubuntu as root, `apt-get install -y chromium`
 *    (after `apt-get update` when the package lists are empty).
 * 5. Else the one line saying what to run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserNotFoundError, browserEnvironmentVariables, findBrowser, howToGetABrowser, installedBrowserPaths, isFile, puppeteerDownload } from './find-browser.mjs';

/** How long each step may take, in milliseconds. */
export const timeouts = { download: 60_000, aptUpdate: 120_000, aptInstall: 300_000, version: 10_000 };

/**
 * @typedef {{ ok: boolean, output: string }} CommandResult
 * @typedef {{ path: string, buildId: string } | { skipped: string } | { error: string }} DownloadResult
 * @typedef {object} World
 * @property {Record<string, string | undefined>} env
 * @property {NodeJS.Platform} platform
 * @property {(file: string) => boolean} exists
 * @property {() => string | undefined} puppeteerPath The browser Puppeteer downloaded, if any.
 * @property {(line: string) => void} say A line of progress or outcome.
 * @property {(line: string) => void} warn A line the user should act on.
 * @property {() => Promise<DownloadResult>} download Downloads chrome-headless-shell, time-limited.
 * @property {(browser: string) => Promise<boolean>} starts Whether `<browser> --version` runs.
 * @property {() => boolean} canUseApt Root on Debian or Ubuntu with apt-get.
 * @property {() => boolean} aptListsEmpty Whether apt has no package lists yet.
 * @property {(args: string[], timeout: number) => Promise<CommandResult>} apt Runs apt-get.
 */

/**
 * Finds, downloads or installs a browser for PDFs and reports in a line or
 * two. Never throws: whatever fails is reported and the install goes on.
 * @param {World} world
 * @returns {Promise<void>}
 */
export async function setUpBrowser(world) {
  try {
    await steps(world);
  } catch (error) {
    world.warn(`careerplan: could not set up a browser for PDFs (${messageOf(error)}). ${howToGetABrowser(world.platform)}`);
  }
}

/** @param {World} world */
async function steps(world) {
  const skip = world.env.CAREERPLAN_SKIP_BROWSER_INSTALL;
  if (skip && skip !== '0' && skip.toLowerCase() !== 'false') {
    world.say('careerplan: CAREERPLAN_SKIP_BROWSER_INSTALL is set, so no browser was looked for; `careerplan doctor` tells what PDFs will use');
    return;
  }

  let env = world.env;
  try {
    const found = search(world, env);
    if (found) {
      world.say(`careerplan: PDFs will be printed with ${described(found)}`);
      return;
    }
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    world.warn(`careerplan: ${error.message}; careerplan will not print PDFs until then`);
    // Look on as if the variables were unset, so the machine is ready once they are fixed.
    env = Object.fromEntries(Object.entries(env).filter(([name]) => !browserEnvironmentVariables.includes(name)));
    const found = search(world, env);
    if (found) {
      world.say(`careerplan: without it, PDFs would be printed with ${described(found)}`);
      return;
    }
  }

  world.say("careerplan: no browser for PDFs found; downloading Puppeteer's chrome-headless-shell…");
  const downloaded = await world.download();
  if ('path' in downloaded) {
    if (await world.starts(downloaded.path)) {
      world.say(`careerplan: PDFs will be printed with ${downloaded.path} (chrome-headless-shell ${downloaded.buildId}, downloaded by Puppeteer)`);
      return;
    }
    world.warn(`careerplan: downloaded ${downloaded.path}, but it does not start (missing system libraries?)`);
  } else {
    world.say(`careerplan: no download: ${'skipped' in downloaded ? downloaded.skipped : downloaded.error}`);
  }

  if (world.platform === 'linux' && world.canUseApt()) {
    world.say("careerplan: installing Debian's chromium with apt-get…");
    const installed = await aptInstallChromium(world);
    const found = installed.ok ? search(world, env) : undefined;
    if (found) {
      world.say(`careerplan: PDFs will be printed with ${found.path} (installed with apt-get)`);
      return;
    }
    world.say(
      installed.ok
        ? 'careerplan: apt-get installed chromium, but it is not where careerplan looks for it'
        : `careerplan: apt-get could not install chromium${installed.output ? `: ${lastLine(installed.output)}` : ''}`,
    );
  }
  world.warn(`careerplan: ${howToGetABrowser(world.platform)}`);
}

/**
 * @param {World} world
 * @param {Record<string, string | undefined>} env
 */
function search(world, env) {
  return findBrowser({ env, platform: world.platform, exists: world.exists, puppeteerPath: world.puppeteerPath });
}

/**
 * A found browser and, unless it was simply found installed, why it is the one.
 * @param {{ path: string, source: string, reason: string }} found
 */
function described(found) {
  return found.source === 'installed' ? found.path : `${found.path} (${found.reason})`;
}

/**
 * `apt-get install`, with `apt-get update` first when the lists are empty or lack the package.
 * @param {World} world
 * @returns {Promise<CommandResult>}
 */
async function aptInstallChromium(world) {
  // Without its recommends, chromium brings no font of its own; Liberation's metrics match Arial, Times and Courier.
  const install = ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-liberation'];
  if (world.aptListsEmpty()) {
    const updated = await world.apt(['update', '-q'], timeouts.aptUpdate);
    if (!updated.ok) return updated;
    return world.apt(install, timeouts.aptInstall);
  }
  const first = await world.apt(install, timeouts.aptInstall);
  if (first.ok || !/Unable to locate package|has no installation candidate|not available/i.test(first.output)) return first;
  const updated = await world.apt(['update', '-q'], timeouts.aptUpdate);
  if (!updated.ok) return updated;
  return world.apt(install, timeouts.aptInstall);
}

/**
 * This machine. `CAREERPLAN_POSTINSTALL_TEST` is for careerplan's own tests
 * only: `no-installed` hides the browsers installed in the usual places (point
 * PUPPETEER_CACHE_DIR at an empty folder to hide Puppeteer's downloads too),
 * `no-download` makes the download fail at once (no network is tried).
 * @param {Record<string, string | undefined>} [env]
 * @returns {World}
 */
export function realWorld(env = process.env) {
  const testing = new Set((env.CAREERPLAN_POSTINSTALL_TEST ?? '').split(',').map((word) => word.trim()));
  const hidden = new Set(testing.has('no-installed') ? installedBrowserPaths(process.platform, env) : []);
  return {
    env,
    platform: process.platform,
    exists: (file) => !hidden.has(file) && isFile(file),
    puppeteerPath: puppeteerDownload,
    say: (line) => console.log(line),
    warn: (line) => console.warn(line),
    download: testing.has('no-download') ? async () => ({ error: 'download disabled for a test' }) : () => download(env),
    starts: (browser) => run(browser, ['--version'], { timeout: timeouts.version, env }).then((result) => result.ok),
    canUseApt: () => process.getuid?.() === 0 && isDebianLike() && onPath('apt-get', env),
    aptListsEmpty,
    apt: (args, timeout) =>
      run('apt-get', ['-o', 'Acquire::Retries=0', '-o', 'Acquire::http::Timeout=30', '-o', 'Acquire::https::Timeout=30', '-o', 'DPkg::Lock::Timeout=60', ...args], {
        timeout,
        env: { ...env, DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' },
      }),
  };
}

/**
 * Runs download-browser.mjs in a child process, killed after `timeouts.download`.
 * @param {Record<string, string | undefined>} env
 * @returns {Promise<DownloadResult>}
 */
async function download(env) {
  const script = fileURLToPath(new URL('download-browser.mjs', import.meta.url));
  const result = await run(process.execPath, [script], { timeout: timeouts.download, env });
  if (result.timedOut) return { error: `it took longer than ${timeouts.download / 1000} s` };
  const line = result.output.trim().split('\n').reverse().find((text) => text.startsWith('{'));
  try {
    return line ? JSON.parse(line) : { error: lastLine(result.output) || 'it failed without a message' };
  } catch {
    return { error: lastLine(result.output) };
  }
}

/**
 * Runs a command without a shell; its stdout and stderr together, killed after `timeout`.
 * @param {string} command
 * @param {string[]} args
 * @param {{ timeout: number, env: Record<string, string | undefined> }} options
 * @returns {Promise<CommandResult & { timedOut: boolean }>}
 */
function run(command, args, options) {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(command, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (error) {
      resolve({ ok: false, output: messageOf(error), timedOut });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeout);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, output: messageOf(error), timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0 && !timedOut, output: timedOut ? `${output}\ntimed out after ${options.timeout / 1000} s` : output, timedOut });
    });
  });
}

function isDebianLike() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return existsSync('/etc/debian_version');
  }
}

function aptListsEmpty() {
  try {
    return !readdirSync('/var/lib/apt/lists').some((name) => name.includes('_Packages'));
  } catch {
    return true;
  }
}

/**
 * @param {string} name
 * @param {Record<string, string | undefined>} env
 */
function onPath(name, env) {
  return (env.PATH ?? '').split(path.delimiter).some((folder) => folder && isFile(path.join(folder, name)));
}

/** @param {string} text */
function lastLine(text) {
  return text.trim().split('\n').map((line) => line.trim()).filter(Boolean).at(-1) ?? '';
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
