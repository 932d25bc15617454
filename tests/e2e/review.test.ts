import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRepo, jordanPlan, type ScriptedRepo } from '../support/git.js';
import { careerplan } from './run.js';

/** One page's text (or pages `first` to `last`), as poppler's pdftotext reads it: an independent parser. Whitespace runs become one space. */
const pdfText = (file: string, first: number, last = first): string =>
  execFileSync('pdftotext', ['-f', String(first), '-l', String(last), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pageCount = (file: string): number => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
const pdfTitle = (file: string): string | undefined => /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];

let repo: ScriptedRepo;
let start: string;

/**
 * A plan's life: started (with a step due in March), the promotion's due
 * moved, a goal added, and the SQL course done with an evaluation.
 */
beforeAll(async () => {
  repo = createRepo();
  const edits: Array<readonly [string, string]> = [['steps: [Join Toastmasters]', 'steps: [{ title: Join Toastmasters, due: 2027-03 }]']];
  const step = (message: string, date: string, ...more: Array<readonly [string, string]>): string => {
    edits.push(...more);
    repo.write('plans/jordan.md', jordanPlan(edits));
    return repo.commit(message, date);
  };
  start = step('Start the plan', '2027-01-05T10:00:00+01:00');
  step('Move the promotion to December', '2027-02-01T10:00:00+01:00', ['due: 2027-06\n', 'due: 2027-12\n']);
  step('Add a Python goal', '2027-02-15T10:00:00+01:00', [
    '# more goals\n',
    '  - { title: Learn Python, id: python, measure: A course certificate, due: 2028-Q1, steps: [Enrol in the evening course] }\n',
  ]);
  step('Finish the SQL course', '2027-03-20T18:30:00+01:00', [
    '{ title: Complete the advanced SQL course, due: 2027-03 }',
    '{ title: Complete the advanced SQL course, due: 2027-03, done: 2027-03-20, worth: partly, reflection: Window functions every day now }',
  ]);
});
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

describe('careerplan review', () => {
  let pdf: string;
  beforeAll(async () => {
    const run = await careerplan(['review', 'plans/jordan.md', '--since', start, '--as-of', '2027-04-15'], { cwd: repo.dir });
    expect(run.stderr).toBe(`review of plans/jordan.md since ${start.slice(0, 7)} of 2027-01-05 (4 changes) → reviews/jordan-review-2027-04-15.pdf\n`);
    expect(run.status).toBe(0);
    pdf = path.join(repo.dir, 'reviews/jordan-review-2027-04-15.pdf');
  }, 60_000);

  test('page 1 summarises the period: what changed, what was completed and how it was evaluated, what is overdue', async () => {
    const first = pdfText(pdf, 1);
    expect(first).toContain('Jordan Lee · Career action plan');
    expect(first).toContain('Since the version saved on January 5, 2027');
    expect(first).not.toContain(start.slice(0, 7));
    expect(first).toContain('April 15, 2027');
    // What changed, commit by commit.
    expect(first).toContain('What changed 4 changes');
    expect(first).toContain('Move the promotion to December');
    expect(first).toContain('Due date of “Earn a promotion to Senior Analyst” moved: June 2027 → December 2027');
    expect(first).toContain('Goal added: “Learn Python”');
    expect(first).toContain('Step done on March 20, 2027: “Complete the advanced SQL course”');
    expect(first).toContain('Step “Complete the advanced SQL course” evaluated: partly worth it');
    expect(first).not.toMatch(/\((?:promotion|python)\)|`/);
    expect(first).not.toContain('Start the plan');
    // Completed, and its evaluation.
    expect(first).toMatch(/Completed .*Complete the advanced SQL course Step of “Earn a promotion to Senior Analyst” · March 20, 2027/);
    expect(first).toMatch(/Evaluations of completed steps Complete the advanced SQL course .*Partly worth it .*Window functions every day now/);
    // Overdue now.
    expect(first).toMatch(/Overdue now .*Join Toastmasters Step of “Speak at the all-hands” Due March 2027 · 15 days overdue/);
    // The running footer says what the document is.
    expect(first).toContain('Review as of April 15, 2027');
    expect(first).toMatch(/Page 1 of \d+/);
  });

  test('the pages after the first are the plan as it is now', async () => {
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const rest = pdfText(pdf, 2, pages);
    expect(rest).toContain('Career action plan');
    for (const words of ['Earn a promotion to Senior Analyst', 'Promotion confirmed in writing by HR', 'Learn Python', 'Enrol in the evening course', 'Team lead opening', 'Notes from the first meeting.']) {
      expect(rest, words).toContain(words);
    }
    expect(rest).not.toContain('What changed');
    expect(pdfTitle(pdf)).toBe('Career action plan — review of April 15, 2027');
  });

  test('the review is kept by the next build, which cleans only what it wrote', async () => {
    const run = await careerplan(['build', '--no-pdf', '--as-of', '2027-04-15'], { cwd: repo.dir });
    expect(run.status).toBe(0);
    expect(existsSync(pdf)).toBe(true);
  });
});

describe('careerplan review without --since', () => {
  test('reviews since the plan’s first commit when it has no `reviewed` date, and says so; --out names the file', async () => {
    const run = await careerplan(['review', 'jordan', '--as-of', '2027-04-15', '--out', 'meeting.pdf'], { cwd: repo.dir });
    expect(run.stderr).toBe('review of plans/jordan.md since its first commit on 2027-01-05, as it has no `reviewed` date (5 changes) → meeting.pdf\n');
    expect(run.status).toBe(0);
    const first = pdfText(path.join(repo.dir, 'meeting.pdf'), 1);
    expect(first).toContain('Since the plan’s first saved version, on January 5, 2027');
    expect(first).toContain('Plan created with 2 goals and 2 skills');
    expect(first).not.toMatch(/commit/i);
  }, 60_000);
});

describe('careerplan review that cannot run', () => {
  test('a --since that is neither a revision nor a date: exit 2, one line', async () => {
    for (const since of ['no-such-branch', '2027-02-30']) {
      const run = await careerplan(['review', 'plans/jordan.md', '--since', since], { cwd: repo.dir });
      expect(run.status, since).toBe(2);
      expect(run.stderr.trimEnd().split('\n'), since).toHaveLength(1);
      expect(run.stderr, since).toMatch(/^careerplan: --since takes a date as YYYY-MM-DD/);
    }
  });

  test('--since a revision for a plan outside git: exit 2, one line', async () => {
    const folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-review-')));
    try {
      mkdirSync(path.join(folder, 'plans'));
      writeFileSync(path.join(folder, 'plans/jordan.md'), jordanPlan());
      const run = await careerplan(['review', 'plans/jordan.md', '--since', 'HEAD~1'], { cwd: folder });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('careerplan: --since HEAD~1 names a revision, but plans/jordan.md is not in a git repository; give a date as YYYY-MM-DD\n');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a browser named but not there: exit 2, one line, as build says it', async () => {
    const run = await careerplan(['review', 'plans/jordan.md', '--browser', 'no-such-browser'], { cwd: repo.dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`careerplan: the browser given by --browser is not there: ${path.join(repo.dir, 'no-such-browser')}\n`);
  });

  test('a plan with errors: exit 1, reported as check does, no PDF', async () => {
    repo.write('plans/broken.md', jordanPlan([['    measure: One talk given\n', '']]));
    try {
      const run = await careerplan(['review', 'plans/broken.md', '--as-of', '2027-04-15'], { cwd: repo.dir });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^plans\/broken\.md:\d+:\d+ error .* goal-needs-measure$/m);
      expect(existsSync(path.join(repo.dir, 'reviews/broken-review-2027-04-15.pdf'))).toBe(false);
    } finally {
      rmSync(path.join(repo.dir, 'plans/broken.md'));
    }
  });

  test('no plan named: exit 2 with usage', async () => {
    const run = await careerplan(['review'], { cwd: repo.dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('careerplan: review needs a plan');
  });
});
