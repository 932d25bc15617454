import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fileStem } from '../../src/commands/new-plan.js';
import { configSchema, resolveConfig } from '../../src/config/config.js';
import { parseDate } from '../../src/format/dates.js';
import { starterPlan } from '../../src/scaffold/starter-plan.js';
import { addStarterScripts, starterConfig, starterPackageJson, starterScripts } from '../../src/scaffold/starter-project.js';
import { planSlug } from '../../src/format/slug.js';
import { validate } from '../../src/stages/validate.js';
import { parseText } from '../support/plans.js';
import { property } from '../support/property.js';

/** The starter plan checked as of the day it was written. */
function checkStarter(owner: string, today: string) {
  return validate(parseText(starterPlan({ owner, today })), { asOf: today, plansRoot: '/plans', inspect: () => undefined, severities: {} });
}

const anyDay = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

describe('the starter plan', () => {
  // Issue 19 changed this deliberately: a starter plan was "free of warnings" the day it was made, so a coach could
  // build it unchanged. Now it is valid and on time, and warns about each placeholder left to replace, at its line.
  test('is valid, warning only about its placeholders, on the day it is written, whatever the day and the name', () => {
    fc.assert(
      fc.property(anyDay, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((name) => name.trim() !== '' && name.trim() !== 'Your Name'), (today, owner) => {
        const checked = checkStarter(owner, today);
        expect(checked.diagnostics.filter((d) => d.ruleId !== 'placeholder-text').map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
        expect(checked.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
        expect(checked.plan?.owner).toBe(owner);
      }),
      property(60),
    );
  });

  test('warns about each placeholder, at its line, and about the owner only when it is `Your Name` (as `init` writes it)', () => {
    const placed = (owner: string) =>
      checkStarter(owner, '2026-12-20').diagnostics.map((d) => `${d.ruleId} ${d.place.start.line}:${d.place.start.column} ${/`([^`]+)`/.exec(d.message)?.[1] ?? ''}`);
    const lines = starterPlan({ owner: 'Your Name', today: '2026-12-20' }).split('\n');
    const lineOf = (text: string): number => lines.findIndex((line) => line.includes(text)) + 1;
    const expected = [
      ['Your current position', 7],
      // A `>` block is placed at its `>`.
      ['Where you want to be by the horizon, in two …', 9],
      ['What matters most while you get there', 5],
      ['Something you do well that the goals can build on', 5],
      ['Something you want to get better at', 5],
      ['A skill your goals need', 11],
      ['Your highest qualification', 12],
      ['An opening you are watching', 12],
    ] as const;
    const found = expected.map(([text, column]) => `placeholder-text ${text.startsWith('Where') ? lineOf('vision: >') : lineOf(text)}:${column} ${text}`);
    expect(placed('Jordan Lee')).toEqual(found);
    expect(placed('Your Name')).toEqual([`placeholder-text ${lineOf('owner: Your Name')}:8 Your Name`, ...found]);
  });

  test('is dated today, with due dates after today', () => {
    const checked = checkStarter('Jordan Lee', '2026-12-20');
    const plan = checked.plan;
    expect(plan?.created).toBe('2026-12-20');
    expect(plan?.reviewed).toBe('2026-12-20');
    expect(plan?.title).toBe('Career action plan 2026–2031');
    expect(plan?.goals.map((goal) => goal.due.text)).toEqual(['2027-Q4', '2027']);
    expect(plan?.goals[0]?.steps.map((step) => step.due?.text)).toEqual(['2027-01-03', '2027-02', undefined]);
    expect(plan?.opportunities?.[0]?.date?.text).toBe('2027-Q2');
  });
});

describe('the starter config', () => {
  /** The config with every `# key:` line uncommented (not the editor's line naming the schema). */
  const uncommented = starterConfig()
    .split('\n')
    .map((line) => (/^# ( *)[A-Za-z-]+:( |$)/.test(line) && !line.startsWith('# yaml-language-server:') ? line.slice(2) : line))
    .join('\n');

  test('is all comments: as written it changes nothing', () => {
    const resolved = resolveConfig({ path: '/p/careerplan.config.yaml', displayPath: 'careerplan.config.yaml', text: starterConfig() }, {}, '/p', '2026-11-26');
    expect(resolved.diagnostics).toEqual([]);
    expect({ ...resolved.config, configFile: undefined }).toEqual({ ...resolveConfig(undefined, {}, '/p', '2026-11-26').config, configFile: undefined });
  });

  test('names every key of the config, and uncommented it is a valid config of the defaults', () => {
    const resolved = resolveConfig({ path: '/p/careerplan.config.yaml', displayPath: 'careerplan.config.yaml', text: uncommented }, {}, '/p', '2026-11-26');
    expect(resolved.diagnostics).toEqual([]);
    const defaults = resolveConfig(undefined, {}, '/p', '2026-11-26').config;
    const config = resolved.config;
    expect(config && { ...config, configFile: undefined, asOf: undefined, rules: {}, pdf: { ...config.pdf, concurrency: undefined, browser: undefined } }).toEqual({
      ...defaults,
      configFile: undefined,
      asOf: undefined,
      pdf: { ...defaults?.pdf, concurrency: undefined, browser: undefined },
    });
    expect(parseDate(config?.asOf ?? '')).toBeDefined();
    for (const key of Object.keys(configSchema.shape)) expect(uncommented).toMatch(new RegExp(`^${key}:`, 'm'));
    for (const key of Object.keys(configSchema.shape.pdf.unwrap().shape)) expect(uncommented).toMatch(new RegExp(`^  ${key}:`, 'm'));
  });
});

describe('package.json', () => {
  test('a new one has the scripts and depends on the careerplan in a folder, not on a registry name', () => {
    const manifest = JSON.parse(starterPackageJson('plans', '/opt/careerplan')) as { scripts: Record<string, string>; devDependencies: Record<string, string>; allowScripts: Record<string, boolean> };
    expect(manifest.scripts).toEqual({ build: 'careerplan build', check: 'careerplan check', dev: 'careerplan watch' });
    expect(manifest.devDependencies).toEqual({ careerplan: 'file:/opt/careerplan' });
    expect(manifest.allowScripts).toEqual({ 'file:/opt/careerplan': true });
  });

  test('an existing one gets the missing scripts only, in its own indentation', () => {
    const current = '{\n    "name": "x",\n    "scripts": {\n        "build": "make site",\n        "check": "careerplan check"\n    }\n}\n';
    const update = addStarterScripts(current, '/opt/careerplan');
    expect(update?.added).toEqual(['dev']);
    expect(update?.conflicts).toEqual(['build']);
    expect(update?.dependencyAdded).toBe(true);
    expect(update?.text).toBe(
      '{\n    "name": "x",\n    "scripts": {\n        "build": "make site",\n        "check": "careerplan check",\n        "dev": "careerplan watch"\n    },\n    "devDependencies": {\n        "careerplan": "file:/opt/careerplan"\n    }\n}\n',
    );
  });

  test('one that has everything is left alone; one that is not a JSON object is not touched', () => {
    const complete = JSON.stringify({ scripts: starterScripts, dependencies: { careerplan: '^0.1.0' } });
    expect(addStarterScripts(complete, '/opt/careerplan')).toEqual({ added: [], conflicts: [], dependencyAdded: false, registryDependency: '^0.1.0' });
    const linked = JSON.stringify({ scripts: starterScripts, devDependencies: { careerplan: 'file:../careerplan' } });
    expect(addStarterScripts(linked, '/opt/careerplan')).toEqual({ added: [], conflicts: [], dependencyAdded: false });
    expect(addStarterScripts('{ "name": ', '1.2.3')).toBeUndefined();
    expect(addStarterScripts('[]', '1.2.3')).toBeUndefined();
    expect(addStarterScripts('{ "scripts": "build" }', '1.2.3')).toBeUndefined();
  });
});

describe('fileStem', () => {
  test('is the name as careerplan slugs it, so the page is out/<slug>/', () => {
    expect(fileStem('Jordan Lee')).toBe('jordan-lee');
    expect(fileStem('Lena Schmidt-Müller')).toBe('lena-schmidt-mueller');
    expect(planSlug(`plans/${fileStem('Zoë O’Brien')}.md`)).toBe(fileStem('Zoë O’Brien'));
  });

  test('a name without Latin letters keeps its own, and never leaves the folder', () => {
    expect(fileStem('李雷')).toBe('李雷');
    expect(fileStem('../..')).toBe('');
    expect(fileStem('a/../b')).toBe('a-b');
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (name) => {
        const stem = fileStem(name);
        expect(stem).not.toMatch(/[/\\]/);
        expect(stem.startsWith('.')).toBe(false);
      }),
    );
  });
});
