/**
 * The command line: parses flags against the table of commands (usage.ts,
 * which also writes the help), resolves the config, runs one command and
 * returns its exit code. `bin/careerplan.js` is the only caller of
 * `process.exit`; tests call `main` in-process too.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exitCodes, terminalIo, UsageError, type Io } from './io.js';
import type { Config, Resolved } from './config/config.js';
import type { ReporterName } from './diagnostics/reporters/index.js';
import { wantsColor as colorWanted } from './diagnostics/color.js';
import { parseDate, today } from './format/dates.js';
import { packageRoot } from './lib/package-root.js';
import { ImportError } from './import/imported.js';
import { PlanPathError } from './stages/load.js';
import { commandHelp, commandNamed, flagValueProblem, isFlagName, mainHelp, parseOptions, takesFlag, unknownCommandMessage, unknownFlagMessage, type Command } from './usage.js';

// Commands and their heavy modules (zod, unified, Handlebars) load only when run, so `--help` and `--version` start at once.

type Flags = ReturnType<typeof parseArgs<{ options: typeof parseOptions; allowPositionals: true; strict: true }>>['values'];

/** Runs careerplan with command-line arguments; returns the exit code. Touches the world through `given` (written to as the terminal writer shows it) and the disk. */
export async function main(argv: readonly string[], given: Io = processIo()): Promise<number> {
  // Every word written, a plan's or git's among them, passes the terminal writer: no control character gets through raw.
  const io = terminalIo(given);
  try {
    const { flags, command, rest } = parseCommandLine(argv);
    if (flags.version) {
      io.stdout.write(`${packageRoot().version}\n`);
      return exitCodes.ok;
    }
    if (flags.help) {
      io.stdout.write(command === undefined ? mainHelp() : commandHelp(command));
      return exitCodes.ok;
    }
    if (command === undefined) throw new UsageError('missing command: which one? such as `careerplan check`');
    switch (command.name) {
      case 'build':
        if (rest.length > 0) throw new UsageError(`unexpected argument \`${rest[0]}\` for build: it builds the plans folder`);
        return await runBuild(flags, io);
      case 'check':
        return await runCheck(flags, rest, io);
      case 'watch':
        if (rest.length > 0) throw new UsageError(`unexpected argument \`${rest[0]}\` for watch: it watches the plans folder`);
        return await runWatch(flags, io);
      case 'merge':
        return await runMerge(flags, rest, io);
      case 'history':
        return await runHistory(flags, rest, io);
      case 'review':
        return await runReview(flags, rest, io);
      case 'init':
        return await runInit(flags, rest, io);
      case 'new':
        return await runNew(flags, rest, io);
      case 'lsp':
        if (rest.length > 0) throw new UsageError(`unexpected argument \`${rest[0]}\` for lsp: it serves the plans folder`);
        return await runLsp(flags, io);
      case 'import':
        return await runImport(flags, rest, io);
      case 'doctor':
        if (rest.length > 0) throw new UsageError(`unexpected argument \`${rest[0]}\` for doctor`);
        return await runDoctor(flags, io);
      default: {
        const [name = 'plan', extra] = rest;
        if (extra !== undefined || (name !== 'plan' && name !== 'config')) throw new UsageError(`unexpected argument \`${extra ?? name}\` for schema: it takes \`plan\` (the default) or \`config\``, 'schema');
        const { schema } = await import('./commands/schema.js');
        return schema(io, name);
      }
    }
  } catch (error) {
    return failure(error, io);
  }
}

/**
 * The command line read: the flags, the command and its other words. `help
 * COMMAND` is `COMMAND --help`. A mistyped command or flag, or a flag the
 * command does not take, is a UsageError naming the nearest right one.
 */
function parseCommandLine(argv: readonly string[]): { flags: Flags; command?: Command; rest: readonly string[] } {
  // Read leniently first, to find the command and name a mistyped flag in plain words; then strictly.
  const { positionals: words, tokens } = parseArgs({ args: [...argv], options: parseOptions, allowPositionals: true, strict: false, tokens: true });
  const [first, ...others] = words;
  const asksHelp = first === 'help';
  // `careerplan help help` is the help.
  const named = asksHelp ? (others[0] === 'help' ? undefined : others[0]) : first;
  const command = named === undefined ? undefined : commandNamed(named);
  if (named !== undefined && command === undefined) throw new UsageError(unknownCommandMessage(named));
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!isFlagName(token.name) || (command && !takesFlag(command, token.name))) throw new UsageError(unknownFlagMessage(token.rawName, command), command?.name);
    const problem = flagValueProblem(token.name, token.value);
    if (problem) throw new UsageError(problem, command?.name);
  }
  const { values: flags, positionals } = parseArgs({ args: [...argv], options: parseOptions, allowPositionals: true, strict: true });
  const rest = positionals.slice(asksHelp ? 2 : 1);
  return { flags: asksHelp ? { ...flags, help: true } : flags, ...(command ? { command } : {}), rest };
}

