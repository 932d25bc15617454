/** Runs the real `careerplan` command in a child process. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repo, 'bin/careerplan.js');

/** What a run of the CLI printed and returned. */
export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `careerplan ...args` in `cwd` with a clean environment plus `env`. */
export function careerplan(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? repo, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
