import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTheme } from '../../src/theme/theme.js';
import { ThemeError } from '../../src/theme/theme-error.js';
import { everyCase } from './fixtures.js';
import { builtin, dom, modelOf, planPage, text } from './render.js';

let project: string;
let user: string;
beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'careerplan-theme-'));
  user = path.join(project, 'templates');
  await mkdir(path.join(user, 'partials'), { recursive: true });
});
afterEach(() => rm(project, { recursive: true, force: true }));

const write = (file: string, content: string) => writeFile(path.join(user, file), content);
const themeError = async (create: () => Promise<unknown>): Promise<ThemeError> => {
  const error = await create().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ThemeError);
  return error as ThemeError;
};

describe('user templates', () => {
  test('a user’s partial replaces the built-in one; everything else falls back', async () => {
    await write('partials/goals.hbs', '<section id="goals"><h2>{{t "goals"}}</h2><ul>{{#each plan.goals}}<li class="custom-goal">{{title}}</li>{{/each}}</ul></section>\n');
    const theme = await createTheme({ builtin, user });
    const tree = dom(theme.renderPlan(planPage(modelOf(everyCase))));
    expect(selectAll('li.custom-goal', tree).map(text)).toEqual(['Promotion', 'Soon', 'Late', 'Achieved', 'Resting', 'Gone']);
    expect(selectAll('li.goal', tree)).toHaveLength(0);
    expect(selectAll('#skills tbody tr', tree)).toHaveLength(2);
    expect(select('.cover h1', tree)).toBeDefined();
  });

  test('a user may add partials of their own and override a page', async () => {
    await write('partials/extra.hbs', '<p class="extra">{{plan.owner}}</p>');
    await write('plan.hbs', '{{#> layout title=plan.title page="plan"}}<h1>{{plan.title}}</h1>{{> extra}}{{> skills}}{{/layout}}');
    const theme = await createTheme({ builtin, user });
    const tree = dom(theme.renderPlan(planPage(modelOf(everyCase))));
    expect(text(select('p.extra', tree))).toBe('Alex Example');
    expect(selectAll('#skills tbody tr', tree)).toHaveLength(2);
    expect(select('#goals', tree)).toBeUndefined();
  });

  test('the user’s stylesheet wins; the fonts are still copied', async () => {
    await mkdir(path.join(user, 'assets'));
    await write('assets/style.css', 'body { color: black; }');
    await write('assets/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const theme = await createTheme({ builtin, user });
    const byTarget = new Map(theme.assets.map((asset) => [asset.target, asset.source]));
    expect(byTarget.get('style.css')).toBe(path.join(user, 'assets', 'style.css'));
    expect(byTarget.get('logo.svg')).toBe(path.join(user, 'assets', 'logo.svg'));
    expect([...byTarget.keys()].filter((target) => target.startsWith('fonts/'))).toHaveLength(6);
  });

  test('a missing user folder means the built-in theme', async () => {
    const theme = await createTheme({ builtin, user: path.join(project, 'no-such-folder') });
    expect(selectAll('li.goal', dom(theme.renderPlan(planPage(modelOf(everyCase)))))).toHaveLength(6);
  });
});

describe('broken templates', () => {
  test('a syntax error is a ThemeError naming the file as the user opens it, and the line', async () => {
    await write('partials/goals.hbs', '<section id="goals">\n  {{#each plan.goals}}\n    <p>{{title}}</p>\n  {{/if}}\n</section>\n');
    const error = await themeError(() => createTheme({ builtin, user, cwd: project }));
    expect(error.message).toMatch(/^templates\/partials\/goals\.hbs:2: /);
    expect(error.message).toContain('each doesn\'t match if');
    expect(error.file).toBe('templates/partials/goals.hbs');
    expect(error.line).toBe(2);
  });

  test('an unclosed expression is reported with the parser’s line', async () => {
    await write('partials/goals.hbs', '<section id="goals">\n\n  {{plan.title\n</section>\n');
    const error = await themeError(() => createTheme({ builtin, user, cwd: project }));
    expect(error.message).toMatch(/^templates\/partials\/goals\.hbs:3: Parse error/);
  });

  test('an unknown partial or helper is found when the theme is created', async () => {
    await write('partials/goals.hbs', '<section id="goals">\n{{#each plan.goals}}{{> stepz}}{{/each}}\n</section>\n');
    const partial = await themeError(() => createTheme({ builtin, user, cwd: project }));
    expect(partial.message).toBe('templates/partials/goals.hbs:2: Unexpected partial `stepz`, expected `step`');

    await write('partials/goals.hbs', '<section id="goals">\n\n{{pecrent plan.progress.ratio}}\n</section>\n');
    const helper = await themeError(() => createTheme({ builtin, user, cwd: project }));
    expect(helper.message).toBe('templates/partials/goals.hbs:3: Unexpected helper `pecrent`, expected `percent`');
  });

  test('an error while rendering names the template and line of the failing call', async () => {
    await write('partials/goals.hbs', '<section id="goals">\n{{#each plan.goals}}\n  {{t "no-such-label"}}\n{{/each}}\n</section>\n');
    const theme = await createTheme({ builtin, user, cwd: project });
    let caught: unknown;
    try {
      theme.renderPlan(planPage(modelOf(everyCase)));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ThemeError);
    expect((caught as ThemeError).message).toMatch(/^templates\/partials\/goals\.hbs:3: Unexpected label `no-such-label`/);
  });

  test('a built-in template is named by its path too', async () => {
    const error = new ThemeError('node_modules/careerplan/templates/plan.hbs', 4, 'Parse error');
    expect(error.message).toBe('node_modules/careerplan/templates/plan.hbs:4: Parse error');
    expect(existsSync(path.join(builtin, 'plan.hbs'))).toBe(true);
  });
});
