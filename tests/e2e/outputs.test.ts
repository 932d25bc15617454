/**
 * Which files are plans, and what the out folder may touch, through the real
 * CLI on real temporary folders: links are never read (check, build, watch),
 * names the site keeps for itself are refused, pages of deleted plans go,
 * `--clean` removes only what careerplan wrote, and dates stop at 9998.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { minimalPlan } from '../support/plans.js';
import { startWatch, type WatchProcess } from '../support/watch-process.js';
import { careerplan, careerplanProcess, repo } from './run.js';

const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-outputs-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let projects = 0;
/** A project folder with the example plans, and a secret plan-like file beside it, outside the plans folder. */
function project(): string {
  const folder = path.join(scratch, `p${projects++}`);
  cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
  mkdirSync(path.join(folder, 'private'));
  writeFileSync(path.join(folder, 'private/salary.md'), minimalPlan().replace('title: Plan', 'title: Private salary notes'));
  return folder;
}

const build = async (folder: string, ...flags: string[]) => careerplan(['build', '--as-of', '2026-11-26', '--no-pdf', ...flags], { cwd: folder });
const outFiles = (folder: string): string[] =>
  (readdirSync(folder, { recursive: true, withFileTypes: true }) as Array<{ parentPath: string; name: string; isFile(): boolean }>)
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();

describe('links in the plans folder are never read', () => {
  test('check and build skip a linked plan and a linked folder alike, and say so in one line', async () => {
    const folder = project();
    symlinkSync('/etc/passwd', path.join(folder, 'plans/passwd.md'));
    symlinkSync(path.join(folder, 'private'), path.join(folder, 'plans/team'));
    symlinkSync(path.join(folder, 'private/salary.md'), path.join(folder, 'plans/salary.md'));
    // A link that is not named like a plan (an image a plan may link) is no plan: nothing to say about it here.
    symlinkSync(path.join(folder, 'private/salary.md'), path.join(folder, 'plans/chart.svg'));

    const checked = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: folder });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stderr).toContain('careerplan: skipped 3 links in the plans (`plans/passwd.md`, `plans/salary.md`, `plans/team`): careerplan reads no linked plan or folder; copy the plan itself into the plans folder\n');
    expect(checked.stderr).toContain('3 plans');
    // Named on the command line (as a shell's `plans/*.md` does), a link is skipped too.
    const named = await careerplan(['check', '--as-of', '2026-11-26', 'plans/passwd.md', 'plans/jordan-lee.md'], { cwd: folder });
    expect(named.status, named.stderr).toBe(0);
    expect(named.stderr).toContain('skipped a link in the plans (`plans/passwd.md`)');
    expect(named.stderr).not.toContain('root:');
    const folderNamed = await careerplan(['check', '--as-of', '2026-11-26', 'plans/team'], { cwd: folder });
    expect(folderNamed.stderr).toContain('skipped a link in the plans (`plans/team`)');
    expect(folderNamed.stderr).not.toContain('Private salary notes');

    const built = await build(folder);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toContain('skipped 3 links in the plans');
    expect(built.stderr).toContain('3 of 3 plans built into out');
    for (const slug of ['passwd', 'salary', 'team']) expect(existsSync(path.join(folder, 'out', slug)), slug).toBe(false);
    const everything = outFiles(path.join(folder, 'out')).map((file) => readFileSync(path.join(folder, 'out', file), 'utf8')).join('\n');
    expect(everything).not.toContain('root:x:0:0');
    expect(everything).not.toContain('Private salary notes');
  });
});

