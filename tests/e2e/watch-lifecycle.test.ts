/**
 * `careerplan watch` through the real CLI, its life as a process: signals, ports, flags, the desktop browser and the
 * printing browser. (Its pages, saves and rebuilds: watch.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { previewState, startWatch } from '../support/watch-process.js';
import { careerplan, repo } from './run.js';
import { expectRebuilds, watchProjects } from '../support/watch-projects.js';

const { project, watchIn, track } = watchProjects();

describe('careerplan watch, the process: signals, ports, flags and browsers', () => {
  test('Ctrl-C stops the watcher and the server cleanly, exit 0; SIGTERM too', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const watch = await startWatch(project(), ['--no-pdf']);
      expect(await watch.stop(signal)).toBe(0);
      expect(watch.stderr()).toContain('careerplan: preview stopped');
      await expect(watch.get('/')).rejects.toThrow(/ECONNREFUSED/);
    }
  });

  test('Ctrl-C while PDFs are printing ends the browser too', async () => {
    const watch = await startWatch(project(), ['--as-of', '2026-11-26']);
    const pid = watch.child.pid as number;
    let browsers: number[] = [];
    await vi.waitFor(
      () => {
        browsers = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
          .split('\n')
          .filter((line) => /chrom/i.test(line))
          .map((line) => Number(line.trim().split(/\s+/)[0]));
        expect(browsers.length).toBeGreaterThan(0);
      },
      { timeout: 30_000, interval: 20 },
    );
    expect(await watch.stop('SIGINT')).toBe(0);
    // Gone, or a zombie left for whoever reaps orphans here: either way it runs no more.
    const alive = (browserPid: number): boolean => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${browserPid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    await vi.waitFor(() => expect(browsers.filter(alive)).toEqual([]), { timeout: 5_000, interval: 50 });
  });

  test('--strict-port fails with exit 2 when the port is taken; without it the next free port is used', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const folder = project();
      const strict = execFileSync(process.execPath, [path.join(repo, 'bin/careerplan.js'), 'watch', '--no-pdf', '--strict-port', '--port', String(port)], {
        cwd: folder,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString();
      expect.unreachable(strict);
    } catch (error) {
      const failed = error as { status: number; stderr: string };
      expect(failed.status).toBe(2);
      expect(failed.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    }
    const watch = await startWatch(project(), ['--no-pdf', '--port', String(port)]);
    track(watch);
    expect(new URL(watch.url).port).not.toBe(String(port));
    blocker.close();
  });

  test('wrong flags are refused with exit 2 before anything starts; dev is watch', async () => {
    const folder = project();
    for (const [args, message] of [
      [['watch', '--port', 'http'], '--port takes a port number from 0 to 65535, not `http`'],
      [['watch', '--port', '70000'], '--port takes a port number from 0 to 65535, not `70000`'],
      [['dev', '--format', 'json'], '`--format` is not an option of watch'],
      [['watch', 'plans/jordan-lee.md'], 'unexpected argument `plans/jordan-lee.md` for watch'],
    ] as const) {
      const run = await careerplan(args, { cwd: folder });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  test('--open opens the preview in the desktop browser (xdg-open here), once', async () => {
    const folder = project();
    const bin = path.join(folder, 'fake-bin');
    await mkdir(bin);
    const opened = path.join(folder, 'opened.txt');
    await writeFile(path.join(bin, 'xdg-open'), `#!/bin/sh\necho "$@" >> ${JSON.stringify(opened)}\n`, { mode: 0o755 });
    const watch = await startWatch(folder, ['--no-pdf', '--open'], { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
    track(watch);
    await vi.waitFor(async () => expect(await readFile(opened, 'utf8')).toBe(`${watch.url}\n`), { timeout: 10_000, interval: 50 });
  });

  test('--host other than a local address warns that the plans are exposed', async () => {
    const watch = await watchIn(project(), ['--no-pdf', '--host', '0.0.0.0']);
    expect(watch.stderr()).toContain('warning: the preview is exposed on 0.0.0.0');
    expect(watch.url).toMatch(/^http:\/\/localhost:\d+\/$/);
  });

  test('a browser that dies is reported and the preview goes on', async () => {
    const folder = project();
    const browser = path.join(folder, 'dying-browser');
    await writeFile(browser, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const watch = await watchIn(folder, ['--browser', browser]);
    await vi.waitFor(() => expect(watch.stderr()).toMatch(/could not print the PDF|printing failed/), { timeout: 30_000, interval: 50 });
    const plan = path.join(folder, 'plans/jordan-lee.md');
    await writeFile(plan, (await readFile(plan, 'utf8')).replace(/^title: .*$/m, 'title: Still previewing'));
    await expectRebuilds(watch, 1);
    expect((await watch.get('/jordan-lee/')).body).toContain('Still previewing');
    expect(watch.child.exitCode).toBeNull();
  }, 60_000);

  test('the print view shows the current PDF and a change prints it again in the background, after the page reloaded', async () => {
    const folder = project();
    const watch = await watchIn(folder, []);
    await vi.waitFor(() => expect(new Set(watch.events.filter((e) => e.event === 'pdf').map((e) => JSON.parse(e.data).slug))).toEqual(new Set(['jordan-lee', 'lena-schmidt', 'sam-okafor'])), {
      timeout: 60_000,
      interval: 50,
    });
    const page = await watch.get('/jordan-lee/');
    expect(previewState(page.body).printView).toBe('/__careerplan/print/jordan-lee/');
    const view = await watch.get('/__careerplan/print/jordan-lee/');
    expect(view.status).toBe(200);
    expect(view.body).toContain('id="careerplan-pdf"');
    expect(view.body).toContain('/jordan-lee/jordan-lee.pdf');
    const pdf = await watch.get('/jordan-lee/jordan-lee.pdf');
    expect(pdf.type).toBe('application/pdf');

    const plan = path.join(folder, 'plans/jordan-lee.md');
    await writeFile(plan, (await readFile(plan, 'utf8')).replace(/^title: .*$/m, 'title: Printed again in the background'));
    const before = watch.events.length;
    await vi.waitFor(() => expect(watch.events.slice(before).some((e) => e.event === 'pdf' && e.data === '{"slug":"jordan-lee"}')).toBe(true), { timeout: 60_000, interval: 50 });
    const later = watch.events.slice(before);
    const reload = later.findIndex((e) => e.event === 'reload');
    const printed = later.findIndex((e) => e.event === 'pdf');
    expect(reload).toBeGreaterThanOrEqual(0);
    expect(reload).toBeLessThan(printed);
    const text = execFileSync('pdftotext', [path.join(folder, 'out/jordan-lee/jordan-lee.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Printed again in the background');
  }, 120_000);
});
