/**
 * Nothing hangs and nothing is left running: plans that are named pipes are
 * reported, not waited on; SIGINT and SIGTERM end `check`, `build` and
 * `watch` within a second or two while they are busy; a build killed with
 * SIGKILL leaves no Chromium behind. Real child processes, real FIFOs, real
 * Chromium.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { startWatch } from '../support/watch-process.js';
import { careerplan, repo } from './run.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-signals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const signalNumbers = { SIGINT: 2, SIGTERM: 15 } as const;

/**
 * A plan the checker accepts as a file but that makes it work: 1,500 unknown
 * skill names against 3,000 skills, each a message with a suggestion to
 * look for (bounded per plan, still a few hundred milliseconds).
 */
function heavyPlan(): string {
  const id = (index: number): string => `skill-${String(index).padStart(5, '0')}`;
  const skills = Array.from({ length: 3000 }, (_, index) => `  - name: ${id(index)}\n    id: ${id(index)}\n    level: 1\n    target: 2\n`).join('');
  const names = Array.from({ length: 1500 }, (_, index) => `skjll-${String(index).padStart(5, '0')}`).join(', ');
  return `---\ntitle: T\nowner: O\nskills:\n${skills}goals:\n  - title: G\n    measure: M\n    due: 2027-06\n    skills: [${names}]\n    steps: [Start]\n---\n\nBody\n`;
}

/** The example plans, a plan that is a named pipe, and `heavy` plans that keep the checker busy. */
function project(name: string, heavy: number): string {
  const folder = path.join(scratch, name);
  mkdirSync(folder, { recursive: true });
  cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
  execFileSync('mkfifo', [path.join(folder, 'plans/pipe.md')]);
  const text = heavyPlan();
  for (let index = 0; index < heavy; index++) writeFileSync(path.join(folder, `plans/heavy-${index}.md`), text);
  return folder;
}

/** The CPU time a process has used, in milliseconds (its user and system clock ticks in /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

/** Whether a process still runs: gone, or a zombie waiting to be reaped, runs no more. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Starts `careerplan ...args` in `folder`; `exited` resolves with how it ended and when. */
function start(args: readonly string[], folder: string) {
  const child = spawn(process.execPath, [path.join(repo, 'bin/careerplan.js'), ...args], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  return { child, exited, stderr: () => stderr };
}

describe('plans that are named pipes', () => {
  test('check reports a named pipe as no plan file, at once, and checks the other plans', async () => {
    const folder = project('fifo-check', 0);
    const run = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: folder });
    expect(run.stderr).toContain('plans/pipe.md:1:1 error Unexpected named pipe, expected a plan file: careerplan reads only regular files, replace it with one bad-file');
    expect(run.stderr).toMatch(/✖ \d+ errors? in 1 of 4 plans/);
    expect(run.status).toBe(1);
    // Named on the command line too.
    const named = await careerplan(['check', 'plans/pipe.md'], { cwd: folder });
    expect(named.stderr).toContain('plans/pipe.md:1:1 error Unexpected named pipe');
    expect(named.status).toBe(1);
  });

  test('build leaves out a named pipe with its message and builds the other plans', async () => {
    const folder = project('fifo-build', 0);
    const run = await careerplan(['build', '--no-pdf', '--as-of', '2026-11-26'], { cwd: folder });
    expect(run.stderr).toContain('plans/pipe.md:1:1 error Unexpected named pipe');
    expect(run.stderr).toContain('3 of 4 plans built into out; 1 left out because of errors');
    expect(run.status).toBe(1);
    // A second build reads its cache, and still says so.
    const again = await careerplan(['build', '--no-pdf', '--as-of', '2026-11-26'], { cwd: folder });
    expect(again.stderr).toContain('plans/pipe.md:1:1 error Unexpected named pipe');
  });

  test('a config file that is a named pipe is an error, not a wait', async () => {
    const folder = project('fifo-config', 0);
    execFileSync('mkfifo', [path.join(folder, 'careerplan.config.json')]);
    const run = await careerplan(['check'], { cwd: folder });
    expect(run.stderr).toContain('cannot read the config file');
    expect(run.stderr).toContain('it is a named pipe, not a file');
    expect(run.status).toBe(2);
  });
});

