import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplanProcess } from './run.js';

/** A plan with problems in its frontmatter and its body, several lines in. */
const plan = `---
title: Career plan
owner: Zoe
goals:
  - title: Lead a team
    due: 2027-02-30
    measure: Leading
    steps: []
  - title: Finish the course
    due: 2025-01
    measure: Certificate
    steps: [Enrol]
dua: 2027
---

# Notes

A paragraph that runs
over two lines and links to [a missing page](missing.md).

- a task list
- with [another missing page](gone.md)
`;

let project: string;
const folder = (name: string): string => path.join(project, name);

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'careerplan-crlf-'));
  for (const [name, text] of [['lf', plan], ['crlf', plan.replace(/\n/g, '\r\n')]] as const) {
    mkdirSync(path.join(folder(name), 'plans'), { recursive: true });
    writeFileSync(path.join(folder(name), 'plans', 'zoe.md'), text);
  }
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

// A child process: the fast readers' switch is a variable the process reads.
const check = (name: string, format: 'json' | 'pretty', env: Record<string, string> = {}) =>
  careerplanProcess(['check', '--as-of', '2026-11-26', '--format', format], { cwd: folder(name), env });

describe('careerplan check on a plan saved with CR LF line breaks', () => {
  test('reports every problem at the lines and columns of the same plan saved with LF', () => {
    const lf = check('lf', 'json');
    const crlf = check('crlf', 'json');
    expect(crlf.status).toBe(1);
    expect(crlf.status).toBe(lf.status);
    const report = JSON.parse(crlf.stdout) as { diagnostics: Array<Record<string, unknown>> };
    expect(report.diagnostics.map((d) => `${String(d.ruleId)} ${String(d.line)}:${String(d.column)}`)).toEqual(
      expect.arrayContaining(['bad-date 6:10', 'goal-needs-step 8:12', 'overdue 10:10', 'unknown-key 13:1', 'broken-link 19:29', 'broken-link 22:8']),
    );
    expect(crlf.stdout).toBe(lf.stdout);
  });

  test('prints the same messages and code frames as for LF, with the fast readers on and off', () => {
    const lf = check('lf', 'pretty');
    expect(lf.stderr).toMatch(/^plans\/zoe\.md:6:10 error /m);
    expect(check('crlf', 'pretty').stderr).toBe(lf.stderr);
    expect(check('crlf', 'pretty', { CAREERPLAN_FAST_READERS: '0' }).stderr).toBe(lf.stderr);
    expect(check('lf', 'pretty', { CAREERPLAN_FAST_READERS: '0' }).stderr).toBe(lf.stderr);
  });
});