async function runBuild(flags: Flags, io: Io): Promise<number> {
  const { lengthPattern, paperSizes } = await import('./config/defaults.js');
  if (flags.paper !== undefined && !paperSizes.some((size) => size.toLowerCase() === flags.paper?.toLowerCase())) {
    throw new UsageError(`--paper takes a paper size: ${paperSizes.join(', ')}; not \`${flags.paper}\``);
  }
  if (flags.margin !== undefined && !lengthPattern.test(flags.margin)) {
    throw new UsageError(`--margin takes a length such as 18mm, 2cm or 0.75in; not \`${flags.margin}\``);
  }
  const { parseShard, shardUsage } = await import('./site/shard.js');
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  if (flags.shard !== undefined && shard === undefined) throw new UsageError(shardUsage(flags.shard));
  const color = wantsColor(flags, io);
  const config = await loadConfig(flags, io, color);
  if (!config) return exitCodes.failure;
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new UsageError(`--concurrency takes a whole number from 1, not \`${flags.concurrency}\``);
  }
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new UsageError(`--workers takes a whole number from 0, not \`${flags.workers}\``);
  const { build } = await import('./commands/build.js');
  return build(
    config,
    {
      clean: flags.clean ?? false,
      color,
      pdf: !(flags['no-pdf'] ?? false),
      force: flags.force ?? false,
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(workers === undefined ? {} : { workers }),
      ...(flags.browser === undefined ? {} : { browser: path.resolve(io.cwd, flags.browser) }),
      ...(shard === undefined ? {} : { shard }),
    },
    io,
  );
}

async function runMerge(flags: Flags, slices: readonly string[], io: Io): Promise<number> {
  const config = await loadConfig(flags, io, wantsColor(flags, io));
  if (!config) return exitCodes.failure;
  const { merge } = await import('./commands/merge.js');
  return merge(config, { slices }, io);
}

async function runWatch(flags: Flags, io: Io): Promise<number> {
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError(`--port takes a port number from 0 to 65535, not \`${flags.port}\``);
  const color = wantsColor(flags, io);
  const config = await loadConfig(flags, io, color);
  if (!config) return exitCodes.failure;
  const [{ watch, defaultPort }, { configFileNames }] = await Promise.all([import('./commands/watch.js'), import('./config/file.js')]);
  // Ctrl-C and SIGTERM end the preview: the watcher, the server and the browser are closed before the process exits;
  // should that take too long, it exits anyway, without the temporary files of a page it was writing.
  const { onStopSignals } = await import('./edges/signals.js');
  const { removeOwnTemporaries } = await import('./edges/files.js');
  const stop = new AbortController();
  const stopListening = onStopSignals(
    () => stop.abort(),
    () => removeOwnTemporaries(config.out),
  );
  try {
    return await watch(
      config,
      {
        port: port ?? defaultPort,
        strictPort: flags['strict-port'] ?? false,
        host: flags.host ?? '127.0.0.1',
        open: flags.open ?? false,
        pdf: !(flags['no-pdf'] ?? false),
        color,
        verbose: flags.verbose ?? false,
        ...(flags.browser === undefined ? {} : { browser: path.resolve(io.cwd, flags.browser) }),
        reloadConfig: () => resolveConfigOf(flags, io),
        configFiles: configFilesToWatch(flags, config, io, configFileNames),
        signal: stop.signal,
      },
      io,
    );
  } finally {
    stopListening();
  }
}

/** The config files whose change reloads the preview: the one named or found, else those that could appear in the working folder. */
function configFilesToWatch(flags: Flags, config: Config, io: Io, names: readonly string[]): string[] {
  if (flags.config !== undefined) return [path.resolve(io.cwd, flags.config)];
  return config.configFile === undefined ? names.map((name) => path.join(io.cwd, name)) : [config.configFile];
}

