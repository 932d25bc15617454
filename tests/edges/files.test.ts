import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeIfChanged } from '../../src/edges/files.js';

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
