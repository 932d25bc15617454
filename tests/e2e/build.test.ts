import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, repo } from './run.js';

let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-build-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project folder with a copy of the example plans. */
function project(name: string): string {
  const folder = path.join(scratch, name);
  cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
  return folder;
}

const page = (file: string) => fromHtml(readFileSync(file, 'utf8'));
const allFiles = (folder: string): string[] => readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => name.split(path.sep).join('/')).sort();

describe('careerplan build', () => {
  let site: string;
  beforeAll(async () => {
    const folder = project('examples');
    const run = await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder });
    expect(run.stderr).toBe('3 of 3 plans built into out\n');
    expect(run.status).toBe(0);
    site = path.join(folder, 'out');
  });

  test('writes the index, a page per plan, plans.json, the assets and the plans’ images', async () => {
    const files = allFiles(site);
    for (const expected of [
      'index.html',
      'plans.json',
      'assets/style.css',
      'jordan-lee/index.html',
      'lena-schmidt/index.html',
      'sam-okafor/index.html',
      'jordan-lee/media/images/speaking-progress.svg',
    ]) {
      expect(files).toContain(expected);
    }
    expect(files.some((name) => /^assets\/.*\.woff2$/.test(name))).toBe(true);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(files).not.toContain('.careerplan.lock');
  });

  test('plans.json holds the model of every plan with a version', async () => {
    const json = JSON.parse(readFileSync(path.join(site, 'plans.json'), 'utf8')) as { version: number; asOf: string; plans: Array<{ slug: string; goals: Array<{ status: string }> }> };
    // Version 2 (issue 19) added each plan's `overdue`.
    expect(json.version).toBe(2);
    expect(json.asOf).toBe('2026-11-26');
    expect(json.plans.map((plan) => plan.slug).sort()).toEqual(['jordan-lee', 'lena-schmidt', 'sam-okafor']);
    expect(json.plans.find((plan) => plan.slug === 'jordan-lee')?.goals.map((goal) => goal.status)).toEqual(['active', 'active', 'paused', 'done']);
  });

  test('a plan page: one h1, its lang, goals with statuses, steps, the timeline, the image from the body', async () => {
    const tree = page(path.join(site, 'jordan-lee/index.html'));
    expect(selectAll('h1', tree).map(toString)).toEqual(['Career Action Plan 2027–2031']);
    expect(select('html', tree)?.properties.lang).toBe('en');
    const text = toString(tree);
    for (const goal of ['Earn a promotion to Senior Analyst', 'Become a confident presenter', 'Finish the data engineering certificate', 'Mentor a new analyst']) expect(text).toContain(goal);
    expect(selectAll('svg[role=img]', tree)).toHaveLength(1);
    expect(select('img[src="media/images/speaking-progress.svg"]', tree)).toBeDefined();
    expect(selectAll('link[rel=stylesheet]', tree).map((link) => link.properties.href)).toEqual(['../assets/style.css']);
    expect(selectAll('script', tree)).toHaveLength(0);
  });

  test('the German plan shows German words and dates', async () => {
    const tree = page(path.join(site, 'lena-schmidt/index.html'));
    expect(select('html', tree)?.properties.lang).toBe('de');
    expect(toString(tree)).toMatch(/Ziele/);
  });

  test('the index lists every plan and links to its page', async () => {
    const tree = page(path.join(site, 'index.html'));
    expect(selectAll('h1', tree)).toHaveLength(1);
    const links = selectAll('a', tree).map((link) => String(link.properties.href));
    for (const slug of ['jordan-lee', 'lena-schmidt', 'sam-okafor']) expect(links).toContain(`${slug}/index.html`);
  });

  test('nothing in the site is loaded from the internet', async () => {
    for (const file of allFiles(site).filter((name) => name.endsWith('.html') || name.endsWith('.css'))) {
      const text = readFileSync(path.join(site, file), 'utf8');
      if (file.endsWith('.css')) {
        expect(text, file).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
        expect(text, file).not.toMatch(/@import/);
        continue;
      }
      const tree = fromHtml(text);
      const loaded = [...selectAll('[src]', tree).map((element) => String(element.properties.src)), ...selectAll('link', tree).map((element) => String(element.properties.href))];
      expect(loaded.filter((url) => /^(https?:)?\/\//i.test(url)), file).toEqual([]);
    }
  });
});

