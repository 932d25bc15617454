/**
 * A coach's first drafts, in English and German, through the real CLI: the
 * seed's own words (a retirement horizon, `worth: Yes`, `Teilweise`) are
 * read, a plan that is not yet a plan is nudged at the place to change, and
 * an allowed value written nearly right gets "did you mean".
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, diagnosticsOf, type Run } from './run.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-first-draft-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An English draft: no vision, a goal without `kind`, near-misses for enum values, done in the future and before the start. */
const english = `---
title: Career plan 2026–2031
owner: Priya Shah
horizon: retirement at 67
goals:
  - title: Lead the data team
    measure: Named team lead
    start: 2026-09
    due: 2027-12
    done: 2026-08-15
    steps:
      - title: Finish the leadership course
        done: 2026-12-01
        worth: Yes
      - title: Shadow the current lead
        done: 2026-10-01
        worth: PARTLY
  - title: Run a half marathon
    kind: personel
    status: Paused
    measure: Finish in under two hours
    due: 2027-10
    steps:
      - title: Join the running club
        done: 2026-09-10
        worth: parly
skills:
  - name: Public speaking
    id: speaking
    kind: peple
    level: 1
    target: 3
opportunities:
  - title: Team lead, Analytics
    status: intervewing
    requires: { speking: 3 }
---
`;

/** A German draft: the same mistakes in German words where the format takes them. */
const german = `---
title: Karriereplan 2026–2058
owner: Lena Schmidt
lang: de
horizon: Ruhestand 2058
goals:
  - title: Teilprojekt leiten
    measure: Teilprojektleitung im Organigramm
    due: 2027-12
    steps:
      - title: Gespräch mit der Abteilungsleitung
        done: 2026-11-02
        worth: Ja
      - title: IPMA-Zertifizierung
        done: 2026-10-20
        worth: Teilweise
      - title: Englischkurs B2
        done: 2026-11-30
        worth: nein
  - title: Halbmarathon laufen
    kind: persönlich
    measure: Ziel unter zwei Stunden
    due: 2027-10
    steps:
      - title: Lauftreff beitreten
        done: 2026-09-01
        worth: vielleicht
---
`;

/** A German plan with nothing to fix but a retirement horizon, to build. */
const germanClean = `---
title: Karriereplan 2026–2058
owner: Lena Schmidt
lang: de
horizon: Ruhestand 2058
vision: Eine eigene Projektleitung in der Energiewirtschaft, mit einem Team, das mir vertraut
goals:
  - title: Teilprojekt leiten
    kind: professional
    measure: Teilprojektleitung im Organigramm
    start: 2026-10
    due: 2027-12
    steps:
      - title: Gespräch mit der Abteilungsleitung
        due: 2026-12
      - title: IPMA-Zertifizierung
        done: 2026-11-20
        worth: TEILWEISE
---

Notizen.
`;

/** An English plan with nothing to fix but a retirement horizon at an age, to build. */
const englishClean = `---
title: Career plan
owner: Priya Shah
horizon: Retirement at 67
vision: Lead a data team that the operations managers trust
goals:
  - title: Lead the data team
    kind: professional
    measure: Named team lead
    due: 2027-12
    steps:
      - title: Finish the leadership course
        done: 2026-11-01
        worth: Yes
---
`;

