import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { atomicSave, burstSave, pause, pausedSave, vimSave } from '../support/editors.js';
import { createRepo, jordanPlan } from '../support/git.js';
import { minimalPlan } from '../support/plans.js';
import { previewState, startWatch, type WatchProcess } from '../support/watch-process.js';
import { careerplan, repo } from './run.js';

const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-watch-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let running: WatchProcess | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

let projects = 0;
/** A project folder with the example plans. */
function project(): string {
  const folder = path.join(scratch, `p${projects++}`);
  cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
  return folder;
}

async function watchIn(folder: string, args: readonly string[] = ['--no-pdf']): Promise<WatchProcess> {
  running = await startWatch(folder, ['--as-of', '2026-11-26', ...args]);
  return running;
}

/** How long a test listens, after what it waited for, for something that must not come. */
const quietMs = 400;

/** Waits for exactly `count` rebuild lines in all, then listens a little longer for an extra one. */
async function expectRebuilds(watch: WatchProcess, count: number): Promise<void> {
  await vi.waitFor(() => expect(watch.rebuilds().length, watch.stderr()).toBeGreaterThanOrEqual(count), { timeout: 10_000, interval: 20 });
  await pause(quietMs);
  expect(watch.rebuilds(), watch.stderr()).toHaveLength(count);
}

const reloadsOf = (watch: WatchProcess, pagePath: string) =>
  watch.events.filter((event) => event.event === 'reload' && (JSON.parse(event.data).all === true || JSON.parse(event.data).paths?.includes(pagePath)));

