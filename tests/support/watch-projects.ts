/**
 * Projects for the tests of `careerplan watch` through the real CLI: a scratch folder per test file with copies of the
 * example plans, one watch process at a time (stopped after each test), and how to wait for its rebuilds and reloads.
 * Registers the file's hooks when called at its top level.
 */
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect, vi } from 'vitest';
import { pause } from './editors.js';
import { startWatch, type WatchProcess } from './watch-process.js';
import { repo } from '../e2e/run.js';

/** How long a test listens, after what it waited for, for something that must not come. */
export const quietMs = 400;

/** What a test file of watch works with. */
export interface WatchProjects {
  /** A new folder with a copy of the example plans. */
  project(): string;
  /** A new empty folder, its name starting with `prefix`. */
  folder(prefix: string): string;
  /** Starts watch in `folder` as of 2026-11-26 (without PDFs unless `args` say otherwise); stopped after the test. */
  watchIn(folder: string, args?: readonly string[]): Promise<WatchProcess>;
  /** Has a watch process started otherwise stopped after the test; returns it. */
  track(watch: WatchProcess): WatchProcess;
}

/** The projects of one test file, in a scratch folder removed after it; one watch process at a time. */
export function watchProjects(): WatchProjects {
  const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-watch-')));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let running: WatchProcess | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  let made = 0;
  const track = (watch: WatchProcess): WatchProcess => (running = watch);
  const folder = (prefix: string): string => path.join(scratch, `${prefix}${made++}`);
  return {
    project() {
      const made = folder('p');
      cpSync(path.join(repo, 'plans'), path.join(made, 'plans'), { recursive: true });
      return made;
    },
    folder,
    async watchIn(folder, args = ['--no-pdf']) {
      return track(await startWatch(folder, ['--as-of', '2026-11-26', ...args]));
    },
    track,
  };
}

/** Waits for exactly `count` rebuild lines in all, then listens a little longer for an extra one. */
export async function expectRebuilds(watch: WatchProcess, count: number): Promise<void> {
  await vi.waitFor(() => expect(watch.rebuilds().length, watch.stderr()).toBeGreaterThanOrEqual(count), { timeout: 10_000, interval: 20 });
  await pause(quietMs);
  expect(watch.rebuilds(), watch.stderr()).toHaveLength(count);
}

/** The reload events that reach the page at `pagePath`. */
export const reloadsOf = (watch: WatchProcess, pagePath: string) =>
  watch.events.filter((event) => event.event === 'reload' && (JSON.parse(event.data).all === true || JSON.parse(event.data).paths?.includes(pagePath)));
