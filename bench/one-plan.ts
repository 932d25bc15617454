/**
 * The `check` section's one-plan figure: `careerplan check` of one plan in a
 * project with a config file, as a pre-commit hook or an editor on save runs
 * it, against Node's own start (`node -e 0`) in the same run. The two take
 * turns, so load on a shared machine weighs on both alike: wall time without
 * any hook (the target), then CPU time with the usage hook preloaded
 * into both. Starts processes and touches the disk.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cases, type BenchCase } from './cases.js';
import { runCli, runNode, toRuns, type ChildRun } from './child.js';
import { benchAsOf, writePlans } from './generate.js';
import type { Runs } from './report.js';

/** Turns of each kind at least: one takes a few tenths of a second, and a median of a few is one unlucky moment. */
export const onePlanTurns = 15;

/** What the figure measured of each: wall times of the runs without hooks, CPU time and peak memory of the runs with the usage hook. */
export interface OnePlanFigures {
  readonly check: Runs;
  readonly node: Runs;
}

/** Where it runs and how often. */
export interface OnePlanOptions {
  readonly work: string;
  readonly turns: number;
  readonly seed: number;
  readonly usageFile: string;
  readonly progress: (message: string) => void;
}

/** Times `check` of one plan and `node -e 0`, taking turns; throws when a check did not check its plan cleanly. */
export async function measureOnePlanCheck(options: OnePlanOptions): Promise<OnePlanFigures> {
  const { work, turns, seed, usageFile, progress } = options;
  await rm(work, { recursive: true, force: true });
  const [plan] = await writePlans(path.join(work, 'plans'), 1, seed);
  if (!plan) throw new Error('the generator wrote no plan');
  await mkdir(work, { recursive: true });
  // A project as `careerplan init` sets one up has a config file, which check reads first.
  await writeFile(path.join(work, 'careerplan.config.yaml'), 'plans: plans\nout: site\n');
  const check = cases.find((benchCase) => benchCase.name === 'check');
  if (!check) throw new Error('no bench case check');
  const args = ['check', path.join('plans', plan.name), '--as-of', benchAsOf, '--format', 'json'];
  const runs = { check: [] as ChildRun[], node: [] as ChildRun[] };
  const wall = { check: [] as number[], node: [] as number[] };
  for (let turn = 1; turn <= turns; turn++) {
    progress(`check: one plan and node -e 0, turn ${turn}/${turns}`);
    wall.node.push((await runNode('-e', ['0'], usageFile, { usage: false })).wallMs);
    wall.check.push(verified(await runCli(args, usageFile, { cwd: work, usage: false }), check).wallMs);
    runs.node.push(await runNode('-e', ['0'], usageFile));
    runs.check.push(verified(await runCli(args, usageFile, { cwd: work }), check));
  }
  await rm(work, { recursive: true, force: true });
  return { check: { ...toRuns(runs.check), wallMs: wall.check }, node: { ...toRuns(runs.node), wallMs: wall.node } };
}

/** The run, once `verify` found it complete (one plan checked, no unexpected problem). */
function verified(run: ChildRun, check: BenchCase): ChildRun {
  check.verify(run, { plans: '', scratch: '', planCount: 1 });
  return run;
}