describe('SIGINT and SIGTERM while busy', () => {
  const commands = {
    check: ['check', '--as-of', '2026-11-26'],
    build: ['build', '--no-pdf', '--as-of', '2026-11-26'],
    'build --workers 2': ['build', '--no-pdf', '--as-of', '2026-11-26', '--workers', '2'],
  } as const;
  test.each([
    ['check', 'SIGINT'],
    ['check', 'SIGTERM'],
    ['build', 'SIGINT'],
    ['build', 'SIGTERM'],
    ['build --workers 2', 'SIGTERM'],
  ] as const)('%s ends within two seconds of %s, as the shell reports a stop by it, with no temporary file left', async (name, signal) => {
    const command = name.split(' ')[0];
    const folder = project(`busy-${name.replaceAll(' ', '')}-${signal}`, 4);
    const args = commands[name];
    const run = start(args, folder);
    const pid = run.child.pid as number;
    // Busy: past starting (check 0.35 s of CPU with one small plan, build 0.6 s), into the heavy plans, which take it seconds more.
    await vi.waitFor(() => expect(cpuMs(pid)).toBeGreaterThan(command === 'check' ? 1_000 : 1_200), { timeout: 30_000, interval: 10 });
    const sent = performance.now();
    run.child.kill(signal);
    const { code, signal: killedBy, at } = await run.exited;
    expect(at - sent).toBeLessThan(2_000);
    // A command with nothing to clean up is ended by the signal itself; one that cleans up exits with 128 + its number.
    if (command === 'build') {
      expect(code).toBe(128 + signalNumbers[signal]);
      expect(run.stderr()).toContain(`stopped by ${signal}`);
    } else {
      expect(killedBy).toBe(signal);
    }
    const out = path.join(folder, 'out');
    const left = existsSync(out) ? readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock')) : [];
    expect(left).toEqual([]);
  }, 60_000);

  test.each(['SIGINT', 'SIGTERM'] as const)('watch stops within two seconds of %s in the middle of its first build, exit 0, no temporary file left', async (signal) => {
    const folder = project(`busy-watch-start-${signal}`, 6);
    const run = start(['watch', '--no-pdf', '--port', '0', '--as-of', '2026-11-26'], folder);
    const pid = run.child.pid as number;
    // Past starting (0.8 s of CPU with one small plan), into the heavy plans of its first build, which take it seconds more.
    await vi.waitFor(() => expect(cpuMs(pid)).toBeGreaterThan(1_500), { timeout: 30_000, interval: 10 });
    // The preview serves before its first build of every plan, which runs on: that build is not over yet.
    expect(run.stderr()).not.toMatch(/built \d+ of \d+ plans/);
    const sent = performance.now();
    run.child.kill(signal);
    const { code, at } = await run.exited;
    expect(at - sent).toBeLessThan(2_000);
    // Ctrl-C is how a preview ends: exit 0, as when it is idle.
    expect(code).toBe(0);
    const out = path.join(folder, 'out');
    const left = existsSync(out) ? readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp')) : [];
    expect(left).toEqual([]);
  }, 60_000);

  test('watch with a named pipe among the plans previews the others and stops at SIGTERM within two seconds', async () => {
    const folder = project('busy-watch', 1);
    const watch = await startWatch(folder, ['--no-pdf', '--as-of', '2026-11-26']);
    expect((await watch.get('/jordan-lee/')).status).toBe(200);
    expect(watch.stderr()).toContain('Unexpected named pipe');
    const sent = performance.now();
    expect(await watch.stop('SIGTERM')).toBe(0);
    expect(performance.now() - sent).toBeLessThan(2_000);
  }, 60_000);
});

