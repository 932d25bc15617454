import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan, diagnosticsOf, type Run } from './run.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-status-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An open goal, a paused one and a done one, each with a step past due as of 2027-04-15. */
const plan = `---
title: Plan
owner: Sam
goals:
  - title: Open goal
    measure: Shipped
    due: 2027-12
    steps: [{ title: Open step ZqopenZq, due: 2027-03 }]
    kind: professional
  - title: Paused goal
    status: paused
    measure: Shipped
    due: 2027-12
    steps: [{ title: Paused step ZqpausedZq, due: 2027-03 }]
    kind: professional
  - title: Done goal
    done: 2027-04-01
    measure: Shipped
    due: 2027-12
    steps: [{ title: Done goal step ZqdoneZq, due: 2027-03 }]
    kind: professional
vision: Ship what people use
---
`;

/** The `<li>` of the step whose title holds `marker`. */
function stepItem(html: string, marker: string): string {
  const at = html.indexOf(marker);
  const start = html.lastIndexOf('<li class="step', at);
  return html.slice(start, html.indexOf('</li>', at));
}

describe('overdue means the same in check and on the page', () => {
  let check: Run;
  let html: string;
  beforeAll(async () => {
    mkdirSync(path.join(scratch, 'plans'));
    writeFileSync(path.join(scratch, 'plans/sam.md'), plan);
    check = await careerplan(['check', '--as-of', '2027-04-15'], { cwd: scratch });
    const build = await careerplan(['build', '--no-pdf', '--as-of', '2027-04-15'], { cwd: scratch });
    expect(build.status, build.stderr).toBe(0);
    html = readFileSync(path.join(scratch, 'out/sam/index.html'), 'utf8');
  });

  test('check warns about the open goal’s step only', () => {
    expect(diagnosticsOf(check.stderr + check.stdout)).toEqual(['plans/sam.md:8:47 warning overdue']);
  });

  test('the page tags the open goal’s step as overdue, and not the paused or the done goal’s', () => {
    expect(stepItem(html, 'ZqopenZq')).toContain('step--overdue');
    expect(stepItem(html, 'ZqpausedZq')).not.toContain('step--overdue');
    expect(stepItem(html, 'ZqdoneZq')).not.toContain('step--overdue');
  });
});
