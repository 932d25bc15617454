/**
 * The history bench: builds a temporary repository holding one plan with
 * `commits` scripted commits (due dates moved, steps added and done, skills
 * raised, goals added and reworded, the file renamed half-way) with one `git
 * fast-import`, then times `readHistory` cold (a new cache: every version is
 * read and parsed) and cached (the same cache: only git's log and status
 * run). Run on its own with `node dist/bench/history.js [commits] [runs]`
 * after `npm run build:ts`. Starts git, writes a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findProjectRepository } from '../src/edges/git.js';
import { gitPlaces, historyStamps } from '../src/history/stamps.js';
import { createHistoryCache, readHistory } from '../src/history/read.js';
import { summarize, type Summary } from './stats.js';

/** What the history bench measured, in milliseconds. */
export interface HistoryFigures {
  readonly commits: number;
  /** Distinct versions of the plan (blobs) read and parsed by a cold run. */
  readonly versions: number;
  readonly planKb: number;
  readonly cold: Summary;
  readonly cached: Summary;
  /** `historyStamps` of the plan: what a build would run to know whether its cached history still holds. */
  readonly stamp: Summary;
  /** Building the repository with git fast-import, once. */
  readonly setupMs: number;
}

interface Goal {
  id: string;
  title: string;
  measure: string;
  due: [number, number];
  steps: Array<{ title: string; done?: string }>;
}

interface State {
  goals: Goal[];
  skills: Array<{ id: string; name: string; level: number; target: number }>;
  notes: string;
}

/** The plan's text for a state. */
function planText(state: State): string {
  const month = ([year, m]: [number, number]): string => `${year}-${String(m).padStart(2, '0')}`;
  const lines = ['---', 'title: Career action plan', 'owner: Bench Person', 'horizon: 2032', 'skills:'];
  for (const skill of state.skills) lines.push(`  - { name: ${skill.name}, id: ${skill.id}, level: ${skill.level}, target: ${skill.target} }`);
  lines.push('goals:');
  for (const goal of state.goals) {
    lines.push(`  - title: ${goal.title}`, `    id: ${goal.id}`, `    measure: ${goal.measure}`, `    due: ${month(goal.due)}`, '    steps:');
    for (const step of goal.steps) lines.push(step.done ? `      - { title: ${step.title}, done: ${step.done}, worth: yes }` : `      - ${step.title}`);
  }
  lines.push('---', '', state.notes, '');
  return lines.join('\n');
}

/** The state after commit `index`: one small, realistic edit a commit. */
function edit(state: State, index: number): string {
  const goal = state.goals[index % state.goals.length]!;
  const day = `2027-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}`;
  switch (index % 6) {
    case 0: {
      goal.due = goal.due[1] === 12 ? [goal.due[0] + 1, 1] : [goal.due[0], goal.due[1] + 1];
      return `Move ${goal.id} by a month`;
    }
    case 1:
      goal.steps.push({ title: `Step ${index} of ${goal.id}` });
      return `Add a step to ${goal.id}`;
    case 2: {
      const open = goal.steps.find((step) => !step.done);
      if (open) open.done = day;
      else goal.steps.push({ title: `Step ${index} of ${goal.id}`, done: day });
      return `Finish a step of ${goal.id}`;
    }
    case 3: {
      const skill = state.skills[index % state.skills.length]!;
      if (skill.level < 5) skill.level += 1;
      else state.skills.push({ id: `skill-${index}`, name: `Skill ${index}`, level: 0, target: 3 });
      return 'Raise a skill';
    }
    case 4:
      if (index % 24 === 4) {
        state.goals.push({ id: `goal-${index}`, title: `Goal ${index}`, measure: 'Done and confirmed', due: [2028, (index % 12) + 1], steps: [{ title: 'Begin' }] });
        return 'Add a goal';
      }
      goal.measure = `Confirmed in writing, revision ${index}`;
      return `Reword the measure of ${goal.id}`;
    default:
      state.notes = `Notes after review ${index}. ${'We talked about the next steps and what to try. '.repeat(3)}`;
      return 'Notes after a review';
  }
}

