import { mkdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { atomicSave, burstSave, pause, pausedSave, vimSave } from '../support/editors.js';
import { createRepo, jordanPlan } from '../support/git.js';
import { minimalPlan } from '../support/plans.js';
import { previewState, startWatch } from '../support/watch-process.js';
import { careerplan, repo } from './run.js';
import { expectRebuilds, reloadsOf, watchProjects } from '../support/watch-projects.js';

const { project, folder: scratchFolder, watchIn, track } = watchProjects();

describe('careerplan watch, through the real CLI, a real watcher and a real HTTP client', () => {
  test('every way an editor saves ends in exactly one rebuild from the final content, and one reload of the page', async () => {
    const folder = project();
    const watch = await watchIn(folder);
    const plan = path.join(folder, 'plans/jordan-lee.md');
    const original = await readFile(plan, 'utf8');
    const titled = (title: string) => original.replace(/^title: .*$/m, `title: ${title}`);
    const saves: Array<[string, (text: string) => Promise<void>]> = [
      ['plain write', (text) => writeFile(plan, text)],
      ['atomic rename', (text) => atomicSave(plan, text)],
      ['vim backup and replace', (text) => vimSave(plan, text)],
      ['burst', (text) => burstSave(plan, text, [titled('Burst one'), titled('Burst two')])],
      ['paused write', (text) => pausedSave(plan, text)],
    ];
    for (const [index, [style, save]] of saves.entries()) {
      const title = `Saved by ${style}`;
      await save(titled(title));
      await expectRebuilds(watch, index + 1);
      expect(reloadsOf(watch, '/jordan-lee/'), style).toHaveLength(index + 1);
      const page = await watch.get('/jordan-lee/');
      expect(page.body, style).toContain(title);
      expect(page.body).not.toContain('Burst two</h1>');
    }
    expect(watch.rebuilds().every((line) => line.includes('rebuilt plans/jordan-lee.md'))).toBe(true);
    // plans.json, which no page shows, follows once the saves pause.
    await vi.waitFor(async () => expect(await readFile(path.join(folder, 'out/plans.json'), 'utf8')).toContain('Saved by paused write'), { timeout: 10_000, interval: 100 });
    // Nothing of the preview is ever written to the out folder.
    expect(await readFile(path.join(folder, 'out/jordan-lee/index.html'), 'utf8')).not.toContain('__careerplan');
  });

  test('in a git repository the page shows its revision history, and a save shows as not yet saved in it', async () => {
    const dir = scratchFolder('git');
    mkdirSync(dir, { recursive: true });
    const scripted = createRepo(dir);
    scripted.write('plans/jordan-lee.md', jordanPlan());
    scripted.commit('First plan', '2027-01-05T10:00:00+01:00');
    const watch = await watchIn(scripted.dir);
    const first = (await watch.get('/jordan-lee/')).body;
    expect(first).toMatch(/Revision history[\s\S]*First plan/);
    expect(first).not.toContain('Changes not yet saved in the plan’s history');

    await writeFile(path.join(scripted.dir, 'plans/jordan-lee.md'), jordanPlan([['due: 2027-06', 'due: 2027-12']]));
    await expectRebuilds(watch, 1);
    // Issue 19: no git words on the page, and dates as the page writes them.
    expect((await watch.get('/jordan-lee/')).body).toMatch(/Changes not yet saved in the plan’s history[\s\S]*June 2027 → December 2027[\s\S]*First plan/);
  });

  test('a mistake shows in the page over the last good version and in the terminal; fixing it clears both', async () => {
    const folder = project();
    const watch = await watchIn(folder);
    const plan = path.join(folder, 'plans/sam-okafor.md');
    const original = await readFile(plan, 'utf8');
    expect((await watch.get('/sam-okafor/')).status).toBe(200);
    expect(previewState((await watch.get('/sam-okafor/')).body).problems).toEqual([]);

    await writeFile(plan, original.replace(/^owner: .*$/m, 'owner: [Sam'));
    await expectRebuilds(watch, 1);
    expect(watch.stderr()).toMatch(/plans\/sam-okafor\.md:\d+:\d+ error .* yaml-syntax/);
    expect(watch.rebuilds()[0]).toContain('1 error, the preview shows the last good version');
    const broken = await watch.get('/sam-okafor/');
    expect(broken.status).toBe(200);
    expect(broken.body).toContain('Sam Okafor');
    const [problem] = previewState(broken.body).problems;
    expect(problem).toMatchObject({ file: 'plans/sam-okafor.md', ruleId: 'yaml-syntax' });
    expect(problem?.frame).toContain('owner: [Sam');
    expect(previewState((await watch.get('/')).body).problems.map((p) => p.ruleId)).toEqual(['yaml-syntax']);
    expect(reloadsOf(watch, '/sam-okafor/')).toHaveLength(1);

    await writeFile(plan, original.replace(/^owner: .*$/m, 'owner: Sam Fixed'));
    await expectRebuilds(watch, 2);
    // Ctrl-C right after a save still leaves plans.json up to date.
    expect(await watch.stop()).toBe(0);
    expect(await readFile(path.join(folder, 'out/plans.json'), 'utf8')).toContain('Sam Fixed');
    const again = track(await startWatch(folder, ['--no-pdf', '--as-of', '2026-11-26']));
    await writeFile(plan, original);
    await vi.waitFor(() => expect(again.rebuilds()).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(previewState((await again.get('/sam-okafor/')).body).problems).toEqual([]);
    expect(previewState((await again.get('/')).body).problems).toEqual([]);
    expect(reloadsOf(again, '/sam-okafor/')).toHaveLength(1);
  });

  test('a new plan appears, a deleted one disappears, a renamed one moves; a plan never built shows its problems', async () => {
    const folder = project();
    const watch = await watchIn(folder);
    await writeFile(path.join(folder, 'plans/ada.md'), minimalPlan().replace('title: Plan', 'title: Ada plan'));
    await expectRebuilds(watch, 1);
    expect((await watch.get('/ada/')).body).toContain('Ada plan');
    expect((await watch.get('/')).body).toContain('Ada plan');

    await rename(path.join(folder, 'plans/ada.md'), path.join(folder, 'plans/ada-lovelace.md'));
    await expectRebuilds(watch, 2);
    expect((await watch.get('/ada/')).status).toBe(404);
    expect((await watch.get('/ada-lovelace/')).body).toContain('Ada plan');

    await rm(path.join(folder, 'plans/ada-lovelace.md'));
    await expectRebuilds(watch, 3);
    expect((await watch.get('/ada-lovelace/')).status).toBe(404);
    expect((await watch.get('/')).body).not.toContain('Ada plan');

    await writeFile(path.join(folder, 'plans/bo.md'), '---\ntitle: Bo\n---\n');
    await expectRebuilds(watch, 4);
    const notBuilt = await watch.get('/bo/');
    expect(notBuilt.status).toBe(404);
    expect(notBuilt.type).toBe('text/html; charset=utf-8');
    expect(previewState(notBuilt.body).problems.map((p) => p.ruleId)).toContain('schema');
  });

  test('a template change re-renders every page; a broken template shows in every page and watch goes on', async () => {
    const folder = project();
    const watch = await watchIn(folder);
    const footer = await readFile(path.join(repo, 'templates/partials/footer.hbs'), 'utf8');
    await mkdir(path.join(folder, 'templates/partials'), { recursive: true });
    await writeFile(path.join(folder, 'templates/partials/footer.hbs'), `${footer}<p>Custom footer</p>`);
    await expectRebuilds(watch, 1);
    expect(watch.rebuilds()[0]).toContain('re-rendered every page');
    expect(watch.events.filter((event) => event.event === 'reload').map((event) => event.data)).toEqual(['{"all":true}']);
    for (const page of ['/', '/jordan-lee/', '/lena-schmidt/', '/sam-okafor/']) expect((await watch.get(page)).body).toContain('Custom footer');

    await writeFile(path.join(folder, 'templates/partials/footer.hbs'), '{{#if}}');
    await expectRebuilds(watch, 2);
    expect(watch.stderr()).toContain('templates/partials/footer.hbs');
    const [problem] = previewState((await watch.get('/jordan-lee/')).body).problems;
    expect(problem).toMatchObject({ file: 'templates/partials/footer.hbs', ruleId: 'template' });
    expect((await watch.get('/jordan-lee/')).body).toContain('Custom footer');

    await rm(path.join(folder, 'templates/partials/footer.hbs'));
    await expectRebuilds(watch, 3);
    expect(previewState((await watch.get('/jordan-lee/')).body).problems).toEqual([]);
    expect((await watch.get('/jordan-lee/')).body).not.toContain('Custom footer');
  });

  test('a config change rebuilds everything; a broken config shows in the page and the last good one goes on', async () => {
    const folder = project();
    const watch = await watchIn(folder);
    expect((await watch.get('/jordan-lee/')).body).toContain('<html lang="en"');
    await writeFile(path.join(folder, 'careerplan.config.json'), '{ "locale": "de" }\n');
    await expectRebuilds(watch, 1);
    expect(watch.rebuilds()[0]).toContain('config changed');
    expect((await watch.get('/')).body).toContain('<html lang="de"');
    expect(watch.events.some((event) => event.event === 'reload' && event.data === '{"all":true}')).toBe(true);

    await writeFile(path.join(folder, 'careerplan.config.json'), '{ "locale": "de", "rules": { "no-such-rule": "error" } }\n');
    await expectRebuilds(watch, 2);
    const problems = previewState((await watch.get('/')).body).problems;
    expect(problems.map((p) => p.ruleId)).toContain('config');
    expect(problems[0]?.file).toBe('careerplan.config.json');

    // The plans are still watched by the new session.
    await writeFile(path.join(folder, 'plans/ada.md'), minimalPlan());
    await expectRebuilds(watch, 3);
    expect((await watch.get('/ada/')).status).toBe(200);
  });
});
