/** `careerplan check [paths…]`: reports every problem in the plans, the way a compiler does. */
import path from 'node:path';
import { checkPlans } from '../build/check-plans.js';
import { displayPath } from '../lib/paths.js';
import type { Config } from '../config/config.js';
import { loadConfig, type ConfigFlagValues } from '../config/load.js';
import { reporters, type ReporterName } from '../diagnostics/reporters/index.js';
import { findPlanFiles, PlanPathError, skippedLines } from '../stages/load.js';
import { exitCodes, type Io } from '../io.js';

/** How `check` reports. */
export interface CheckOptions {
  /** Files or folders; empty means the configured plans folder. */
  readonly paths: readonly string[];
  readonly format: ReporterName;
  /** Exit 1 when there are more warnings than this. */
  readonly maxWarnings?: number;
  /** Report errors only. */
  readonly quiet: boolean;
  readonly color: boolean;
}

/** Reads the config the flags and the config file set, then checks the plans as `check` does; returns the exit code. Reads the disk, writes to `io`. */
export async function checkWithConfig(flags: ConfigFlagValues, options: CheckOptions, io: Io): Promise<number> {
  const config = await loadConfig(flags, io, options.color);
  return config ? check(config, options, io) : exitCodes.failure;
}

/** Checks the plans and writes the report; returns the exit code. Reads the disk, writes to `io`. */
export async function check(config: Config, options: CheckOptions, io: Io): Promise<number> {
  const given = options.paths.map((each) => path.resolve(io.cwd, each));
  const listing = await (given.length > 0 ? findPlanFiles(given) : findPlanFiles([config.plans], { configured: true }));
  const { files } = listing;
  for (const line of skippedLines(listing, (file) => displayPath(file, io.cwd))) io.stderr.write(`${line}\n`);
  if (files.length === 0) {
    throw new PlanPathError(`no plans found in ${displayPath(config.plans, io.cwd)}: plans are files ending in .md`);
  }
  const result = await checkPlans(files, config, io.cwd);
  const shown = options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  const hiddenWarnings = result.diagnostics.length - shown.length;
  const report = reporters[options.format](shown, { sources: result.sources, color: options.color, planCount: result.planCount, hiddenWarnings });
  (options.format === 'pretty' ? io.stderr : io.stdout).write(report);

  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  if (errors > 0) return exitCodes.problems;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`careerplan: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return exitCodes.problems;
  }
  return exitCodes.ok;
}
