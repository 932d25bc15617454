import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { omittableParts, type OmittablePart } from '../../src/site/view.js';
import { createRepo } from '../support/git.js';
import { careerplan, repo } from './run.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-views-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A word no plan has, for each part a view can leave out; each is in no other (`Zq` on both sides). */
const markers = {
  vision: ['ZqvisionZq'],
  priorities: ['ZqprioritiesZq'],
  strengths: ['ZqstrengthsZq'],
  weaknesses: ['ZqweaknessesZq'],
  // A skill's name, and its id as goals and opportunities name it.
  skills: ['ZqskillnameZq', 'zqskillidzq'],
  education: ['ZqeducationZq'],
  opportunities: ['ZqopportunityZq'],
  body: ['ZqbodyZq'],
  'skills.note': ['ZqskillnoteZq'],
  'education.note': ['ZqeducationnoteZq'],
  'opportunities.note': ['ZqopportunitynoteZq'],
  'steps.resources': ['ZqresourcesZq'],
  'steps.reflection': ['ZqreflectionZq'],
} satisfies Record<OmittablePart, readonly string[]>;

/** A goal's title: in every view. */
const keptMarker = 'ZqgoalZq';

/** The example plan with every key, with a marker in every part. */
function markedJordan(text: string): string {
  const edits: Array<[string, string]> = [
    ['speak comfortably in front of large groups.', `speak comfortably in front of large groups. ${markers.vision[0]}`],
    ['  - Protect time for family on weekends\n', `  - Protect time for family on weekends\n  - ${markers.priorities[0]}\n`],
    ['  - Patient when explaining numbers one to one\n', `  - Patient when explaining numbers one to one\n  - ${markers.strengths[0]}\n`],
    ['  - Says yes to too many ad-hoc requests\n', `  - Says yes to too many ad-hoc requests\n  - ${markers.weaknesses[0]}\n`],
    ['skills:\n  - name: SQL', `skills:\n  - name: ${markers.skills[0]}\n    id: ${markers.skills[1]}\n    level: 1\n    target: 2\n  - name: SQL`],
    ['Toastmasters club meets on Tuesdays near the office.', `Toastmasters club meets on Tuesdays near the office. ${markers['skills.note'][0]}`],
    ['current: BSc Statistics', `current: BSc Statistics ${markers.education[0]}`],
    ['The company pays for one certificate a year.', `The company pays for one certificate a year. ${markers['education.note'][0]}`],
    ['Earn a promotion to Senior Analyst', `Earn a promotion to Senior Analyst ${keptMarker}`],
    ['skills: [sql, speaking]', `skills: [sql, speaking, ${markers.skills[1]}]`],
    ['[Thursday afternoons off, Course fee of $450]', `[Thursday afternoons off, Course fee of $450, ${markers['steps.resources'][0]}]`],
    ['I use window functions every day now.', `I use window functions every day now. ${markers['steps.reflection'][0]}`],
    ['Team lead opening in Analytics', `Team lead opening in Analytics ${markers.opportunities[0]}`],
    ['requires: { sql: 4, speaking: 3, coaching: 2 }', `requires: { sql: 4, speaking: 3, coaching: 2, ${markers.skills[1]}: 1 }`],
    ['Maria expects the role to open after the reorganisation.', `Maria expects the role to open after the reorganisation. ${markers['opportunities.note'][0]}`],
    ['## Why this plan\n', `## Why this plan\n\n${markers.body[0]} is in the notes.\n`],
  ];
  let marked = text;
  for (const [from, to] of edits) {
    expect(marked, from).toContain(from);
    marked = marked.replace(from, to);
  }
  return marked;
}

const mentor = ['weaknesses', 'steps.reflection', 'opportunities.note', 'education.note'] as const satisfies readonly OmittablePart[];

/** Every file under a folder, dotfiles included. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** A file's text as a search sees it: a PDF's text as poppler's pdftotext reads it; lower case, without white space and hyphens, so a word broken across lines (or an iCalendar line folded) is still found. */
function searchable(file: string): string {
  const text = file.endsWith('.pdf') ? execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }) : readFileSync(file, 'utf8');
  return text.toLowerCase().replace(/[\s\u00ad-]+/g, '');
}

/** The markers each file holds. */
function markersIn(folder: string): Map<string, Set<string>> {
  const every = [keptMarker, ...Object.values(markers).flat()];
  return new Map(filesIn(folder).map((file) => {
    const text = searchable(file);
    return [path.relative(folder, file), new Set(every.filter((marker) => text.includes(marker.toLowerCase())))];
  }));
}

