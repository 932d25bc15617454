import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { configSearchFolders, readConfigFile, type FolderProbe } from '../../src/config/file.js';

const root = path.parse(process.cwd()).root;
const at = (...parts: string[]): string => path.join(root, ...parts);
/** A disk where `repositories` hold `.git` and `shared` folders are writable by everyone. */
const probe = (repositories: string[] = [], shared: string[] = []): FolderProbe => ({
  isRepositoryRoot: (folder) => repositories.includes(folder),
  isSharedWritable: (folder) => shared.includes(folder),
});

describe('configSearchFolders', () => {
  test('the working folder, then each folder above it, up to the filesystem root', () => {
    expect(configSearchFolders(at('work', 'plans', 'sub'), undefined, probe())).toEqual([at('work', 'plans', 'sub'), at('work', 'plans'), at('work'), root]);
  });

  test('stops at the repository root, at the home folder, and before a folder everyone may write to', () => {
    expect(configSearchFolders(at('work', 'repo', 'plans'), undefined, probe([at('work', 'repo')]))).toEqual([at('work', 'repo', 'plans'), at('work', 'repo')]);
    expect(configSearchFolders(at('home', 'kim', 'plans'), at('home', 'kim'), probe())).toEqual([at('home', 'kim', 'plans'), at('home', 'kim')]);
    expect(configSearchFolders(at('tmp', 'mine', 'plans'), undefined, probe([], [at('tmp')]))).toEqual([at('tmp', 'mine', 'plans'), at('tmp', 'mine')]);
  });

  test('a repository root that is the working folder itself ends the search there', () => {
    expect(configSearchFolders(at('work', 'repo'), undefined, probe([at('work', 'repo')]))).toEqual([at('work', 'repo')]);
  });
});

describe('readConfigFile', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-config-file-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test('finds the nearest config above the working folder, shown relative to it', async () => {
    mkdirSync(path.join(scratch, 'project/plans/2027'), { recursive: true });
    writeFileSync(path.join(scratch, 'project/careerplan.config.yaml'), 'plans: plans\n');
    const found = await readConfigFile({ cwd: path.join(scratch, 'project/plans/2027') });
    expect(found?.path).toBe(path.join(scratch, 'project/careerplan.config.yaml'));
    expect(found?.displayPath).toBe(path.join('..', '..', 'careerplan.config.yaml'));
    expect(found?.text).toBe('plans: plans\n');
  });

  test('a nearer one wins; a named one is read whatever is around', async () => {
    writeFileSync(path.join(scratch, 'project/plans/careerplan.config.json'), '{}');
    expect((await readConfigFile({ cwd: path.join(scratch, 'project/plans/2027') }))?.path).toBe(path.join(scratch, 'project/plans/careerplan.config.json'));
    expect((await readConfigFile({ cwd: path.join(scratch, 'project/plans/2027'), named: '../../careerplan.config.yaml' }))?.text).toBe('plans: plans\n');
  });

  test('none above the repository root is read', async () => {
    mkdirSync(path.join(scratch, 'project/repo/.git'), { recursive: true });
    mkdirSync(path.join(scratch, 'project/repo/plans'), { recursive: true });
    expect(await readConfigFile({ cwd: path.join(scratch, 'project/repo/plans') })).toBeUndefined();
  });
});
