import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { History } from '../../src/history/revisions.js';
import { createRepo, jordanPlan, type ScriptedRepo } from '../support/git.js';
import { careerplan, repo, type Run } from './run.js';

/** What a terminal acts on rather than shows: ESC and the other C0 controls but line feed and tab, DEL, C1, bidi controls. */
const acted = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** careerplan's own colours, the only escape codes it may write. */
const ownColours = /\x1b\[(?:0|1|2|31|32|33|36)m/g;

let project: ScriptedRepo;
const title = '\x1b]0;pwned\x07';
const subject = `Edit \x1b[2J\x1b]52;c;ZXZpbA==\x07 \u009b31m \u202eevil`;

/**
 * A project whose plans bring terminal codes everywhere they can: a title,
 * a goal and a skill (YAML escapes), a line the YAML parser refuses (raw
 * bytes, shown in a code frame), a file name, and a commit subject.
 */
beforeAll(async () => {
  project = createRepo();
  project.write('plans/eve.md', jordanPlan([['title: Career action plan', 'title: "Plan \\e]0;pwned\\a"'], ['title: Speak at the all-hands', 'title: "Speak \\u202eevil"'], ['skills: [sql]', 'skills: ["sql\\e[2J\\x9b"]']]));
  project.commit('Start', '2027-01-05T10:00:00+01:00');
  project.write('plans/eve.md', jordanPlan([['title: Career action plan', 'title: "Plan \\e]0;pwned\\a"'], ['title: Speak at the all-hands', 'title: "Speak \\u202eevil"'], ['skills: [sql]', 'skills: ["sql\\e[2J\\x9b"]'], ['due: 2027-06\n', 'due: 2027-12\n']]));
  project.commit(subject, '2027-02-01T10:00:00+01:00');
  project.write(`plans/raw\x1b[2J\u202e.md`, `---\ntitle: Raw ${title} \u009b and \u202e here\nowner: x\n---\n`);
}, 60_000);
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

/** The run's output with careerplan's own colours taken out. */
const withoutOwnColours = (run: Run): string => `${run.stdout}${run.stderr}`.replace(ownColours, '');

describe('what reaches the terminal', () => {
  const runs = async (color: string): Promise<Array<[string, Run]>> => [
    ['check', await careerplan(['check', '--as-of', '2027-04-15', color], { cwd: project.dir })],
    ['check --format github', await careerplan(['check', '--as-of', '2027-04-15', '--format', 'github', color], { cwd: project.dir })],
    ['build', await careerplan(['build', '--no-pdf', '--as-of', '2027-04-15', color], { cwd: project.dir })],
    ['history', await careerplan(['history', 'plans/eve.md'], { cwd: project.dir, env: color === '--color' ? { FORCE_COLOR: '1' } : {} })],
  ];

  for (const color of ['--no-color', '--color']) {
    test(`holds no terminal code from a plan, a file name or git, shown escaped instead (${color})`, async () => {
      const all = await runs(color);
      for (const [name, run] of all) {
        expect(run.status, name).not.toBe(2);
        expect(withoutOwnColours(run), name).not.toMatch(acted);
        if (color === '--no-color') expect(`${run.stdout}${run.stderr}`, name).not.toContain('\x1b');
      }
      const [check, github, build, history] = all.map(([, run]) => run);
      // The file name, the refused line in its code frame, a message quoting the plan.
      expect(check!.stderr).toContain('plans/raw\\u001b[2J\\u202e.md');
      expect(check!.stderr).toContain('title: Raw \\u001b]0;pwned\\u0007 \\u009b and \\u202e here');
      expect(check!.stderr).toContain('sql\\u001b[2J\\u009b');
      expect(github!.stdout).toContain('file=plans/raw\\u001b[2J\\u202e.md');
      expect(build!.stderr).toContain('plans/raw\\u001b[2J\\u202e.md');
      expect(history!.stdout).toContain('Edit \\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007 \\u009b31m \\u202eevil');
      if (color === '--color') expect(check!.stderr).toMatch(/\x1b\[31merror\x1b\[0m/);
    });
  }

  test('on a real terminal (a pseudo-terminal made by script(1)), where careerplan colours by itself, only its own codes reach it', async () => {
    // script(1) runs the command on a new pseudo-terminal and copies what the terminal was sent (-q: nothing of its own).
    const command = [process.execPath, path.join(repo, 'bin/careerplan.js'), 'check', '--as-of', '2027-04-15'].map((word) => `'${word}'`).join(' ');
    let sent: string;
    try {
      sent = execFileSync('script', ['-qec', command, '/dev/null'], { cwd: project.dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm-256color' }, timeout: 60_000 });
    } catch (error) {
      sent = (error as { stdout: string }).stdout;
    }
    expect(sent).toMatch(/\x1b\[31merror\x1b\[0m/);
    // A terminal turns each line feed into CR LF; those carriage returns are the terminal's, not the plan's.
    expect(sent.replace(/\r\n/g, '\n').replace(ownColours, '')).not.toMatch(acted);
    expect(sent).toContain('plans/raw\\u001b[2J\\u202e.md');
  });

  test('a line break in a file name or a plan value cannot start a line of its own (a forged message, or a CI runner\'s `::error` command)', async () => {
    const forged = createRepo();
    try {
      forged.write('plans/x\n::error file=a.md::forged.md', jordanPlan());
      forged.write('plans/eve.md', jordanPlan([['skills: [sql]', 'skills: ["sql\\n::error file=fake.md::forged"]']]));
      forged.commit('Two plans', '2027-01-05T10:00:00+01:00');
      const outputs = [
        await careerplan(['check', '--as-of', '2027-04-15'], { cwd: forged.dir, env: { GITHUB_ACTIONS: 'true' } }),
        await careerplan(['build', '--no-pdf', '--as-of', '2027-04-15'], { cwd: forged.dir }),
        await careerplan(['history', 'plans/eve.md'], { cwd: forged.dir }),
      ];
      for (const run of outputs) {
        expect(run.status).not.toBe(2);
        expect(`${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
      }
      expect(outputs[0]!.stderr).toContain('plans/x\\u000a::error file=a.md::forged.md');
      expect(outputs[0]!.stderr).toContain('sql\\u000a::error file=fake.md::forged');
    } finally {
      rmSync(forged.dir, { recursive: true, force: true });
    }
  });

  test('JSON on the terminal is still the same data', async () => {
    const run = await careerplan(['history', 'plans/eve.md', '--format', 'json'], { cwd: project.dir });
    expect(run.stdout).not.toMatch(acted);
    const history = JSON.parse(run.stdout) as History;
    expect(history.revisions.map((revision) => revision.subject)).toEqual([subject, 'Start']);
  });
});
