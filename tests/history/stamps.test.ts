import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBlobReader, fileLog, findProjectRepository, followPath, parseRawLog, placeInRepository, stateOf, workingState } from '../../src/edges/git.js';
import { gitPlaces, historyStamps, planLogs } from '../../src/history/stamps.js';
import { createHistoryCache, historyOfPlan, readHistory } from '../../src/history/read.js';
import { cloneRepo, createRepo, jordanPlan, projectRepository, scriptJordanHistory, type ScriptedRepo } from '../support/git.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A plan of `name`, little like Jordan's or any other name's (git finds no copy between them); `edits` replace text in it. */
function planOf(name: string, edits: ReadonlyArray<readonly [string, string]> = []): string {
  let text = `---
title: ${name}'s plan
owner: ${name}
skills:
  - { name: ${name}'s craft, id: craft, level: 1, target: 3 }
goals:
  - title: ${name} leads the ${name} project
    id: lead
    measure: ${name}'s project shipped
    due: 2027-06
    steps: [${name} writes the ${name} proposal]
---

${name}'s notes.
`;
  for (const [from, to] of edits) text = text.replace(from, to);
  return text;
}

/**
 * Several plans with the lives a build meets: Jordan's eight commits with a
 * \`git mv\`, a rename with edits, a plan renamed away whose old name is taken
 * by a new plan, a plan deleted and added again, a plan copied from another,
 * a merged branch, a plan in a subfolder; and (see below) an uncommitted
 * edit, an untracked plan and an ignored one.
 */
function scriptTeam(): ScriptedRepo {
  const { repo } = scriptJordanHistory();
  repo.write('.gitignore', 'plans/drafts/\n');
  repo.write('plans/sam.md', planOf('Sam'));
  repo.write('plans/team/lena.md', planOf('Lena'));
  repo.write('plans/old.md', planOf('Old'));
  repo.write('plans/gone.md', planOf('Gone'));
  repo.commit('Add the team', '2027-04-12T10:00:00+02:00');
  // Renamed with edits in the same commit.
  repo.git(['mv', 'plans/sam.md', 'plans/sam-okafor.md']);
  repo.write('plans/sam-okafor.md', planOf('Sam', [['due: 2027-06\n', 'due: 2027-08\n']]));
  // Renamed away; a new plan takes the old name.
  repo.git(['mv', 'plans/old.md', 'plans/older.md']);
  repo.commit('Rename Sam, move Old', '2027-04-13T10:00:00+02:00');
  repo.write('plans/old.md', planOf('Nina'));
  repo.git(['rm', '-q', 'plans/gone.md']);
  repo.commit('A new plan where Old was; Gone removed', '2027-04-14T10:00:00+02:00');
  repo.write('plans/gone.md', planOf('Gwen'));
  repo.commit('Gone is back', '2027-04-15T10:00:00+02:00');
  repo.write('plans/kim.md', planOf('Sam', [['due: 2027-06\n', 'due: 2027-08\n'], ['level: 1', 'level: 2']]));
  repo.commit('Copy Sam for Kim', '2027-04-15T12:00:00+02:00');
  // A branch that edits Lena while the main line edits Sam, merged.
  repo.git(['checkout', '-q', '-b', 'lena']);
  repo.write('plans/team/lena.md', planOf('Lena', [['due: 2027-06', 'due: 2027-10']]));
  repo.commit('Lena takes longer', '2027-04-16T10:00:00+02:00');
  repo.git(['checkout', '-q', 'main']);
  repo.write('plans/sam-okafor.md', planOf('Sam', [['due: 2027-06\n', 'due: 2027-09\n']]));
  repo.commit('Sam moves the promotion', '2027-04-17T10:00:00+02:00');
  repo.git(['merge', '-q', '--no-ff', '--no-edit', 'lena'], '2027-04-18T10:00:00+02:00');
  return repo;
}

const planNames = ['plans/jordan-lee.md', 'plans/sam-okafor.md', 'plans/older.md', 'plans/old.md', 'plans/gone.md', 'plans/kim.md', 'plans/team/lena.md', 'plans/new.md', 'plans/drafts/wip.md'];

