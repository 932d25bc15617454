import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { today } from '../../src/format/dates.js';
import { careerplan, diagnosticsOf, repo, type Run } from './run.js';

let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-init-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file below a folder with its bytes and modification time. */
function snapshot(folder: string): Map<string, { bytes: string; mtimeMs: number }> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(folder, file), { bytes: readFileSync(file, 'base64'), mtimeMs: statSync(file).mtimeMs }];
    }),
  );
}

describe('careerplan init', () => {
  let project: string;
  let run: Run;
  beforeAll(async () => {
    run = await careerplan(['init', 'career'], { cwd: scratch });
    project = path.join(scratch, 'career');
  });

  test('creates a plan, a commented config, .gitignore and package.json, and says what to run next', async () => {
    expect(run.status, run.stderr).toBe(0);
    expect([...snapshot(project).keys()].sort()).toEqual(['.gitignore', 'careerplan.config.yaml', 'package.json', path.join('plans', 'example.md')]);
    for (const name of ['plans/example.md', 'careerplan.config.yaml', '.gitignore', 'package.json']) expect(run.stderr).toContain(`created  ${name}`);
    expect(run.stderr).toMatch(/^Next:$/m);
    expect(run.stderr).toContain('cd career');
    expect(run.stderr).toContain('npm run dev');
    expect(readFileSync(path.join(project, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
    const manifest = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest.scripts).toMatchObject({ build: 'careerplan build', check: 'careerplan check', dev: 'careerplan watch' });
    // The careerplan that ran init, by its folder: no registry has careerplan (issue 19).
    expect(manifest.devDependencies.careerplan).toBe(`file:${repo}`);
    expect(readFileSync(path.join(project, 'careerplan.config.yaml'), 'utf8')).toMatch(/^# plans: plans$/m);
  });

  // Issue 19 changed this deliberately: the plan `init` makes used to check with no problem; now it is valid (exit 0)
  // and warns about each placeholder still to replace, at its line, so a coach sees what is left to write.
  test('the plan it made passes `careerplan check`, with a warning at each placeholder to replace', async () => {
    const check = await careerplan(['check'], { cwd: project });
    expect(check.status).toBe(0);
    const found = diagnosticsOf(check.stderr);
    expect(found).toHaveLength(9);
    expect(found.every((line) => / warning placeholder-text$/.test(line))).toBe(true);
    expect(found[0]).toBe('plans/example.md:5:8 warning placeholder-text');
    expect(check.stderr).toContain('Unexpected placeholder `Your Name` from the starter plan in `owner`, expected the full name of the person whose plan it is: replace it');
    expect(check.stderr).toContain('9 warnings in 1 of 1 plan');
  });

  test('a second init overwrites nothing and says what it kept', async () => {
    const before = snapshot(project);
    const again = await careerplan(['init'], { cwd: project });
    expect(again.status, again.stderr).toBe(0);
    for (const name of ['plans/example.md', 'careerplan.config.yaml', '.gitignore', 'package.json']) expect(again.stderr).toContain(`kept     ${name}`);
    expect(again.stderr).not.toContain('created');
    expect(snapshot(project)).toEqual(before);
  });

  test('in a folder with a package.json, it adds only the missing scripts and keeps the others', async () => {
    const folder = path.join(scratch, 'existing');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'package.json'), '{\n  "name": "mine",\n  "scripts": { "build": "make" }\n}\n');
    writeFileSync(path.join(folder, '.gitignore'), 'node_modules/\n');
    const result = await careerplan(['init'], { cwd: folder });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('updated  package.json (added scripts check, dev and careerplan to devDependencies; its own `build` kept)');
    expect(result.stderr).toContain('kept     .gitignore (add `out/` to it');
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string> };
    expect(manifest).toMatchObject({ name: 'mine', scripts: { build: 'make', check: 'careerplan check', dev: 'careerplan watch' } });
    expect(readFileSync(path.join(folder, '.gitignore'), 'utf8')).toBe('node_modules/\n');
  });

  test('a package.json that is not JSON is left alone, and said so', async () => {
    const folder = path.join(scratch, 'broken');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'package.json'), '{ not json');
    const result = await careerplan(['init'], { cwd: folder });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('kept     package.json (not a JSON object');
    expect(readFileSync(path.join(folder, 'package.json'), 'utf8')).toBe('{ not json');
  });

  test('`careerplan build --no-pdf` builds the new project', async () => {
    const build = await careerplan(['build', '--no-pdf'], { cwd: project });
    // Built, with the placeholders' warnings above the summary.
    expect(build.stderr).toMatch(/(^|\n)1 of 1 plan built into out\n$/);
    expect(diagnosticsOf(build.stderr).every((line) => / warning placeholder-text$/.test(line))).toBe(true);
    expect(build.status).toBe(0);
    expect(statSync(path.join(project, 'out/example/index.html')).isFile()).toBe(true);
    expect(statSync(path.join(project, 'out/example/example.ics')).isFile()).toBe(true);
  });

  test('a file in the way is one clear line, exit 2', async () => {
    writeFileSync(path.join(scratch, 'a-file'), '');
    const result = await careerplan(['init', 'a-file'], { cwd: scratch });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('careerplan: cannot set up a-file: it is a file, not a folder\n');
  });
});