/** A fast-import stream of `commits` commits of one plan, renamed half-way. */
function importStream(commits: number): string {
  const state: State = {
    goals: ['promotion', 'speaking', 'python'].map((id, index) => ({
      id,
      title: `Goal about ${id}`,
      measure: 'Confirmed in writing',
      due: [2027, 3 + index * 3] as [number, number],
      steps: [{ title: `First step of ${id}` }, { title: `Second step of ${id}` }],
    })),
    skills: [
      { id: 'sql', name: 'SQL', level: 1, target: 4 },
      { id: 'speaking', name: 'Public speaking', level: 0, target: 3 },
    ],
    notes: 'Written after the first meeting.',
  };
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const parts: string[] = [];
  let file = 'plans/bench.md';
  for (let index = 0; index < commits; index += 1) {
    const message = index === 0 ? 'Start the plan' : edit(state, index);
    const when = 1_798_761_600 + index * 86_400;
    parts.push('commit refs/heads/main\n', `author Bench <bench@example.org> ${when} +0100\n`, `committer Bench <bench@example.org> ${when} +0100\n`, data(message));
    if (index === Math.floor(commits / 2)) {
      parts.push(`R ${file} plans/bench-plan.md\n`);
      file = 'plans/bench-plan.md';
    }
    parts.push(`M 100644 inline ${file}\n`, data(planText(state)), '\n');
  }
  return parts.join('');
}

/** Builds the repository in `work` and times `readHistory` cold and cached, `runs` times each. Starts git. */
export async function measureHistory(options: { readonly commits: number; readonly runs: number; readonly work: string }): Promise<HistoryFigures> {
  const { commits, runs, work } = options;
  const env = { ...process.env, LC_ALL: 'C', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull };
  const begun = performance.now();
  execFileSync('git', ['init', '-q', '-b', 'main', work], { env });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: work, env, input: importStream(commits) });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: work, env });
  const setupMs = performance.now() - begun;
  const plan = path.join(work, 'plans', 'bench-plan.md');

  const cold: number[] = [];
  const cached: number[] = [];
  const stamp: number[] = [];
  let versions = 0;
  for (let run = 0; run < runs; run += 1) {
    const cache = createHistoryCache();
    let started = performance.now();
    const repository = await findProjectRepository({ root: work, plans: path.join(work, 'plans') });
    const history = await readHistory(plan, repository, { cache, cwd: work });
    cold.push(performance.now() - started);
    if (history.revisions.length !== commits) throw new Error(`the history has ${history.revisions.length} revisions, expected ${commits}`);
    const problems = history.revisions.filter((revision) => revision.problem !== undefined);
    if (problems.length > 0) throw new Error(`${problems.length} versions could not be read: ${problems[0]?.problem ?? ''}`);
    versions = cache.versions.size;
    started = performance.now();
    const again = await readHistory(plan, repository, { cache, cwd: work });
    cached.push(performance.now() - started);
    if (again.revisions.length !== commits) throw new Error('the cached history differs');
    started = performance.now();
    const stamps = await historyStamps([plan], gitPlaces([plan], await findProjectRepository({ root: work, plans: path.join(work, 'plans') })));
    stamp.push(performance.now() - started);
    if (stamps.get(plan) !== `git:${again.revisions[0]?.commit ?? ''}`) throw new Error(`the stamp ${stamps.get(plan) ?? ''} is not the newest commit`);
  }
  const planKb = Buffer.byteLength(execFileSync('git', ['show', 'HEAD:plans/bench-plan.md'], { cwd: work, env })) / 1024;
  return { commits, versions, planKb, cold: summarize(cold), cached: summarize(cached), stamp: summarize(stamp), setupMs };
}

/** The figures as lines of text. */
export function formatHistoryFigures(figures: HistoryFigures): string {
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  return [
    `history of one plan with ${figures.commits} commits (${figures.versions} versions, ${figures.planKb.toFixed(1)} KB at HEAD; repository built in ${ms(figures.setupMs)}):`,
    `  cold   (read + parse every version): median ${ms(figures.cold.median)} (min ${ms(figures.cold.min)}, max ${ms(figures.cold.max)})`,
    `  cached (same cache: git log + status only): median ${ms(figures.cached.median)} (min ${ms(figures.cached.min)}, max ${ms(figures.cached.max)})`,
    `  stamp  (historyStamps, the build cache's check): median ${ms(figures.stamp.median)} (min ${ms(figures.stamp.min)}, max ${ms(figures.stamp.max)})`,
    '',
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [commits = 200, runs = 3] = argv.map(Number);
  if (!Number.isInteger(commits) || commits < 2 || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write('usage: node dist/bench/history.js [commits ≥ 2, default 200] [runs ≥ 1, default 3]\n');
    return 2;
  }
  const work = await mkdtemp(path.join(os.tmpdir(), 'careerplan-bench-history-'));
  try {
    process.stdout.write(formatHistoryFigures(await measureHistory({ commits, runs, work })));
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
