/**
 * The coach's first hour, the start: a project made by `careerplan init`
 * installs with no registry, and every "Next:" line it prints works.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, diagnosticsOf, repo, type Run } from './run.js';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-first-hour-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `command` as a coach would type it, with npm told it has no registry. Starts a process. */
function shell(command: string, args: readonly string[], cwd: string): Run {
  // careerplan's own install step would look for a browser, which has nothing to do with the project's install.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', CAREERPLAN_SKIP_BROWSER_INSTALL: '1' };
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a project made by `careerplan init` on a machine without a registry', () => {
  let project: string;
  let init: Run;
  beforeAll(async () => {
    init = await careerplan(['init', 'coaching'], { cwd: scratch });
    project = path.join(scratch, 'coaching');
  });

  test('depends on this careerplan by its folder, never on a registry name', () => {
    expect(init.status, init.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies).toEqual({ careerplan: `file:${repo}` });
  });

  test('every "Next:" line works: npm install offline, npx careerplan new, npm run check, build and dev', () => {
    const next = init.stderr.slice(init.stderr.indexOf('Next:\n'));
    for (const line of ['npm install', 'npx careerplan new "Full Name"', 'npm run check', 'npm run dev', 'npm run build']) expect(next).toContain(`  ${line}`);

    const compiled = statSync(path.join(repo, 'dist/src/cli.js')).mtimeMs;
    const install = shell('npm', ['install', '--offline', '--no-audit', '--no-fund'], project);
    expect(install.status, install.stderr).toBe(0);
    expect(statSync(path.join(repo, 'dist/src/cli.js')).mtimeMs).toBe(compiled);
    // Linked, not copied: the careerplan that ran init, with nothing compiled or written in its folder.
    expect(realpathSync(path.join(project, 'node_modules/careerplan'))).toBe(realpathSync(repo));
    // The schema the config names on its first line, for editors, is there once installed.
    const schemaLine = readFileSync(path.join(project, 'careerplan.config.yaml'), 'utf8').split('\n')[0] ?? '';
    const schemaPath = /^# yaml-language-server: \$schema=(\S+)$/.exec(schemaLine)?.[1] ?? '';
    expect(JSON.parse(readFileSync(path.resolve(project, schemaPath), 'utf8'))).toMatchObject({ title: 'careerplan config', properties: { plans: { type: 'string' } } });

    const created = shell('npx', ['careerplan', 'new', 'Test Person'], project);
    expect(created.status, created.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'plans/test-person.md'), 'utf8')).toMatch(/^owner: Test Person$/m);
    const german = shell('npx', ['careerplan', 'new', 'Jürgen Groß'], project);
    expect(german.status, german.stderr).toBe(0);
    const plan = path.join(project, 'plans/juergen-gross.md');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^owner: /m, 'lang: de\nowner: '));

    const check = shell('npm', ['run', 'check'], project);
    // The new plans still hold the starter plan's placeholders: warnings that say what to replace, nothing else.
    expect(check.status, check.stderr).toBe(0);
    const found = diagnosticsOf(check.stderr);
    expect(found.length).toBeGreaterThan(0);
    for (const line of found) expect(line).toMatch(/ warning placeholder-text$/);
    for (const name of ['example', 'test-person', 'juergen-gross']) expect(found.some((line) => line.startsWith(`plans/${name}.md:`)), name).toBe(true);

    const build = shell('npm', ['run', 'build', '--', '--no-pdf'], project);
    expect(build.status, build.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'out/test-person/index.html'), 'utf8')).toContain('Test Person');
    expect(readFileSync(path.join(project, 'out/juergen-gross/index.html'), 'utf8')).toContain('lang="de"');

    // The preview's script runs careerplan's watch: its help proves the script and the command are there, without a server.
    const dev = shell('npm', ['run', 'dev', '--', '--help'], project);
    expect(dev.status, dev.stderr).toBe(0);
    expect(dev.stdout).toContain('careerplan watch');
  }, 240_000);

  test('in a folder whose package.json depends on careerplan by a registry version, init keeps it and says what to write instead', async () => {
    const folder = path.join(scratch, 'older');
    await careerplan(['init', 'older'], { cwd: scratch });
    writeFileSync(path.join(folder, 'package.json'), '{\n  "name": "older",\n  "devDependencies": { "careerplan": "^0.1.0" }\n}\n');
    const again = await careerplan(['init'], { cwd: folder });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain(`change its careerplan \`^0.1.0\` to \`file:${repo}\`: no registry has careerplan`);
    expect(JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'))).toMatchObject({ devDependencies: { careerplan: '^0.1.0' }, scripts: { check: 'careerplan check' } });
  });
});