const project = path.join(scratch, 'project');

describe('audience views through the real CLI, with real PDFs', () => {
  let full: Map<string, Set<string>>;
  beforeAll(async () => {
    cpSync(path.join(repo, 'plans'), path.join(project, 'plans'), { recursive: true });
    const plan = path.join(project, 'plans/jordan-lee.md');
    writeFileSync(plan, markedJordan(readFileSync(plan, 'utf8')));
    writeFileSync(
      path.join(project, 'careerplan.config.yaml'),
      `views:\n  mentor:\n    omit: [${mentor.join(', ')}]\n  private:\n    omit: [${omittableParts.join(', ')}]\n    out: shared/private\n`,
    );
    for (const args of [[], ['--view', 'mentor'], ['--view', 'private']]) {
      const run = await careerplan(['build', '--as-of', '2026-11-26', ...args], { cwd: project });
      expect(run.stderr).toMatch(/3 of 3 plans built into .*; PDFs: 3 printed, 0 unchanged\n$/);
      expect(run.status).toBe(0);
    }
    full = markersIn(path.join(project, 'out'));
  }, 240_000);

  test('the full build has every marker: in the page, in plans.json and, for the text a page shows, in the PDF', async () => {
    const every = [keptMarker, ...Object.values(markers).flat()];
    expect([...(full.get('jordan-lee/index.html') ?? [])].sort()).toEqual([...every].sort());
    expect([...(full.get('plans.json') ?? [])].sort()).toEqual([...every].sort());
    const pdf = full.get('jordan-lee/jordan-lee.pdf') ?? new Set();
    for (const marker of every.filter((marker) => marker !== markers.skills[1])) expect(pdf, marker).toContain(marker);
    expect(full.get('jordan-lee/jordan-lee.ics')).toEqual(new Set([keptMarker, markers['steps.resources'][0]]));
  });

  test('--view mentor: no file of out-mentor holds an omitted part; the kept parts are there', async () => {
    const out = path.join(project, 'out-mentor');
    const found = markersIn(out);
    expect(found.has('jordan-lee/jordan-lee.pdf') && found.has('jordan-lee/jordan-lee.ics') && found.has('plans.json') && found.has('index.html')).toBe(true);
    const omitted = mentor.flatMap((part) => markers[part]);
    for (const [file, held] of found) expect([...held].filter((marker) => omitted.includes(marker)), file).toEqual([]);
    const kept = (Object.keys(markers) as OmittablePart[]).filter((part) => !(mentor as readonly string[]).includes(part)).flatMap((part) => markers[part]);
    expect([...(found.get('jordan-lee/index.html') ?? [])].sort()).toEqual([keptMarker, ...kept].sort());
    const pdf = found.get('jordan-lee/jordan-lee.pdf') ?? new Set();
    for (const marker of [keptMarker, ...kept].filter((marker) => marker !== markers.skills[1])) expect(pdf, marker).toContain(marker);
    expect(found.get('jordan-lee/jordan-lee.ics')).toEqual(new Set([keptMarker, markers['steps.resources'][0]]));
  });

  test('a view that omits every part: nothing of them in any file (pages, PDFs, calendars, plans.json, index, the build\'s own files), only the goals', async () => {
    const found = markersIn(path.join(project, 'shared/private'));
    expect(found.size).toBeGreaterThan(10);
    for (const [file, held] of found) expect([...held].filter((marker) => marker !== keptMarker), file).toEqual([]);
    for (const file of ['jordan-lee/index.html', 'jordan-lee/jordan-lee.pdf', 'jordan-lee/jordan-lee.ics', 'plans.json', 'index.html']) expect(found.get(file), file).toEqual(new Set([keptMarker]));
    // Sections left out whole are not offered as empty ("no vision written yet" would mislead), nor linked.
    const page = readFileSync(path.join(project, 'shared/private/jordan-lee/index.html'), 'utf8');
    for (const section of ['vision', 'self-assessment', 'skills', 'opportunities', 'notes']) {
      expect(page, section).not.toContain(`id="${section}"`);
      expect(page, section).not.toContain(`href="#${section}"`);
    }
    expect(page).toContain('id="goals"');
    expect(readFileSync(path.join(project, 'out-mentor/jordan-lee/index.html'), 'utf8')).toContain('id="vision"');
    // The body's image is not copied either.
    expect(existsSync(path.join(project, 'shared/private/jordan-lee/media'))).toBe(false);
    expect(existsSync(path.join(project, 'out/jordan-lee/media'))).toBe(true);
  });

  test('a view has its own folder: the full build, even with --clean, leaves it alone; --out beats it', async () => {
    const mentorPage = path.join(project, 'out-mentor/jordan-lee/index.html');
    const clean = await careerplan(['build', '--as-of', '2026-11-26', '--clean', '--no-pdf'], { cwd: project });
    expect(clean.status).toBe(0);
    expect(existsSync(mentorPage)).toBe(true);
    const elsewhere = await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf', '--view', 'mentor', '--out', 'elsewhere'], { cwd: project });
    expect(elsewhere.stderr).toMatch(/3 of 3 plans built into elsewhere\n$/);
    expect(readFileSync(path.join(project, 'elsewhere/jordan-lee/index.html'), 'utf8')).not.toContain(markers.weaknesses[0]);
  }, 60_000);

  test('an unknown view name: exit 2, one line that lists the views', async () => {
    const run = await careerplan(['build', '--view', 'mentr'], { cwd: project });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('(flags):1:1 error Unknown view `mentr` for `--view`, did you mean `mentor`? The config defines `mentor`, `private` config\n');
    expect((await careerplan(['build', '--view', 'coach'], { cwd: project })).stderr).toBe('(flags):1:1 error Unknown view `coach` for `--view`, expected one the config defines: `mentor`, `private` config\n');
    expect(existsSync(path.join(project, 'out-mentr'))).toBe(false);
  });

  test('an unknown part in the config is reported at its line with the nearest part, exit 2 before any plan is built', async () => {
    const folder = path.join(scratch, 'bad-part');
    cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
    writeFileSync(path.join(folder, 'careerplan.config.yaml'), 'views:\n  mentor:\n    omit: [weaknesess, reflection]\n');
    const run = await careerplan(['build', '--view', 'mentor', '--no-pdf'], { cwd: folder });
    expect(run.status).toBe(2);
    const lines = run.stderr.split('\n').filter((line) => /^\S+:\d+:\d+ /.test(line));
    expect(lines).toEqual([
      'careerplan.config.yaml:3:12 error Unknown part `weaknesess` to omit, did you mean `weaknesses`? config',
      'careerplan.config.yaml:3:24 error Unknown part `reflection` to omit, did you mean `steps.reflection`? config',
    ]);
    expect(existsSync(path.join(folder, 'out-mentor'))).toBe(false);
    // check reads the same config, and stops the same way.
    expect((await careerplan(['check'], { cwd: folder })).status).toBe(2);
  });

  test('in a git repository, the page\'s revision history shows nothing of an omitted part: no change in it, no commit subject', async () => {
    mkdirSync(path.join(scratch, 'git'));
    const repository = createRepo(path.join(scratch, 'git'));
    cpSync(path.join(repo, 'plans'), path.join(repository.dir, 'plans'), { recursive: true });
    cpSync(path.join(project, 'careerplan.config.yaml'), path.join(repository.dir, 'careerplan.config.yaml'));
    repository.commit('Plans as they were', '2026-10-01T09:00:00+02:00');
    repository.write('plans/jordan-lee.md', readFileSync(path.join(project, 'plans/jordan-lee.md'), 'utf8'));
    repository.commit(`Add what I told nobody ${markers.weaknesses[0]}`, '2026-11-01T09:00:00+01:00');
    const env = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull };
    for (const args of [[], ['--view', 'private']]) expect((await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf', ...args], { cwd: repository.dir, env })).status).toBe(0);
    // The full site's history names the weakness added and the commit's subject: the markers can be found there.
    expect(readFileSync(path.join(repository.dir, 'out/jordan-lee/index.html'), 'utf8')).toMatch(new RegExp(`Add what I told nobody ${markers.weaknesses[0]}`));
    for (const [file, held] of markersIn(path.join(repository.dir, 'shared/private'))) expect([...held].filter((marker) => marker !== keptMarker), file).toEqual([]);
  }, 60_000);

  // Issue 7: the build cache (`.careerplan-cache.json` in the out folder) keeps the text of each plan with messages, for code frames; a view's folder must not. See the report for the change to build.ts.
  test('a plan with warnings leaves none of its omitted parts in the view\'s build cache', async () => {
    const run = await careerplan(['build', '--as-of', '2030-01-01', '--no-pdf', '--view', 'private', '--out', 'late'], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('overdue');
    for (const [file, held] of markersIn(path.join(project, 'late'))) expect([...held].filter((marker) => marker !== keptMarker), file).toEqual([]);
  });
});
