/**
 * Runs the real CLI (`node bin/careerplan.js …`), or another Node program
 * such as a reference, as a child process and measures it: wall time from
 * spawn to exit, and, through the preloaded `child-usage.js`, the child's
 * peak RSS and CPU time (and, when asked, through `child-print.js`, when its
 * browser ran). Starts processes and touches the disk.
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PrintReport } from './child-print.js';
import type { ChildUsage } from './child-usage.js';
import type { Runs } from './report.js';

/** The repository's root folder (this file is `dist/bench/child.js` once built). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The command's entry point, as users run it. */
export const bin = path.join(repoRoot, 'bin/careerplan.js');

const usageHook = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'child-usage.js')).href;
const printHook = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'child-print.js')).href;

/** What one run of the CLI did, and what it cost. */
export interface ChildRun {
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** Absent when the child died before it could report. */
  readonly usage?: ChildUsage;
  /** With `printReport`: what the child's browser did (absent when the child died before it could report). */
  readonly print?: PrintReport;
}

/** Extra measurements of a run, and where it runs. */
export interface RunOptions {
  /** A scratch path: preload `child-print.js`, which times the child's browser and writes its report there. */
  readonly printReport?: string;
  /** The working folder (default: the repository root). */
  readonly cwd?: string;
  /** Variables added to the environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Preload `child-usage.js` for the child's peak RSS and CPU time (default); `false` times the process alone, as a user starts it. */
  readonly usage?: boolean;
}

/** Runs `careerplan ...args` from the repository root; `usageFile` is a scratch path for the child's report. */
export function runCli(args: readonly string[], usageFile: string, options: RunOptions = {}): Promise<ChildRun> {
  return runNode(bin, args, usageFile, options);
}

/** Runs `node <script> ...args` with the usage hook preloaded (and the print hook, when asked); `usageFile` as for `runCli`. */
export async function runNode(script: string, args: readonly string[], usageFile: string, options: RunOptions = {}): Promise<ChildRun> {
  await rm(usageFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, NO_COLOR: '1', CAREERPLAN_BENCH_USAGE: usageFile };
  delete env.NODE_OPTIONS;
  delete env.CAREERPLAN_BENCH_PRINT;
  const hooks = options.usage === false ? [] : ['--import', usageHook];
  if (options.printReport) {
    await rm(options.printReport, { force: true });
    env.CAREERPLAN_BENCH_PRINT = options.printReport;
    hooks.push('--import', printHook);
  }
  const started = performance.now();
  const child = spawn(process.execPath, [...hooks, script, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  const usage = await readJson<ChildUsage>(usageFile);
  const print = options.printReport ? await readJson<PrintReport>(options.printReport) : undefined;
  return {
    args,
    exitCode,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    wallMs,
    ...(usage ? { usage } : {}),
    ...(print ? { print } : {}),
  };
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The wall times, peak memory and CPU times of runs, as the report takes them. Pure. */
export function toRuns(runs: readonly ChildRun[]): Runs {
  const usages = runs.flatMap((r) => (r.usage ? [r.usage] : []));
  return {
    wallMs: runs.map((r) => r.wallMs),
    peakRssMb: usages.map((u) => u.maxRssKb / 1024),
    cpuSeconds: usages.map((u) => (u.userMs + u.systemMs) / 1000),
  };
}
