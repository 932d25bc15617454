import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { benchAsOf, writePlans, type GeneratedPlan } from '../../bench/generate.js';
import { previewState, startWatch } from '../support/watch-process.js';
import { watchProjects } from '../support/watch-projects.js';

const { folder: scratchFolder, track } = watchProjects();

/** A project of `count` generated plans (they check clean but for `overdue` warnings at `benchAsOf`). */
async function project(name: string, count: number): Promise<{ folder: string; plans: GeneratedPlan[] }> {
  const folder = scratchFolder(name);
  return { folder, plans: await writePlans(path.join(folder, 'plans'), count, 7) };
}

const slugOf = (plan: GeneratedPlan) => plan.name.replace(/\.md$/, '');
const titleOf = (plan: GeneratedPlan) => /^title: (.*)$/m.exec(plan.text)?.[1]?.replace(/^"|"$/g, '') ?? '';

interface Status {
  readonly built: number;
  readonly plans: number;
}

describe('careerplan watch on many plans, through the real CLI, a real watcher and a real HTTP client', () => {
  test('serves a page asked for before it has built every plan, and lists the rest’s problems in one line once they are built', async () => {
    const { folder, plans } = await project('many', 100);
    const watch = await startWatch(folder, ['--no-pdf', '--as-of', benchAsOf], {}, { firstBuild: false });
    track(watch);
    const last = plans.at(-1) as GeneratedPlan;

    // The last plan of the folder, asked for first: built on demand, while most of the others are not built yet.
    const page = await watch.get(`/${slugOf(last)}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(titleOf(last));
    const during = JSON.parse((await watch.get('/__careerplan/status.json')).body) as Status;
    expect(during.plans).toBe(100);
    expect(during.built).toBeLessThan(100);

    // The index is there at once, from the plans built so far, and says the rest are coming.
    const index = await watch.get('/');
    expect(index.status).toBe(200);
    const building = previewState(index.body) as { building?: Status };
    expect(building.building?.plans).toBe(100);
    expect(building.building?.built).toBeLessThan(100);

    // The first build goes on in the background; once over, the index reloads with every plan.
    await vi.waitFor(() => expect(watch.stderr()).toMatch(/built 100 of 100 plans in \d+ ms/), { timeout: 120_000, interval: 50 });
    expect(JSON.parse((await watch.get('/__careerplan/status.json')).body)).toEqual({ built: 100, plans: 100 });
    await vi.waitFor(() => expect(watch.events.some((event) => event.event === 'reload' && JSON.parse(event.data).paths?.includes('/'))).toBe(true), { timeout: 10_000, interval: 20 });
    const full = await watch.get('/');
    expect(previewState(full.body)).not.toHaveProperty('building');
    for (const plan of [plans[0], plans[50], last] as GeneratedPlan[]) expect(full.body).toContain(`${slugOf(plan)}/`);

    // Its warnings are counted in one line, not listed; the pages' problems panel lists them.
    expect(watch.stderr()).not.toMatch(/warning .* overdue/);
    const summary = /careerplan: 100 plans, 0 with errors, (\d+) warnings: see the problems panel of the pages, run `careerplan check`, or start with `--verbose` to list them here/.exec(watch.stderr());
    expect(summary, watch.stderr()).not.toBeNull();
    expect(previewState(full.body).problems.filter((problem) => problem.ruleId === 'overdue')).toHaveLength(Number(summary?.[1]));
  }, 150_000);

  test('--verbose lists every problem found at the start, warnings too', async () => {
    const { folder } = await project('verbose', 12);
    const verbose = track(await startWatch(folder, ['--no-pdf', '--as-of', benchAsOf, '--verbose']));
    const warnings = verbose.stderr().match(/^plans\/\S+\.md:\d+:\d+ warning .* overdue$/gm) ?? [];
    expect(warnings.length).toBeGreaterThan(0);
    expect(verbose.stderr()).toContain(`careerplan: 12 plans, 0 with errors, ${warnings.length} warnings: listed above and in the problems panel of the pages`);
  });
});