describe('careerplan watch reads plans as build does', () => {
  let running: WatchProcess | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  test('a link named *.md there at the start or made while watching is never read or served; a plan turned into a link goes', async () => {
    const folder = project();
    symlinkSync('/etc/passwd', path.join(folder, 'plans/passwd.md'));
    running = await startWatch(folder, ['--as-of', '2026-11-26', '--no-pdf']);
    const watch = running;
    expect(watch.stderr()).toContain('skipped a link in the plans (`plans/passwd.md`)');
    expect(watch.stderr()).toContain('previewing 3 plans');

    await symlink(path.join(folder, 'private/salary.md'), path.join(folder, 'plans/salary.md'));
    await symlink(path.join(folder, 'private'), path.join(folder, 'plans/team'));
    // A plan saved meanwhile shows the batch was handled.
    await writeFile(path.join(folder, 'plans/ada.md'), minimalPlan().replace('title: Plan', 'title: Ada’s plan'));
    await vi.waitFor(async () => expect((await watch.get('/ada/')).body).toContain('Ada’s plan'), { timeout: 10_000, interval: 50 });
    // Replacing a plan by a link to a secret removes the plan; its page goes, and the secret is not read.
    await rm(path.join(folder, 'plans/sam-okafor.md'));
    await symlink(path.join(folder, 'private/salary.md'), path.join(folder, 'plans/sam-okafor.md'));
    await vi.waitFor(async () => expect((await watch.get('/sam-okafor/')).status).toBe(404), { timeout: 10_000, interval: 50 });

    for (const page of ['/passwd/', '/salary/', '/team/', '/sam-okafor/']) expect((await watch.get(page)).status, page).toBe(404);
    expect((await watch.get('/')).body).not.toContain('Private salary notes');
    const everything = outFiles(path.join(folder, 'out')).map((file) => readFileSync(path.join(folder, 'out', file), 'utf8')).join('\n');
    expect(everything).not.toContain('root:x:0:0');
    expect(everything).not.toContain('Private salary notes');
    expect(watch.stderr()).not.toContain('root:x:0:0');
  });

  test('a plans folder that is itself a link (the coach’s own choice) is watched where it is', async () => {
    const folder = project();
    cpSync(path.join(folder, 'plans'), path.join(folder, 'real-plans'), { recursive: true });
    rmSync(path.join(folder, 'plans'), { recursive: true });
    symlinkSync(path.join(folder, 'real-plans'), path.join(folder, 'plans'));
    running = await startWatch(folder, ['--as-of', '2026-11-26', '--no-pdf']);
    const watch = running;
    expect(watch.stderr()).toContain('previewing 3 plans');
    await writeFile(path.join(folder, 'plans/ada.md'), minimalPlan().replace('title: Plan', 'title: Ada’s plan'));
    await vi.waitFor(async () => expect((await watch.get('/ada/')).body).toContain('Ada’s plan'), { timeout: 10_000, interval: 50 });
  });
});

describe('names the site keeps for itself', () => {
  test('a plan named assets is refused by check and build alike, at 1:1, and the site’s assets stay the theme’s', async () => {
    const folder = project();
    writeFileSync(path.join(folder, 'plans/assets.md'), minimalPlan());
    const checked = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: folder });
    expect(checked.status).toBe(1);
    const message = 'plans/assets.md:1:1 error Unexpected plan with the output name `assets`, which the site keeps for its own files, expected another name: rename the file reserved-name';
    expect(checked.stderr).toContain(message);
    const built = await build(folder);
    expect(built.status).toBe(1);
    expect(built.stderr).toContain(message);
    expect(existsSync(path.join(folder, 'out/assets/index.html'))).toBe(false);
    expect(existsSync(path.join(folder, 'out/assets/style.css'))).toBe(true);
  });

  test('a page left in assets/ by an older careerplan is removed by the next build, with its record', async () => {
    const folder = project();
    expect((await build(folder)).status).toBe(0);
    // What careerplan 0.1 left after building a plan named `assets`: its page among the assets, and a manifest of names.
    writeFileSync(path.join(folder, 'out/assets/index.html'), '<h1>Published by mistake</h1>');
    writeFileSync(path.join(folder, 'out/.careerplan-manifest.json'), JSON.stringify(['assets', 'index.html', 'jordan-lee', 'lena-schmidt', 'plans.json', 'sam-okafor']));
    // Another version's build cache is not used: the site is built again.
    rmSync(path.join(folder, 'out/.careerplan-cache.json'));
    expect((await build(folder)).status).toBe(0);
    expect(existsSync(path.join(folder, 'out/assets/index.html'))).toBe(false);
    expect(existsSync(path.join(folder, 'out/assets/style.css'))).toBe(true);
  });
});

