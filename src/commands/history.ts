/** `careerplan history <plan> [--since REV|DATE]`: what changed in a plan's substance, commit by commit. */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { findProjectRepository } from '../edges/git.js';
import { displayPath } from '../lib/paths.js';
import { locatePlan, readHistory, SinceError } from '../history/read.js';
import { formatHistory } from '../history/revisions.js';
import { packageRoot } from '../lib/package-root.js';
import { builtinWords } from '../theme/locales.js';
import { PlanPathError } from '../stages/load.js';
import { exitCodes, type Io } from '../io.js';

/** How `history` runs. */
export interface HistoryCommandOptions {
  /** The plan: a path, or a plan's name in the plans folder. */
  readonly plan: string;
  readonly since?: string;
  readonly format: 'pretty' | 'json';
}

/**
 * Prints the plan's history: pretty text or JSON on stdout. Exit 1 when the
 * plan as it is now cannot be read as a plan. Starts git, reads the disk,
 * writes to `io`.
 */
export async function history(config: Config, options: HistoryCommandOptions, io: Io): Promise<number> {
  const file = await locatePlan(options.plan, io.cwd, config.plans);
  if (file === undefined) throw new PlanPathError(`cannot read ${options.plan}: no such plan file (give its path, or its name in ${displayPath(config.plans, io.cwd)})`);
  let found;
  try {
    found = await readHistory(file, await findProjectRepository(config, 'git', io.env), { cwd: io.cwd, ...(options.since === undefined ? {} : { since: options.since }) });
  } catch (error) {
    // One line: the message says what --since takes.
    if (error instanceof SinceError) {
      io.stderr.write(`careerplan: ${error.message}\n`);
      return exitCodes.failure;
    }
    throw error;
  }
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(found, null, 2)}\n` : formatHistory(found, await builtinWords(path.join(packageRoot().folder, 'templates'), 'en')));
  const now = found.uncommitted ?? found.revisions[0];
  if (now?.problem !== undefined) {
    io.stderr.write(`careerplan: ${found.file} as it is now cannot be read as a plan; run 'careerplan check ${found.file}' for the details\n`);
    return exitCodes.problems;
  }
  return exitCodes.ok;
}
