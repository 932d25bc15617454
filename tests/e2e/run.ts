/** Runs the real `careerplan` command in a child process. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
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
