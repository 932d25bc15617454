import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan } from './run.js';

// This machine's Chromium: Debian's package, as on every careerplan machine and in CI.
const chromium = '/usr/bin/chromium';
const chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(' built on ')[0]?.trim() ?? '';

describe('careerplan doctor', () => {
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'careerplan-doctor-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test("finds this machine's Chromium, says why and which version, and exits 0", async () => {
    const run = await careerplan(['doctor'], { cwd: folder });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(chromiumVersion).toMatch(/^Chromium \d+\.\d+\.\d+\.\d+$/);
    expect(lines(run.stdout)).toEqual([
      ['careerplan', expect.stringMatching(/^\d+\.\d+\.\d+/)],
      ['Node', expect.stringContaining(process.version)],
      ['browser', chromium],
      ['version', chromiumVersion],
      ['why', `found ${chromium}`],
      ['starts', 'yes'],
      ['puppeteer', expect.stringMatching(/^24\./)],
      ['paper', 'A4, margins 18mm'],
    ]);
  });

  test('--browser is the reason when given', async () => {
    const run = await careerplan(['doctor', '--browser', chromium], { cwd: folder });
    expect(run.status, run.stderr).toBe(0);
    expect(lines(run.stdout)).toContainEqual(['why', 'from --browser']);
  });

  test('a CAREERPLAN_BROWSER that is not there: exit 2 and one clear line', async () => {
    const run = await careerplan(['doctor'], { cwd: folder, env: { CAREERPLAN_BROWSER: '/nonexistent' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('careerplan: CAREERPLAN_BROWSER is set to /nonexistent, which is not there: fix it or unset it\n');
    expect(lines(run.stdout)).toContainEqual(['browser', 'none']);
  });

  test("the config's pdf.browser and paper, relative to the config's folder", async () => {
    const project = path.join(folder, 'project');
    mkdirSync(path.join(project, 'bin'), { recursive: true });
    symlinkSync(chromium, path.join(project, 'bin/chromium'));
    writeFileSync(path.join(project, 'careerplan.config.yaml'), 'pdf:\n  browser: bin/chromium\n  paper: letter\n  margin: { top: 10mm, right: 12mm, bottom: 10mm, left: 12mm }\n');
    const run = await careerplan(['doctor'], { cwd: project });
    expect(run.status, run.stderr).toBe(0);
    expect(lines(run.stdout)).toEqual(
      expect.arrayContaining([
        ['browser', path.join(project, 'bin/chromium')],
        ['why', 'from `pdf.browser` in careerplan.config.yaml'],
        ['paper', 'Letter, margins top 10mm, right 12mm, bottom 10mm, left 12mm'],
      ]),
    );

    const missing = await careerplan(['doctor', '--browser', 'no/such/browser'], { cwd: project });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`careerplan: the browser given by --browser is not there: ${path.join(project, 'no/such/browser')}\n`);
  });

  test('a browser that is there but does not start: exit 2', async () => {
    const fake = path.join(folder, 'not-a-browser');
    writeFileSync(fake, '#!/bin/sh\necho "Chromium 1.2.3.4"\nexit 0\n', { mode: 0o755 });
    const run = await careerplan(['doctor', '--browser', fake], { cwd: folder });
    expect(run.status).toBe(2);
    expect(lines(run.stdout)).toEqual(expect.arrayContaining([['version', 'Chromium 1.2.3.4'], ['starts', 'no']]));
    expect(run.stderr).toMatch(new RegExp(`^careerplan: ${fake} does not start: .+\\n$`));
  });

  test('doctor takes no other flags', async () => {
    const run = await careerplan(['doctor', '--out', 'x'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('`--out` is not an option of doctor');
  });
});

/** The report's lines as [label, value] pairs. */
function lines(stdout: string): Array<[string, string]> {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const match = /^\s*(\S+)\s{2,}(.*)$/.exec(line);
      return match ? [match[1] as string, match[2] as string] : ['?', line];
    });
}
