import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectPath, readAttachment } from '../../src/edges/attachments.js';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-attachments-'));
  writeFileSync(path.join(folder, 'cv.png'), 'png bytes');
  mkdirSync(path.join(folder, 'images'));
  execFileSync('mkfifo', [path.join(folder, 'pipe.png')]);
  writeFileSync(path.join(folder, 'big.png'), '');
  truncateSync(path.join(folder, 'big.png'), 3 * 1024 ** 3);
  symlinkSync('cv.png', path.join(folder, 'link.png'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('looking at linked files without trusting them', () => {
  test('inspectPath tells a file, a folder and a FIFO apart without opening them', () => {
    expect(inspectPath(path.join(folder, 'cv.png'))).toMatchObject({ kind: 'file', size: 9 });
    expect(inspectPath(path.join(folder, 'images'))).toMatchObject({ kind: 'folder' });
    expect(inspectPath(path.join(folder, 'pipe.png'))).toMatchObject({ kind: 'other' });
    expect(inspectPath(path.join(folder, 'big.png'))).toMatchObject({ kind: 'file', size: 3 * 1024 ** 3 });
    expect(inspectPath(path.join(folder, 'link.png'))?.real).toBe(path.join(folder, 'cv.png'));
    expect(inspectPath(path.join(folder, 'missing.png'))).toBeUndefined();
  });

  test('readAttachment reads an ordinary file, and returns at once for a FIFO, a folder, a huge file or a symbolic link', () => {
    expect(readAttachment(path.join(folder, 'cv.png'), 100)?.toString()).toBe('png bytes');
    expect(readAttachment(path.join(folder, 'pipe.png'), 100)).toBeUndefined();
    expect(readAttachment(path.join(folder, 'images'), 100)).toBeUndefined();
    expect(readAttachment(path.join(folder, 'big.png'), 25 * 1024 * 1024)).toBeUndefined();
    expect(readAttachment(path.join(folder, 'cv.png'), 8)).toBeUndefined();
    // Swapped in after the check: the real path was checked, a link in its place is not followed.
    expect(readAttachment(path.join(folder, 'link.png'), 100)).toBeUndefined();
  });
});
