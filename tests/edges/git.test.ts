import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBlobReader, fileLog, findProjectRepository, gitArguments, gitEnv, isNullBlob, mayBeInRepository, parseLog, parseRawLog, placeInRepository, resolveCommit, safeGitSettings, workingState, type LogCommit, type Repository } from '../../src/edges/git.js';
import { gitPlaces, historyStamps, planLogs } from '../../src/history/stamps.js';
import { readHistory } from '../../src/history/read.js';
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

describe('parseRawLog against any subject and path', () => {
  const hex = fc.stringMatching(/^[0-9a-f]{40}$/);
  // Any text git can hold in a subject or a path: every character but NUL, the troublesome ones often.
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('\x1e', '\x1f', '\n', '\t', '"', ':', ' ', '\x1b', '\u202e', '\\'), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 12 }).map((value) => value.replaceAll('\0', ''));
  const path = text.filter((value) => value !== '');
  const change = fc.oneof(
    fc.record({ status: fc.constantFrom('A' as const, 'M' as const, 'D' as const, 'T' as const), path, blob: hex, previousBlob: hex }),
    fc.record({ status: fc.constantFrom('R' as const, 'C' as const), previousPath: path, path, blob: hex, previousBlob: hex }),
  );
  const commit = fc.record({
    commit: hex,
    parents: fc.array(hex, { maxLength: 2 }),
    date: fc.constant('2027-01-05T10:00:00+01:00'),
    subject: text,
    changes: fc.array(change, { maxLength: 3 }),
  });

  /** The output `git log -z --raw --format=<commitFormat>` gives for `commits`. */
  function gitOutput(commits: ReadonlyArray<LogCommit>): string {
    return commits
      .map(({ commit, parents, date, subject, changes }) => {
        const raw = changes.map((each, index) => {
          const score = each.status === 'R' || each.status === 'C' ? `${each.status}100` : each.status;
          const meta = `${index === 0 ? '\n' : ''}:100644 100644 ${each.previousBlob} ${each.blob} ${score}`;
          return [meta, ...(each.previousPath === undefined ? [] : [each.previousPath]), each.path].map((token) => `${token}\0`).join('');
        });
        return `${commit}\0${parents.join(' ')}\0${date}\0${subject}\0${raw.join('')}`;
      })
      .join('');
  }

  test('gives back every commit with its subject and changes, whatever bytes they hold', () => {
    fc.assert(
      fc.property(fc.array(commit, { maxLength: 4 }), (commits) => {
        expect(parseRawLog(gitOutput(commits))).toEqual(commits);
      }),
      { numRuns: 100 },
    );
  });

  test('a subject made to look like the old separators is one commit', () => {
    const output = gitOutput([{ commit: a, parents: [], date: '2027-01-05T10:00:00+01:00', subject: `Start\x1e${b}\x1f\x1f2027-01-06\x1fFake\0`.replace('\0', ''), changes: [] }]);
    expect(parseRawLog(output).map((each) => each.subject)).toEqual([`Start\x1e${b}\x1f\x1f2027-01-06\x1fFake`]);
  });
});

describe('git run so that no config runs a program', () => {
  test('every command gets the settings that turn off what would run a program', () => {
    for (const setting of ['core.fsmonitor=false', 'core.hooksPath=/dev/null', 'core.pager=cat', 'credential.helper=', 'diff.external=', 'protocol.allow=never', 'log.showSignature=false', 'color.ui=false'])
      expect(safeGitSettings).toContain(setting);
    const args = gitArguments(['filter.evil.clean='], ['status']);
    expect(args.slice(0, 2)).toEqual(['--no-pager', '--literal-pathspecs']);
    expect(args.at(-1)).toBe('status');
    expect(args).toContain('filter.evil.clean=');
    expect(gitEnv({ PATH: '/bin', GIT_EXTERNAL_DIFF: 'evil', GIT_PAGER: 'evil' })).toMatchObject({ PATH: '/bin', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' });
    expect(gitEnv({ GIT_EXTERNAL_DIFF: 'evil', GIT_PAGER: 'evil' })).not.toHaveProperty('GIT_EXTERNAL_DIFF');
  });

  test('a repository configured to run programs (fsmonitor, hooks, pager, filters, external diff, colours, signatures) runs none while its history is read', async () => {
    const repo = createRepo();
    try {
      const marker = path.join(repo.dir, 'ran');
      const script = path.join(repo.dir, 'evil.sh');
      writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat\n`, { mode: 0o755 });
      repo.write('.gitattributes', '*.md filter=evil diff=evil\n');
      repo.write('plans/sam.md', jordanPlan());
      const first = repo.commit('Start \x1b]0;title\x07', '2027-01-05T10:00:00+01:00');
      repo.git(['mv', 'plans/sam.md', 'plans/sam lee.md']);
      repo.commit('Rename', '2027-01-06T10:00:00+01:00');
      for (const [key, value] of [
        ['core.fsmonitor', script],
        ['core.hooksPath', repo.dir],
        ['core.pager', script],
        ['diff.external', script],
        ['diff.evil.textconv', script],
        ['diff.evil.command', script],
        ['filter.evil.clean', script],
        ['filter.evil.smudge', script],
        ['filter.evil.required', 'true'],
        ['color.ui', 'always'],
        ['log.showSignature', 'true'],
        ['gpg.program', script],
      ] as const)
        repo.git(['config', key, value]);
      for (const hook of ['post-index-change', 'post-checkout', 'reference-transaction']) writeFileSync(path.join(repo.dir, hook), `#!/bin/sh\necho hook >> '${marker}'\n`, { mode: 0o755 });
      // A stat change makes git status compare the contents, through the clean filter if it may.
      utimesSync(path.join(repo.dir, 'plans/sam lee.md'), new Date(), new Date(Date.now() + 5000));
      const repository = (await projectRepository(repo.dir))!;
      const history = await readHistory(path.join(repo.dir, 'plans/sam lee.md'), repository);
      expect(history.revisions.map((revision) => revision.subject)).toEqual(['Rename', 'Start \x1b]0;title\x07']);
      expect(history.revisions.at(-1)?.commit).toBe(first);
      const places = gitPlaces([path.join(repo.dir, 'plans/sam lee.md')], repository);
      await planLogs([...places.keys()], places);
      await historyStamps([...places.keys()], places);
      expect(existsSync(marker)).toBe(false);
    } finally {
      rmSync(repo.dir, { recursive: true, force: true });
    }
  });
});
