import { cpSync, mkdtempSync, realpathSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLiveSite, type LiveSite } from '../../src/preview/live-site.js';
import { resolveConfig } from '../../src/config/config.js';
import { repo } from '../e2e/run.js';
import { minimalPlan, quietNudges } from '../support/plans.js';

let base: string;
let plans: string;
let out: string;
let site: LiveSite;

beforeEach(async () => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-live-')));
  plans = path.join(base, 'plans');
  out = path.join(base, 'out');
  cpSync(path.join(repo, 'plans'), plans, { recursive: true });
  site = liveSite();
  await site.buildAll();
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

function liveSite(templates = path.join(base, 'templates')): LiveSite {
  // The plans here are cut down to what each test is about: the nudges for unfinished plans are off, as a config may set them.
  const config = { ...resolveConfig(undefined, {}, base, '2026-11-26').config!, templates, rules: quietNudges };
  return createLiveSite({ config, cwd: base, builtinTemplates: path.join(repo, 'templates'), generator: 'careerplan test', pdfs: false });
}

const page = (slug: string) => readFile(path.join(out, slug, 'index.html'), 'utf8');
const mtime = async (slug: string) => (await stat(path.join(out, slug, 'index.html'))).mtimeMs;
const at = (name: string) => path.join(plans, name);

async function edit(name: string, from: RegExp, to: string): Promise<void> {
  const text = await readFile(at(name), 'utf8');
  expect(text).toMatch(from);
  await writeFile(at(name), text.replace(from, to));
}

describe('the live site', () => {
  test('buildAll writes every page and the index', async () => {
    expect(site.models().map((model) => model.slug)).toEqual(['jordan-lee', 'lena-schmidt', 'sam-okafor']);
    expect(await page('jordan-lee')).toContain('Jordan Lee');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('jordan-lee/');
  });

  test('a changed plan is checked and written alone; the index waits for writeIndex, plans.json and plans.csv for writeData', async () => {
    const others = [await mtime('lena-schmidt'), await mtime('sam-okafor')];
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    await edit('jordan-lee.md', /^owner: .*$/m, 'owner: Jordan Q. Lee');
    const update = await site.update({ changed: [at('jordan-lee.md')], added: [], removed: [] });
    expect(update).toEqual({ paths: ['/jordan-lee/'], all: false, reprint: ['jordan-lee'], checked: ['plans/jordan-lee.md'] });
    expect(await page('jordan-lee')).toContain('Jordan Q. Lee');
    expect([await mtime('lena-schmidt'), await mtime('sam-okafor')]).toEqual(others);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(index);
    expect(await site.writeIndex()).toBe(true);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Jordan Q. Lee');
    expect(await readFile(path.join(out, 'plans.json'), 'utf8')).not.toContain('Jordan Q. Lee');
    expect(await readFile(path.join(out, 'plans.csv'), 'utf8')).not.toContain('Jordan Q. Lee');
    await site.writeData();
    expect(JSON.parse(await readFile(path.join(out, 'plans.json'), 'utf8')).plans.find((plan: { slug: string }) => plan.slug === 'jordan-lee').owner).toBe('Jordan Q. Lee');
    // plans.csv goes with plans.json: a row per step, the owner on each of the plan's rows.
    expect(await readFile(path.join(out, 'plans.csv'), 'utf8')).toMatch(/\r\nJordan Q\. Lee,jordan-lee,/u);
  });

  test('a save that changes nothing in the output reloads nothing and reprints nothing', async () => {
    const update = await site.update({ changed: [at('sam-okafor.md')], added: [], removed: [] });
    expect(update).toEqual({ paths: [], all: false, reprint: [], checked: ['plans/sam-okafor.md'] });
    expect(await site.writeIndex()).toBe(false);
  });

  test('a plan with errors keeps its last good page and reports its problems; fixing it rebuilds the page', async () => {
    const good = await page('jordan-lee');
    await edit('jordan-lee.md', /^title: .*$/m, 'title: [broken');
    const broken = await site.update({ changed: [at('jordan-lee.md')], added: [], removed: [] });
    expect(broken).toEqual({ paths: ['/jordan-lee/'], all: false, reprint: [], checked: ['plans/jordan-lee.md'] });
    expect(await page('jordan-lee')).toBe(good);
    // At the `[` never closed, on the title's line, the place to change (issue 19); the parser gave up on the line after it.
    expect(site.diagnosticsOf('jordan-lee').map((d) => `${d.ruleId} ${d.place.start.line}`)).toEqual(['yaml-syntax 2']);
    expect(site.diagnostics().sources.get('plans/jordan-lee.md')).toContain('title: [broken');
    expect(site.models().map((model) => model.slug)).toContain('jordan-lee');

    await edit('jordan-lee.md', /^title: \[broken$/m, 'title: Fixed title');
    const fixed = await site.update({ changed: [at('jordan-lee.md')], added: [], removed: [] });
    expect(fixed.paths).toEqual(['/jordan-lee/']);
    expect(site.diagnosticsOf('jordan-lee')).toEqual([]);
    expect(await page('jordan-lee')).toContain('Fixed title');
  });

  test('a new plan appears; a deleted one disappears with its page; a rename is both', async () => {
    await writeFile(at('ada.md'), minimalPlan());
    const added = await site.update({ changed: [], added: [at('ada.md')], removed: [] });
    expect(added.paths).toEqual(['/ada/']);
    expect(await page('ada')).toContain('Ship it');

    await rm(at('ada.md'));
    const removed = await site.update({ changed: [], added: [], removed: [at('ada.md')] });
    expect(removed.paths).toEqual(['/ada/']);
    await expect(stat(path.join(out, 'ada'))).rejects.toThrow();
    await site.writeIndex();
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('ada/');

    await rename(at('sam-okafor.md'), at('sam.md'));
    const renamed = await site.update({ changed: [], added: [at('sam.md')], removed: [at('sam-okafor.md')] });
    expect(renamed.paths).toEqual(['/sam-okafor/', '/sam/']);
    expect(await page('sam')).toContain('Sam Okafor');
    await expect(stat(path.join(out, 'sam-okafor'))).rejects.toThrow();
  });

  test('a plan named like the site’s own folder is refused while watching too; a link appearing is never read; a deleted plan’s folder keeps files careerplan did not write', async () => {
    await writeFile(at('assets.md'), minimalPlan());
    await site.update({ changed: [], added: [at('assets.md')], removed: [] });
    expect(site.diagnosticsOf('assets').map((d) => d.ruleId)).toEqual(['reserved-name']);
    await expect(stat(path.join(out, 'assets', 'index.html'))).rejects.toThrow();

    await writeFile(path.join(base, 'secret.md'), minimalPlan().replace('title: Plan', 'title: Secret'));
    await symlink(path.join(base, 'secret.md'), at('secret.md'));
    const linked = await site.update({ changed: [], added: [at('secret.md')], removed: [] });
    expect(linked.links).toEqual([at('secret.md')]);
    expect(site.models().map((model) => model.slug)).not.toContain('secret');

    await writeFile(path.join(out, 'sam-okafor', 'notes.txt'), 'mine');
    await rm(at('sam-okafor.md'));
    await site.update({ changed: [], added: [], removed: [at('sam-okafor.md')] });
    expect(await readFile(path.join(out, 'sam-okafor', 'notes.txt'), 'utf8')).toBe('mine');
    await expect(stat(path.join(out, 'sam-okafor', 'index.html'))).rejects.toThrow();
  });

  test('adding a plan rechecks the plans that link to it', async () => {
    await writeFile(at('ada.md'), minimalPlan('', 'See [Bo](bo.md).\n'));
    await site.update({ changed: [], added: [at('ada.md')], removed: [] });
    expect(site.diagnosticsOf('ada').map((d) => d.ruleId)).toEqual(['broken-link']);
    await writeFile(at('bo.md'), minimalPlan());
    const update = await site.update({ changed: [], added: [at('bo.md')], removed: [] });
    expect(update.checked).toEqual(['plans/bo.md', 'plans/ada.md']);
    expect(site.diagnosticsOf('ada')).toEqual([]);
    expect(await page('ada')).toContain('href="../bo/"');
  });

  test('an image a plan uses is copied again when it changes', async () => {
    await mkdir(path.join(plans, 'img'));
    await writeFile(path.join(plans, 'img', 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>v1</text></svg>');
    await writeFile(at('ada.md'), minimalPlan('', '![Chart](img/chart.svg)\n'));
    await site.update({ changed: [], added: [at('ada.md')], removed: [] });
    const copied = (await readFile(path.join(out, 'ada', 'index.html'), 'utf8')).match(/src="([^"]+chart\.svg)"/)?.[1];
    expect(copied).toBeDefined();
    await writeFile(path.join(plans, 'img', 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>v2</text></svg>');
    const update = await site.update({ changed: [path.join(plans, 'img', 'chart.svg')], added: [], removed: [] });
    expect(update.checked).toEqual(['plans/ada.md']);
    expect(await readFile(path.join(out, 'ada', copied as string), 'utf8')).toContain('v2');
  });

  test('a template change re-renders every page from memory, reading no plan', async () => {
    const templates = path.join(base, 'templates');
    site = liveSite(templates);
    await site.buildAll();
    // The plan changes on disk but nobody says so: a re-render from memory must not see it.
    await edit('jordan-lee.md', /^owner: .*$/m, 'owner: Not Read');
    await mkdir(path.join(templates, 'partials'), { recursive: true });
    const builtinFooter = await readFile(path.join(repo, 'templates', 'partials', 'footer.hbs'), 'utf8').catch(() => undefined);
    expect(builtinFooter, 'the default theme has a footer partial to override').toBeDefined();
    await writeFile(path.join(templates, 'partials', 'footer.hbs'), `${builtinFooter}<p>Custom footer</p>`);
    const update = await site.retheme();
    expect(update.all).toBe(true);
    expect(update.checked).toEqual([]);
    expect([...update.reprint].sort()).toEqual(['jordan-lee', 'lena-schmidt', 'sam-okafor']);
    for (const slug of ['jordan-lee', 'lena-schmidt', 'sam-okafor']) expect(await page(slug)).toContain('Custom footer');
    expect(await page('jordan-lee')).not.toContain('Not Read');
  });

  test('a broken template is reported and leaves the pages as they were; fixing it renders them again', async () => {
    const templates = path.join(base, 'templates');
    site = liveSite(templates);
    await site.buildAll();
    const good = await page('sam-okafor');
    await mkdir(templates, { recursive: true });
    await writeFile(path.join(templates, 'plan.hbs'), '{{#> layout}}\n{{#each plan.goals}}\n{{/layout}}\n');
    const broken = await site.retheme();
    expect(broken.all).toBe(true);
    expect(site.themeError?.message).toMatch(/^templates\/plan\.hbs:\d+: /);
    expect(await page('sam-okafor')).toBe(good);
    await rm(path.join(templates, 'plan.hbs'));
    const fixed = await site.retheme();
    expect(site.themeError).toBeUndefined();
    expect([...fixed.reprint].sort()).toEqual(['jordan-lee', 'lena-schmidt', 'sam-okafor']);
  });

  test('starting again keeps the last good page of a plan that is now broken', async () => {
    await edit('lena-schmidt.md', /^title: .*$/m, 'title: [broken');
    const again = liveSite();
    await again.buildAll();
    expect(again.models().map((model) => model.slug)).toEqual(['jordan-lee', 'sam-okafor']);
    expect(await page('lena-schmidt')).toContain('Lena Schmidt');
  });
});
