import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, diagnosticsOf, type Run } from './run.js';

/**
 * Overdue means one thing everywhere (issue 19): the goals and steps `check` warns about are the ones the index
 * counts for the plan and lists first among its deadlines, the ones `plans.json` holds, the ones a review lists, and
 * a goal with an overdue step is at risk, not on track. Each page says what its statuses mean, the PDF too.
 */
const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-overdue-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const asOf = '2027-04-15';

/** As of 2027-04-15: a goal far off with two steps past due, a goal past due with a step past due, a paused goal and a done goal with steps past due (never overdue). */
const english = `---
title: Plan for the test
owner: Erin English
goals:
  - title: Far goal
    measure: M
    due: 2027-12
    steps:
      - { title: Book the course, due: 2027-02 }
      - { title: Ask for feedback, due: 2027-03-31 }
      - { title: Give the talk, due: 2027-05 }
  - title: Late goal
    measure: M
    due: 2027-03
    steps:
      - { title: Write the CV, due: 2027-01 }
  - title: Paused goal
    status: paused
    measure: M
    due: 2027-12
    steps:
      - { title: Paused step, due: 2027-01 }
  - title: Done goal
    done: 2027-03-01
    measure: M
    due: 2027-12
    steps:
      - { title: Step of a done goal, due: 2027-01 }
---
`;

/** The same in German, smaller: one step past due in a goal far off, and a paused goal with a step past due. */
const german = `---
title: Plan für den Test
owner: Dana Deutsch
lang: de
goals:
  - title: Fernes Ziel
    measure: M
    due: 2028
    steps:
      - { title: Kurs buchen, due: 2027-02 }
      - { title: Vortrag halten, due: 2027-06 }
  - title: Pausiertes Ziel
    status: paused
    measure: M
    due: 2028
    steps:
      - { title: Pausierte Maßnahme, due: 2027-01 }
---
`;