/** A plan with one mistake (a step due before it starts is fine; a bad date is not), in English or German. */
function planWithABadDate(lang: 'en' | 'de'): string {
  const title = lang === 'de' ? 'Karriereplan' : 'Career plan';
  return `---\ntitle: ${title}\nowner: Kim Doe\nlang: ${lang}\nvision: ${lang === 'de' ? 'Ein Team leiten' : 'Lead a team'}\ngoals:\n  - title: ${lang === 'de' ? 'Lernen' : 'Learn'}\n    kind: professional\n    measure: ${lang === 'de' ? 'Kurs bestanden' : 'A course passed'}\n    due: 2027-13-01\n    steps: [Enrol]\n---\n`;
}

describe('help and mistakes on the command line', () => {
  test('`careerplan <command> --help` and `careerplan help <command>` show its flags and examples; `--help` lists the commands', async () => {
    for (const args of [['build', '--help'], ['help', 'build'], ['build', '-h']]) {
      const run = await careerplan(args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/^careerplan build — /);
      expect(run.stdout).toContain('--as-of DATE');
      expect(run.stdout).toContain('--no-pdf');
      expect(run.stdout).toMatch(/^Examples:\n  careerplan build /m);
    }
    const all = await careerplan(['--help']);
    for (const args of [['help'], ['help', 'help']]) expect((await careerplan(args)).stdout, args.join(' ')).toBe(all.stdout);
    for (const command of ['init', 'new', 'check', 'build', 'watch', 'history', 'review', 'doctor', 'merge', 'schema']) expect(all.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    const check = await careerplan(['check', '--help']);
    expect(check.stdout).toContain('--max-warnings N');
    expect(check.stdout).not.toContain('--port');
  });

  test('a mistyped command suggests the nearest, exit 2', async () => {
    const run = await careerplan(['biuld']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('careerplan: Unknown command `biuld`. Did you mean `build`?');
    const help = await careerplan(['help', 'chekc']);
    expect(help.status).toBe(2);
    expect(help.stderr).toContain('Unknown command `chekc`. Did you mean `check`?');
  });

  test('a mistyped flag suggests the nearest flag of the command and where its options are, exit 2', async () => {
    const run = await careerplan(['build', '--as-off', '2027-01-01']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('careerplan: Unknown option `--as-off` of build. Did you mean `--as-of`?\nRun `careerplan build --help` for its options.\n');
    const missing = await careerplan(['check', '--as-of']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe('careerplan: `--as-of` needs a value: `--as-of DATE`');
  });
});

describe('FORCE_COLOR', () => {
  let folder: string;
  beforeAll(() => {
    folder = path.join(scratch, 'colours');
    mkdirSync(path.join(folder, 'plans'), { recursive: true });
    writeFileSync(path.join(folder, 'plans/kim.md'), planWithABadDate('en'));
    writeFileSync(path.join(folder, 'plans/kim-de.md'), planWithABadDate('de'));
  });

  test('1, 2, 3 or empty: colours without a terminal; 0: none; NO_COLOR still wins', async () => {
    for (const value of ['1', '2', '3', '']) {
      const run = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: folder, env: { FORCE_COLOR: value } });
      expect(run.status, value).toBe(1);
      expect(run.stderr, `FORCE_COLOR=${value}`).toMatch(/\u001b\[31merror/);
    }
    const plain = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: folder, env: { FORCE_COLOR: '0' } });
    expect(plain.stderr).not.toMatch(/\u001b\[/);
    expect(diagnosticsOf(plain.stderr).map((line) => line.split(' ')[0])).toEqual(['plans/kim-de.md:10:10', 'plans/kim.md:10:10']);
    const none = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: folder, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(none.stderr).not.toMatch(/\u001b\[/);
  });
});

describe('the config file in the nearest folder above', () => {
  let project: string;
  beforeAll(() => {
    project = path.join(scratch, 'nearest');
    mkdirSync(path.join(project, 'people/2027'), { recursive: true });
    writeFileSync(path.join(project, 'careerplan.config.yaml'), 'plans: people\nrules:\n  bad-date: warn\n');
    writeFileSync(path.join(project, 'people/kim.md'), planWithABadDate('en'));
    writeFileSync(path.join(project, 'people/kim-de.md'), planWithABadDate('de'));
  });

  test('check run in the plans folder or below it uses the project\'s config, paths relative to the config file', async () => {
    for (const cwd of [project, path.join(project, 'people'), path.join(project, 'people/2027')]) {
      const run = await careerplan(['check', '--as-of', '2026-11-26', '--format', 'json'], { cwd });
      // The config makes the bad date a warning: exit 0, two plans, from people/ wherever check runs.
      expect(run.status, `${cwd}: ${run.stderr}`).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ planCount: 2, errorCount: 0, warningCount: 2 });
    }
  });

  test('new run below the project writes into the config\'s plans folder', async () => {
    const run = await careerplan(['new', 'Ana Pérez', '--as-of', '2026-11-26'], { cwd: path.join(project, 'people/2027') });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(project, 'people/ana-perez.md'))).toBe(true);
  });

  test('a config above the repository root, or in a folder everyone may write to, is never read', async () => {
    const outer = path.join(scratch, 'outer');
    mkdirSync(path.join(outer, 'repo/.git'), { recursive: true });
    mkdirSync(path.join(outer, 'repo/plans'), { recursive: true });
    writeFileSync(path.join(outer, 'careerplan.config.yaml'), 'plans: elsewhere\n');
    writeFileSync(path.join(outer, 'repo/plans/kim.md'), planWithABadDate('de'));
    const inRepo = await careerplan(['check', '--as-of', '2026-11-26', '--format', 'json'], { cwd: path.join(outer, 'repo') });
    expect(inRepo.status, inRepo.stderr).toBe(1);
    expect(JSON.parse(inRepo.stdout)).toMatchObject({ planCount: 1, errorCount: 1 });

    const shared = path.join(scratch, 'shared');
    mkdirSync(path.join(shared, 'mine/plans'), { recursive: true });
    chmodSync(shared, 0o1777);
    writeFileSync(path.join(shared, 'careerplan.config.yaml'), 'plans: elsewhere\n');
    writeFileSync(path.join(shared, 'mine/plans/kim.md'), planWithABadDate('en'));
    const inShared = await careerplan(['check', '--as-of', '2026-11-26', '--format', 'json'], { cwd: path.join(shared, 'mine') });
    expect(inShared.status, inShared.stderr).toBe(1);
    expect(JSON.parse(inShared.stdout)).toMatchObject({ planCount: 1, errorCount: 1 });
  });
});

describe('careerplan schema config', () => {
  test('prints the committed schema of the config file', async () => {
    const run = await careerplan(['schema', 'config']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(repo, 'schema/config.schema.json'), 'utf8'));
    const wrong = await careerplan(['schema', 'confg']);
    expect(wrong.status).toBe(2);
  });
});
