/**
 * The config a command runs with: the config file (the nearest above the
 * working folder, or the one named) resolved with the flags, its problems
 * reported. Shared by every command that reads plans; `check` loads it with
 * its own code (see scripts/bundle.mjs), the others through `cli.ts`. Reads
 * the disk, writes problems to `io.stderr`.
 */
import { UsageError, type Io } from '../io.js';
import { parseDate, today } from '../format/dates.js';
import type { Config, ConfigFlags, Resolved } from './config.js';

/** The flags that set the config: each as given on the command line, if given. */
export interface ConfigFlagValues {
  readonly config?: string | undefined;
  readonly 'as-of'?: string | undefined;
  readonly out?: string | undefined;
  readonly plans?: string | undefined;
  readonly view?: string | undefined;
  readonly paper?: string | undefined;
  readonly margin?: string | undefined;
}

/** Reads and resolves the config; reports its problems; `undefined` when it is unusable. */
export async function loadConfig(flags: ConfigFlagValues, io: Io, color: boolean): Promise<Config | undefined> {
  const [{ resolved, file, text }, { reporters }] = await Promise.all([resolveConfigOf(flags, io), import('../diagnostics/reporters/index.js')]);
  if (resolved.diagnostics.length > 0) {
    const sources = new Map(file !== undefined && text !== undefined ? [[file, text]] : []);
    io.stderr.write(reporters.pretty(resolved.diagnostics, { sources, color, planCount: 0, summary: false }));
  }
  return resolved.config;
}

/** Reads the config file and resolves it with the flags; also its shown path and text, for code frames. */
export async function resolveConfigOf(flags: ConfigFlagValues, io: Io): Promise<{ resolved: Resolved; file?: string; text?: string }> {
  const asOf = flags['as-of'];
  if (asOf !== undefined && parseDate(asOf) === undefined) throw new UsageError(`--as-of takes a date as YYYY-MM-DD, not \`${asOf}\``);
  const configFlags: ConfigFlags = {
    ...(asOf === undefined ? {} : { asOf }),
    ...(flags.out === undefined ? {} : { out: flags.out }),
    ...(flags.plans === undefined ? {} : { plans: flags.plans }),
    ...(flags.view === undefined ? {} : { view: flags.view }),
    ...(flags.paper === undefined && flags.margin === undefined
      ? {}
      : { pdf: { ...(flags.paper === undefined ? {} : { paper: flags.paper }), ...(flags.margin === undefined ? {} : { margin: flags.margin }) } }),
  };
  const { readConfigFile } = await import('./file.js');
  // The nearest config file in this folder or above (see config/file.ts), unless one is named.
  const source = await readConfigFile({ cwd: io.cwd, named: flags.config, home: io.env.HOME });
  // Without a config file, the schema (zod) and the YAML reader are not loaded at all.
  const plain = source === undefined ? (await import('./defaults.js')).configWithoutFile(configFlags, io.cwd, today()) : undefined;
  const resolved = plain ?? (await import('./config.js')).resolveConfig(source, configFlags, io.cwd, today());
  return source ? { resolved, file: source.displayPath, text: source.text } : { resolved };
}