describe('the out folder: only what careerplan wrote is removed', () => {
  test('a deleted plan’s page goes with the next build; files the user put in out/ stay, and stop --clean until they are gone', async () => {
    const folder = project();
    expect((await build(folder)).status).toBe(0);
    writeFileSync(path.join(folder, 'out/notes.txt'), 'mine');
    writeFileSync(path.join(folder, 'out/sam-okafor/feedback.txt'), 'also mine');
    rmSync(path.join(folder, 'plans/sam-okafor.md'));
    expect((await build(folder)).status).toBe(0);
    expect(outFiles(path.join(folder, 'out/sam-okafor'))).toEqual(['feedback.txt']);
    expect(readFileSync(path.join(folder, 'out/notes.txt'), 'utf8')).toBe('mine');

    const refused = await build(folder, '--clean');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('careerplan: refusing to empty out for --clean: it holds files careerplan did not write (`notes.txt`, `sam-okafor/feedback.txt`); empty it yourself, or choose another `out` folder\n');
    expect(readFileSync(path.join(folder, 'out/notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(folder, 'out/jordan-lee/index.html'))).toBe(true);

    rmSync(path.join(folder, 'out/notes.txt'));
    rmSync(path.join(folder, 'out/sam-okafor'), { recursive: true });
    // A folder careerplan wrote, emptied by --clean and built again, holds exactly the site.
    writeFileSync(path.join(folder, 'out/jordan-lee/media-left-over.png'), '');
    expect((await build(folder, '--clean')).status).toBe(2);
    rmSync(path.join(folder, 'out/jordan-lee/media-left-over.png'));
    const before = outFiles(path.join(folder, 'out'));
    const cleaned = await build(folder, '--clean');
    expect(cleaned.status, cleaned.stderr).toBe(0);
    expect(outFiles(path.join(folder, 'out'))).toEqual(before);
  });

  test('--clean --out a folder of someone’s files, or a home folder: exit 2, nothing deleted', async () => {
    const folder = project();
    const home = mkdtempSync(path.join(scratch, 'home-'));
    writeFileSync(path.join(home, 'thesis.docx'), 'four years of work');
    mkdirSync(path.join(home, 'photos'));
    writeFileSync(path.join(home, 'photos/1.jpg'), 'jpeg');

    const elsewhere = await build(folder, '--clean', '--out', home);
    expect(elsewhere.status).toBe(2);
    expect(elsewhere.stderr).toMatch(/^careerplan: refusing to empty .* for --clean: it holds files careerplan did not write \(`photos\/1\.jpg`, `thesis\.docx`\); empty it yourself, or choose another `out` folder\n$/);
    // The home folder is the process's own (os.homedir).
    const asHome = careerplanProcess(['build', '--as-of', '2026-11-26', '--no-pdf', '--clean', '--out', home], { cwd: folder, env: { HOME: home } });
    expect(asHome.status).toBe(2);
    expect(asHome.stderr).toContain('it is a home folder or the root of the disk; choose another `out` folder');
    expect(outFiles(home)).toEqual(['photos/1.jpg', 'thesis.docx']);
    expect(readFileSync(path.join(home, 'thesis.docx'), 'utf8')).toBe('four years of work');
  });

  test('--out inside the plans folder is refused, with or without --clean: the plans stay', async () => {
    const folder = project();
    mkdirSync(path.join(folder, 'plans/sub'));
    writeFileSync(path.join(folder, 'plans/sub/ada.md'), minimalPlan());
    for (const flags of [['--clean'], []]) {
      const run = await build(folder, ...flags, '--out', 'plans/sub');
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('it lies inside the plans folder; choose another `out` folder');
    }
    expect(readFileSync(path.join(folder, 'plans/sub/ada.md'), 'utf8')).toBe(minimalPlan());
    expect(readdirSync(path.join(folder, 'plans/sub'))).toEqual(['ada.md']);
  });
});

describe('dates end with the year 9998', () => {
  test('check refuses later dates at their place; the calendar of the last year has four-digit years only', async () => {
    const folder = project();
    writeFileSync(path.join(folder, 'plans/far.md'), minimalPlan().replace('due: 2027-06', 'due: 9999-12-31').replace('steps: [Start]', 'steps: [{ title: Start, due: 12345-01-01 }]'));
    const checked = await careerplan(['check', '--as-of', '2026-11-26', 'plans/far.md'], { cwd: folder });
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain('plans/far.md:7:10 error Unexpected date `9999-12-31` after the year 9998, expected a date up to 9998-12-31: calendars cannot hold later dates bad-date');
    expect(checked.stderr).toContain('plans/far.md:8:34 error Unexpected date `12345-01-01` after the year 9998');

    writeFileSync(path.join(folder, 'plans/far.md'), minimalPlan().replace('due: 2027-06', 'due: 9998-12-31'));
    expect((await build(folder)).status).toBe(0);
    const calendar = readFileSync(path.join(folder, 'out/far/far.ics'), 'utf8');
    expect(calendar).toContain('DTEND;VALUE=DATE:99990101');
    expect([...calendar.matchAll(/VALUE=DATE:(\d+)/g)].every((match) => match[1]?.length === 8)).toBe(true);
  });
});
