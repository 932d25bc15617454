import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findPlanFiles, isPlanOnDisk, planText, skippedLines } from '../../src/stages/load.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-load-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('which files are plans', () => {
  const plans = path.join(scratch, 'plans');
  const elsewhere = path.join(scratch, 'elsewhere');
  mkdirSync(path.join(plans, 'team'), { recursive: true });
  mkdirSync(path.join(plans, '_drafts'), { recursive: true });
  mkdirSync(elsewhere, { recursive: true });
  for (const file of ['plans/jordan.md', 'plans/team/sam.md', 'plans/_drafts/lena.md', 'plans/notes.txt', 'elsewhere/secret.md']) writeFileSync(path.join(scratch, file), 'x');
  symlinkSync(path.join(elsewhere, 'secret.md'), path.join(plans, 'secret.md'));
  symlinkSync(elsewhere, path.join(plans, 'linked'));
  symlinkSync(elsewhere, path.join(plans, '_linked-draft'));

  test('the listing takes files, never a link, and names the links it left out that would have been plans', async () => {
    const listing = await findPlanFiles([plans]);
    expect(listing.files).toEqual([path.join(plans, 'jordan.md'), path.join(plans, 'team/sam.md')]);
    expect(listing.links).toEqual([path.join(plans, 'linked'), path.join(plans, 'secret.md')]);
    expect(await findPlanFiles([path.join(plans, 'secret.md'), path.join(plans, '_drafts/lena.md')])).toEqual({ files: [path.join(plans, '_drafts/lena.md')], links: [path.join(plans, 'secret.md')], unreadable: [] });
  });

  test('a linked folder given is skipped, unless it is the configured plans folder itself', async () => {
    expect(await findPlanFiles([path.join(plans, 'linked')])).toEqual({ files: [], links: [path.join(plans, 'linked')], unreadable: [] });
    expect(await findPlanFiles([path.join(plans, 'linked')], { configured: true })).toEqual({ files: [path.join(plans, 'linked/secret.md')], links: [], unreadable: [] });
  });

  test('a watcher’s path is a plan when the listing would take it, as the disk is now', () => {
    expect(isPlanOnDisk(plans, path.join(plans, 'team/sam.md'))).toBe(true);
    for (const file of ['secret.md', 'linked/secret.md', '_drafts/lena.md', 'notes.txt', 'gone.md', 'team']) expect(isPlanOnDisk(plans, path.join(plans, file)), file).toBe(false);
    expect(isPlanOnDisk(plans, path.join(elsewhere, 'secret.md'))).toBe(false);
  });

  test('one line names the first three links left out', () => {
    expect(skippedLines({ links: [], unreadable: [] }, (file) => file)).toEqual([]);
    expect(skippedLines({ links: ['a.md', 'b.md', 'c.md', 'd.md'], unreadable: [] }, (file) => `plans/${file}`)).toEqual([
      'careerplan: skipped 4 links in the plans (`plans/a.md`, `plans/b.md`, `plans/c.md` and 1 more): careerplan reads no linked plan or folder; copy the plan itself into the plans folder',
    ]);
  });

  test('a folder that cannot be listed (a name that is not UTF-8) is skipped and named; the other plans are listed', async () => {
    const root = path.join(scratch, 'odd-plans');
    mkdirSync(path.join(root, 'team'), { recursive: true });
    writeFileSync(path.join(root, 'jordan.md'), 'x');
    writeFileSync(path.join(root, 'team/sam.md'), 'x');
    // A Latin-1 name from a zip made on Windows: the listing gets it back with U+FFFD, a path that does not exist.
    const latin1 = Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9])]);
    mkdirSync(latin1);
    writeFileSync(Buffer.concat([latin1, Buffer.from('/lena.md')]), 'x');
    // The same inside a folder no plan may be in is not even looked at.
    mkdirSync(Buffer.concat([Buffer.from(`${root}/_notes/`), Buffer.from([0xff])]), { recursive: true });
    const listing = await findPlanFiles([root]);
    expect(listing.files).toEqual([path.join(root, 'jordan.md'), path.join(root, 'team/sam.md')]);
    expect(listing.unreadable).toEqual([path.join(root, 'caf\ufffd')]);
    expect(skippedLines(listing, (file) => path.relative(root, file))[0]).toBe('careerplan: skipped a folder in the plans that could not be read (`caf\ufffd`): rename it with plain letters, or shorten its path, if it holds plans');
  });
});

describe('planText', () => {
  test('UTF-8 without its byte order mark; a NUL byte is binary; other bytes are not UTF-8; any text is text', () => {
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    expect(planText(encode('\uFEFF---\ntitle: A\n'))).toEqual({ text: '---\ntitle: A\n' });
    expect(planText(encode('a\0b'))).toEqual({ problem: 'binary' });
    expect(planText(Uint8Array.of(0x61, 0xff))).toEqual({ problem: 'not-utf-8' });
    expect(planText(encode('binary'))).toEqual({ text: 'binary' });
  });
});
