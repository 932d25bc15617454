import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readRegularFile, removeOwnTemporaries, syncWrittenSince, writeFileAtomic, writeIfChanged } from '../../src/edges/files.js';

const folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('writeIfChanged', () => {
  test('writes a new file, leaves the same bytes alone, and writes other bytes of the same size or another', async () => {
    const file = path.join(folder, 'deep/er/page.html');
    expect(await writeIfChanged(file, 'één')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('één');
    // An old time, so a write would show.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(await writeIfChanged(file, Buffer.from('één'))).toBe(false);
    expect(statSync(file).mtimeMs).toBe(1_700_000_000_000);
    // The same number of bytes (é is two), other text.
    expect(await writeIfChanged(file, 'eeeee')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('eeeee');
    expect(await writeIfChanged(file, 'e')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('e');
  });
});

describe('writeFileAtomic', () => {
  test('makes the folders that are missing, again when they were removed after a write, and leaves no temporary file', async () => {
    const pages = path.join(folder, 'site/a-plan');
    await writeFileAtomic(path.join(pages, 'index.html'), '<p>1</p>');
    await writeFileAtomic(path.join(pages, 'a-plan.ics'), 'BEGIN:VCALENDAR');
    rmSync(path.join(folder, 'site'), { recursive: true });
    await writeFileAtomic(path.join(pages, 'index.html'), '<p>2</p>');
    expect(readFileSync(path.join(pages, 'index.html'), 'utf8')).toBe('<p>2</p>');
    expect(readdirSync(pages)).toEqual(['index.html']);
  });

  test('a folder that cannot be made is an error, and nothing is left behind', async () => {
    const blocker = path.join(folder, 'a-file');
    writeFileSync(blocker, 'not a folder');
    await expect(writeFileAtomic(path.join(blocker, 'page/index.html'), 'x')).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(writeFileAtomic(path.join(blocker, 'index.html'), 'x')).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder');
  });
});

describe('syncWrittenSince', () => {
  const site = path.join(folder, 'synced');
  const old = 1_700_000_000;

  test('without a file system sync it syncs each file written since the time, and no older one', async () => {
    const since = Date.now();
    await writeFileAtomic(path.join(site, 'a/index.html'), 'new', { deferSync: true });
    await writeFileAtomic(path.join(site, 'a/b/c.svg'), 'new', { deferSync: true });
    await writeFileAtomic(path.join(site, 'old.html'), 'old');
    utimesSync(path.join(site, 'old.html'), old, old);
    const asked: string[] = [];
    expect(await syncWrittenSince(site, since, async (folder) => (asked.push(folder), false))).toBe(2);
    expect(asked).toEqual(process.platform === 'linux' ? [site] : []);
    expect(await syncWrittenSince(site, Date.now() + 60_000, async () => false)).toBe(0);
  });

  test('on Linux one file system sync does for all', async () => {
    const asked: string[] = [];
    const done = await syncWrittenSince(site, 0, async (folder) => (asked.push(folder), true));
    expect(done).toBe(process.platform === 'linux' ? 'filesystem' : 3);
    expect(asked).toEqual(process.platform === 'linux' ? [site] : []);
  });
});

describe('readRegularFile', () => {
  test('reads a regular file whole, up to the limit', () => {
    const file = path.join(folder, 'plan.md');
    writeFileSync(file, 'hello');
    expect(readRegularFile(file, 5)).toEqual({ bytes: Buffer.from('hello') });
    expect(readRegularFile(file, 4)).toEqual({ kind: 'too-big', size: 5 });
  });

  test('refuses a named pipe with no writer at once instead of waiting on it, and a device instead of reading it without end', () => {
    const fifo = path.join(folder, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    // A blocking open would never return here: the test would time out.
    expect(readRegularFile(fifo, 1024)).toEqual({ kind: 'special', what: 'named pipe' });
    expect(readRegularFile('/dev/zero', 1024)).toEqual({ kind: 'special', what: 'device' });
    expect(readRegularFile(folder, 1024)).toEqual({ kind: 'special', what: 'folder' });
    expect(readRegularFile(path.join(folder, 'missing.md'), 1024)).toEqual({ kind: 'error', code: 'ENOENT' });
  });
});

describe('removeOwnTemporaries', () => {
  test("removes this process's temporary files, below the folder too unless told not to, and nobody else's", () => {
    const out = path.join(folder, 'stopped');
    const mine = [path.join(out, `.index.html.${process.pid}.ab12cd34.tmp`), path.join(out, 'plan', `.careerplan-spool.${process.pid}.0011aabb.tmp`)];
    const others = [path.join(out, `.index.html.${process.pid + 1}.ab12cd34.tmp`), path.join(out, 'plan', 'index.html'), path.join(out, `notes.${process.pid}.tmp`)];
    for (const file of [...mine, ...others]) touch(file);
    removeOwnTemporaries(out, false);
    expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort()).toEqual(
      [`.index.html.${process.pid + 1}.ab12cd34.tmp`, `notes.${process.pid}.tmp`, 'plan', `plan/.careerplan-spool.${process.pid}.0011aabb.tmp`, 'plan/index.html'].sort(),
    );
    removeOwnTemporaries(out);
    expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort()).toEqual([`.index.html.${process.pid + 1}.ab12cd34.tmp`, `notes.${process.pid}.tmp`, 'plan', 'plan/index.html'].sort());
  });
});

function touch(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'x');
}
