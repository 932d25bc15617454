/**
 * `vague-measure` through the real CLI: a vague measure is warned about at
 * its place with an example in the plan's language (its own `lang`, else the
 * config's `locale`), the exit code stays 0, the config can turn the rule
 * off, and neither the example plans nor a plan `new` writes are warned about.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { careerplan, diagnosticsOf, repo } from './run.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-vague-measure-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A plan with one goal measured by `measure`, in `lang` when given. */
const plan = (measure: string, lang?: string): string => `---
title: Plan
owner: Sam Rivera
${lang ? `lang: ${lang}\n` : ''}vision: Lead a small team
goals:
  - title: Speak at meetings
    kind: personal
    measure: ${measure}
    due: 2027-06
    steps: [Join a speaking club]
---
`;

/** A project folder holding `plans` and, when given, a config file. */
function project(name: string, plans: Record<string, string>, config?: object): string {
  const root = path.join(scratch, name);
  mkdirSync(path.join(root, 'plans'), { recursive: true });
  for (const [file, text] of Object.entries(plans)) writeFileSync(path.join(root, 'plans', file), text);
  if (config) writeFileSync(path.join(root, 'careerplan.config.json'), JSON.stringify(config));
  return root;
}

describe('careerplan check with vague measures', () => {
  test('warns at each vague measure with an example in the plan’s language, and exits 0', async () => {
    const cwd = project('mixed', {
      'sam.md': plan('Be more confident'),
      'lena.md': plan('Mich sicherer fühlen', 'de'),
      'kim.md': plan('Zertifikat bestanden', 'de'),
      'max.md': plan('Offer letter signed'),
    });
    const run = await careerplan(['check', '--as-of', '2026-11-26'], { cwd });
    expect(run.status).toBe(0);
    expect(diagnosticsOf(run.stderr)).toEqual(['plans/lena.md:9:14 warning vague-measure', 'plans/sam.md:8:14 warning vague-measure']);
    expect(run.stderr).toContain(
      'Unexpected `measure` of goal `speak-at-meetings` that nobody could check, expected a number, a date or a result someone can see, such as `Three talks of 10 minutes given to groups of 30+ by June 2027`',
    );
    expect(run.stderr).toContain('such as `Drei Vorträge von 10 Minuten vor Gruppen ab 30 Personen bis Juni 2027`');
  });

  test('reads a plan without `lang` in the config’s locale, and is turned off by the config', async () => {
    const german = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: project('locale', { 'lena.md': plan('Mich sicherer fühlen') }, { locale: 'de' }) });
    expect(diagnosticsOf(german.stderr)).toEqual(['plans/lena.md:8:14 warning vague-measure']);
    expect(german.stderr).toContain('such as `Drei Vorträge');
    const off = await careerplan(['check', '--as-of', '2026-11-26'], { cwd: project('off', { 'sam.md': plan('Be more confident') }, { rules: { 'vague-measure': 'off' } }) });
    expect(off.status).toBe(0);
    expect(diagnosticsOf(off.stderr)).toEqual([]);
  });

  test('finds nothing vague in the example plans or in the plan `new` writes', async () => {
    const examples = await careerplan(['check', 'plans', '--as-of', '2026-11-26'], { cwd: repo });
    expect(examples.stderr).not.toMatch(/vague-measure/);
    const cwd = project('starter', {});
    expect((await careerplan(['new', 'Jordan Lee', '--as-of', '2026-11-26'], { cwd })).status).toBe(0);
    const starter = await careerplan(['check', '--as-of', '2026-11-26'], { cwd });
    expect(starter.stderr).toMatch(/placeholder-text/);
    expect(starter.stderr).not.toMatch(/vague-measure/);
  });
});
