import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createRepo, jordanPlan } from '../support/git.js';
import { careerplan, repo } from './run.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const build = async (cwd: string) => careerplan(['build', '--no-pdf', '--as-of', '2027-05-01'], { cwd });
const page = (cwd: string) => readFileSync(path.join(cwd, 'out/jordan-lee/index.html'), 'utf8');
/** The revision history section of a page, or undefined when it has none. */
const historySection = (html: string) => /<section class="section section--history"[\s\S]*?<\/section>/.exec(html)?.[0];

describe('the revision history on the plan page', () => {
  test('lists each commit with what it changed; a new commit rebuilds the page though the text is the same', async () => {
    const scripted = createRepo();
    folders.push(scripted.dir);
    scripted.write('plans/jordan-lee.md', jordanPlan());
    scripted.commit('First plan', '2027-01-05T10:00:00+01:00');
    scripted.write('plans/jordan-lee.md', jordanPlan([['due: 2027-06', 'due: 2027-12']]));
    scripted.commit('Move the promotion to December', '2027-02-10T10:00:00+01:00');

    expect((await build(scripted.dir)).status).toBe(0);
    const first = historySection(page(scripted.dir));
    expect(first).toBeDefined();
    expect(first).toContain('Move the promotion to December');
    expect(first).toContain('June 2027 → December 2027');
    expect(first).toContain('First plan');
    expect(first).not.toContain('not yet saved');
    expect(page(scripted.dir)).toMatch(/Last revised<\/dt><dd>February 10, 2027</);

    // Edited and built before committing: shown as not committed yet.
    scripted.write('plans/jordan-lee.md', jordanPlan([['due: 2027-06', 'due: 2027-12'], ['measure: One talk given', 'measure: Two talks given']]));
    expect((await build(scripted.dir)).status).toBe(0);
    expect(historySection(page(scripted.dir))).toMatch(/Changes not yet saved in the plan’s history[\s\S]*One talk given/);

    // Committed: the plan's text is unchanged since the last build, its history is not.
    scripted.commit('Aim for two talks', '2027-03-01T10:00:00+01:00');
    const again = await build(scripted.dir);
    expect(again.stderr).toMatch(/\n1 of 1 plan built into out\n$/);
    const section = historySection(page(scripted.dir));
    expect(section).toContain('Aim for two talks');
    expect(section).not.toContain('not yet saved');
    expect(page(scripted.dir)).toMatch(/Last revised<\/dt><dd>March 1, 2027</);
  });

  test('every commit is listed: the newest 20 open, the older ones folded away', async () => {
    const scripted = createRepo();
    folders.push(scripted.dir);
    for (let n = 1; n <= 23; n += 1) {
      scripted.write('plans/jordan-lee.md', jordanPlan([['measure: One talk given', `measure: ${n} talks given`]]));
      scripted.commit(`Talk ${n}`, `2027-01-${String(n).padStart(2, '0')}T10:00:00+01:00`);
    }
    expect((await build(scripted.dir)).status).toBe(0);
    const section = historySection(page(scripted.dir)) ?? '';
    const [open, folded = ''] = section.split('<details');
    for (let n = 4; n <= 23; n += 1) expect(open).toContain(`Talk ${n}<`);
    expect(folded).toMatch(/<summary>3 older revisions<\/summary>/);
    for (const n of [1, 2, 3]) expect(folded).toContain(`Talk ${n}<`);
    expect(folded).toContain('“2 talks given” → “3 talks given”');
  });

  test('a German plan\'s history is in German', async () => {
    const scripted = createRepo();
    folders.push(scripted.dir);
    const german = (edits: ReadonlyArray<readonly [string, string]> = []) => jordanPlan([['owner: Jordan Lee', 'owner: Jordan Lee\nlang: de'], ...edits]);
    scripted.write('plans/jordan-lee.md', german());
    scripted.commit('Erster Plan', '2027-01-05T10:00:00+01:00');
    scripted.write('plans/jordan-lee.md', german([['due: 2027-06', 'due: 2027-12']]));
    scripted.commit('Beförderung verschoben', '2027-02-10T10:00:00+01:00');
    expect((await build(scripted.dir)).status).toBe(0);
    const section = historySection(page(scripted.dir));
    expect(section).toContain('Änderungsverlauf');
    expect(section).toContain('Fälligkeit von „Earn a promotion to Senior Analyst“ verschoben: Juni 2027 → Dezember 2027');
    expect(section).toMatch(/Plan angelegt mit 2 Zielen und 2 Kompetenzen/);
    expect(section).not.toMatch(/due moved|plan created/);
  });

  test('outside a repository: no history section, "last revised" from the file’s time, no error', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-nogit-'));
    folders.push(folder);
    cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
    utimesSync(path.join(folder, 'plans/jordan-lee.md'), new Date(2026, 9, 3, 12), new Date(2026, 9, 3, 12));
    const run = await build(folder);
    expect(run.stderr).toMatch(/3 of 3 plans built into out\n$/);
    expect(historySection(page(folder))).toBeUndefined();
    expect(page(folder)).toMatch(/Last revised<\/dt><dd>October 3, 2026</);

    // Touched, not changed: the day shown follows the file.
    utimesSync(path.join(folder, 'plans/jordan-lee.md'), new Date(2026, 10, 7, 12), new Date(2026, 10, 7, 12));
    expect((await build(folder)).status).toBeLessThan(2);
    expect(page(folder)).toMatch(/Last revised<\/dt><dd>November 7, 2026</);
  });
});