/** The processes started with a browser profile of careerplan process `pid` (see launchBrowser). */
function browsersOf(pid: number): number[] {
  const profile = `--user-data-dir=${path.join(os.tmpdir(), `careerplan-chromium-${pid}-`)}`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => {
      try {
        return readFileSync(`/proc/${candidate}/cmdline`, 'utf8').includes(profile);
      } catch {
        return false;
      }
    });
}

describe('review', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)('%s while the review prints ends it at once, with its browser and no temporary file', async (signal) => {
    const folder = path.join(scratch, `review-${signal}`);
    cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
    const run = start(['review', 'plans/jordan-lee.md', '--as-of', '2026-11-26', '--out', 'review.pdf'], folder);
    const pid = run.child.pid as number;
    await vi.waitFor(() => expect(browsersOf(pid).length).toBeGreaterThan(0), { timeout: 60_000, interval: 10 });
    const sent = performance.now();
    run.child.kill(signal);
    const { code, at } = await run.exited;
    expect(at - sent).toBeLessThan(2_000);
    expect(code).toBe(128 + signalNumbers[signal]);
    await vi.waitFor(() => expect(browsersOf(pid).filter(running)).toEqual([]), { timeout: 5_000, interval: 20 });
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('a build killed with SIGKILL', () => {
  test('leaves no Chromium running, and its browser profile goes at the next start', async () => {
    const folder = path.join(scratch, 'sigkill');
    cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
    const text = readFileSync(path.join(folder, 'plans/jordan-lee.md'), 'utf8');
    for (let index = 0; index < 20; index++) writeFileSync(path.join(folder, `plans/copy-${index}.md`), text);
    const run = start(['build', '--as-of', '2026-11-26', '--concurrency', '1'], folder);
    const pid = run.child.pid as number;
    // The build's browser: every process started with its profile, found while it prints.
    let browsers: number[] = [];
    await vi.waitFor(
      () => {
        expect(run.stderr()).toContain('printed ');
        browsers = browsersOf(pid);
        expect(browsers.length).toBeGreaterThan(0);
      },
      { timeout: 60_000, interval: 20 },
    );
    // The whole tree: the browser and everything under it (zygotes, renderers, GPU and utility processes).
    const tree = new Set(browsers);
    for (let grew = true; grew; ) {
      grew = false;
      for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        try {
          const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
          if (tree.has(parent) && !tree.has(Number(entry))) {
            tree.add(Number(entry));
            grew = true;
          }
        } catch {
          // gone meanwhile
        }
      }
    }
    expect(tree.size).toBeGreaterThan(2);
    run.child.kill('SIGKILL');
    await run.exited;
    await vi.waitFor(() => expect([...tree].filter(running)).toEqual([]), { timeout: 5_000, interval: 20 });
    // Nothing runs after SIGKILL to remove the profile; the next start of a browser does.
    const profiles = (): string[] => readdirSync(os.tmpdir()).filter((name) => name.startsWith(`careerplan-chromium-${pid}-`));
    expect(profiles().length).toBe(1);
    expect((await careerplan(['doctor'], { cwd: folder })).status).toBe(0);
    expect(profiles()).toEqual([]);
  }, 120_000);
});

/** A project of `count` copies of a small plan, for printing: the PDFs take seconds, long enough to act on the build while it prints. */
function printingProject(name: string, count: number): string {
  const folder = path.join(scratch, name);
  mkdirSync(path.join(folder, 'plans'), { recursive: true });
  const text = readFileSync(path.join(repo, 'plans/sam-okafor.md'), 'utf8');
  for (let index = 0; index < count; index++) writeFileSync(path.join(folder, `plans/plan-${String(index).padStart(2, '0')}.md`), text);
  return folder;
}

/** The parent of a process, from /proc. */
function parentOf(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  } catch {
    return undefined;
  }
}