describe('build and bad input', () => {
  test('an invalid plan is reported and left out; the others are built; exit 1', async () => {
    const folder = project('invalid');
    writeFileSync(path.join(folder, 'plans/broken.md'), '---\ntitle: Broken\nowner: X\ngoals:\n  - title: G\n    measure: M\n    due: 2027-02-30\n    steps: [S]\n---\n');
    const run = await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^plans\/broken\.md:7:10 error .* bad-date$/m);
    expect(run.stderr).toMatch(/3 of 4 plans built into out; 1 left out because of errors\n$/);
    expect(existsSync(path.join(folder, 'out/broken'))).toBe(false);
    expect(existsSync(path.join(folder, 'out/jordan-lee/index.html'))).toBe(true);
  });

  test('pages of deleted plans are removed; files careerplan did not write are kept', async () => {
    const folder = project('deleted');
    expect((await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder })).status).toBe(0);
    writeFileSync(path.join(folder, 'out/notes.txt'), 'mine');
    rmSync(path.join(folder, 'plans/sam-okafor.md'));
    expect((await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder })).status).toBe(0);
    expect(existsSync(path.join(folder, 'out/sam-okafor'))).toBe(false);
    expect(existsSync(path.join(folder, 'out/jordan-lee/index.html'))).toBe(true);
    expect(readFileSync(path.join(folder, 'out/notes.txt'), 'utf8')).toBe('mine');
    // Issue 17: --clean removes only what careerplan wrote, and refuses a folder holding anything else.
    expect((await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf', '--clean'], { cwd: folder })).status).toBe(2);
    expect(readFileSync(path.join(folder, 'out/notes.txt'), 'utf8')).toBe('mine');
    rmSync(path.join(folder, 'out/notes.txt'));
    expect((await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf', '--clean'], { cwd: folder })).status).toBe(0);
  });

  test('--out builds elsewhere', async () => {
    const folder = project('elsewhere');
    expect((await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf', '--out', 'public'], { cwd: folder })).status).toBe(0);
    expect(existsSync(path.join(folder, 'public/index.html'))).toBe(true);
  });

  test('a second build on the same out folder fails with a clear message while the first holds it', async () => {
    const folder = project('locked');
    mkdirSync(path.join(folder, 'out'), { recursive: true });
    writeFileSync(path.join(folder, 'out/.careerplan.lock'), `${process.pid}\n`);
    const run = await careerplan(['build', '--no-pdf'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`careerplan: another careerplan build \\(process ${process.pid}\\) is writing to .*out; wait for it to finish`));
    writeFileSync(path.join(folder, 'out/.careerplan.lock'), '999999999\n');
    expect((await careerplan(['build', '--no-pdf'], { cwd: folder })).status).toBe(0);
  });

  test('an out folder that cannot be made exits 2 with one clear line', async () => {
    const folder = project('blocked');
    writeFileSync(path.join(folder, 'file'), 'not a folder');
    const run = await careerplan(['build', '--no-pdf', '--out', 'file/out'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^careerplan: .*file\/out.*\n$/);
  });

  test('a template error names the template file and line, exit 2', async () => {
    const folder = project('bad-template');
    mkdirSync(path.join(folder, 'templates/partials'), { recursive: true });
    writeFileSync(path.join(folder, 'templates/partials/goals.hbs'), '<section>\n{{#each plan.goals}}\n  {{title}\n{{/each}}\n</section>\n');
    const run = await careerplan(['build', '--no-pdf'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/templates\/partials\/goals\.hbs:3/);
  });

  test('hostile plan text produces no script, handler, iframe, refresh or javascript: URL anywhere in the site', async () => {
    const folder = path.join(scratch, 'hostile');
    mkdirSync(path.join(folder, 'plans'), { recursive: true });
    writeFileSync(
      path.join(folder, 'plans/eve.md'),
      [
        '---',
        'title: "<script>alert(1)</script> {{constructor.constructor}}"',
        'owner: "<img src=x onerror=alert(1)>"',
        'vision: "[click](javascript:alert(1)) <iframe src=x></iframe> {{> layout}}"',
        'goals:',
        '  - title: "<svg onload=alert(1)>"',
        '    measure: "{{#each this}}x{{/each}}"',
        '    due: 2027-06',
        '    steps:',
        '      - title: Step',
        '        done: 2026-01-01',
        '        worth: yes',
        '        reflection: "<meta http-equiv=refresh content=0;url=https://evil.example> [x](JaVaScRiPt:alert(1))"',
        '---',
        '<script>alert(1)</script>',
        '',
        '<iframe src="https://evil.example"></iframe>',
        '',
        '[a](javascript:alert(1)) [b](DATA:text/html,x) [c](file:///etc/passwd) <a href="vbscript:x" onclick="x()">d</a>',
        '',
      ].join('\n'),
    );
    const run = await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder });
    expect(run.status).toBe(0);
    const html = readFileSync(path.join(folder, 'out/eve/index.html'), 'utf8');
    const tree = fromHtml(html);
    // The page's own content policy (issue 17) is the one http-equiv meta allowed.
    expect(selectAll('script, iframe, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), object, embed', tree)).toHaveLength(0);
    expect(selectAll('meta[http-equiv="Content-Security-Policy"]', tree)).toHaveLength(1);
    const attributes = selectAll('*', tree).flatMap((element) => Object.entries(element.properties));
    expect(attributes.filter(([name]) => /^on/i.test(name))).toEqual([]);
    expect(attributes.filter(([name, value]) => (name === 'href' || name === 'src') && /^\s*(javascript|vbscript|data|file):/i.test(String(value)))).toEqual([]);
    expect(toString(tree)).toContain('<script>alert(1)</script> {{constructor.constructor}}');
    expect(toString(tree)).toContain('{{#each this}}x{{/each}}');
  });
});