describe('careerplan watch, through the real CLI, a real watcher and a real HTTP client', () => {
  test('every way an editor saves ends in exactly one rebuild from the final content, and one reload of the page', async () => {
    const folder = project();
    const watch = await watchIn(folder);
    const plan = path.join(folder, 'plans/jordan-lee.md');
    const original = await readFile(plan, 'utf8');
    const titled = (title: string) => original.replace(/^title: .*$/m, `title: ${title}`);
    const saves: Array<[string, (text: string) => Promise<void>]> = [
      ['plain write', (text) => writeFile(plan, text)],
      ['atomic rename', (text) => atomicSave(plan, text)],
      ['vim backup and replace', (text) => vimSave(plan, text)],
      ['burst', (text) => burstSave(plan, text, [titled('Burst one'), titled('Burst two')])],
      ['paused write', (text) => pausedSave(plan, text)],
    ];
    for (const [index, [style, save]] of saves.entries()) {
      const title = `Saved by ${style}`;
      await save(titled(title));
      await expectRebuilds(watch, index + 1);
      expect(reloadsOf(watch, '/jordan-lee/'), style).toHaveLength(index + 1);
      const page = await watch.get('/jordan-lee/');
      expect(page.body, style).toContain(title);
      expect(page.body).not.toContain('Burst two</h1>');
    }
    expect(watch.rebuilds().every((line) => line.includes('rebuilt plans/jordan-lee.md'))).toBe(true);
    // plans.json, which no page shows, follows once the saves pause.
    await vi.waitFor(async () => expect(await readFile(path.join(folder, 'out/plans.json'), 'utf8')).toContain('Saved by paused write'), { timeout: 10_000, interval: 100 });
    // Nothing of the preview is ever written to the out folder.
    expect(await readFile(path.join(folder, 'out/jordan-lee/index.html'), 'utf8')).not.toContain('__careerplan');
  });

  test('in a git repository the page shows its revision history, and a save shows as not yet saved in it', async () => {
    const dir = path.join(scratch, `git${projects++}`);
    mkdirSync(dir, { recursive: true });
    const scripted = createRepo(dir);
    scripted.write('plans/jordan-lee.md', jordanPlan());
    scripted.commit('First plan', '2027-01-05T10:00:00+01:00');
    const watch = await watchIn(scripted.dir);
    const first = (await watch.get('/jordan-lee/')).body;
    expect(first).toMatch(/Revision history[\s\S]*First plan/);
    expect(first).not.toContain('Changes not yet saved in the plan’s history');

    await writeFile(path.join(scripted.dir, 'plans/jordan-lee.md'), jordanPlan([['due: 2027-06', 'due: 2027-12']]));
    await expectRebuilds(watch, 1);
    // Issue 19: no git words on the page, and dates as the page writes them.
    expect((await watch.get('/jordan-lee/')).body).toMatch(/Changes not yet saved in the plan’s history[\s\S]*June 2027 → December 2027[\s\S]*First plan/);
  });

  test('a mistake shows in the page over the last good version and in the terminal; fixing it clears both', async () => {
    const folder = project();
    const watch = await watchIn(folder);
    const plan = path.join(folder, 'plans/sam-okafor.md');
    const original = await readFile(plan, 'utf8');
    expect((await watch.get('/sam-okafor/')).status).toBe(200);
    expect(previewState((await watch.get('/sam-okafor/')).body).problems).toEqual([]);

    await writeFile(plan, original.replace(/^owner: .*$/m, 'owner: [Sam'));
    await expectRebuilds(watch, 1);
    expect(watch.stderr()).toMatch(/plans\/sam-okafor\.md:\d+:\d+ error .* yaml-syntax/);
    expect(watch.rebuilds()[0]).toContain('1 error, the preview shows the last good version');
    const broken = await watch.get('/sam-okafor/');
    expect(broken.status).toBe(200);
    expect(broken.body).toContain('Sam Okafor');
    const [problem] = previewState(broken.body).problems;
    expect(problem).toMatchObject({ file: 'plans/sam-okafor.md', ruleId: 'yaml-syntax' });
    expect(problem?.frame).toContain('owner: [Sam');
    expect(previewState((await watch.get('/')).body).problems.map((p) => p.ruleId)).toEqual(['yaml-syntax']);
    expect(reloadsOf(watch, '/sam-okafor/')).toHaveLength(1);

    await writeFile(plan, original.replace(/^owner: .*$/m, 'owner: Sam Fixed'));
    await expectRebuilds(watch, 2);
    // Ctrl-C right after a save still leaves plans.json up to date.
    expect(await watch.stop()).toBe(0);
    expect(await readFile(path.join(folder, 'out/plans.json'), 'utf8')).toContain('Sam Fixed');
    running = await startWatch(folder, ['--no-pdf', '--as-of', '2026-11-26']);
    const again = running;
    await writeFile(plan, original);
    await vi.waitFor(() => expect(again.rebuilds()).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(previewState((await again.get('/sam-okafor/')).body).problems).toEqual([]);
    expect(previewState((await again.get('/')).body).problems).toEqual([]);
    expect(reloadsOf(again, '/sam-okafor/')).toHaveLength(1);
  });

  test('a new plan appears, a deleted one disappears, a renamed one moves; a plan never built shows its problems', async () => {
    const folder = project();
    const watch = await watchIn(folder);
    await writeFile(path.join(folder, 'plans/ada.md'), minimalPlan().replace('title: Plan', 'title: Ada plan'));
    await expectRebuilds(watch, 1);
    expect((await watch.get('/ada/')).body).toContain('Ada plan');
    expect((await watch.get('/')).body).toContain('Ada plan');

    await rename(path.join(folder, 'plans/ada.md'), path.join(folder, 'plans/ada-lovelace.md'));
    await expectRebuilds(watch, 2);
    expect((await watch.get('/ada/')).status).toBe(404);
    expect((await watch.get('/ada-lovelace/')).body).toContain('Ada plan');

    await rm(path.join(folder, 'plans/ada-lovelace.md'));
    await expectRebuilds(watch, 3);
    expect((await watch.get('/ada-lovelace/')).status).toBe(404);
    expect((await watch.get('/')).body).not.toContain('Ada plan');

    await writeFile(path.join(folder, 'plans/bo.md'), '---\ntitle: Bo\n---\n');
    await expectRebuilds(watch, 4);
    const notBuilt = await watch.get('/bo/');
    expect(notBuilt.status).toBe(404);
    expect(notBuilt.type).toBe('text/html; charset=utf-8');
    expect(previewState(notBuilt.body).problems.map((p) => p.ruleId)).toContain('schema');
  });

  test('a template change re-renders every page; a broken template shows in every page and watch goes on', async () => {
    const folder = project();
    const watch = await watchIn(folder);
    const footer = await readFile(path.join(repo, 'templates/partials/footer.hbs'), 'utf8');
    await mkdir(path.join(folder, 'templates/partials'), { recursive: true });
    await writeFile(path.join(folder, 'templates/partials/footer.hbs'), `${footer}<p>Custom footer</p>`);
    await expectRebuilds(watch, 1);
    expect(watch.rebuilds()[0]).toContain('re-rendered every page');
    expect(watch.events.filter((event) => event.event === 'reload').map((event) => event.data)).toEqual(['{"all":true}']);
    for (const page of ['/', '/jordan-lee/', '/lena-schmidt/', '/sam-okafor/']) expect((await watch.get(page)).body).toContain('Custom footer');

    await writeFile(path.join(folder, 'templates/partials/footer.hbs'), '{{#if}}');
    await expectRebuilds(watch, 2);
    expect(watch.stderr()).toContain('templates/partials/footer.hbs');
    const [problem] = previewState((await watch.get('/jordan-lee/')).body).problems;
    expect(problem).toMatchObject({ file: 'templates/partials/footer.hbs', ruleId: 'template' });
    expect((await watch.get('/jordan-lee/')).body).toContain('Custom footer');

    await rm(path.join(folder, 'templates/partials/footer.hbs'));
    await expectRebuilds(watch, 3);
    expect(previewState((await watch.get('/jordan-lee/')).body).problems).toEqual([]);
    expect((await watch.get('/jordan-lee/')).body).not.toContain('Custom footer');
  });

  test('a config change rebuilds everything; a broken config shows in the page and the last good one goes on', async () => {
    const folder = project();
    const watch = await watchIn(folder);
    expect((await watch.get('/jordan-lee/')).body).toContain('<html lang="en"');
    await writeFile(path.join(folder, 'careerplan.config.json'), '{ "locale": "de" }\n');
    await expectRebuilds(watch, 1);
    expect(watch.rebuilds()[0]).toContain('config changed');
    expect((await watch.get('/')).body).toContain('<html lang="de"');
    expect(watch.events.some((event) => event.event === 'reload' && event.data === '{"all":true}')).toBe(true);

    await writeFile(path.join(folder, 'careerplan.config.json'), '{ "locale": "de", "rules": { "no-such-rule": "error" } }\n');
    await expectRebuilds(watch, 2);
    const problems = previewState((await watch.get('/')).body).problems;
    expect(problems.map((p) => p.ruleId)).toContain('config');
    expect(problems[0]?.file).toBe('careerplan.config.json');

    // The plans are still watched by the new session.
    await writeFile(path.join(folder, 'plans/ada.md'), minimalPlan());
    await expectRebuilds(watch, 3);
    expect((await watch.get('/ada/')).status).toBe(200);
  });

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
    running = watch;
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
    running = watch;
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
