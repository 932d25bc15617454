import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { hashOf } from '../../src/lib/hash.js';
import { isSettled, planFileFacts, textIfUnchanged, type PlanSource } from '../../src/build/plan-sources.js';

const folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-sources-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let files = 0;
function plan(text: string): string {
  const file = path.join(folder, `p${files++}.md`);
  writeFileSync(file, text);
  return file;
}

/** The facts of one file, given what the last build recorded of it. */
function factsOf(file: string, previous: PlanSource | undefined, now = Date.now()) {
  const facts = planFileFacts([file], () => previous, now).get(file);
  if (!facts) throw new Error(`no facts for ${file}`);
  return facts;
}

/** A record that says the stat of `file` was taken long after it last changed, with a hash no bytes have. */
function settledRecord(file: string): PlanSource {
  const stats = statSync(file);
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, seenAt: Math.max(stats.mtimeMs, stats.ctimeMs) + 60_000, hash: 'recorded' };
}

describe('what a build knows of a plan file', () => {
  test('a file seen for the first time is read and hashed, and its stat recorded', () => {
    const file = plan('---\ntitle: A\n---\n');
    const now = Date.now();
    const facts = factsOf(file, undefined, now);
    const stats = statSync(file);
    expect(facts.hash).toBe(hashOf([Buffer.from('---\ntitle: A\n---\n')]));
    expect(facts.source).toEqual({ size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, seenAt: now, hash: facts.hash });
    expect(facts.day).toBe(`${stats.mtime.getFullYear()}-${stats.mtime.getMonth() + 1}-${stats.mtime.getDate()}`);
  });

  test('a settled file whose stat is as recorded is not read: the recorded hash stands', () => {
    const file = plan('---\ntitle: B\n---\n');
    const record = settledRecord(file);
    const facts = factsOf(file, record);
    expect(facts.hash).toBe('recorded');
    expect(facts.source).toBe(record);
  });

  test('a stat taken just after the file changed is not trusted: within 0.1 s, or 2.1 s where times are whole seconds', () => {
    const file = plan('---\ntitle: C\n---\n');
    const bytes = hashOf([Buffer.from('---\ntitle: C\n---\n')]);
    const record = settledRecord(file);
    const changed = Math.max(record.mtimeMs, record.ctimeMs);
    expect(changed % 1000).not.toBe(0);
    expect(factsOf(file, { ...record, seenAt: changed + 80 }).hash).toBe(bytes);
    expect(factsOf(file, { ...record, seenAt: changed + 120 }).hash).toBe('recorded');
    // A file system that keeps whole seconds (FAT, some network shares): both times on a second.
    const second = 1_700_000_000_000;
    expect(isSettled({ mtimeMs: second, ctimeMs: second, seenAt: second + 2_000 })).toBe(false);
    expect(isSettled({ mtimeMs: second, ctimeMs: second, seenAt: second + 2_200 })).toBe(true);
    expect(isSettled({ mtimeMs: second, ctimeMs: second + 0.5, seenAt: second + 200 })).toBe(true);
  });

  test('a file rewritten with the same size and its time put back is read again: its change time moved', async () => {
    const file = plan('---\ntitle: D\n---\n');
    // A whole second, which utimes sets exactly.
    const time = 1_700_000_000;
    utimesSync(file, time, time);
    const record = settledRecord(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(file, '---\ntitle: E\n---\n');
    utimesSync(file, time, time);
    expect(statSync(file).mtimeMs).toBe(record.mtimeMs);
    expect(factsOf(file, record).hash).toBe(hashOf([Buffer.from('---\ntitle: E\n---\n')]));
  });

  test('another size, another time or another inode means another file', () => {
    const file = plan('---\ntitle: F\n---\n');
    const record = settledRecord(file);
    for (const changed of [{ size: record.size + 1 }, { mtimeMs: record.mtimeMs - 1 }, { ino: record.ino + 1 }]) {
      expect(factsOf(file, { ...record, ...changed }).hash).toBe(hashOf([Buffer.from('---\ntitle: F\n---\n')]));
    }
  });

  test('a file deleted since it was listed has the hash of no bytes and no record', () => {
    const file = path.join(folder, 'gone.md');
    const facts = factsOf(file, undefined);
    expect(facts).toEqual({ source: undefined, hash: hashOf(['']), day: '' });
  });

  test('textIfUnchanged gives the text only while the bytes still hash to the key\'s hash', () => {
    const file = plan('---\ntitle: Zoë\n---\n');
    const { hash } = factsOf(file, undefined);
    expect(textIfUnchanged(file, hash)).toBe('---\ntitle: Zoë\n---\n');
    writeFileSync(file, '---\ntitle: Zoe\n---\n');
    expect(textIfUnchanged(file, hash)).toBeUndefined();
    rmSync(file);
    expect(textIfUnchanged(file, hash)).toBeUndefined();
  });
});