async function runCheck(flags: Flags, paths: readonly string[], io: Io): Promise<number> {
  const format = flags.format ?? 'pretty';
  if (!['pretty', 'json', 'github'].includes(format)) throw new UsageError(`unknown --format \`${format}\`, expected pretty, json or github`);
  const maxWarnings = flags['max-warnings'] === undefined ? undefined : Number(flags['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`--max-warnings takes a whole number, not \`${flags['max-warnings']}\``);
  }
  const color = wantsColor(flags, io);
  // check reads its config with its own code: in dist/ it is one bundled file that loads at once (scripts/bundle.mjs).
  const { checkWithConfig } = await import('./commands/check.js');
  return checkWithConfig(flags, { paths, format: format as ReporterName, quiet: flags.quiet ?? false, color, ...(maxWarnings === undefined ? {} : { maxWarnings }) }, io);
}

async function runHistory(flags: Flags, plans: readonly string[], io: Io): Promise<number> {
  const [plan, extra] = plans;
  if (plan === undefined) throw new UsageError('history needs a plan: careerplan history plans/<name>.md');
  if (extra !== undefined) throw new UsageError(`unexpected argument \`${extra}\` for history: it takes one plan`);
  const format = flags.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json') throw new UsageError(`unknown --format \`${format}\` for history, expected pretty or json`);
  const config = await loadConfig(flags, io, wantsColor(flags, io));
  if (!config) return exitCodes.failure;
  const { history } = await import('./commands/history.js');
  return history(config, { plan, format, ...(flags.since === undefined ? {} : { since: flags.since }) }, io);
}

async function runReview(flags: Flags, plans: readonly string[], io: Io): Promise<number> {
  const [plan, extra] = plans;
  if (plan === undefined) throw new UsageError('review needs a plan: careerplan review plans/<name>.md');
  if (extra !== undefined) throw new UsageError(`unexpected argument \`${extra}\` for review: it takes one plan`);
  // --out names the review's PDF here, not the site's folder.
  const { out, ...configFlags } = flags;
  const color = wantsColor(flags, io);
  const config = await loadConfig(configFlags, io, color);
  if (!config) return exitCodes.failure;
  const { review } = await import('./commands/review.js');
  return review(
    config,
    {
      plan,
      color,
      ...(flags.since === undefined ? {} : { since: flags.since }),
      ...(out === undefined ? {} : { out: path.resolve(io.cwd, out) }),
      ...(flags.browser === undefined ? {} : { browser: path.resolve(io.cwd, flags.browser) }),
    },
    io,
  );
}

async function runInit(flags: Flags, folders: readonly string[], io: Io): Promise<number> {
  const [folder = '.', extra] = folders;
  if (extra !== undefined) throw new UsageError(`unexpected argument \`${extra}\` for init: it sets up one folder`);
  const asOf = flags['as-of'];
  if (asOf !== undefined && parseDate(asOf) === undefined) throw new UsageError(`--as-of takes a date as YYYY-MM-DD, not \`${asOf}\``);
  const { init } = await import('./commands/init.js');
  return init({ folder: path.resolve(io.cwd, folder), today: asOf ?? today() }, io);
}

async function runNew(flags: Flags, words: readonly string[], io: Io): Promise<number> {
  if (words.length === 0) throw new UsageError('new takes the person\'s full name, such as `careerplan new "Jordan Lee"`');
  const config = await loadConfig(flags, io, wantsColor(flags, io));
  if (!config) return exitCodes.failure;
  const { newPlan } = await import('./commands/new-plan.js');
  // `careerplan new Jordan Lee` without quotes means the same name.
  return newPlan({ name: words.join(' '), plans: config.plans, today: config.asOf }, io);
}

async function runLsp(flags: Flags, io: Io): Promise<number> {
  if (flags.stdio !== true) throw new UsageError('lsp talks to an editor over standard input and output: run `careerplan lsp --stdio`, as editors do', 'lsp');
  const config = await loadConfig(flags, io, false);
  if (!config) return exitCodes.failure;
  const { lsp } = await import('./commands/lsp.js');
  return lsp(config, io);
}

async function runImport(flags: Flags, sources: readonly string[], io: Io): Promise<number> {
  const [source, extra] = sources;
  if (source === undefined) throw new UsageError('import needs a file: a JSON Resume, such as `careerplan import resume.json`, or LinkedIn\'s data export (its folder or .zip)', 'import');
  if (extra !== undefined) throw new UsageError(`unexpected argument \`${extra}\` for import: it takes one file`, 'import');
  const config = await loadConfig(flags, io, wantsColor(flags, io));
  if (!config) return exitCodes.failure;
  const { importPlan } = await import('./commands/import.js');
  return importPlan({ source: path.resolve(io.cwd, source), plans: config.plans, today: config.asOf, force: flags.force ?? false }, io);
}

async function runDoctor(flags: Flags, io: Io): Promise<number> {
  const config = await loadConfig(flags, io, wantsColor(flags, io));
  if (!config) return exitCodes.failure;
  const { doctor } = await import('./commands/doctor.js');
  return doctor(config, flags.browser === undefined ? {} : { browser: flags.browser }, io);
}

/** Reads and resolves the config; reports its problems; `undefined` when it is unusable. */
async function loadConfig(flags: Flags, io: Io, color: boolean): Promise<Config | undefined> {
  return (await import('./config/load.js')).loadConfig(flags, io, color);
}

/** Reads the config file and resolves it with the flags; also its shown path and text, for code frames. */
async function resolveConfigOf(flags: Flags, io: Io): Promise<{ resolved: Resolved; file?: string; text?: string }> {
  return (await import('./config/load.js')).resolveConfigOf(flags, io);
}

function wantsColor(flags: Flags, io: Io): boolean {
  return colorWanted(flags, io.env, io.isTerminal);
}

function failure(error: unknown, io: Io): number {
  const known = error instanceof UsageError || error instanceof PlanPathError || error instanceof ImportError || isArgumentError(error);
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`careerplan: ${message}\n`);
  if (error instanceof UsageError && error.command !== undefined) io.stderr.write(`Run \`careerplan ${error.command} --help\` for its options.\n`);
  else if (error instanceof UsageError || isArgumentError(error)) io.stderr.write("Run 'careerplan --help' for usage.\n");
  if (!known && error instanceof Error && io.env.CAREERPLAN_DEBUG) io.stderr.write(`${error.stack ?? ''}\n`);
  return exitCodes.failure;
}

function isArgumentError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS');
}


function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, isTerminal: process.stderr.isTTY === true };
}
