import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readImportSource } from '../../src/edges/import-source.js';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-import-source-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readImportSource', () => {
  test('a folder: the export files by name in any letter case, the others by name', () => {
    const folder = path.join(scratch, 'export');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'profile.CSV'), 'First Name,Last Name\nJae,Kim\n');
    writeFileSync(path.join(folder, 'Connections.csv'), 'x');
    const read = readImportSource(folder, 'export');
    expect(read.kind).toBe('linkedin');
    if (read.kind !== 'linkedin') return;
    expect(Object.keys(read.export.files)).toEqual(['Profile.csv']);
    expect(read.export.others).toEqual(['Connections.csv']);
  });

  test('a zip: the shallowest file of each name is read, the others named; a file is read as bytes', () => {
    const zip = zipSync({ 'deep/er/Profile.csv': strToU8('deep'), 'top/Profile.csv': strToU8('top'), 'top/Skills.csv': strToU8('Name\n'), 'top/Invitations.csv': strToU8('x'), 'top/empty/': {} });
    writeFileSync(path.join(scratch, 'export.zip'), zip);
    const read = readImportSource(path.join(scratch, 'export.zip'), 'export.zip');
    if (read.kind !== 'linkedin') throw new Error('expected an export');
    expect(strFromU8(read.export.files['Profile.csv']!)).toBe('top');
    expect(Object.keys(read.export.files).sort()).toEqual(['Profile.csv', 'Skills.csv']);
    expect([...read.export.others].sort()).toEqual(['Invitations.csv', 'Profile.csv']);
    writeFileSync(path.join(scratch, 'resume.json'), '{}');
    expect(readImportSource(path.join(scratch, 'resume.json'), 'resume.json')).toEqual({ kind: 'json-resume', name: 'resume.json', bytes: Buffer.from('{}') });
  });
});
