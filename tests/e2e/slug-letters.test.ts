/**
 * Ids and file names made from titles and names keep the letters of the
 * languages careerplan speaks, spelled as each spells them without accents:
 * `careerplan new` names the file, a plan's file name names its page, a
 * goal's and a skill's title name their ids (the page's anchors).
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { careerplan } from './run.js';

let project: string;
beforeAll(() => {
  project = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-letters-')));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

const plan = (lang: string, goal: string, skill: string): string => `---
title: Plan
owner: Søren Müller
lang: ${lang}
skills:
  - { name: ${skill}, level: 1, target: 3 }
goals:
  - title: ${goal}
    measure: Done
    due: 2027-12
    skills: [${skill}]
    steps: [Begin]
---
`;

describe('ids and names from titles keep their letters', () => {
  test('careerplan new names the file by the person’s name, umlauts and ø spelled out', async () => {
    const run = await careerplan(['new', 'Søren Müller'], { cwd: project });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('created plans/soeren-mueller.md');
    expect(existsSync(path.join(project, 'plans/soeren-mueller.md'))).toBe(true);
  });

  test('a German and a Danish plan: page names and goal and skill ids spell their letters out', async () => {
    const folder = path.join(project, 'site');
    const plans = path.join(folder, 'plans');
    await careerplan(['new', 'Placeholder'], { cwd: folder });
    rmSync(path.join(plans, 'placeholder.md'));
    writeFileSync(path.join(plans, 'Jürgen Weiß.md'), plan('de', 'Übung macht den Meister', 'Öffentlich sprechen'));
    writeFileSync(path.join(plans, 'Lærke.md'), plan('en', 'Lære dansk på Århus', 'Kommunikation'));
    const build = await careerplan(['build', '--no-pdf', '--as-of', '2027-01-15'], { cwd: folder });
    expect(build.status, build.stderr).toBeLessThan(2);
    const german = readFileSync(path.join(folder, 'out/juergen-weiss/index.html'), 'utf8');
    expect(german).toContain('id="goal-uebung-macht-den-meister"');
    expect(german).toContain('href="#skill-oeffentlich-sprechen"');
    const danish = readFileSync(path.join(folder, 'out/laerke/index.html'), 'utf8');
    expect(danish).toContain('id="goal-laere-dansk-paa-aarhus"');
    expect(danish).not.toMatch(/id="goal-l-re/);
  });
});
