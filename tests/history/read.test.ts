import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gitPlaces, historyStamps } from '../../src/history/stamps.js';
import { createHistoryCache, readHistory, SinceError } from '../../src/history/read.js';
import { formatHistory, historyView } from '../../src/history/revisions.js';
import { english } from '../support/words.js';
import type { History } from '../../src/history/revisions.js';
import { cloneRepo, createRepo, jordanPlan, projectRepository, scriptJordanHistory, type JordanHistory } from '../support/git.js';

let scripted: JordanHistory;
const folders: string[] = [];
let plan: string;

beforeAll(() => {
  scripted = scriptJordanHistory();
  folders.push(scripted.repo.dir);
  plan = path.join(scripted.repo.dir, 'plans/jordan-lee.md');
});
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const promotion = { goal: 'promotion', goalTitle: 'Become Senior Analyst' };

describe('readHistory on a real repository', () => {
  let history: History;
  beforeAll(async () => {
    history = await readHistory(plan, await projectRepository(scripted.repo.dir), { cwd: scripted.repo.dir });
  });

  test('lists every commit that touched the plan, newest first, following the rename, with dates and subjects', () => {
    const { commits } = scripted;
    expect(history.repository).toBe(true);
    expect(history.shallow).toBe(false);
    expect(history.uncommitted).toBeUndefined();
    expect(history.file).toBe('plans/jordan-lee.md');
    expect(history.total).toBe(8);
    expect(history.revisions.map((revision) => revision.commit)).toEqual([
      commits.fixed,
      commits.broken,
      commits.fileRenamed,
      commits.stepsDone,
      commits.goalRenamed,
      commits.goalAdded,
      commits.dueMoved,
      commits.start,
    ]);
    expect(history.revisions.map((revision) => revision.path)).toEqual([...Array(3).fill('plans/jordan-lee.md'), ...Array(5).fill('plans/jordan.md')]);
    expect(history.revisions[3]).toMatchObject({ date: '2027-03-20T18:30:00-05:00', subject: 'Finish the SQL course' });
    expect(history.lastRevised).toEqual({ date: '2027-04-11T10:00:00+02:00', from: 'git' });
  });

  test('computes what changed in each commit by comparing the models', () => {
    const changes = history.revisions.map((revision) => revision.changes);
    expect(changes[7]).toEqual([{ kind: 'plan-created', goals: 2, skills: 2 }]);
    expect(changes[6]).toEqual([{ kind: 'due-moved', goal: 'promotion', goalTitle: 'Earn a promotion to Senior Analyst', from: '2027-06', to: '2027-12' }]);
    expect(changes[5]).toEqual([{ kind: 'goal-added', goal: 'python', goalTitle: 'Learn Python' }]);
    expect(changes[4]).toEqual([{ kind: 'goal-renamed', ...promotion, from: 'Earn a promotion to Senior Analyst', to: 'Become Senior Analyst' }]);
    expect(changes[3]).toEqual([
      { kind: 'step-done', ...promotion, step: 'Complete the advanced SQL course', on: '2027-03-20' },
      { kind: 'step-evaluated', ...promotion, step: 'Complete the advanced SQL course', to: 'yes' },
      { kind: 'skill-level-changed', skill: 'sql', name: 'SQL', from: 2, to: 3 },
    ]);
  });

  test('a rename is a revision with the old path and no change of substance', () => {
    expect(history.revisions[2]).toMatchObject({ renamedFrom: 'plans/jordan.md', path: 'plans/jordan-lee.md', changes: [] });
  });

  test('a version that cannot be read is said so, and the next readable one is compared with the last readable', () => {
    expect(history.revisions[1]?.changes).toEqual([]);
    // The line of the `[` never closed, the place to change, in plain words (issue 19); the parser's words were "line 4: Flow sequence…".
    expect(history.revisions[1]?.problem).toMatch(/^this version could not be read as a plan: line 3: Unexpected `\[` without its closing `\]`/);
    expect(history.revisions[0]?.changes).toEqual([{ kind: 'step-added', ...promotion, step: 'Ask for a mentor' }]);
  });

  test('the view and the terminal text say the same', () => {
    const view = historyView(history, english, { limit: 3 });
    expect(view).toMatchObject({ lastRevised: '2027-04-11', lastRevisedFrom: 'git', show: true, more: 5 });
    expect(view.revisions[0]).toMatchObject({ shortCommit: scripted.commits.fixed.slice(0, 7), date: '2027-04-11', subject: 'Fix the plan and add a step' });
    expect(view.revisions[0]?.changes[0]).toMatchObject({ sign: '+', text: 'Step added to “Become Senior Analyst”: “Ask for a mentor”' });
    expect(view.revisions[2]?.renamedFrom).toBe('plans/jordan.md');
    const text = formatHistory(history, english);
    expect(text).toContain('\nFebruary 1, 2027 — Move the promotion to December\n');
    expect(text).toContain('  ~ Due date of “Earn a promotion to Senior Analyst” moved: June 2027 → December 2027');
    expect(text).toContain('  ~ File renamed: plans/jordan.md → plans/jordan-lee.md');
    expect(text).toContain('  ✓ Step done on March 20, 2027: “Complete the advanced SQL course” (goal “Become Senior Analyst”)');
    expect(text).not.toContain(scripted.commits.fixed.slice(0, 7));
  });

  test('--since a date or a revision shows the later commits, compared with the version before them', async () => {
    const byDate = await readHistory(plan, await projectRepository(scripted.repo.dir), { since: '2027-03-01' });
    expect(byDate.revisions.map((revision) => revision.subject)).toEqual([
      'Fix the plan and add a step',
      'Half-finished edit',
      'Rename the plan file',
      'Finish the SQL course',
      'Retitle the promotion goal',
    ]);
    expect(byDate.revisions.at(-1)?.changes.map((change) => change.kind)).toEqual(['goal-renamed']);
    expect(byDate.total).toBe(8);
    const byRevision = await readHistory(plan, await projectRepository(scripted.repo.dir), { since: scripted.commits.fileRenamed });
    expect(byRevision.revisions.map((revision) => revision.commit)).toEqual([scripted.commits.fixed, scripted.commits.broken]);
    const byName = await readHistory(plan, await projectRepository(scripted.repo.dir), { since: 'HEAD~3' });
    expect(byName.revisions.map((revision) => revision.commit)).toEqual([scripted.commits.fixed, scripted.commits.broken, scripted.commits.fileRenamed]);
  });

  test('a limit keeps the newest revisions and reads only the versions they need', async () => {
    const cache = createHistoryCache();
    const limited = await readHistory(plan, await projectRepository(scripted.repo.dir), { limit: 2, cache });
    expect(limited.revisions.map((revision) => revision.commit)).toEqual([scripted.commits.fixed, scripted.commits.broken]);
    expect(limited.revisions[0]?.changes).toEqual([{ kind: 'step-added', ...promotion, step: 'Ask for a mentor' }]);
    expect(limited.total).toBe(8);
    // fixed, broken, and the last readable version before them (that of the rename, which is that of the SQL course).
    expect(cache.versions.size).toBe(3);
    expect(historyView(limited, english).more).toBe(6);
  });

  test('a --since that is neither a date nor a revision is a SinceError', async () => {
    await expect(readHistory(plan, await projectRepository(scripted.repo.dir), { since: 'no-such-branch' })).rejects.toBeInstanceOf(SinceError);
    await expect(readHistory(plan, await projectRepository(scripted.repo.dir), { since: '2027-02-30' })).rejects.toBeInstanceOf(SinceError);
  });

  test('a shared cache parses each blob once and gives the same history', async () => {
    const cache = createHistoryCache();
    const first = await readHistory(plan, await projectRepository(scripted.repo.dir), { cache });
    expect(cache.versions.size).toBe(7);
    const again = await readHistory(plan, await projectRepository(scripted.repo.dir), { cache });
    expect(again).toEqual(first);
    expect(cache.versions.size).toBe(7);
  });
});