/** The text of a PDF (or of pages `first` to `last`), as poppler's pdftotext reads it; whitespace runs become one space. */
function pdfText(file: string, first = 1, last = 99): string {
  return execFileSync('pdftotext', ['-f', String(first), '-l', String(last), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The text of an HTML fragment, tags taken out and whitespace runs made one space. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

/** The `<tr>` of the index's plans table whose owner is `owner`. */
function planRow(index: string, owner: string): string {
  const at = index.indexOf(`>${owner}</a>`);
  return index.slice(index.lastIndexOf('<tr', at), index.indexOf('</tr>', at));
}

/** The index row's overdue cell (the fifth cell), as text. */
function overdueCell(row: string): string {
  const cells = row.split('<td').slice(1);
  return textOf(`<td${cells[3] ?? ''}`);
}

/** The sum of the numbers in a text: "1 overdue goal 3 overdue steps" → 4. */
function sum(text: string): number {
  return [...text.matchAll(/\d+/g)].reduce((total, match) => total + Number(match[0]), 0);
}

interface PlanJson {
  readonly slug: string;
  readonly overdue: { readonly goals: number; readonly steps: number; readonly items: ReadonlyArray<{ readonly goalTitle: string; readonly stepTitle?: string; readonly daysLeft: number }> };
  readonly goals: ReadonlyArray<{ readonly title: string; readonly status: string }>;
}

let check: Run;
let index: string;
let plansJson: { readonly version: number; readonly plans: readonly PlanJson[] };
const warned: Record<string, string[]> = {};

beforeAll(async () => {
  mkdirSync(path.join(scratch, 'plans'));
  writeFileSync(path.join(scratch, 'plans/erin.md'), english);
  writeFileSync(path.join(scratch, 'plans/dana.md'), german);
  check = await careerplan(['check', '--as-of', asOf], { cwd: scratch });
  for (const line of (check.stdout + check.stderr).split('\n').filter((line) => line.endsWith(' overdue'))) {
    const file = line.split(':')[0] ?? '';
    (warned[file] ??= []).push(/`([^`]*)`/.exec(line)?.[1] ?? '');
  }
  const build = await careerplan(['build', '--as-of', asOf], { cwd: scratch });
  expect(build.status, build.stderr).toBe(0);
  index = readFileSync(path.join(scratch, 'out/index.html'), 'utf8');
  plansJson = JSON.parse(readFileSync(path.join(scratch, 'out/plans.json'), 'utf8')) as typeof plansJson;
}, 120_000);

const plan = (slug: string): PlanJson => {
  const found = plansJson.plans.find((entry) => entry.slug === slug);
  if (!found) throw new Error(`no plan ${slug} in plans.json`);
  return found;
};

describe('check, the index, plans.json and the review give the same overdue goals and steps', () => {
  test('check warns about the open goal past due and the open goals’ steps past due, none of a paused or done goal', () => {
    expect(check.status).toBe(0);
    expect(diagnosticsOf(check.stderr + check.stdout).filter((line) => line.endsWith(' overdue'))).toHaveLength(5);
    expect(warned['plans/erin.md']?.sort()).toEqual(['Ask for feedback', 'Book the course', 'Write the CV', 'late-goal'].sort());
    expect(warned['plans/dana.md']).toEqual(['Kurs buchen']);
  });

  test('the index counts them per plan as check does, in words', () => {
    expect(overdueCell(planRow(index, 'Erin English'))).toBe('1 overdue goal 3 overdue steps');
    expect(sum(overdueCell(planRow(index, 'Erin English')))).toBe(warned['plans/erin.md']?.length);
    expect(overdueCell(planRow(index, 'Dana Deutsch'))).toBe('1 overdue step');
    expect(sum(overdueCell(planRow(index, 'Dana Deutsch')))).toBe(warned['plans/dana.md']?.length);
    expect(planRow(index, 'Dana Deutsch')).toContain('plan-row--overdue');
  });

  test('the index lists the overdue goals and steps first among its deadlines, oldest first, then what is due', () => {
    const deadlines = index.slice(index.indexOf('id="deadlines"'));
    const rows = deadlines.split('<tr class="deadline').slice(1).map((row) => textOf(`<tr class="deadline${row.slice(0, row.indexOf('</tr>'))}`));
    expect(rows.map((row) => row.replace(/ Step of “.*$| Goal$/, ''))).toEqual([
      'Jan 31, 2027 74 days overdue Erin English Write the CV',
      'Feb 28, 2027 46 days overdue Dana Deutsch Kurs buchen',
      'Feb 28, 2027 46 days overdue Erin English Book the course',
      'Mar 31, 2027 15 days overdue Erin English Ask for feedback',
      'Mar 31, 2027 15 days overdue Erin English Late goal',
      'May 31, 2027 in 46 days Erin English Give the talk',
      'Jun 30, 2027 in 76 days Dana Deutsch Vortrag halten',
    ]);
    expect(deadlines.match(/deadline--overdue/g)).toHaveLength(5);
  });

  test('plans.json holds each plan’s overdue goals and steps: how many, and which', () => {
    expect(plansJson.version).toBe(2);
    expect(plan('erin').overdue).toMatchObject({ goals: 1, steps: 3 });
    expect(plan('erin').overdue.items.map((item) => item.stepTitle ?? item.goalTitle)).toEqual(['Write the CV', 'Book the course', 'Ask for feedback', 'Late goal']);
    expect(plan('dana').overdue).toMatchObject({ goals: 0, steps: 1, items: [{ goalTitle: 'Fernes Ziel', stepTitle: 'Kurs buchen', daysLeft: -46 }] });
    for (const [slug, file] of [['erin', 'plans/erin.md'], ['dana', 'plans/dana.md']] as const) {
      expect(plan(slug).overdue.goals + plan(slug).overdue.steps).toBe(warned[file]?.length);
    }
  });

  test('a goal whose own due date is ahead but with an overdue step is at risk, not on track; a paused one stays paused', () => {
    expect(plan('erin').goals.map((goal) => [goal.title, goal.status])).toEqual([
      ['Far goal', 'at-risk'],
      ['Late goal', 'overdue'],
      ['Paused goal', 'paused'],
      ['Done goal', 'done'],
    ]);
    expect(plan('dana').goals.map((goal) => goal.status)).toEqual(['at-risk', 'paused']);
    const page = readFileSync(path.join(scratch, 'out/dana/index.html'), 'utf8');
    const card = page.slice(page.indexOf('id="goal-fernes-ziel"'), page.indexOf('</header>', page.indexOf('id="goal-fernes-ziel"')));
    expect(textOf(card)).toContain('Gefährdet');
  });

  test('the review lists the same goals and steps under what is overdue now, in the plan’s language', async () => {
    const englishReview = await careerplan(['review', 'plans/erin.md', '--as-of', asOf], { cwd: scratch });
    expect(englishReview.status, englishReview.stderr).toBe(0);
    const first = pdfText(path.join(scratch, `reviews/erin-review-${asOf}.pdf`), 1, 1);
    const overdue = first.slice(first.indexOf('Overdue now'), first.indexOf('Evaluations of completed steps'));
    expect(overdue).toContain('Overdue now 1 overdue goal 3 overdue steps');
    for (const title of ['Write the CV', 'Book the course', 'Late goal', 'Ask for feedback']) expect(overdue).toContain(title);
    expect(overdue.match(/overdue ·|Due [^·]*· \d+ (days?|months?) overdue/g)).toHaveLength(4);
    expect(overdue).not.toContain('Paused step');

    const germanReview = await careerplan(['review', 'plans/dana.md', '--as-of', asOf], { cwd: scratch });
    expect(germanReview.status, germanReview.stderr).toBe(0);
    const erste = pdfText(path.join(scratch, `reviews/dana-review-${asOf}.pdf`), 1, 1);
    expect(erste).toMatch(/Jetzt überfällig 1 Maßnahme überfällig !? ?Kurs buchen Maßnahme zu „Fernes Ziel“ Fällig Februar 2027 · 46 Tage überfällig/);
    expect(erste).not.toContain('Pausierte Maßnahme');
  }, 120_000);
});

describe('the page and the PDF say what each status means', () => {
  test('the English page and PDF: a key to the statuses above the goals', () => {
    const page = textOf(readFileSync(path.join(scratch, 'out/erin/index.html'), 'utf8'));
    const key = [
      'What the statuses mean',
      'Overdue Its due date has passed and it is not done.',
      'Overdue An action step whose due date has passed and that is not done, while its goal is open.',
      'At risk Due within 30 days with action steps still open, or one of its action steps is overdue.',
      'Done Marked done.',
      'Paused Set aside for now: never overdue, and neither are its steps.',
    ].join(' ');
    expect(page).toContain(key);
    expect(page).not.toContain('On track Open, and nothing in it is late.');
    const pdf = pdfText(path.join(scratch, 'out/erin/erin.pdf'));
    expect(pdf).toContain('Goals WHAT THE STATUSES MEAN');
    for (const sentence of key.split(/(?<=\.) /).slice(1)) expect(pdf).toContain(sentence.replace(/^(Overdue|At risk|Done|Paused) /, ''));
    expect(pdf).not.toContain('Open, and nothing in it is late.');
  });

  test('the German page and PDF: the key in German', () => {
    const key = [
      'Was die Status bedeuten',
      'Überfällig Eine Maßnahme, deren Termin verstrichen ist und die nicht erledigt ist, während ihr Ziel offen ist.',
      'Gefährdet In den nächsten 30 Tagen fällig, mit noch offenen Maßnahmen, oder eine seiner Maßnahmen ist überfällig.',
      'Pausiert Vorerst zurückgestellt: nie überfällig, seine Maßnahmen auch nicht.',
    ].join(' ');
    expect(textOf(readFileSync(path.join(scratch, 'out/dana/index.html'), 'utf8'))).toContain(key);
    const pdf = pdfText(path.join(scratch, 'out/dana/dana.pdf'));
    expect(pdf).toContain('Ziele WAS DIE STATUS BEDEUTEN');
    for (const sentence of key.split(/(?<=\.) /)) expect(pdf).toContain(sentence.replace(/^(Was die Status bedeuten )?(Überfällig|Gefährdet|Pausiert) /, ''));
  });

  test('the index says what its overdue and at-risk counts mean', () => {
    expect(textOf(index)).toContain('Overdue Goals and action steps whose due date has passed and that are not done; a step counts while its goal is open. At risk Goals due within 30 days with action steps still open, or with an overdue action step.');
  });

  test('a German index counts and explains in German', async () => {
    writeFileSync(path.join(scratch, 'careerplan.config.json'), JSON.stringify({ locale: 'de', out: 'out-de' }));
    const build = await careerplan(['build', '--no-pdf', '--as-of', asOf], { cwd: scratch });
    expect(build.status, build.stderr).toBe(0);
    const deIndex = readFileSync(path.join(scratch, 'out-de/index.html'), 'utf8');
    expect(overdueCell(planRow(deIndex, 'Erin English'))).toBe('1 Ziel überfällig 3 Maßnahmen überfällig');
    expect(overdueCell(planRow(deIndex, 'Dana Deutsch'))).toBe('1 Maßnahme überfällig');
    expect(textOf(deIndex)).toContain('Überfällig Ziele und Maßnahmen, deren Termin verstrichen ist und die nicht erledigt sind; eine Maßnahme zählt, solange ihr Ziel offen ist.');
    expect(textOf(deIndex)).toContain('Überfälliges und Termine der nächsten 90 Tage');
  }, 60_000);
});
