import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { entriesBelow } from '../../src/lib/entries-below.js';
import { cleanOut, isOwnWorkingFile, planOutputs, readManifest, removeStale, writeManifest } from '../../src/site/manifest.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-manifest-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
/** A folder with these files (relative paths, `/`), each holding its own name. */
function folderWith(files: readonly string[]): string {
  const folder = path.join(scratch, `f${folders++}`);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), file);
  }
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** Every path below a folder, links not followed. */
const everything = (folder: string): string[] =>
  entriesBelow(folder)
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();

describe('the out folder’s manifest', () => {
  test('careerplan’s own working files are known by name: at the top for its records, anywhere for an atomic write cut short', () => {
    expect(['.careerplan.lock', '.careerplan-cache.json', '.careerplan-pdf.json', '.careerplan-spool.123.abcd.tmp', 'jordan/.index.html.4242.0a1b2c3d.tmp'].every(isOwnWorkingFile)).toBe(true);
    expect(['notes.txt', 'jordan/.careerplan-cache.json', '.careerplanner', 'jordan/.index.html.tmp'].some(isOwnWorkingFile)).toBe(false);
  });

  test('a manifest entry that leaves the out folder is ignored; a format-1 manifest stands for every file in the names it lists', async () => {
    const out = folderWith(['jordan/index.html', 'jordan/media/a.png', 'index.html', 'mine.txt']);
    writeFileSync(path.join(out, '.careerplan-manifest.json'), JSON.stringify({ format: 2, files: ['../outside', '/etc/passwd', 'a/../../b', 'jordan/index.html', 'a\\b'] }));
    expect([...(await readManifest(out))]).toEqual(['jordan/index.html']);
    writeFileSync(path.join(out, '.careerplan-manifest.json'), JSON.stringify(['jordan', 'index.html', '..', '.careerplan-cache.json', 'gone']));
    expect([...(await readManifest(out))].sort()).toEqual(['index.html', 'jordan/index.html', 'jordan/media/a.png']);
  });

  test('stale files are removed one by one, with the folders they leave empty; a folder holding someone’s file stays, and no link is followed', async () => {
    const outside = folderWith(['sam/index.html']);
    const out = folderWith(['jordan/index.html', 'jordan/jordan.ics', 'jordan/media/a.png', 'lena/index.html', 'lena/feedback.txt', 'keep/index.html']);
    symlinkSync(path.join(outside, 'sam'), path.join(out, 'sam'));
    const previous = new Set([...planOutputs('jordan', [{ target: 'jordan/media/a.png' }]), 'lena/index.html', 'sam/index.html', 'keep/index.html']);
    await removeStale(out, previous, new Set(['keep/index.html']));
    expect(everything(out)).toEqual(['keep', 'keep/index.html', 'lena', 'lena/feedback.txt', 'sam']);
    expect(existsSync(path.join(outside, 'sam/index.html'))).toBe(true);
  });

  test('--clean removes what careerplan wrote and its working files, keeps the lock, and refuses, touching nothing, a folder with anything else', async () => {
    const out = folderWith(['jordan/index.html', 'index.html', '.careerplan.lock', '.careerplan-cache.json', 'jordan/.index.html.77.0badc0de.tmp']);
    await writeManifest(out, ['jordan/index.html', 'index.html']);
    await cleanOut(out, 'out');
    expect(everything(out)).toEqual(['.careerplan.lock']);

    const full = folderWith(['a.txt', 'b/c.txt', 'b/d/e.txt', 'f.txt', 'g.txt', 'index.html']);
    await writeManifest(full, ['index.html']);
    const before = everything(full);
    await expect(cleanOut(full, 'public')).rejects.toThrow(
      'refusing to empty public for --clean: it holds files careerplan did not write (`a.txt`, `b/c.txt`, `f.txt` and others); empty it yourself, or choose another `out` folder',
    );
    expect(everything(full)).toEqual(before);
    // Without a manifest, everything but careerplan's working files is someone else's.
    const unrecorded = folderWith(['index.html', '.careerplan-cache.json']);
    await expect(cleanOut(unrecorded, 'out')).rejects.toThrow('(`index.html`)');
  });
});
