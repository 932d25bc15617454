import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { History } from '../../src/history/revisions.js';
import { cloneRepo, jordanPlan, scriptJordanHistory, type JordanHistory } from '../support/git.js';
import { careerplan } from './run.js';

let scripted: JordanHistory;
const folders: string[] = [];

beforeAll(async () => {
  scripted = scriptJordanHistory();
  folders.push(scripted.repo.dir);
});
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('careerplan history', () => {
  test('prints each commit with its date, subject and the changes in the plan, newest first', async () => {
    const run = await careerplan(['history', 'plans/jordan-lee.md'], { cwd: scripted.repo.dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const short = (commit: string): string => commit.slice(0, 7);
    const { commits } = scripted;
    expect(run.stdout).toBe(
      [
        'plans/jordan-lee.md — last revised 2027-04-11',
        '',
        `2027-04-11  ${short(commits.fixed)}  Fix the plan and add a step`,
        '  + step added to Become Senior Analyst (`promotion`): Ask for a mentor',
        '',
        `2027-04-10  ${short(commits.broken)}  Half-finished edit`,
        '  (could not be read at this revision: line 3: Unexpected `[` without its closing `]`: end the list on the same line with `]`, or put the text in quotes if the `[` belongs to it)',
        '',
        `2027-04-01  ${short(commits.fileRenamed)}  Rename the plan file`,
        '  ~ file renamed: plans/jordan.md → plans/jordan-lee.md',
        '  (no change to the plan’s substance)',
        '',
        `2027-03-20  ${short(commits.stepsDone)}  Finish the SQL course`,
        '  ✓ step done on 2027-03-20: Complete the advanced SQL course (Become Senior Analyst (`promotion`))',
        '  ~ step evaluated: Complete the advanced SQL course, worth it: yes',
        '  ~ skill level raised: SQL 2 → 3',
        '',
        `2027-03-01  ${short(commits.goalRenamed)}  Retitle the promotion goal`,
        '  ~ goal `promotion` renamed: “Earn a promotion to Senior Analyst” → “Become Senior Analyst”',
        '',
        `2027-02-15  ${short(commits.goalAdded)}  Add a Python goal`,
        '  + goal added: Learn Python (`python`)',
        '',
        `2027-02-01  ${short(commits.dueMoved)}  Move the promotion to December`,
        '  ~ due moved: Earn a promotion to Senior Analyst (`promotion`) 2027-06 → 2027-12',
        '',
        `2027-01-05  ${short(commits.start)}  Start the plan`,
        '  + plan created with 2 goals and 2 skills',
        '',
      ].join('\n'),
    );
  });

  test('--format json prints the history as data; a plan may be named without its folder', async () => {
    const run = await careerplan(['history', 'jordan-lee', '--format', 'json', '--since', '2027-03-15'], { cwd: scripted.repo.dir });
    expect(run.status).toBe(0);
    const history = JSON.parse(run.stdout) as History;
    expect(history).toMatchObject({ file: 'plans/jordan-lee.md', repository: true, shallow: false, total: 8 });
    expect(history.revisions.map((revision) => revision.subject)).toEqual(['Fix the plan and add a step', 'Half-finished edit', 'Rename the plan file', 'Finish the SQL course']);
    expect(history.revisions[3]?.changes[0]).toEqual({ kind: 'step-done', goal: 'promotion', goalTitle: 'Become Senior Analyst', step: 'Complete the advanced SQL course', on: '2027-03-20' });
  });

  test('--since a revision', async () => {
    const run = await careerplan(['history', 'plans/jordan-lee.md', '--since', scripted.commits.fileRenamed], { cwd: scripted.repo.dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Fix the plan and add a step');
    expect(run.stdout).not.toContain('Rename the plan file');
    expect(run.stdout).toContain('6 older revisions not shown.');
  });

  test('a shallow clone says so', async () => {
    const clone = cloneRepo(scripted.repo.dir, ['--depth', '3']);
    folders.push(path.dirname(clone));
    const run = await careerplan(['history', 'plans/jordan-lee.md'], { cwd: clone });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('This is a shallow clone: history before 2027-04-01 is not in it.');
    expect(run.stdout).toContain('(earlier history is not in this shallow clone, so what changed here is unknown)');
  });

  test('uncommitted changes are shown first; a plan that cannot be read now exits 1', async () => {
    const file = path.join(scripted.repo.dir, 'plans/jordan-lee.md');
    const committed = scripted.repo.git(['show', 'HEAD:plans/jordan-lee.md']);
    try {
      writeFileSync(file, `${committed}\n`.replace('due: 2028-Q1', 'due: 2028-Q2'));
      const changed = await careerplan(['history', 'plans/jordan-lee.md'], { cwd: scripted.repo.dir });
      expect(changed.status).toBe(0);
      expect(changed.stdout).toMatch(/^plans\/jordan-lee\.md — last revised \d{4}-\d{2}-\d{2} \(not committed\)\n\nNot committed yet\n  ~ due moved: Learn Python \(`python`\) 2028-Q1 → 2028-Q2\n/);
      writeFileSync(file, 'not a plan\n');
      const broken = await careerplan(['history', 'plans/jordan-lee.md'], { cwd: scripted.repo.dir });
      expect(broken.status).toBe(1);
      expect(broken.stderr).toBe("careerplan: plans/jordan-lee.md as it is now cannot be read as a plan; run 'careerplan check plans/jordan-lee.md' for the details\n");
    } finally {
      writeFileSync(file, `${committed}\n`);
    }
  });

  test('a folder that is not a repository: no history, no error', async () => {
    const folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-norepo-')));
    folders.push(folder);
    writeFileSync(path.join(folder, 'sam.md'), jordanPlan());
    const run = await careerplan(['history', 'sam.md'], { cwd: folder });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^sam\.md is not in a git repository \(or git is not installed\), so it has no history; last changed \d{4}-\d{2}-\d{2}\.\n$/);
  });

  test('mistakes are one line and exit 2', async () => {
    const cwd = scripted.repo.dir;
    const badSince = await careerplan(['history', 'plans/jordan-lee.md', '--since', 'no-such-branch'], { cwd });
    expect(badSince.status).toBe(2);
    expect(badSince.stderr).toBe('careerplan: --since takes a date as YYYY-MM-DD or a revision of the repository; `no-such-branch` is neither\n');
    const missing = await careerplan(['history', 'plans/nobody.md'], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('careerplan: cannot read plans/nobody.md: no such plan file (give its path, or its name in plans)\n');
    const none = await careerplan(['history'], { cwd });
    expect(none.status).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('careerplan: history needs a plan: careerplan history plans/<name>.md');
    const format = await careerplan(['history', 'plans/jordan-lee.md', '--format', 'github'], { cwd });
    expect(format.status).toBe(2);
    expect(format.stderr.split('\n')[0]).toBe('careerplan: unknown --format `github` for history, expected pretty or json');
  });
});
