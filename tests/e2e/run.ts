/**
 * Runs the real `careerplan` command: in this process through `main(argv, io)`
 * of the compiled CLI (what `bin/careerplan.js` runs), or in a child process
 * where the process itself is under test.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Io } from '../../src/io.js';

/** The repository's root folder. */
export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repo, 'bin/careerplan.js');

/** What a run of the CLI printed and returned. */
export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and with what a run starts: the working folder (default: the repository) and variables added to a clean environment. */
export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

type Cli = typeof import('../../src/cli.js');
let cli: Promise<Cli> | undefined;

/** Runs `careerplan ...args` in this process, as `bin/careerplan.js` would in `cwd` with a clean environment plus `env`; stdout and stderr are captured, not a terminal. Touches the disk (and what the command starts). */
export async function careerplan(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  // The compiled CLI the e2e setup built, imported once a test file: the code `bin/careerplan.js` runs.
  cli ??= import(pathToFileURL(path.join(repo, 'dist/src/cli.js')).href) as Promise<Cli>;
  const { main } = await cli;
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: options.cwd ?? repo,
    env: cleanEnv(options.env),
    isTerminal: false,
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** Runs `careerplan ...args` in a child process (`bin/careerplan.js`), for what only a process shows: signals, EPIPE, exit codes, variables the process reads. Starts a process. */
export function careerplanProcess(args: readonly string[], options: RunOptions = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? repo, env: cleanEnv(options.env), encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A clean environment (PATH and HOME) plus `env`. Pure. */
function cleanEnv(env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
}

/** The `file:line:col severity rule` of each diagnostic line a run printed (code frames and totals left out). */
export function diagnosticsOf(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /^\S+:\d+:\d+ (error|warning) /.test(line))
    .map((line) => {
      const [where = '', severity = ''] = line.split(' ');
      return `${where} ${severity} ${line.split(' ').at(-1) ?? ''}`;
    });
}

/** Every file and folder below `root`, relative to it. */
export function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true }).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}
