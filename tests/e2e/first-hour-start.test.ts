/**
 * The coach's first hour, the start: a project made by `careerplan init`
 * installs with no registry, and every "Next:" line it prints works.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, repo, type Run } from './run.js';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-first-hour-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `command` as a coach would type it, with npm told it has no registry. Starts a process. */
function shell(command: string, args: readonly string[], cwd: string): Run {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  try {
    const stdout = execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number | null; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
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

    const install = shell('npm', ['install', '--offline', '--no-audit', '--no-fund'], project);
    expect(install.status, install.stderr).toBe(0);
    // Linked, not copied: the careerplan that ran init, with nothing compiled or written in its folder.
    expect(realpathSync(path.join(project, 'node_modules/careerplan'))).toBe(realpathSync(repo));

    const created = shell('npx', ['careerplan', 'new', 'Test Person'], project);
    expect(created.status, created.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'plans/test-person.md'), 'utf8')).toMatch(/^owner: Test Person$/m);
    const german = shell('npx', ['careerplan', 'new', 'Jürgen Groß'], project);
    expect(german.status, german.stderr).toBe(0);
    const plan = path.join(project, 'plans/jurgen-gross.md');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^owner: /m, 'lang: de\nowner: '));

    const check = shell('npm', ['run', 'check'], project);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr + check.stdout).toContain('3 plans checked');

    const build = shell('npm', ['run', 'build', '--', '--no-pdf'], project);
    expect(build.status, build.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'out/test-person/index.html'), 'utf8')).toContain('Test Person');
    expect(readFileSync(path.join(project, 'out/jurgen-gross/index.html'), 'utf8')).toContain('lang="de"');

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
