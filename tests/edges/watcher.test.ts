import { mkdtempSync, realpathSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createWatcher, isEditorTemporary, type ChangeBatch, type Watcher } from '../../src/edges/watcher.js';
import { atomicSave, pause, vimSave } from '../support/editors.js';

/** A batch as delivered, with the text of every changed or added file read inside `onChange`. */
type Seen = ChangeBatch & { readonly texts: Record<string, string> };

/** How long the test listens after the expected batches for one that should not come. */
const quietMs = 300;

let base: string;
let watcher: Watcher | undefined;

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await rm(base, { recursive: true, force: true });
});

/** A temp project with `plans/` holding `files`, watched by a real watcher that records every batch. */
async function start(files: Record<string, string>, slow?: (batch: ChangeBatch, index: number) => Promise<void>, also: readonly string[] = []) {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-watcher-')));
  const plans = path.join(base, 'plans');
  await mkdir(plans);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(plans, name), text);
  const batches: Seen[] = [];
  let running = 0;
  let overlapped = false;
  watcher = await createWatcher({
    paths: [plans, ...also.map((name) => path.join(base, name))],
    onChange: async (batch) => {
      running++;
      if (running > 1) overlapped = true;
      const texts: Record<string, string> = {};
      for (const file of [...batch.changed, ...batch.added]) texts[path.basename(file)] = await readFile(file, 'utf8');
      batches.push({ ...batch, texts });
      await slow?.(batch, batches.length - 1);
      running--;
    },
  });
  const at = (name: string) => path.join(plans, name);
  return { base, plans, at, batches, overlapped: () => overlapped };
}

/** Waits until exactly `count` batches arrived, then listens a little longer for an extra one. */
async function expectBatches(batches: readonly Seen[], count: number): Promise<void> {
  await vi.waitFor(() => expect(batches.length).toBeGreaterThanOrEqual(count), { timeout: 3000, interval: 10 });
  await new Promise((resolve) => setTimeout(resolve, quietMs));
  expect(batches).toHaveLength(count);
}

