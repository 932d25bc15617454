/**
 * Downloads chrome-headless-shell the way Puppeteer's own install does: into
 * Puppeteer's configured cache folder, at the build Puppeteer pins, so that
 * Puppeteer's `executablePath({ headless: 'shell' })` finds it later. Run as a
 * child process by browser-setup.mjs, which kills it when it takes too long.
 * Prints one JSON line: `{ "path": …, "buildId": … }`, or `{ "skipped": … }`
 * when Puppeteer's configuration says not to download, or `{ "error": … }`
 * (exit code 1). Touches the network and the disk.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

try {
  const browsers = require('@puppeteer/browsers');
  const { PUPPETEER_REVISIONS } = require('puppeteer-core/internal/revisions.js');
  // Puppeteer's own settings, as its installer reads them from the environment.
  const configuration = {
    skipDownload: ['1', 'true'].includes(String(process.env.PUPPETEER_SKIP_DOWNLOAD).toLowerCase()),
    cacheDirectory: process.env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer'),
  };
  const settings = { version: process.env.PUPPETEER_CHROME_HEADLESS_SHELL_VERSION, downloadBaseUrl: process.env.PUPPETEER_CHROME_HEADLESS_SHELL_DOWNLOAD_BASE_URL };

  if (configuration.skipDownload) {
    console.log(JSON.stringify({ skipped: "Puppeteer's configuration says not to download (PUPPETEER_SKIP_DOWNLOAD or PUPPETEER_EXECUTABLE_PATH)" }));
  } else {
    const browser = browsers.Browser.CHROMEHEADLESSSHELL;
    const cacheDir = configuration.cacheDirectory;
    const buildId = settings.version || PUPPETEER_REVISIONS['chrome-headless-shell'];
    const platform = browsers.detectBrowserPlatform();
    if (!platform) throw new Error(`Puppeteer has no browser build for ${process.platform} (${process.arch})`);
    // A download killed half-way leaves a folder without its executable, which `install` refuses: clear it first.
    const expected = browsers.computeExecutablePath({ browser, buildId, cacheDir, platform });
    if (!existsSync(expected)) await browsers.uninstall({ browser, buildId, cacheDir, platform }).catch(() => undefined);
    const installed = await browsers.install({ browser, buildId, cacheDir, platform, ...(settings.downloadBaseUrl ? { baseUrl: settings.downloadBaseUrl } : {}) });
    console.log(JSON.stringify({ path: installed.executablePath, buildId }));
  }
} catch (error) {
  const message = error instanceof Error ? [error.message, error.cause instanceof Error ? error.cause.message : ''].filter(Boolean).join(': ') : String(error);
  console.log(JSON.stringify({ error: message.split('\n').map((line) => line.trim()).filter(Boolean).join(' ') }));
  process.exitCode = 1;
}