/** Writes `files` into a new project folder and returns its path. */
function project(name: string, files: Record<string, string>): string {
  const folder = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

/** The message of the diagnostic at `where` (`plans/x.md:5:5`). */
function messageAt(run: Run, where: string): string {
  const line = run.stderr.split('\n').find((each) => each.startsWith(`${where} `)) ?? '';
  return line.slice(line.indexOf(' ', line.indexOf(' ') + 1) + 1);
}

describe('an English first draft', () => {
  let run: Run;
  beforeAll(async () => {
    run = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: project('english', { 'plans/priya.md': english }) });
  });

  test('every mistake is one positioned message with its rule; `worth: Yes` and `PARTLY` are no mistake', () => {
    expect(run.status).toBe(1);
    expect(diagnosticsOf(run.stderr)).toEqual([
      'plans/priya.md:3:1 warning needs-vision',
      'plans/priya.md:6:5 warning goal-needs-kind',
      'plans/priya.md:10:11 warning done-before-start',
      'plans/priya.md:13:15 warning done-in-future',
      'plans/priya.md:19:11 error schema',
      'plans/priya.md:20:13 error schema',
      'plans/priya.md:26:16 error schema',
      'plans/priya.md:30:11 error schema',
      'plans/priya.md:35:13 error schema',
      'plans/priya.md:36:17 error unknown-skill',
    ]);
  });

  test('the nudges say what to do', () => {
    expect(messageAt(run, 'plans/priya.md:3:1')).toBe('Missing `vision`, expected where the owner wants to be by the horizon, in a sentence or two: add `vision: …` below `owner` needs-vision');
    expect(messageAt(run, 'plans/priya.md:6:5')).toBe(
      'Unexpected goal `lead-the-data-team` without `kind`, expected `kind: professional` or `kind: personal`: until it has one, it counts as professional goal-needs-kind',
    );
    expect(messageAt(run, 'plans/priya.md:10:11')).toBe(
      'Unexpected `done: 2026-08-15` before goal `lead-the-data-team` starts (`start: 2026-09`), expected a date from 2026-09-01 on: correct `done` or `start` done-before-start',
    );
    expect(run.stderr).toContain('note plans/priya.md:8:12 the goal starts here');
    expect(messageAt(run, 'plans/priya.md:13:15')).toBe(
      'Unexpected `done: 2026-12-01` for step `Finish the leadership course`, after 2026-11-26, expected the day it was done: correct the date, or remove `done` until then done-in-future',
    );
  });

  test('values near an allowed one, and a skill near one in the inventory, get "did you mean"', () => {
    expect(messageAt(run, 'plans/priya.md:19:11')).toBe('Unexpected `personel` for `kind`, expected one of `professional`, `personal`: did you mean `personal`? schema');
    expect(messageAt(run, 'plans/priya.md:20:13')).toMatch(/: did you mean `paused`\? schema$/);
    expect(messageAt(run, 'plans/priya.md:26:16')).toMatch(/^Unexpected `parly` for `worth`, expected one of `yes`, `partly`, `no`, .*: did you mean `partly`\? schema$/);
    expect(messageAt(run, 'plans/priya.md:30:11')).toMatch(/: did you mean `people`\? schema$/);
    expect(messageAt(run, 'plans/priya.md:35:13')).toMatch(/: did you mean `interviewing`\? schema$/);
    expect(messageAt(run, 'plans/priya.md:36:17')).toMatch(/did you mean `speaking`\? unknown-skill$/);
  });
});

describe('a German first draft', () => {
  let run: Run;
  beforeAll(async () => {
    run = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: project('german', { 'plans/lena.md': german }) });
  });

  test('`Ruhestand 2058`, `worth: Ja`, `Teilweise` and `nein` are read; the rest is reported where it stands', () => {
    expect(run.status).toBe(1);
    expect(diagnosticsOf(run.stderr)).toEqual([
      'plans/lena.md:3:1 warning needs-vision',
      'plans/lena.md:7:5 warning goal-needs-kind',
      'plans/lena.md:18:15 warning done-in-future',
      'plans/lena.md:21:11 error schema',
      'plans/lena.md:27:16 error schema',
    ]);
    expect(messageAt(run, 'plans/lena.md:18:15')).toContain('for step `Englischkurs B2`, after 2026-11-26');
    expect(messageAt(run, 'plans/lena.md:21:11')).toBe('Unexpected `persönlich` for `kind`, expected one of `professional`, `personal` schema');
    expect(messageAt(run, 'plans/lena.md:27:16')).toBe(
      'Unexpected `vielleicht` for `worth`, expected one of `yes`, `partly`, `no`, `ja`, `teilweise`, `nein`, `oui`, `en partie`, `non` schema',
    );
  });

  test('a misspelt `Ruhestand` is told the word, at the horizon', async () => {
    const misspelt = await careerplan(['check', '--as-of', '2026-11-26'], {
      cwd: project('german-horizon', { 'plans/lena.md': germanClean.replace('horizon: Ruhestand 2058', 'horizon: Ruhestnd 2058') }),
    });
    expect(diagnosticsOf(misspelt.stderr)).toEqual(['plans/lena.md:5:10 error schema']);
    expect(messageAt(misspelt, 'plans/lena.md:5:10')).toMatch(/^Unexpected `Ruhestnd 2058` for `horizon`, expected .*`Ruhestand mit 67`.*: did you mean `ruhestand`\? schema$/);
  });
});