describe('createWatcher', () => {
  test('an atomic save (temp file renamed over) ends in one batch with the final text, and the file stays watched', async () => {
    const { at, batches } = await start({ 'ada.md': 'v1' });
    await atomicSave(at('ada.md'), 'v2 atomic');
    await expectBatches(batches, 1);
    expect(batches[0]).toEqual({ changed: [at('ada.md')], added: [], removed: [], texts: { 'ada.md': 'v2 atomic' } });

    await writeFile(at('ada.md'), 'v3 plain');
    await expectBatches(batches, 2);
    expect(batches[1]).toEqual({ changed: [at('ada.md')], added: [], removed: [], texts: { 'ada.md': 'v3 plain' } });

    await atomicSave(at('ada.md'), 'v4 atomic again');
    await expectBatches(batches, 3);
    expect(batches[2]).toEqual({ changed: [at('ada.md')], added: [], removed: [], texts: { 'ada.md': 'v4 atomic again' } });
  });

  test("vim's backup-and-replace ends in one batch with the final text, and the file stays watched", async () => {
    const { at, batches } = await start({ 'ada.md': 'v1', '.ada.md.swp': 'swap' });
    await vimSave(at('ada.md'), 'v2 vim');
    await expectBatches(batches, 1);
    expect(batches[0]).toEqual({ changed: [at('ada.md')], added: [], removed: [], texts: { 'ada.md': 'v2 vim' } });

    await vimSave(at('ada.md'), 'v3 vim again');
    await expectBatches(batches, 2);
    expect(batches[1]).toEqual({ changed: [at('ada.md')], added: [], removed: [], texts: { 'ada.md': 'v3 vim again' } });
  });

  test('a burst of writes ends in one batch with the last text', async () => {
    const { at, batches } = await start({ 'ada.md': 'v1' });
    for (let index = 2; index <= 6; index++) {
      await writeFile(at('ada.md'), `v${index} ${'x'.repeat(index * 100)}`);
      await pause(15);
    }
    await expectBatches(batches, 1);
    expect(batches[0]).toEqual({ changed: [at('ada.md')], added: [], removed: [], texts: { 'ada.md': `v6 ${'x'.repeat(600)}` } });
  });

  test('a write paused half-way ends in one batch with the whole text', async () => {
    const { at, batches } = await start({ 'ada.md': 'v1' });
    const handle = await open(at('ada.md'), 'w');
    await handle.write('first half, ');
    // Longer than chokidar's size-stability wait alone, shorter than it plus the settle window.
    await pause(50);
    await handle.write('second half');
    await handle.close();
    await expectBatches(batches, 1);
    expect(batches[0]).toEqual({ changed: [at('ada.md')], added: [], removed: [], texts: { 'ada.md': 'first half, second half' } });
  });

  test('edits to several files close together arrive as one batch, sorted', async () => {
    const { at, batches } = await start({ 'b.md': 'b1', 'a.md': 'a1', 'c.md': 'c1' });
    await writeFile(at('b.md'), 'b2');
    await atomicSave(at('c.md'), 'c2');
    await unlink(at('a.md'));
    await writeFile(at('d.md'), 'd1');
    await expectBatches(batches, 1);
    expect(batches[0]).toEqual({ changed: [at('b.md'), at('c.md')], added: [at('d.md')], removed: [at('a.md')], texts: { 'b.md': 'b2', 'c.md': 'c2', 'd.md': 'd1' } });
  });

  test('a new file is added', async () => {
    const { at, batches } = await start({ 'ada.md': 'v1' });
    await writeFile(at('grace.md'), 'new plan');
    await expectBatches(batches, 1);
    expect(batches[0]).toEqual({ changed: [], added: [at('grace.md')], removed: [], texts: { 'grace.md': 'new plan' } });
  });

  test('a file written into a folder just made is added, every time', async () => {
    const { at, batches } = await start({ 'ada.md': 'v1' });
    for (let round = 0; round < 10; round++) {
      await mkdir(at(`year-${round}`));
      await writeFile(at(`year-${round}/grace.md`), `plan ${round}`);
      await expectBatches(batches, round + 1);
      expect(batches[round]).toEqual({ changed: [], added: [at(`year-${round}/grace.md`)], removed: [], texts: { 'grace.md': `plan ${round}` } });
    }
  });

  test('a watched folder that does not exist yet is watched once it appears, with what was written into it', async () => {
    for (const nested of ['templates', 'templates/partials']) {
      const { base, batches } = await start({ 'ada.md': 'v1' }, undefined, ['templates', 'careerplan.config.json']);
      await mkdir(path.join(base, nested), { recursive: true });
      await writeFile(path.join(base, nested, 'footer.hbs'), 'footer');
      await expectBatches(batches, 1);
      expect(batches[0]).toEqual({ changed: [], added: [path.join(base, nested, 'footer.hbs')], removed: [], texts: { 'footer.hbs': 'footer' } });
      await writeFile(path.join(base, nested, 'footer.hbs'), 'footer v2');
      await writeFile(path.join(base, 'careerplan.config.json'), '{}');
      await expectBatches(batches, 2);
      expect(batches[1]).toEqual({
        changed: [path.join(base, nested, 'footer.hbs')],
        added: [path.join(base, 'careerplan.config.json')],
        removed: [],
        texts: { 'footer.hbs': 'footer v2', 'careerplan.config.json': '{}' },
      });
      await watcher?.close();
      await rm(base, { recursive: true, force: true });
    }
  });

  test('a deleted file is removed', async () => {
    const { at, batches } = await start({ 'ada.md': 'v1', 'grace.md': 'v1' });
    await unlink(at('grace.md'));
    await expectBatches(batches, 1);
    expect(batches[0]).toEqual({ changed: [], added: [], removed: [at('grace.md')], texts: {} });
  });

  test('a rename is removed plus added in one batch', async () => {
    const { at, batches } = await start({ 'ada.md': 'v1' });
    await rename(at('ada.md'), at('ada-lovelace.md'));
    await expectBatches(batches, 1);
    expect(batches[0]).toEqual({ changed: [], added: [at('ada-lovelace.md')], removed: [at('ada.md')], texts: { 'ada-lovelace.md': 'v1' } });
  });

  test('editor temporary files and dotfiles are ignored', async () => {
    const { at, batches } = await start({ 'ada.md': 'v1' });
    for (const name of ['.ada.md.swp', '.ada.md.swx', 'ada.md.swo', 'ada.md~', '4913', '.#ada.md', '#ada.md#', 'ada.md.tmp', '.DS_Store', '.hidden.md']) {
      await writeFile(at(name), 'temporary');
    }
    // A real edit after the temporary files: its batch must be the only one and name only it.
    await writeFile(at('ada.md'), 'v2');
    await expectBatches(batches, 1);
    expect(batches[0]).toEqual({ changed: [at('ada.md')], added: [], removed: [], texts: { 'ada.md': 'v2' } });
  });

  test('the ignore option ignores more paths', async () => {
    base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-watcher-')));
    const batches: ChangeBatch[] = [];
    watcher = await createWatcher({ paths: [base], ignore: (file) => file.endsWith('.log'), onChange: (batch) => void batches.push(batch) });
    await writeFile(path.join(base, 'build.log'), 'noise');
    await writeFile(path.join(base, 'ada.md'), 'plan');
    await vi.waitFor(() => expect(batches.length).toBeGreaterThanOrEqual(1), { timeout: 3000, interval: 10 });
    await pause(quietMs);
    expect(batches).toEqual([{ changed: [], added: [path.join(base, 'ada.md')], removed: [] }]);
  });

  test('a slow onChange never overlaps: edits meanwhile arrive as exactly one follow-up batch', async () => {
    const { at, batches, overlapped } = await start({ 'ada.md': 'v1', 'grace.md': 'g1' }, async (_batch, index) => {
      if (index !== 0) return;
      // The edits arrive and settle while this rebuild is still running.
      await writeFile(at('ada.md'), 'v3 during');
      await pause(100);
      await atomicSave(at('ada.md'), 'v4 during, newest');
      await writeFile(at('new.md'), 'n1');
      await unlink(at('grace.md'));
      await pause(400);
    });
    await writeFile(at('ada.md'), 'v2');
    await expectBatches(batches, 2);
    expect(batches[0]).toEqual({ changed: [at('ada.md')], added: [], removed: [], texts: { 'ada.md': 'v2' } });
    expect(batches[1]).toEqual({ changed: [at('ada.md')], added: [at('new.md')], removed: [at('grace.md')], texts: { 'ada.md': 'v4 during, newest', 'new.md': 'n1' } });
    expect(overlapped()).toBe(false);
  });

  test('a watched single file stays watched after atomic and vim saves', async () => {
    base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-watcher-')));
    const config = path.join(base, 'careerplan.yaml');
    await writeFile(config, 'a: 1');
    const batches: Seen[] = [];
    watcher = await createWatcher({
      paths: [config],
      onChange: async (batch) => void batches.push({ ...batch, texts: { config: await readFile(config, 'utf8') } }),
    });
    await atomicSave(config, 'a: 2');
    await expectBatches(batches, 1);
    await vimSave(config, 'a: 3');
    await expectBatches(batches, 2);
    await writeFile(config, 'a: 4');
    await expectBatches(batches, 3);
    expect(batches).toEqual([2, 3, 4].map((n) => ({ changed: [config], added: [], removed: [], texts: { config: `a: ${n}` } })));
  });

  test('close stops delivery and is idempotent', async () => {
    const { at, batches } = await start({ 'ada.md': 'v1' });
    const current = watcher;
    await current?.close();
    await current?.close();
    await writeFile(at('ada.md'), 'v2');
    await pause(quietMs);
    expect(batches).toHaveLength(0);
  });
});

describe('isEditorTemporary', () => {
  test.each(['.ada.md.swp', '.ada.md.swo', '.ada.md.swx', '.ada.md.swn', 'ada.md~', '4913', '5036', '.#ada.md', '#ada.md#', 'x.tmp', '.hidden', 'ada.md___jb_tmp___'])('%s is temporary', (name) => {
    expect(isEditorTemporary(name)).toBe(true);
  });
  test.each(['ada.md', 'careerplan.yaml', 'photo.svg', '2024', '4914', 'ada#1.md'])('%s is not', (name) => {
    expect(isEditorTemporary(name)).toBe(false);
  });
});
