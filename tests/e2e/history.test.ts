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
  test('prints each saved version with its day, note and the changes in the plan, newest first, in sentences without ids or commit ids', async () => {
    const run = await careerplan(['history', 'plans/jordan-lee.md'], { cwd: scripted.repo.dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'plans/jordan-lee.md — last changed April 11, 2027',
        '',
        'April 11, 2027 — Fix the plan and add a step',
        '  + Step added to “Become Senior Analyst”: “Ask for a mentor”',
        '',
        'April 10, 2027 — Half-finished edit',
        '  (this version could not be read as a plan: line 3: Unexpected “[” without its closing “]”: end the list on the same line with “]”, or put the text in quotes if the “[” belongs to it)',
        '',
        'April 1, 2027 — Rename the plan file',
        '  ~ File renamed: plans/jordan.md → plans/jordan-lee.md',
        '  (no change to the plan’s content)',
        '',
        'March 20, 2027 — Finish the SQL course',
        '  ✓ Step done on March 20, 2027: “Complete the advanced SQL course” (goal “Become Senior Analyst”)',
        '  ~ Step “Complete the advanced SQL course” evaluated: worth it',
        '  ~ Level of SQL raised: 2 → 3',
        '',
        'March 1, 2027 — Retitle the promotion goal',
        '  ~ Goal renamed: “Earn a promotion to Senior Analyst” → “Become Senior Analyst”',
        '',
        'February 15, 2027 — Add a Python goal',
        '  + Goal added: “Learn Python”',
        '',
        'February 1, 2027 — Move the promotion to December',
        '  ~ Due date of “Earn a promotion to Senior Analyst” moved: June 2027 → December 2027',
        '',
        'January 5, 2027 — Start the plan',
        '  + Plan created with 2 goals and 2 skills',
        '',
      ].join('\n'),
    );
    for (const commit of Object.values(scripted.commits)) expect(run.stdout).not.toContain(commit.slice(0, 7));
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
    expect(run.stdout).toContain('6 older versions not shown.');
  });

  test('a shallow clone says so', async () => {
    const clone = cloneRepo(scripted.repo.dir, ['--depth', '3']);
    folders.push(path.dirname(clone));
    const run = await careerplan(['history', 'plans/jordan-lee.md'], { cwd: clone });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Changes before April 1, 2027 are not in this copy of the plans.');
    expect(run.stdout).toContain('(older changes are not in this copy of the plans, so what changed here is unknown)');
    expect(run.stdout).not.toMatch(/shallow|clone|commit/i);
  });

  test('uncommitted changes are shown first; a plan that cannot be read now exits 1', async () => {
    const file = path.join(scripted.repo.dir, 'plans/jordan-lee.md');
    const committed = scripted.repo.git(['show', 'HEAD:plans/jordan-lee.md']);
    try {
      writeFileSync(file, `${committed}\n`.replace('due: 2028-Q1', 'due: 2028-Q2'));
      const changed = await careerplan(['history', 'plans/jordan-lee.md'], { cwd: scripted.repo.dir });
      expect(changed.status).toBe(0);
      expect(changed.stdout).toMatch(/^plans\/jordan-lee\.md — last changed \w+ \d{1,2}, \d{4}\n\nChanges not yet saved in the plan’s history\n  ~ Due date of “Learn Python” moved: Q1 2028 → Q2 2028\n/);
      expect(changed.stdout).not.toMatch(/commit/i);
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
    expect(run.stdout).toMatch(/^sam\.md is not in a git repository \(or git is not installed\), so it has no history; last changed \w+ \d{1,2}, \d{4}\.\n$/);
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
