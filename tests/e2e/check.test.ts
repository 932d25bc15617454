import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, careerplanProcess, repo } from './run.js';

// A plan says its vision and each goal's kind (issue 19): without them, even a plan with no mistake is nudged.
const good = `---
title: Plan
owner: Sam
vision: Ship what people use
goals:
  - title: Ship it
    kind: professional
    measure: Shipped
    due: 2027-06
    steps: [Start]
---
Body.
`;

const bad = `---
title: Plan
owner: Sam
vision: Ship what people use
goals:
  - title: Ship it
    kind: professional
    measure: Shipped
    due: 2027-02-30
    steps: []
  - title: Old goal
    kind: professional
    measure: Shipped
    due: 2025-01
    steps: [Begin]
---
`;

let project: string;
const write = (relative: string, text: string): void => {
  const file = path.join(project, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

beforeAll(async () => {
  project = mkdtempSync(path.join(os.tmpdir(), 'careerplan-cli-'));
  write('clean/plans/sam.md', good);
  write('broken/plans/sam.md', good);
  write('broken/plans/zoe.md', bad);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

const cwd = (name: string): string => path.join(project, name);

describe('careerplan check', () => {
  test('a clean folder exits 0 with a summary on stderr and nothing on stdout', async () => {
    const run = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: cwd('clean') });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('✔ 1 plan checked, no problems\n');
  });

  test('errors are reported compiler-style with code frames, and exit 1', async () => {
    const run = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: cwd('broken') });
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(/^plans\/zoe\.md:9:10 error Unexpected period `2027-02-30`.* bad-date$/);
    expect(lines).toContain('>  9 |     due: 2027-02-30');
    expect(lines).toContain('     |          ^^^^^^^^^^');
    expect(run.stderr).toMatch(/^plans\/zoe\.md:10:12 error Unexpected goal `ship-it` without action steps.* goal-needs-step$/m);
    expect(run.stderr).toMatch(/^plans\/zoe\.md:14:10 warning Unexpected open goal `old-goal` due `2025-01`.* overdue$/m);
    expect(lines.at(-2)).toBe('✖ 2 errors and 1 warning in 1 of 2 plans');
    expect(run.stderr).not.toMatch(/\u001b\[/);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  test('--format json prints one JSON document on stdout', async () => {
    const run = await careerplan(['check', '--as-of', '2026-11-26', '--format', 'json'], { cwd: cwd('broken') });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { planCount: number; errorCount: number; warningCount: number; diagnostics: Array<Record<string, unknown>> };
    expect(report).toMatchObject({ version: 1, planCount: 2, errorCount: 2, warningCount: 1 });
    expect(report.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.ruleId])).toEqual([
      ['plans/zoe.md', 9, 10, 'error', 'bad-date'],
      ['plans/zoe.md', 10, 12, 'error', 'goal-needs-step'],
      ['plans/zoe.md', 14, 10, 'warning', 'overdue'],
    ]);
  });

  test('--format github prints workflow commands on stdout', async () => {
    const run = await careerplan(['check', '--as-of', '2026-11-26', '--format', 'github'], { cwd: cwd('broken') });
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=plans\/zoe\.md,line=9,col=10,endLine=9,endColumn=20,title=careerplan bad-date::Unexpected period/);
    expect(lines[2]).toMatch(/^::warning file=plans\/zoe\.md,line=14,col=10,.*title=careerplan overdue::/);
  });

  test('--quiet shows errors only; --max-warnings turns too many warnings into exit 1', async () => {
    const quiet = await careerplan(['check', '--as-of', '2026-11-26', '--quiet', '--format', 'json'], { cwd: cwd('broken') });
    expect((JSON.parse(quiet.stdout) as { diagnostics: unknown[] }).diagnostics).toHaveLength(2);

    write('warn-only/plans/old.md', good.replace('2027-06', '2025-06'));
    expect((await careerplan(['check', '--as-of', '2026-11-26'], { cwd: cwd('warn-only') })).status).toBe(0);
    expect((await careerplan(['check', '--as-of', '2026-11-26', '--max-warnings', '1'], { cwd: cwd('warn-only') })).status).toBe(0);
    const strict = await careerplan(['check', '--as-of', '2026-11-26', '--max-warnings', '0'], { cwd: cwd('warn-only') });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('1 warnings, more than --max-warnings 0');
  });

  test('paths on the command line are checked instead of the plans folder', async () => {
    const run = await careerplan(['check', '--as-of', '2026-11-26', 'plans/sam.md', '--format', 'json'], { cwd: cwd('broken') });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ planCount: 1, errorCount: 0 });
  });

  test('a missing folder, a bad flag, a bad --as-of and an unknown command exit 2 with one clear line', async () => {
    for (const args of [['check', 'nowhere'], ['check', '--frobnicate'], ['check', '--as-of', '2027-02-30'], ['check', '--format', 'xml'], ['frobnicate'], []]) {
      const run = await careerplan(args, { cwd: cwd('clean') });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^careerplan: .+\n/);
      expect(run.stderr, args.join(' ')).not.toMatch(/^\s+at /m);
    }
    expect((await careerplan(['check', 'nowhere'], { cwd: cwd('clean') })).stderr).toContain('nowhere: no such file or folder');
  });

  test('the config file sets folders and severities; flags beat it; unknown keys warn', async () => {
    write('configured/careerplan.config.yaml', 'plans: mine\nrules:\n  overdue: error\n  goal-needs-step: "off"\ncolour: yes\n');
    write('configured/mine/zoe.md', bad);
    const run = await careerplan(['check', '--as-of', '2026-11-26', '--format', 'json'], { cwd: cwd('configured') });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: Array<{ ruleId: string; severity: string }> };
    expect(report.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['bad-date error', 'overdue error']);
    expect(run.stderr).toMatch(/^careerplan\.config\.yaml:5:1 warning Unknown config key `colour`/m);
    const later = await careerplan(['check', '--as-of', '2024-01-01', '--format', 'json'], { cwd: cwd('configured') });
    expect((JSON.parse(later.stdout) as { diagnostics: unknown[] }).diagnostics).toHaveLength(1);
  });

  test('a bad config exits 2 and says where', async () => {
    write('bad-config/careerplan.config.json', '{ "plans": 42 }\n');
    write('bad-config/plans/sam.md', good);
    const run = await careerplan(['check'], { cwd: cwd('bad-config') });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^careerplan\.config\.json:1:12 error Unexpected value for `plans`: expected text/m);
  });

  test('colours only on request, never with NO_COLOR', async () => {
    expect((await careerplan(['check', '--as-of', '2026-11-26', '--color'], { cwd: cwd('broken') })).stderr).toMatch(/\u001b\[31merror/);
    expect((await careerplan(['check', '--as-of', '2026-11-26'], { cwd: cwd('broken'), env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stderr).not.toMatch(/\u001b\[/);
  });

  test('results are identical in time zones 21 hours apart', async () => {
    const outputs = ['Pacific/Auckland', 'America/Los_Angeles'].map(
      // TZ is the process's own.
      (tz) => careerplanProcess(['check', '--as-of', '2027-01-01', '--format', 'json'], { cwd: cwd('broken'), env: { TZ: tz } }).stdout,
    );
    expect(outputs[0]).toContain('"ruleId"');
    expect(outputs[0]).toBe(outputs[1]);
  });

  test('--version and --help', async () => {
    const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };
    expect((await careerplan(['--version'])).stdout).toBe(`${manifest.version}\n`);
    const help = await careerplan(['--help']);
    expect(help.status).toBe(0);
    for (const flag of ['check', 'schema', '--config', '--as-of', '--format', '--max-warnings', '--quiet', '--no-color']) expect(help.stdout).toContain(flag);
  });
});

describe('the example plans', () => {
  test('check clean, without warnings, as of the day they were written', async () => {
    const run = await careerplan(['check', '--as-of', '2026-11-26']);
    expect(run.stderr).toBe('✔ 3 plans checked, no problems\n');
    expect(run.status).toBe(0);
  });
});

describe('careerplan schema', () => {
  test('prints the committed JSON Schema', async () => {
    const run = await careerplan(['schema']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(repo, 'schema/plan.schema.json'), 'utf8'));
  });
});

describe('edge cases of the command line', () => {
  test('an empty plans folder exits 2 and says that no plans were found', async () => {
    mkdirSync(path.join(project, 'empty/plans'), { recursive: true });
    const run = await careerplan(['check'], { cwd: cwd('empty') });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('careerplan: no plans found in plans: plans are files ending in .md\n');
  });

  test('--quiet says how many warnings it left out', async () => {
    write('quiet/plans/old.md', good.replace('2027-06', '2025-06'));
    const run = await careerplan(['check', '--as-of', '2026-11-26', '--quiet'], { cwd: cwd('quiet') });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('1 plan checked: no errors, and 1 warning not shown (--quiet)\n');
  });

  test('a reader that closes the pipe early gets no stack trace', async () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" bin/careerplan.js schema | head -c 10`], { cwd: repo, encoding: 'utf8' });
    expect(run.stdout).toBe('{\n  "$sche');
    expect(run.stderr).toBe('');
  });
});
