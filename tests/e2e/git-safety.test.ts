import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { History } from '../../src/history/revisions.js';
import { createRepo, gitEnv, jordanPlan, type ScriptedRepo } from '../support/git.js';
import { careerplan } from './run.js';

let project: ScriptedRepo;
let scratch: string;
let marker: string;
let forged: string;

/** Sets every config key that makes git run `script` in the repository whose git folder is `gitDir`, and installs hooks that run it. */
function arm(gitDir: string, script: string, hooks: string): void {
  for (const [key, value] of [
    ['core.fsmonitor', script],
    ['core.hooksPath', hooks],
    ['core.pager', script],
    ['pager.log', script],
    ['pager.status', script],
    ['diff.external', script],
    ['diff.evil.textconv', script],
    ['diff.evil.command', script],
    ['filter.evil.clean', script],
    ['filter.evil.smudge', script],
    ['filter.evil.process', script],
    ['core.sshCommand', script],
    ['credential.helper', `!${script}`],
    ['color.ui', 'always'],
    ['log.showSignature', 'true'],
    ['gpg.program', script],
  ] as const)
    execFileSync('git', ['--git-dir', gitDir, 'config', key, value], { env: gitEnv() });
}

/**
 * A project in git whose plans folder holds two repositories a student
 * handed in (one a `.git` folder, recorded in the project as an embedded
 * repository; one a `.git` file pointing to a git folder elsewhere); every
 * one of the three is configured to run a script that writes a marker. One
 * commit's subject imitates the old record separators.
 */
beforeAll(async () => {
  scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-hostile-git-')));
  marker = path.join(scratch, 'ran');
  const script = path.join(scratch, 'evil.sh');
  writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat\n`, { mode: 0o755 });
  const hooks = path.join(scratch, 'hooks');
  mkdirSync(hooks);
  for (const hook of ['post-index-change', 'post-checkout', 'reference-transaction', 'pre-commit', 'post-commit'])
    writeFileSync(path.join(hooks, hook), `#!/bin/sh\necho "hook $0" >> '${marker}'\n`, { mode: 0o755 });

  project = createRepo();
  project.write('.gitattributes', '*.md filter=evil diff=evil\n');
  project.write('plans/jordan.md', jordanPlan());
  project.commit('Start the plan', '2027-01-05T10:00:00+01:00');
  project.write('plans/jordan.md', jordanPlan([['due: 2027-06\n', 'due: 2027-12\n']]));
  // The old parser split records at 0x1e and fields at 0x1f: this subject made a commit of its own and took the real one's changes.
  forged = `Move the due\x1e${'f'.repeat(40)}\x1f\x1f2027-03-01T10:00:00+01:00\x1fForged commit`;
  project.commit(forged, '2027-02-01T10:00:00+01:00');

  const inside = createRepo(path.join(project.dir, 'plans/student-a'));
  inside.write('.gitattributes', '*.md filter=evil diff=evil\n');
  inside.write('sam.md', jordanPlan([['owner: Jordan Lee', 'owner: Sam Lee']]));
  inside.commit('Sam starts', '2027-01-05T10:00:00+01:00');
  // Recorded in the project as an embedded repository: git status would look into it, with its config.
  project.git(['add', 'plans/student-a']);
  project.commit('Take in student A', '2027-02-02T10:00:00+01:00');

  const elsewhere = createRepo(path.join(scratch, 'elsewhere'));
  elsewhere.write('plans/student-b/lee.md', jordanPlan([['owner: Jordan Lee', 'owner: Lee Park']]));
  elsewhere.commit('Lee starts', '2027-01-05T10:00:00+01:00');
  project.write('plans/student-b/.git', `gitdir: ${path.join(elsewhere.dir, '.git')}\n`);
  project.write('plans/student-b/lee.md', jordanPlan([['owner: Jordan Lee', 'owner: Lee Park']]));
  execFileSync('git', ['--git-dir', path.join(elsewhere.dir, '.git'), 'config', 'core.worktree', path.join(project.dir, 'plans/student-b')], { env: gitEnv() });

  for (const gitDir of [path.join(project.dir, '.git'), path.join(inside.dir, '.git'), path.join(elsewhere.dir, '.git')]) arm(gitDir, script, hooks);
  // A stat change makes git status compare contents, through a clean filter if it may.
  for (const file of ['plans/jordan.md', 'plans/student-a/sam.md', 'plans/student-b/lee.md']) utimesSync(path.join(project.dir, file), new Date(), new Date(Date.now() + 5_000));
  rmSync(marker, { force: true });
}, 60_000);
afterAll(() => {
  rmSync(project.dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('a plans folder with repositories of its own', () => {
  const ran = (): string => (existsSync(marker) ? readFileSync(marker, 'utf8') : '');

  test('check, build and history run nothing that any repository’s config names', async () => {
    const runs = [
      await careerplan(['check'], { cwd: project.dir }),
      await careerplan(['build', '--no-pdf', '--as-of', '2027-04-15'], { cwd: project.dir }),
      await careerplan(['history', 'plans/jordan.md'], { cwd: project.dir }),
      await careerplan(['history', 'plans/student-a/sam.md'], { cwd: project.dir }),
      await careerplan(['history', 'plans/student-b/lee.md', '--format', 'json'], { cwd: project.dir }),
    ];
    for (const run of runs) expect(run.stderr).not.toMatch(/Error|at .*\.js/);
    expect(runs.map((run) => run.status)).toEqual([0, 0, 0, 0, 0]);
    expect(ran()).toBe('');
  });

  test('a plan inside a repository of its own has no history from it: only the project’s repository is asked', async () => {
    for (const plan of ['plans/student-a/sam.md', 'plans/student-b/lee.md']) {
      const run = await careerplan(['history', plan, '--format', 'json'], { cwd: project.dir });
      expect(run.status).toBe(0);
      const history = JSON.parse(run.stdout) as History;
      expect(history).toMatchObject({ repository: false, revisions: [], total: 0 });
    }
    // The built page of such a plan has no commit of the student's repository either.
    const pages = readdirSync(path.join(project.dir, 'out'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    const texts = pages.map((file) => readFileSync(path.join(project.dir, 'out', file), 'utf8'));
    expect(texts.some((text) => text.includes('Sam Lee'))).toBe(true);
    expect(texts.filter((text) => text.includes('Sam starts') || text.includes('Lee starts'))).toEqual([]);
    expect(ran()).toBe('');
  });

  test('a subject that imitates record separators is one commit, and the changes are its own', async () => {
    const run = await careerplan(['history', 'plans/jordan.md', '--format', 'json'], { cwd: project.dir });
    expect(run.status).toBe(0);
    const history = JSON.parse(run.stdout) as History;
    expect(history.revisions.map((revision) => revision.subject)).toEqual([forged, 'Start the plan']);
    expect(history.revisions[0]?.changes.map((change) => change.kind)).toEqual(['due-moved']);
    expect(history.total).toBe(2);
    expect(ran()).toBe('');
  });

  test('review counts and lists the changes of a commit whose subject imitates separators, and runs nothing either', async () => {
    const run = await careerplan(['review', 'plans/jordan.md', '--as-of', '2027-04-15', '--out', path.join(scratch, 'review.pdf')], { cwd: project.dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('(2 changes)');
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', path.join(scratch, 'review.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Due date of “Earn a promotion to Senior Analyst” moved: June 2027 → December 2027');
    expect(text).toContain('Move the due');
    expect(ran()).toBe('');
  }, 60_000);
});
