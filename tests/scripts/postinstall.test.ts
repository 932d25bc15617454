import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { howToGetABrowser } from '../../src/edges/browser.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const postinstall = path.join(repo, 'scripts/postinstall.mjs');

type DownloadResult = { path: string; buildId: string } | { skipped: string } | { error: string };
type CommandResult = { ok: boolean; output: string };
interface World {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists: (file: string) => boolean;
  puppeteerPath: () => string | undefined;
  say: (line: string) => void;
  warn: (line: string) => void;
  download: () => Promise<DownloadResult>;
  starts: (browser: string) => Promise<boolean>;
  canUseApt: () => boolean;
  aptListsEmpty: () => boolean;
  apt: (args: string[], timeout: number) => Promise<CommandResult>;
}
const { setUpBrowser, realWorld, timeouts } = (await import(new URL('../../scripts/browser-setup.mjs', import.meta.url).href)) as {
  setUpBrowser: (world: World) => Promise<void>;
  realWorld: (env: Record<string, string | undefined>) => World;
  timeouts: { download: number };
};

/** A world where nothing is installed and nothing works, with a log of what was said and done. */
function fakeWorld(changes: Partial<World> = {}, files: string[] = []) {
  const present = new Set(files);
  const log: string[] = [];
  const world: World = {
    env: {},
    platform: 'linux',
    exists: (file) => present.has(file),
    puppeteerPath: () => undefined,
    say: (line) => log.push(`say ${line}`),
    warn: (line) => log.push(`warn ${line}`),
    download: async () => {
      log.push('download');
      return { error: 'getaddrinfo ENOTFOUND storage.googleapis.com' };
    },
    starts: async () => true,
    canUseApt: () => true,
    aptListsEmpty: () => false,
    apt: async (args) => {
      log.push(`apt-get ${args.join(' ')}`);
      return { ok: false, output: 'E: Could not resolve deb.debian.org' };
    },
    ...changes,
  };
  return { world, log, present };
}

