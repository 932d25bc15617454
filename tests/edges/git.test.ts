import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBlobReader, fileLog, findProjectRepository, isNullBlob, mayBeInRepository, parseLog, placeInRepository, resolveCommit, workingState, type Repository } from '../../src/edges/git.js';
import { readHistory } from '../../src/read-history.js';
import { createRepo, jordanPlan, projectRepository, type ScriptedRepo } from '../support/git.js';

const zeros = '0'.repeat(40);
const a = 'a'.repeat(40);
const b = 'b'.repeat(40);
const c = 'c'.repeat(40);

describe('parseLog', () => {
  test('reads commits with their status, paths and blobs, including renames and names with spaces and accents', () => {
    const output =
      `${c}\0${b}\x002027-04-01T10:00:00+02:00\0Rename it\0\n:100644 100644 ${a} ${a} R100\0plans/old name.md\0plans/Jürgen.md\0` +
      `${b}\0${a}\x002027-02-01T10:00:00+01:00\0Move: the due\x1f date\x1e\0\n:100644 100644 ${c} ${a} M\0plans/old name.md\0` +
      `${a}\0\x002027-01-05T10:00:00+01:00\0Start\0\n:000000 100644 ${zeros} ${c} A\0plans/old name.md\0`;
    expect(parseLog(output)).toEqual([
      { commit: c, parents: [b], date: '2027-04-01T10:00:00+02:00', subject: 'Rename it', status: 'R', previousPath: 'plans/old name.md', path: 'plans/Jürgen.md', blob: a, previousBlob: a },
      { commit: b, parents: [a], date: '2027-02-01T10:00:00+01:00', subject: 'Move: the due\x1f date\x1e', status: 'M', path: 'plans/old name.md', blob: a, previousBlob: c },
      { commit: a, parents: [], date: '2027-01-05T10:00:00+01:00', subject: 'Start', status: 'A', path: 'plans/old name.md', blob: c, previousBlob: zeros },
    ]);
  });

  test('empty output and commits without a raw line give nothing', () => {
    expect(parseLog('')).toEqual([]);
    expect(parseLog(`${a}\0\x002027-01-05T10:00:00+01:00\0Empty\0\n`)).toEqual([]);
  });

  test('null blobs', () => {
    expect(isNullBlob(zeros)).toBe(true);
    expect(isNullBlob(a)).toBe(false);
  });
});

describe('the git edge on a real repository', () => {
  let repo: ScriptedRepo;
  let repository: Repository;
  const folders: string[] = [];
  beforeAll(async () => {
    repo = createRepo();
    folders.push(repo.dir);
    repo.write('plans/sam.md', jordanPlan());
    repo.commit('Start', '2027-01-05T10:00:00+01:00');
    repository = (await projectRepository(repo.dir))!;
  });
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  test('findProjectRepository finds the top of the working tree from a folder below it', async () => {
    expect(repository).toMatchObject({ root: repo.dir, shallow: false, git: 'git' });
    expect((await findProjectRepository({ root: path.join(repo.dir, 'plans'), plans: path.join(repo.dir, 'elsewhere') }))?.root).toBe(repo.dir);
    expect(placeInRepository(repository, path.join(repo.dir, 'plans/sam.md'))).toBe('plans/sam.md');
  });

  test('a folder outside any repository, and a git that is not there, are no repository', async () => {
    const folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-norepo-')));
    folders.push(folder);
    expect(await projectRepository(folder)).toBeUndefined();
    expect(await projectRepository(repo.dir, path.join(folder, 'no-git'))).toBeUndefined();
    // A file outside the working tree has no place in it.
    writeFileSync(path.join(folder, 'plan.md'), jordanPlan());
    expect(placeInRepository(repository, path.join(folder, 'plan.md'))).toBeUndefined();
  });

  test('mayBeInRepository: a .git folder or file in the folder or above, or GIT_DIR, says maybe; a plain folder says no', () => {
    const folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-norepo-')));
    folders.push(folder);
    mkdirSync(path.join(folder, 'worktree/plans'), { recursive: true });
    expect(mayBeInRepository(path.join(folder, 'worktree/plans'), {})).toBe(false);
    expect(mayBeInRepository(path.join(folder, 'worktree/plans'), { GIT_DIR: path.join(folder, 'elsewhere.git') })).toBe(true);
    expect(mayBeInRepository(path.join(repo.dir, 'plans'), {})).toBe(true);
    // A linked worktree or submodule has a .git file.
    writeFileSync(path.join(folder, 'worktree/.git'), 'gitdir: /somewhere/else\n');
    expect(mayBeInRepository(path.join(folder, 'worktree/plans'), {})).toBe(true);
    // A link from outside into a repository: git looks up from where it leads.
    symlinkSync(path.join(repo.dir, 'plans'), path.join(folder, 'linked'));
    rmSync(path.join(folder, 'worktree/.git'));
    expect(mayBeInRepository(path.join(folder, 'linked'), {})).toBe(true);
  });

  test('the blob reader answers overlapping requests in order, and rejects an unknown id', async () => {
    const [entry] = await fileLog(repository, 'plans/sam.md');
    const reader = createBlobReader(repository);
    try {
      const reads = await Promise.all([reader.read(entry!.blob), reader.read(entry!.blob), reader.read(entry!.blob)]);
      for (const bytes of reads) expect(bytes.toString('utf8')).toBe(jordanPlan());
      await expect(reader.read(a)).rejects.toThrow(/no object/);
      expect((await reader.read(entry!.blob)).length).toBe(Buffer.byteLength(jordanPlan()));
    } finally {
      reader.close();
    }
  });

  test('a blob reader with no git program rejects instead of crashing', async () => {
    const reader = createBlobReader({ ...repository, git: path.join(os.tmpdir(), 'no-such-git-program') });
    await expect(reader.read(a)).rejects.toThrow(/could not run git cat-file|ended early/);
    reader.close();
  });

  test('workingState: clean, changed, untracked and ignored', async () => {
    expect(await workingState(repository, 'plans/sam.md')).toBe('clean');
    repo.write('plans/sam.md', jordanPlan([['due: 2027-06\n', 'due: 2027-07\n']]));
    expect(await workingState(repository, 'plans/sam.md')).toBe('changed');
    repo.git(['add', 'plans/sam.md']);
    expect(await workingState(repository, 'plans/sam.md')).toBe('changed');
    repo.git(['checkout', '-q', 'HEAD', '--', 'plans/sam.md']);
    expect(await workingState(repository, 'plans/sam.md')).toBe('clean');
    repo.write('plans/new.md', jordanPlan());
    expect(await workingState(repository, 'plans/new.md')).toBe('untracked');
    repo.write('.git/info/exclude', 'plans/draft.md\n');
    repo.write('plans/draft.md', jordanPlan());
    expect(await workingState(repository, 'plans/draft.md')).toBe('ignored');
  });

  test('resolveCommit names commits and refuses what is not one', async () => {
    const head = repo.git(['rev-parse', 'HEAD']);
    expect(await resolveCommit(repository, 'HEAD')).toBe(head);
    expect(await resolveCommit(repository, 'main')).toBe(head);
    expect(await resolveCommit(repository, 'nope')).toBeUndefined();
    expect(await resolveCommit(repository, '--output=/tmp/x')).toBeUndefined();
  });
});