describe('a language named instead of tagged', () => {
  test('`lang: Deutsch` is told `de`, at its place', async () => {
    const run = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: project('german-lang', { 'plans/lena.md': germanClean.replace('lang: de', 'lang: Deutsch') }) });
    expect(diagnosticsOf(run.stderr)).toEqual(['plans/lena.md:4:7 error schema']);
    expect(messageAt(run, 'plans/lena.md:4:7')).toBe('Unexpected `Deutsch` for `lang`, expected a BCP 47 language tag such as `en`, `de`, `fr` or `pt-BR`: did you mean `de`? schema');
  });
});

describe('a retirement horizon on the page, the timeline and in plans.json', () => {
  let out: string;
  beforeAll(async () => {
    const folder = project('build', { 'plans/lena.md': germanClean, 'plans/priya.md': englishClean });
    const build = await careerplan(['build', '--no-pdf', '--as-of', '2026-11-26'], { cwd: folder });
    expect(build.status, build.stderr).toBe(0);
    expect(diagnosticsOf(build.stderr)).toEqual([]);
    out = path.join(folder, 'out');
  });

  test('German: "Ruhestand (2058)" among the facts, the vision’s closing line, and at the timeline’s right end', () => {
    const page = readFileSync(path.join(out, 'lena/index.html'), 'utf8');
    expect(page).toMatch(/<dt>Horizont<\/dt><dd>Ruhestand \(2058\)<\/dd>/);
    expect(page).toContain('<p class="vision__horizon">Zu erreichen bis zum Ruhestand 2058</p>');
    expect(page).toMatch(/<text[^>]*class="tl-horizon-label"[^>]*>Ruhestand \(2058\) →<\/text>/);
  });

  test('English: "Retirement (at 67)", in words, and no mark on the timeline', () => {
    const page = readFileSync(path.join(out, 'priya/index.html'), 'utf8');
    expect(page).toMatch(/<dt>Horizon<\/dt><dd>Retirement \(at 67\)<\/dd>/);
    expect(page).toContain('<p class="vision__horizon">To be reached by retirement at 67</p>');
    expect(page).not.toContain('tl-horizon');
  });

  test('plans.json holds the horizon as written, with its year or age; `worth: TEILWEISE` as `partly`', () => {
    const json = JSON.parse(readFileSync(path.join(out, 'plans.json'), 'utf8')) as {
      version: number;
      plans: Array<{ slug: string; horizon?: unknown; goals: Array<{ steps: Array<{ worth?: string }> }> }>;
    };
    expect(json.version).toBe(2);
    const bySlug = new Map(json.plans.map((plan) => [plan.slug, plan]));
    expect(bySlug.get('lena')?.horizon).toEqual({ kind: 'retirement', text: 'Ruhestand 2058', year: 2058, first: '2058-01-01', last: '2058-12-31' });
    expect(bySlug.get('priya')?.horizon).toEqual({ kind: 'retirement', text: 'Retirement at 67', age: 67 });
    expect(bySlug.get('lena')?.goals[0]?.steps[1]?.worth).toBe('partly');
  });
});