/** Every plan's history by the build's batch and by `readHistory`, and their log entries and states both ways. */
async function bothWays(root: string, names: readonly string[], limit?: number) {
  const files = names.map((name) => path.join(root, name));
  const repository = (await projectRepository(root))!;
  const places = gitPlaces(files, repository);
  const logs = await planLogs(files, places);
  const reader = createBlobReader(repository);
  const cache = createHistoryCache();
  try {
    const results = [];
    for (const file of files) {
      const log = logs.get(file)!;
      const relative = placeInRepository(repository, file)!;
      results.push({
        file,
        batched: await historyOfPlan(file, log, reader, { cwd: root, cache, ...(limit === undefined ? {} : { limit }) }),
        single: await readHistory(file, repository, { cwd: root, ...(limit === undefined ? {} : { limit }) }),
        entries: { batched: log.entries, single: await fileLog(repository, relative) },
        state: { batched: log.state, single: await workingState(repository, relative) },
      });
    }
    return results;
  } finally {
    reader.close();
  }
}

describe('a build’s histories, all plans at once', () => {
  let repo: ScriptedRepo;
  beforeAll(() => {
    repo = scriptTeam();
    folders.push(repo.dir);
    // Uncommitted: an edit, a new plan, an ignored draft.
    writeFileSync(path.join(repo.dir, 'plans/gone.md'), planOf('Gwen', [['level: 1', 'level: 2']]));
    repo.write('plans/new.md', planOf('Nova'));
    repo.write('plans/drafts/wip.md', planOf('Wip'));
  });

  test('give every plan the same log entries, working state and History as readHistory', async () => {
    for (const limit of [undefined, 20, 2]) {
      for (const { file, batched, single, entries, state } of await bothWays(repo.dir, planNames, limit)) {
        expect(entries.batched, file).toEqual(entries.single);
        expect(state.batched, file).toEqual(state.single);
        expect(batched, file).toEqual(single);
      }
    }
  });

  test('the scripted cases are there: renames and a copy followed, a merge compared with its first parent, uncommitted, untracked and ignored plans', async () => {
    const results = new Map((await bothWays(repo.dir, planNames)).map((result) => [path.relative(repo.dir, result.file).split(path.sep).join('/'), result.batched]));
    const subjects = (name: string) => results.get(name)?.revisions.map((revision) => revision.subject);
    expect(results.get('plans/jordan-lee.md')?.total).toBe(8);
    expect(subjects('plans/sam-okafor.md')).toEqual(['Sam moves the promotion', 'Rename Sam, move Old', 'Add the team']);
    expect(results.get('plans/sam-okafor.md')?.revisions[1]).toMatchObject({ renamedFrom: 'plans/sam.md', changes: [{ kind: 'due-moved', from: '2027-06', to: '2027-08' }] });
    expect(results.get('plans/older.md')?.revisions.map((revision) => revision.renamedFrom)).toEqual(['plans/old.md', undefined]);
    expect(subjects('plans/old.md')).toEqual(['A new plan where Old was; Gone removed', 'Rename Sam, move Old', 'Add the team']);
    expect(results.get('plans/old.md')?.revisions[1]?.problem).toBe('the plan was deleted');
    expect(results.get('plans/gone.md')).toMatchObject({ uncommitted: { changes: [{ kind: 'skill-level-changed' }] }, total: 3 });
    expect(results.get('plans/gone.md')?.revisions[1]?.problem).toBe('the plan was deleted');
    expect(subjects('plans/kim.md')).toEqual(['Copy Sam for Kim', 'Rename Sam, move Old', 'Add the team']);
    expect(results.get('plans/kim.md')?.revisions[0]).toMatchObject({ renamedFrom: 'plans/sam-okafor.md', changes: [{ kind: 'skill-level-changed' }] });
    expect(subjects('plans/team/lena.md')).toEqual([`Merge branch 'lena'`, 'Lena takes longer', 'Add the team']);
    expect(results.get('plans/new.md')).toMatchObject({ repository: true, total: 0, uncommitted: { changes: [{ kind: 'plan-created' }] } });
    expect(results.get('plans/drafts/wip.md')).toMatchObject({ repository: false });
  });

  test('in a shallow clone, as readHistory gives it', async () => {
    for (const depth of ['1', '3', '6']) {
      const clone = cloneRepo(repo.dir, ['--depth', depth]);
      folders.push(path.dirname(clone));
      const names = planNames.filter((name) => !['plans/new.md', 'plans/drafts/wip.md'].includes(name));
      for (const { file, batched, single, entries } of await bothWays(clone, names, 20)) {
        expect(entries.batched, `${depth} ${file}`).toEqual(entries.single);
        expect(batched, `${depth} ${file}`).toEqual(single);
        expect(batched.shallow).toBe(true);
      }
    }
  });

  test('one repository found for plans in several folders of it, with the stamps as before', async () => {
    const files = planNames.map((name) => path.join(repo.dir, name));
    const places = gitPlaces(files, await projectRepository(repo.dir));
    expect(new Set([...places.values()].map((place) => place.repository)).size).toBe(1);
    expect(places.get(files[6]!)?.relative).toBe('plans/team/lena.md');
    const stamps = await historyStamps(files, places);
    expect(stamps.get(files[7]!)).toBe('git:none');
  });
});

