import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { entriesBelow } from '../../src/lib/entries-below.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-entries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const relative = (folder: string): string[] =>
  entriesBelow(folder)
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();

test('lists every file and folder below a folder, and a link to a folder without entering it, on every Node', () => {
  const outside = path.join(scratch, 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.css'), 'x');
  const theme = path.join(scratch, 'theme');
  mkdirSync(path.join(theme, 'assets/fonts'), { recursive: true });
  writeFileSync(path.join(theme, 'assets/site.css'), 'x');
  writeFileSync(path.join(theme, 'assets/fonts/inter.woff2'), 'x');
  symlinkSync(outside, path.join(theme, 'assets/elsewhere'));
  symlinkSync('..', path.join(theme, 'assets/loop'));
  expect(relative(theme)).toEqual(['assets', 'assets/elsewhere', 'assets/fonts', 'assets/fonts/inter.woff2', 'assets/loop', 'assets/site.css']);
  expect(entriesBelow(theme).filter((entry) => entry.isFile())).toHaveLength(2);
});

test('a missing folder throws ENOENT, as readdirSync does', () => {
  expect(() => entriesBelow(path.join(scratch, 'missing'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
});
