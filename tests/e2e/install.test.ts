import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repo } from './run.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-install-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

test('installed from its package in another folder, `npx careerplan check` works', () => {
  // No scripts: `prepare` would compile dist/ again, which the end-to-end setup has just compiled.
  npm(['pack', '--ignore-scripts', '--pack-destination', scratch, '--silent'], repo);
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
  expect(tarball).toBeDefined();

  const project = path.join(scratch, 'project');
  mkdirSync(path.join(project, 'plans'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), '{ "name": "my-plans", "private": true }\n');
  writeFileSync(
    path.join(project, 'plans/me.md'),
    '---\ntitle: My plan\nowner: Me\nvision: Teach what I learn\ngoals:\n  - title: Learn\n    kind: personal\n    measure: A course passed\n    due: 2027\n    steps: [Enrol]\n---\n',
  );
  npm(['install', '--prefer-offline', '--no-save', path.join(scratch, tarball as string)], project);

  const output = execFileSync('npx', ['--no-install', 'careerplan', 'check', '--as-of', '2026-11-26', '--format', 'json'], { cwd: project, encoding: 'utf8' });
  expect(JSON.parse(output)).toMatchObject({ planCount: 1, errorCount: 0, warningCount: 0 });
}, 240_000);