describe('gitPlaces with a repository inside the plans folder', () => {
  test('a plan below a folder with its own .git (a folder or a file) has no place: only the project’s repository is asked', async () => {
    const outer = createRepo();
    try {
      mkdirSync(path.join(outer.dir, 'plans/nested'), { recursive: true });
      const inner = createRepo(path.join(outer.dir, 'plans/nested'));
      outer.write('plans/a.md', jordanPlan());
      inner.write('b.md', jordanPlan());
      inner.commit('Inside', '2027-01-05T10:00:00+01:00');
      outer.write('plans/linked/.git', `gitdir: ${path.join(inner.dir, '.git')}\n`);
      outer.write('plans/linked/c.md', jordanPlan());
      const files = [path.join(outer.dir, 'plans/a.md'), path.join(inner.dir, 'b.md'), path.join(outer.dir, 'plans/linked/c.md')];
      const repository = await projectRepository(outer.dir);
      const places = gitPlaces(files, repository);
      expect(places.get(files[0]!)).toMatchObject({ repository: { root: outer.dir }, relative: 'plans/a.md' });
      expect(places.has(files[1]!)).toBe(false);
      expect(places.has(files[2]!)).toBe(false);
      expect([...(await historyStamps(files, places)).values()]).toEqual(['git:none', 'none', 'none']);
      // A project whose root is the plans folder itself looks for its repository from the folder holding it.
      expect((await findProjectRepository({ root: inner.dir, plans: inner.dir }))?.root).toBe(outer.dir);
      expect((await findProjectRepository({ root: path.join(inner.dir, 'deeper'), plans: inner.dir }))?.root).toBe(outer.dir);
    } finally {
      rmSync(outer.dir, { recursive: true, force: true });
    }
  });
});

describe('followPath and stateOf', () => {
  const zeros = '0'.repeat(40);
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  test('where the followed path was added, the sources found for that commit lead to the older path', () => {
    const commits = parseRawLog(
      `3\x002\x002027-04-03T10:00:00+02:00\0Rename\0\n:100644 000000 ${a} ${zeros} D\0plans/old.md\0:000000 100644 ${zeros} ${b} A\0plans/new.md\0` +
        `2\x001\x002027-04-02T10:00:00+02:00\0Edit\0\n:100644 100644 ${b} ${a} M\0plans/old.md\0` +
        `1\0\x002027-04-01T10:00:00+02:00\0Start\0\n:000000 100644 ${zeros} ${b} A\0plans/old.md\0`,
    );
    const missing = new Set<string>();
    expect(followPath(commits, 'plans/new.md', new Map(), missing).map((entry) => entry.status)).toEqual(['A']);
    expect([...missing]).toEqual(['3']);
    const sources = new Map([['3', [{ status: 'R' as const, previousPath: 'plans/old.md', path: 'plans/new.md', blob: b, previousBlob: a }]]]);
    expect(followPath(commits, 'plans/new.md', sources).map((entry) => [entry.commit, entry.status, entry.path, entry.previousPath])).toEqual([
      ['3', 'R', 'plans/new.md', 'plans/old.md'],
      ['2', 'M', 'plans/old.md', undefined],
      ['1', 'A', 'plans/old.md', undefined],
    ]);
    expect(followPath(commits, 'plans/old.md', sources)[0]).toMatchObject({ commit: '3', status: 'D', blob: zeros, previousBlob: a });
  });

  test('a file’s state is its own, else its folder’s', () => {
    const states = new Map([
      ['plans/a.md', 'changed'],
      ['plans/drafts/', 'ignored'],
    ] as const);
    expect(stateOf(states, 'plans/a.md')).toBe('changed');
    expect(stateOf(states, 'plans/drafts/x/y.md')).toBe('ignored');
    expect(stateOf(states, 'plans/b.md')).toBe('clean');
  });
});