describe('a browser that dies while the build prints', () => {
  test('is replaced: the build ends (0, or 1 naming each plan whose PDF failed), every PDF is whole, and no Chromium of it is left', async () => {
    const folder = printingProject('browser-killed', 24);
    const run = start(['build', '--as-of', '2026-11-26', '--concurrency', '2'], folder);
    onTestFinished(() => void run.child.kill('SIGKILL'));
    const pid = run.child.pid as number;
    // The browser's own process: started by the build with its profile; both tabs are printing in it.
    let killed = 0;
    await vi.waitFor(
      () => {
        expect(run.stderr()).toContain('printed ');
        killed = browsersOf(pid).find((candidate) => parentOf(candidate) === pid) ?? 0;
        expect(killed).toBeGreaterThan(0);
      },
      { timeout: 60_000, interval: 10 },
    );
    process.kill(killed, 'SIGKILL');
    const sent = performance.now();
    // A new browser prints the rest.
    await vi.waitFor(() => expect(browsersOf(pid).filter((candidate) => candidate !== killed && parentOf(candidate) === pid && running(candidate)).length).toBe(1), { timeout: 30_000, interval: 10 });
    // It ends: it hung for good when the new browser was never closed.
    let ended: Awaited<typeof run.exited> | undefined;
    void run.exited.then((exit) => (ended = exit));
    await vi.waitFor(() => expect(ended, run.stderr()).toBeDefined(), { timeout: 30_000, interval: 20 });
    const { code, at } = ended as Awaited<typeof run.exited>;
    expect(at - sent).toBeLessThan(30_000);
    const stderr = run.stderr();
    const failed = [...stderr.matchAll(/^(plans\/plan-\d+\.md): could not print the PDF/gm)].map((match) => match[1]);
    expect(code).toBe(failed.length > 0 ? 1 : 0);
    expect(stderr).toContain(`24 of 24 plans built into out; PDFs: ${24 - failed.length} printed, 0 unchanged${failed.length > 0 ? `, ${failed.length} failed` : ''}`);
    expect(stderr).not.toMatch(/^\s+at /m);
    // Every PDF there is whole (poppler reads it to its last page); one is there for each plan that printed.
    const pdfs = readdirSync(path.join(folder, 'out'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.pdf'));
    expect(pdfs.length).toBe(24 - failed.length);
    for (const pdf of pdfs) expect(execFileSync('pdftotext', [path.join(folder, 'out', pdf), '-'], { encoding: 'utf8' })).toContain('Sam Okafor');
    expect(readdirSync(path.join(folder, 'out'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Killed processes are reaped by PID 1 a moment after the build ends.
    await vi.waitFor(() => expect(browsersOf(pid).filter(running)).toEqual([]), { timeout: 2_000, interval: 20 });
    expect(readdirSync(os.tmpdir()).filter((name) => name.startsWith(`careerplan-chromium-${pid}-`))).toEqual([]);
  }, 120_000);
});

describe('Ctrl-C while the build prints', () => {
  test('ends it with 130 and its message, never a crash, with no Chromium and no browser profile left (3 times)', async () => {
    const folder = printingProject('sigint-printing', 12);
    for (let round = 0; round < 3; round++) {
      const run = start(['build', '--as-of', '2026-11-26', '--concurrency', '2', '--force'], folder);
      const pid = run.child.pid as number;
      await vi.waitFor(() => expect(run.stderr()).toContain('printed '), { timeout: 60_000, interval: 10 });
      const sent = performance.now();
      run.child.kill('SIGINT');
      const { code, at } = await run.exited;
      expect(at - sent).toBeLessThan(2_000);
      expect(run.stderr()).not.toMatch(/Error|^\s+at /m);
      expect(run.stderr()).toContain('careerplan: stopped by SIGINT; every file written is complete');
      expect(code).toBe(130);
      expect(browsersOf(pid).filter(running)).toEqual([]);
      expect(readdirSync(os.tmpdir()).filter((name) => name.startsWith(`careerplan-chromium-${pid}-`))).toEqual([]);
    }
  }, 120_000);
});
