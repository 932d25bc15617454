import { describe, expect, it } from 'vitest';
import { afterEvent, batchOf, batchWait, namedAsGiven, onDisk, type Pending } from '../../src/edges/change-batch.js';

const stat = (size: number, mtimeMs = 1, ino = 7) => ({ size, mtimeMs, ino, isFile: () => true });

describe('the watcher’s batching', () => {
  it('adds a file’s events up: remove then add is a change, add then remove is nothing', () => {
    const written = stat(3);
    const replaced = afterEvent(afterEvent(undefined, 'unlink', undefined), 'add', written);
    expect(replaced).toEqual({ before: true, now: true, seen: written });
    const fleeting = afterEvent(afterEvent(undefined, 'add', stat(1)), 'unlink', stat(1));
    expect(fleeting).toEqual({ before: false, now: false, seen: undefined });
    expect(batchOf([['/p/a.md', replaced], ['/p/tmp.md', fleeting]])).toEqual({ changed: ['/p/a.md'], added: [], removed: [] });
  });

  it('sorts each list and names files as their root was given; an empty batch is none', () => {
    const pending: [string, Pending][] = [
      ['/real/b.md', { before: false, now: true, seen: undefined }],
      ['/real/a.md', { before: false, now: true, seen: undefined }],
      ['/real/c.md', { before: true, now: false, seen: undefined }],
    ];
    const asGiven = namedAsGiven([{ given: '/link', real: '/real' }], '/');
    expect(batchOf(pending, asGiven)).toEqual({ changed: [], added: ['/link/a.md', '/link/b.md'], removed: ['/link/c.md'] });
    expect(batchOf([])).toBeUndefined();
    expect(asGiven('/realm/x.md')).toBe('/realm/x.md');
  });

  it('waits the quick window for plain changes, the settle window for adds and removes, never past the longest wait', () => {
    const windows = { quickMs: 25, settleMs: 60, maxWaitMs: 1000 };
    const changed: Pending = { before: true, now: true, seen: undefined };
    const added: Pending = { before: false, now: true, seen: undefined };
    expect(batchWait([changed], windows, 0, 0)).toBe(25);
    expect(batchWait([changed, added], windows, 0, 0)).toBe(60);
    expect(batchWait([added], windows, 0, 980)).toBe(20);
    expect(batchWait([added], windows, 0, 2000)).toBe(0);
  });

  it('believes the events only while the disk shows the same file', () => {
    expect(onDisk({ now: true, seen: stat(3) }, stat(3))).toEqual({ exists: true, settled: true });
    expect(onDisk({ now: true, seen: stat(3) }, stat(4))).toEqual({ exists: true, settled: false });
    expect(onDisk({ now: false, seen: undefined }, stat(3))).toEqual({ exists: true, settled: false });
    expect(onDisk({ now: true, seen: undefined }, undefined)).toEqual({ exists: false, settled: false });
    expect(onDisk({ now: false, seen: undefined }, undefined)).toEqual({ exists: false, settled: true });
  });
});