describe('readHistory in other situations', () => {
  test('uncommitted changes are shown as not committed yet, compared with the last commit', async () => {
    const repo = createRepo();
    folders.push(repo.dir);
    repo.write('plans/sam.md', jordanPlan());
    repo.commit('Start', '2027-01-05T10:00:00+01:00');
    repo.write('plans/sam.md', jordanPlan([['due: 2027-06\n', 'due: 2027-09\n']]));
    const history = await readHistory(path.join(repo.dir, 'plans/sam.md'), await projectRepository(repo.dir));
    expect(history.uncommitted).toEqual({
      changes: [{ kind: 'due-moved', goal: 'promotion', goalTitle: 'Earn a promotion to Senior Analyst', from: '2027-06', to: '2027-09' }],
    });
    expect(history.lastRevised.from).toBe('file');
    expect(history.revisions).toHaveLength(1);
    expect(formatHistory(history, english)).toContain('Changes not yet saved in the plan’s history\n  ~ Due date of “Earn a promotion to Senior Analyst” moved:');
  });

  test('a plan never committed has no revisions, and its whole content is not committed yet', async () => {
    const repo = createRepo();
    folders.push(repo.dir);
    repo.write('plans/new.md', jordanPlan());
    const history = await readHistory(path.join(repo.dir, 'plans/new.md'), await projectRepository(repo.dir));
    expect(history).toMatchObject({ repository: true, revisions: [], total: 0, uncommitted: { changes: [{ kind: 'plan-created', goals: 2, skills: 2 }] } });
  });

  test('an uncommitted version that cannot be read says so', async () => {
    const repo = createRepo();
    folders.push(repo.dir);
    repo.write('plans/sam.md', jordanPlan());
    repo.commit('Start', '2027-01-05T10:00:00+01:00');
    repo.write('plans/sam.md', 'not a plan');
    const history = await readHistory(path.join(repo.dir, 'plans/sam.md'), await projectRepository(repo.dir));
    expect(history.uncommitted?.problem).toMatch(/^could not be read: /);
  });

  test('a shallow clone shows what it has and says so', async () => {
    const clone = cloneRepo(scripted.repo.dir, ['--depth', '3']);
    folders.push(path.dirname(clone));
    const history = await readHistory(path.join(clone, 'plans/jordan-lee.md'), await projectRepository(clone));
    expect(history.shallow).toBe(true);
    expect(history.total).toBe(3);
    expect(history.revisions.map((revision) => revision.commit)).toEqual([scripted.commits.fixed, scripted.commits.broken, scripted.commits.fileRenamed]);
    expect(history.revisions[0]?.changes).toEqual([{ kind: 'step-added', ...promotion, step: 'Ask for a mentor' }]);
    expect(history.revisions[2]).toMatchObject({ boundary: true, changes: [] });
    const view = historyView(history, english);
    expect(view.shallowNote).toBe('Changes before April 1, 2027 are not in this copy of the plans.');
    expect(view.revisions[2]?.note).toMatch(/^older changes are not in this copy of the plans, so what changed here is unknown$/);
  });

  test('in a shallow clone whose oldest version cannot be read, the next commit’s changes are unknown, not a new plan', async () => {
    const clone = cloneRepo(scripted.repo.dir, ['--depth', '2']);
    folders.push(path.dirname(clone));
    const history = await readHistory(path.join(clone, 'plans/jordan-lee.md'), await projectRepository(clone));
    expect(history.revisions.map((revision) => revision.commit)).toEqual([scripted.commits.fixed, scripted.commits.broken]);
    expect(history.revisions[1]?.problem).toMatch(/^this version could not be read as a plan/);
    expect(history.revisions[0]).toMatchObject({ boundary: true, changes: [] });
  });

  test('a clone of depth 1 has one revision, whose changes are unknown', async () => {
    const clone = cloneRepo(scripted.repo.dir, ['--depth', '1']);
    folders.push(path.dirname(clone));
    const history = await readHistory(path.join(clone, 'plans/jordan-lee.md'), await projectRepository(clone));
    expect(history.revisions).toHaveLength(1);
    expect(history.revisions[0]).toMatchObject({ commit: scripted.commits.fixed, boundary: true, changes: [] });
  });

  test('a folder that is not a repository has no history and no error', async () => {
    const folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-norepo-')));
    folders.push(folder);
    const file = path.join(folder, 'sam.md');
    writeFileSync(file, jordanPlan());
    const history = await readHistory(file, await projectRepository(folder), { cwd: folder });
    expect(history).toMatchObject({ file: 'sam.md', repository: false, shallow: false, revisions: [], total: 0, lastRevised: { from: 'file' } });
    expect(history.lastRevised.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(historyView(history, english).show).toBe(false);
    expect(formatHistory(history, english)).toMatch(/^sam\.md is not in a git repository/);
  });

  test('no git program is the same as no repository', async () => {
    const history = await readHistory(plan, await projectRepository(scripted.repo.dir, path.join(os.tmpdir(), 'no-such-git-program')));
    expect(history.repository).toBe(false);
    expect(history.revisions).toEqual([]);
  });

  test('an ignored plan has no history', async () => {
    const repo = createRepo();
    folders.push(repo.dir);
    repo.write('.gitignore', 'drafts/\n');
    repo.commit('Ignore drafts', '2027-01-05T10:00:00+01:00');
    repo.write('drafts/sam.md', jordanPlan());
    const history = await readHistory(path.join(repo.dir, 'drafts/sam.md'), await projectRepository(repo.dir));
    expect(history.repository).toBe(false);
  });
});

describe('historyStamps', () => {
  test('the newest commit of each plan, in one walk; none for untracked plans and plans outside a repository', async () => {
    const repo = createRepo();
    const outside = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-norepo-')));
    folders.push(repo.dir, outside);
    repo.write('plans/a.md', jordanPlan());
    repo.write('plans/b.md', jordanPlan());
    const first = repo.commit('Start', '2027-01-05T10:00:00+01:00');
    repo.write('plans/a.md', jordanPlan([['due: 2027-06\n', 'due: 2027-07\n']]));
    const second = repo.commit('Move a', '2027-01-06T10:00:00+01:00');
    repo.write('plans/c.md', jordanPlan());
    writeFileSync(path.join(outside, 'd.md'), jordanPlan());
    const files = ['plans/a.md', 'plans/b.md', 'plans/c.md'].map((name) => path.join(repo.dir, name));
    const all = [...files, path.join(outside, 'd.md')];
    const stamps = await historyStamps(all, gitPlaces(all, await projectRepository(repo.dir)));
    expect([...stamps.values()]).toEqual([`git:${second}`, `git:${first}`, 'git:none', 'none']);
    repo.write('plans/b.md', jordanPlan([['due: 2027-06\n', 'due: 2027-08\n']]));
    const third = repo.commit('Move b', '2027-01-07T10:00:00+01:00');
    expect((await historyStamps(files, gitPlaces(files, await projectRepository(repo.dir)))).get(files[1]!)).toBe(`git:${third}`);
    const history = await readHistory(files[1]!, await projectRepository(repo.dir));
    expect(history.revisions[0]?.commit).toBe(third);
  });
});