describe('paths', () => {
  test('a plan whose name has spaces and accents, renamed, in a subfolder named from a folder below the top', async () => {
    const repo = createRepo();
    try {
      repo.write('team/plans/Jürgen Groß.md', jordanPlan());
      repo.commit('Start', '2027-01-05T10:00:00+01:00');
      repo.git(['mv', 'team/plans/Jürgen Groß.md', 'team/plans/jürgen "jo" groß.md']);
      repo.commit('Rename', '2027-01-06T10:00:00+01:00');
      const history = await readHistory(path.join(repo.dir, 'team/plans/jürgen "jo" groß.md'), await projectRepository(repo.dir), { cwd: path.join(repo.dir, 'team') });
      expect(history.file).toBe('plans/jürgen "jo" groß.md');
      expect(history.revisions.map((revision) => [revision.path, revision.renamedFrom])).toEqual([
        ['team/plans/jürgen "jo" groß.md', 'team/plans/Jürgen Groß.md'],
        ['team/plans/Jürgen Groß.md', undefined],
      ]);
    } finally {
      rmSync(repo.dir, { recursive: true, force: true });
    }
  });
});

describe('merges', () => {
  test('a merged branch is compared with its own past, and the merge with its first parent', async () => {
    const repo = createRepo();
    try {
      repo.write('plans/sam.md', jordanPlan());
      repo.commit('Start', '2027-01-05T10:00:00+01:00');
      repo.git(['checkout', '-q', '-b', 'python']);
      const goal = ['# more goals\n', '  - { title: Learn Python, id: python, measure: A certificate, due: 2028, steps: [Enrol] }\n'] as const;
      repo.write('plans/sam.md', jordanPlan([goal]));
      const branch = repo.commit('Add a Python goal', '2027-02-01T10:00:00+01:00');
      repo.git(['checkout', '-q', 'main']);
      repo.write('plans/sam.md', jordanPlan([['due: 2027-06\n', 'due: 2027-12\n']]));
      const moved = repo.commit('Move the due date', '2027-03-01T10:00:00+01:00');
      repo.git(['merge', '-q', '--no-ff', '--no-edit', 'python'], '2027-03-02T10:00:00+01:00');
      const merge = repo.git(['rev-parse', 'HEAD']);
      const history = await readHistory(path.join(repo.dir, 'plans/sam.md'), await projectRepository(repo.dir));
      const byCommit = new Map(history.revisions.map((revision) => [revision.commit, revision.changes.map((change) => change.kind)]));
      expect(byCommit.get(merge)).toEqual(['goal-added']);
      expect(byCommit.get(moved)).toEqual(['due-moved']);
      expect(byCommit.get(branch)).toEqual(['goal-added']);
      expect(history.total).toBe(4);
    } finally {
      rmSync(repo.dir, { recursive: true, force: true });
    }
  });
});