describe('careerplan new', () => {
  let project: string;
  beforeAll(async () => {
    project = path.join(scratch, 'new');
    mkdirSync(project);
  });

  test('writes plans/<slug>.md, dated today, that passes check', async () => {
    const result = await careerplan(['new', 'Zoë Ortiz'], { cwd: project });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('created plans/zoe-ortiz.md');
    const text = readFileSync(path.join(project, 'plans/zoe-ortiz.md'), 'utf8');
    expect(text).toMatch(/^owner: Zoë Ortiz$/m);
    // The run and this line may straddle midnight: either day is the one the command saw.
    const todays = new Set([today(), today(new Date(Date.now() - 60_000))]);
    expect(todays.has(/^created: (.+)$/m.exec(text)?.[1] ?? '')).toBe(true);
    const check = await careerplan(['check'], { cwd: project });
    // Valid; only its placeholders are warned about, and the owner is the person's own name.
    expect(check.status).toBe(0);
    expect(diagnosticsOf(check.stderr)).toHaveLength(8);
    expect(diagnosticsOf(check.stderr).every((line) => / warning placeholder-text$/.test(line))).toBe(true);
    expect(check.stderr).not.toContain('`owner`');
  });

  test('--as-of sets the day, and --plans the folder', async () => {
    const result = await careerplan(['new', 'Jordan Lee', '--as-of', '2027-03-15', '--plans', 'people'], { cwd: project });
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(path.join(project, 'people/jordan-lee.md'), 'utf8');
    expect(text).toMatch(/^created: 2027-03-15$/m);
    expect(text).toMatch(/^reviewed: 2027-03-15$/m);
    const check = await careerplan(['check', 'people', '--as-of', '2027-03-15'], { cwd: project });
    expect(check.status).toBe(0);
    expect(diagnosticsOf(check.stderr).every((line) => / warning placeholder-text$/.test(line))).toBe(true);
    expect(check.stderr).toContain('8 warnings in 1 of 1 plan');
  });

  test('refuses a plan that exists: one line, exit 1, the file untouched', async () => {
    const file = path.join(project, 'plans/zoe-ortiz.md');
    const before = readFileSync(file, 'utf8');
    const result = await careerplan(['new', 'Zoë Ortiz'], { cwd: project });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('careerplan: plans/zoe-ortiz.md already exists; edit it, or give another name\n');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('without a name: one line and the usage hint, exit 2', async () => {
    const result = await careerplan(['new'], { cwd: project });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('careerplan: new takes the person\'s full name, such as `careerplan new "Jordan Lee"`');
  });
});