describe('setUpBrowser (fake machines)', () => {
  test('CAREERPLAN_SKIP_BROWSER_INSTALL=1: one line, nothing looked for', async () => {
    const { world, log } = fakeWorld({ env: { CAREERPLAN_SKIP_BROWSER_INSTALL: '1' } }, ['/usr/bin/chromium']);
    await setUpBrowser(world);
    expect(log).toEqual([expect.stringMatching(/^say careerplan: CAREERPLAN_SKIP_BROWSER_INSTALL is set/)]);
  });

  test('a browser is there: one line naming it, nothing downloaded or installed', async () => {
    const installed = fakeWorld({}, ['/usr/bin/chromium']);
    await setUpBrowser(installed.world);
    expect(installed.log).toEqual(['say careerplan: PDFs will be printed with /usr/bin/chromium']);

    const named = fakeWorld({ env: { CAREERPLAN_BROWSER: '/opt/chrome' } }, ['/opt/chrome', '/usr/bin/chromium']);
    await setUpBrowser(named.world);
    expect(named.log).toEqual(['say careerplan: PDFs will be printed with /opt/chrome (CAREERPLAN_BROWSER is set)']);

    const downloaded = fakeWorld({ puppeteerPath: () => '/cache/shell' }, ['/cache/shell']);
    await setUpBrowser(downloaded.world);
    expect(downloaded.log).toEqual(['say careerplan: PDFs will be printed with /cache/shell (downloaded by Puppeteer)']);
  });

  test('a CAREERPLAN_BROWSER that is not there is reported, and the search goes on without it', async () => {
    const { world, log } = fakeWorld({ env: { CAREERPLAN_BROWSER: '/nope' } }, ['/usr/bin/chromium']);
    await setUpBrowser(world);
    expect(log).toEqual([
      'warn careerplan: CAREERPLAN_BROWSER is set to /nope, which is not there: fix it or unset it; careerplan will not print PDFs until then',
      'say careerplan: without it, PDFs would be printed with /usr/bin/chromium',
    ]);
  });

  test("nothing found: Puppeteer's download, checked to start", async () => {
    const { world, log } = fakeWorld({
      download: async () => {
        log.push('download');
        return { path: '/cache/chrome-headless-shell', buildId: '148.0.7778.97' };
      },
    });
    await setUpBrowser(world);
    expect(log).toEqual([
      expect.stringMatching(/^say careerplan: no browser for PDFs found; downloading/),
      'download',
      'say careerplan: PDFs will be printed with /cache/chrome-headless-shell (chrome-headless-shell 148.0.7778.97, downloaded by Puppeteer)',
    ]);
  });

  test('a download that does not start, then apt-get installs chromium', async () => {
    const { world, log, present } = fakeWorld({
      download: async () => ({ path: '/cache/chrome-headless-shell', buildId: '148' }),
      starts: async () => false,
      apt: async (args) => {
        log.push(`apt-get ${args.join(' ')}`);
        present.add('/usr/bin/chromium');
        return { ok: true, output: '' };
      },
    });
    await setUpBrowser(world);
    expect(log).toEqual([
      expect.stringMatching(/downloading/),
      'warn careerplan: downloaded /cache/chrome-headless-shell, but it does not start (missing system libraries?)',
      expect.stringMatching(/installing Debian's chromium/),
      'apt-get install -y -q --no-install-recommends chromium fonts-liberation',
      'say careerplan: PDFs will be printed with /usr/bin/chromium (installed with apt-get)',
    ]);
  });

  test('offline download, then apt-get update when the package is unknown, then install again', async () => {
    const answers: CommandResult[] = [
      { ok: false, output: 'Reading package lists...\nE: Unable to locate package chromium' },
      { ok: true, output: '' },
      { ok: true, output: '' },
    ];
    const { world, log, present } = fakeWorld({
      apt: async (args) => {
        log.push(`apt-get ${args.join(' ')}`);
        const answer = answers.shift() as CommandResult;
        if (answers.length === 0) present.add('/usr/bin/chromium');
        return answer;
      },
    });
    await setUpBrowser(world);
    expect(log.filter((line) => line.startsWith('apt-get') || line === 'download')).toEqual([
      'download',
      'apt-get install -y -q --no-install-recommends chromium fonts-liberation',
      'apt-get update -q',
      'apt-get install -y -q --no-install-recommends chromium fonts-liberation',
    ]);
    expect(log.at(-1)).toBe('say careerplan: PDFs will be printed with /usr/bin/chromium (installed with apt-get)');
  });

  test('empty package lists: apt-get update first', async () => {
    const { world, log } = fakeWorld({ aptListsEmpty: () => true });
    await setUpBrowser(world);
    expect(log.filter((line) => line.startsWith('apt-get'))).toEqual(['apt-get update -q']);
    expect(log.at(-2)).toBe('say careerplan: apt-get could not install chromium: E: Could not resolve deb.debian.org');
    expect(log.at(-1)).toBe(`warn careerplan: ${howToGetABrowser('linux')}`);
  });

  test('apt-get fails for another reason: no update, then what to run', async () => {
    const { world, log } = fakeWorld();
    await setUpBrowser(world);
    expect(log.filter((line) => line.startsWith('apt-get'))).toEqual(['apt-get install -y -q --no-install-recommends chromium fonts-liberation']);
    expect(log.at(-1)).toBe(`warn careerplan: ${howToGetABrowser('linux')}`);
  });

  test('not root on Debian, or not Linux: no apt-get, just what to run', async () => {
    const user = fakeWorld({ canUseApt: () => false });
    await setUpBrowser(user.world);
    expect(user.log.some((line) => line.startsWith('apt-get'))).toBe(false);
    expect(user.log.at(-1)).toBe(`warn careerplan: ${howToGetABrowser('linux')}`);

    const mac = fakeWorld({ platform: 'darwin' });
    await setUpBrowser(mac.world);
    expect(mac.log.some((line) => line.startsWith('apt-get'))).toBe(false);
    expect(mac.log.at(-1)).toBe(`warn careerplan: ${howToGetABrowser('darwin')}`);
  });

  test("Puppeteer's configuration says skip the download: said, and apt-get is still tried", async () => {
    const { world, log } = fakeWorld({ download: async () => ({ skipped: 'PUPPETEER_SKIP_DOWNLOAD is set' }) });
    await setUpBrowser(world);
    expect(log).toContain('say careerplan: no download: PUPPETEER_SKIP_DOWNLOAD is set');
    expect(log).toContain('apt-get install -y -q --no-install-recommends chromium fonts-liberation');
  });

  test('a probe that throws is one line, never an exception', async () => {
    const { world, log } = fakeWorld({
      download: async () => {
        throw new Error('EACCES: permission denied, mkdir /root/.cache/puppeteer');
      },
    });
    await expect(setUpBrowser(world)).resolves.toBeUndefined();
    expect(log.at(-1)).toMatch(/^warn careerplan: could not set up a browser for PDFs \(EACCES: permission denied, mkdir \/root\/.cache\/puppeteer\)\. No browser for PDFs/);
  });
});

describe('node scripts/postinstall.mjs (real child processes)', () => {
  let scratch: string;
  let aptLog: string;
  let fakeBrowser: string;
  let cleanEnv: Record<string, string>;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-postinstall-'));
    // A stand-in for apt-get, first on PATH: it logs its calls and knows no package.
    const fakeBin = path.join(scratch, 'bin');
    aptLog = path.join(scratch, 'apt-get.log');
    mkdirSync(fakeBin);
    writeFileSync(
      path.join(fakeBin, 'apt-get'),
      `#!/bin/sh\necho "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> '${aptLog}'\ncase "$*" in *install*) echo "E: Unable to locate package chromium" >&2; exit 100;; esac\nexit 0\n`,
    );
    chmodSync(path.join(fakeBin, 'apt-get'), 0o755);
    fakeBrowser = path.join(scratch, 'chrome');
    writeFileSync(fakeBrowser, '#!/bin/sh\necho "Chromium 1.2.3.4"\n');
    chmodSync(fakeBrowser, 0o755);
    cleanEnv = { PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}`, HOME: scratch, PUPPETEER_CACHE_DIR: path.join(scratch, 'cache') };
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test('a browser is found: exit 0 and one line naming it', async () => {
    const named = await node([postinstall], { ...cleanEnv, CAREERPLAN_BROWSER: fakeBrowser });
    expect(named).toEqual({ status: 0, stdout: `careerplan: PDFs will be printed with ${fakeBrowser} (CAREERPLAN_BROWSER is set)\n`, stderr: '' });

    // This machine's Chromium (Debian's package, as on every careerplan machine).
    const found = await node([postinstall], cleanEnv);
    expect(found).toEqual({ status: 0, stdout: 'careerplan: PDFs will be printed with /usr/bin/chromium\n', stderr: '' });
  });

  test('CAREERPLAN_SKIP_BROWSER_INSTALL=1: exit 0, one line', async () => {
    const run = await node([postinstall], { ...cleanEnv, CAREERPLAN_SKIP_BROWSER_INSTALL: '1' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });

  test('CAREERPLAN_BROWSER missing, nothing installed, no download, apt-get fails: still exit 0, saying what to run', async () => {
    rmSync(aptLog, { force: true });
    const started = Date.now();
    const run = await node([postinstall], { ...cleanEnv, CAREERPLAN_BROWSER: '/nonexistent', CAREERPLAN_POSTINSTALL_TEST: 'no-installed,no-download' });
    expect(run.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.stderr).toContain('careerplan: CAREERPLAN_BROWSER is set to /nonexistent, which is not there: fix it or unset it');
    expect(run.stderr.trim().split('\n').at(-1)).toBe(`careerplan: ${howToGetABrowser('linux')}`);
    expect(run.stdout).toContain('careerplan: no download: download disabled for a test');
    expect(run.stdout).toContain('careerplan: apt-get could not install chromium: E: Unable to locate package chromium');
    const calls = readFileSync(aptLog, 'utf8').trim().split('\n');
    expect(calls.map((call) => call.replace(/ -o \S+/g, ''))).toEqual([
      'DEBIAN_FRONTEND=noninteractive install -y -q --no-install-recommends chromium fonts-liberation',
      'DEBIAN_FRONTEND=noninteractive update -q',
      'DEBIAN_FRONTEND=noninteractive install -y -q --no-install-recommends chromium fonts-liberation',
    ]);
  });

  describe("downloading from a local stand-in for Puppeteer's download server", () => {
    let server: Server;
    let baseUrl: string;
    const requests: string[] = [];
    beforeAll(async () => {
      const archive = zip([{ name: 'chrome-headless-shell-linux64/chrome-headless-shell', mode: 0o755, data: '#!/bin/sh\necho "Google Chrome for Testing 148.0.0.0"\n' }]);
      server = createServer((request, response) => {
        requests.push(request.url ?? '');
        response.writeHead(200, { 'content-type': 'application/zip', 'content-length': archive.length }).end(archive);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test('a download that hangs is given up after the time limit', async () => {
      const hanging = createServer(() => undefined);
      await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
      const limit = timeouts.download;
      timeouts.download = 1_500;
      try {
        const world = realWorld({ ...cleanEnv, PUPPETEER_CACHE_DIR: path.join(scratch, 'hang-cache'), PUPPETEER_CHROME_HEADLESS_SHELL_DOWNLOAD_BASE_URL: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}` });
        const started = Date.now();
        expect(await world.download()).toEqual({ error: 'it took longer than 1.5 s' });
        expect(Date.now() - started).toBeLessThan(10_000);
      } finally {
        timeouts.download = limit;
        hanging.closeAllConnections();
        hanging.close();
      }
    });

    test("chrome-headless-shell lands where Puppeteer's installer puts it", async () => {
      const cache = path.join(scratch, 'download-cache');
      const env = { ...cleanEnv, PUPPETEER_CACHE_DIR: cache, PUPPETEER_CHROME_HEADLESS_SHELL_DOWNLOAD_BASE_URL: baseUrl, CAREERPLAN_POSTINSTALL_TEST: 'no-installed' };
      const run = await node([postinstall], env);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      const { version } = JSON.parse(readFileSync(path.join(repo, 'node_modules/puppeteer-core/package.json'), 'utf8')) as { version: string };
      expect(version).toMatch(/^24\./);
      const pinned = (await node(['--input-type=module', '-e', "import { PUPPETEER_REVISIONS } from 'puppeteer-core/internal/revisions.js'; console.log(PUPPETEER_REVISIONS['chrome-headless-shell'])"], env)).stdout.trim();
      expect(requests).toEqual([`/${pinned}/linux64/chrome-headless-shell-linux64.zip`]);

      const where = (await node(['--input-type=module', '-e', "import * as b from '@puppeteer/browsers'; import { PUPPETEER_REVISIONS as r } from 'puppeteer-core/internal/revisions.js'; console.log(b.computeExecutablePath({ browser: b.Browser.CHROMEHEADLESSSHELL, buildId: r['chrome-headless-shell'], cacheDir: process.env.PUPPETEER_CACHE_DIR, platform: b.detectBrowserPlatform() }))"], env)).stdout.trim();
      expect(where).toBe(path.join(cache, 'chrome-headless-shell', `linux-${pinned}`, 'chrome-headless-shell-linux64', 'chrome-headless-shell'));
      expect(existsSync(where)).toBe(true);
      expect(run.stdout.trim().split('\n').at(-1)).toBe(`careerplan: PDFs will be printed with ${where} (chrome-headless-shell ${pinned}, downloaded by Puppeteer)`);

      // The next install finds it and says so in one line.
      const again = await node([postinstall], { ...env, CAREERPLAN_POSTINSTALL_TEST: 'no-installed,no-download' });
      expect(again).toEqual({ status: 0, stdout: `careerplan: PDFs will be printed with ${where} (downloaded by Puppeteer)\n`, stderr: '' });
    });
  });
});

/** Runs node with a clean environment, without blocking this process (the download server lives here). */
function node(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A zip archive of stored (uncompressed) files with Unix modes, as Chrome for Testing ships its builds. */
function zip(files: Array<{ name: string; mode: number; data: string }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const data = Buffer.from(file.data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix, so the mode below counts
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | file.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
