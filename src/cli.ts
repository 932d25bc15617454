/**
 * The command line: parses flags, resolves the config, runs one command and
 * returns its exit code. `bin/careerplan.js` is the only caller of
 * `process.exit`; tests call `main` in-process too.
 */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exitCodes, terminalIo, UsageError, type Io } from './io.js';
import type { Config, ConfigFlags, Resolved } from './config/config.js';
import type { ReporterName } from './diagnostics/reporters/index.js';
import { parseDate, today } from './format/dates.js';
import { packageRoot } from './lib/package-root.js';
import { PlanPathError } from './stages/load.js';

// Commands and their heavy modules (zod, unified, Handlebars) load only when run, so `--help` and `--version` start at once.

const help = `careerplan — career action plans from Markdown

Usage: careerplan <command> [options]

Commands:
  init [DIR]         Set up a plans project: a plan to start from, a commented config, .gitignore, npm scripts
  new "FULL NAME"    Write plans/<name>.md from the starter plan, dated today
  build              Check every plan and build the site (out/: index, a page per plan, plans.json)
  check [paths…]     Check plans and report every problem (default: the plans folder)
  watch              Build, serve a live preview and rebuild on every save (alias: dev)
  merge SLICE…       Merge the out folders of sharded builds (build --shard), or a folder of them, into one site
  doctor             Tell which browser prints the PDFs, why that one, and whether it starts
  schema             Print the plan format's JSON Schema
  history PLAN       Show what changed in a plan, commit by commit, from git
  review PLAN        Print a dated review PDF: what changed, was completed, is overdue, then the plan

Options for every command:
  --config FILE      Use this config file (default: careerplan.config.json or .yaml here)
  -h, --help         Show this help
  -v, --version      Show the version

Options for build and check:
  --as-of DATE       The date taken as today for statuses and time-dependent rules (YYYY-MM-DD)
  --color, --no-color  Force colours on or off (default: on for a terminal without NO_COLOR)

Options for build:
  --plans DIR        Build the plans in this folder (default: plans, or the config's plans)
  --out DIR          Build into this folder (default: out, or the config's out)
  --clean            Empty the out folder first
  --no-pdf           Build the HTML site without printing PDFs
  --force            Print every PDF, even those whose plan did not change
  --concurrency N    Plans printed at once (default: the number of cores)
  --browser PATH     Print with this Chrome, Chromium or Edge
  --paper NAME       Paper size: A4 (default), Letter, Legal, Tabloid, Ledger, A0 to A6
  --margin LENGTH    Page margins, such as 18mm (default), 2cm or 0.75in
  --workers N        Threads building pages (default: one a core for many plans; 0: none)
  --shard I/N        Build only shard I of N (1 ≤ I ≤ N), for parallel CI jobs; see docs/scaling.md
  --view NAME        Build the config's view NAME, without the parts it omits (default out: out-NAME)

Options for merge:
  --out DIR          Merge into this folder (default: out, or the config's out)

Options for watch (and --plans, --out, --as-of, --no-pdf, --browser, --view as for build):
  --port N           Serve on this port (default 4300; the next free one if it is taken)
  --strict-port      Fail instead of taking the next free port
  --host ADDRESS     Listen on this address (default 127.0.0.1; others expose the plans)
  --open             Open the preview in the default browser

Options for check:
  --format NAME      pretty (default), json or github
  --max-warnings N   Exit 1 when there are more than N warnings
  --quiet            Report errors only

Options for init and new:
  --as-of DATE       Date the starter plan from this day instead of today (YYYY-MM-DD)
  --plans DIR        new: write the plan into this folder (default: plans, or the config's plans)

Options for doctor:
  --browser PATH     Check this browser instead of the one careerplan would find

Options for history (PLAN: a plan file, or a plan's name in the plans folder):
  --since REV|DATE   Only commits after this revision, or from this date (YYYY-MM-DD) on
  --format NAME      pretty (default) or json

Options for review (PLAN as for history; --as-of, --browser, --color as for build):
  --since REV|DATE   The period reviewed (default: since the plan's reviewed date, else its first commit)
  --out FILE         Write the PDF here (default: reviews/<plan>-review-<as-of date>.pdf)

Exit codes: 0 no errors, 1 problems in the plans, 2 careerplan could not run.
`;

const options = {
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  out: { type: 'string' },
  plans: { type: 'string' },
  clean: { type: 'boolean' },
  'no-pdf': { type: 'boolean' },
  force: { type: 'boolean' },
  concurrency: { type: 'string' },
  paper: { type: 'string' },
  margin: { type: 'string' },
  browser: { type: 'string' },
  port: { type: 'string' },
  workers: { type: 'string' },
  'strict-port': { type: 'boolean' },
  host: { type: 'string' },
  open: { type: 'boolean' },
  shard: { type: 'string' },
  since: { type: 'string' },
  view: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** The flags each command takes besides --config, --help and --version. */
const commandFlags: Readonly<Record<string, readonly string[]>> = {
  build: ['as-of', 'color', 'no-color', 'out', 'clean', 'plans', 'no-pdf', 'force', 'concurrency', 'browser', 'paper', 'margin', 'workers', 'shard', 'view'],
  merge: ['out'],
  check: ['as-of', 'color', 'no-color', 'format', 'max-warnings', 'quiet'],
  schema: [],
  doctor: ['browser'],
  init: ['as-of'],
  new: ['as-of', 'plans'],
  watch: ['as-of', 'color', 'no-color', 'out', 'plans', 'no-pdf', 'browser', 'port', 'strict-port', 'host', 'open', 'view'],
  history: ['since', 'format'],
  review: ['since', 'out', 'as-of', 'browser', 'color', 'no-color'],
};

type Flags = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>['values'];

/** Runs careerplan with command-line arguments; returns the exit code. Touches the world through `given` (written to as the terminal writer shows it) and the disk. */
export async function main(argv: readonly string[], given: Io = processIo()): Promise<number> {
  // Every word written, a plan's or git's among them, passes the terminal writer: no control character gets through raw.
  const io = terminalIo(given);
  try {
    const { values: flags, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    const [given, ...rest] = positionals;
    const command = given === 'dev' ? 'watch' : given;
    if (flags.version) {
      io.stdout.write(`${packageRoot().version}\n`);
      return exitCodes.ok;
    }
    if (flags.help || command === 'help') {
      io.stdout.write(help);
      return exitCodes.ok;
    }
    if (command === undefined) throw new UsageError('missing command');
    const allowed = commandFlags[command];
    if (!allowed) throw new UsageError(`unknown command \`${command}\``);
    const stray = Object.keys(flags).find((flag) => !['config', 'help', 'version', ...allowed].includes(flag));
    if (stray) throw new UsageError(`\`--${stray}\` is not an option of ${command}`);
    switch (command) {
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
      case 'doctor':
        if (rest.length > 0) throw new UsageError(`unexpected argument \`${rest[0]}\` for doctor`);
        return await runDoctor(flags, io);
      default: {
        if (rest.length > 0) throw new UsageError(`unexpected argument \`${rest[0]}\` for schema`);
        const { schema } = await import('./commands/schema.js');
        return schema(io);
      }
    }
  } catch (error) {
    return failure(error, io);
  }
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
        ...(flags.browser === undefined ? {} : { browser: path.resolve(io.cwd, flags.browser) }),
        reloadConfig: () => resolveConfigOf(flags, io),
        configFiles: flags.config === undefined ? configFileNames.map((name) => path.join(io.cwd, name)) : [path.resolve(io.cwd, flags.config)],
        signal: stop.signal,
      },
      io,
    );
  } finally {
    stopListening();
  }
}

async function runCheck(flags: Flags, paths: readonly string[], io: Io): Promise<number> {
  const format = flags.format ?? 'pretty';
  if (!['pretty', 'json', 'github'].includes(format)) throw new UsageError(`unknown --format \`${format}\`, expected pretty, json or github`);
  const maxWarnings = flags['max-warnings'] === undefined ? undefined : Number(flags['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`--max-warnings takes a whole number, not \`${flags['max-warnings']}\``);
  }
  const color = wantsColor(flags, io);
  const config = await loadConfig(flags, io, color);
  if (!config) return exitCodes.failure;
  const { check } = await import('./commands/check.js');
  return check(config, { paths, format: format as ReporterName, quiet: flags.quiet ?? false, color, ...(maxWarnings === undefined ? {} : { maxWarnings }) }, io);
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

async function runDoctor(flags: Flags, io: Io): Promise<number> {
  const config = await loadConfig(flags, io, wantsColor(flags, io));
  if (!config) return exitCodes.failure;
  const { doctor } = await import('./commands/doctor.js');
  return doctor(config, flags.browser === undefined ? {} : { browser: flags.browser }, io);
}

/** Reads and resolves the config; reports its problems; `undefined` when it is unusable. */
async function loadConfig(flags: Flags, io: Io, color: boolean): Promise<Config | undefined> {
  const [{ resolved, file, text }, { reporters }] = await Promise.all([resolveConfigOf(flags, io), import('./diagnostics/reporters/index.js')]);
  if (resolved.diagnostics.length > 0) {
    const sources = new Map(file !== undefined && text !== undefined ? [[file, text]] : []);
    io.stderr.write(reporters.pretty(resolved.diagnostics, { sources, color, planCount: 0, summary: false }));
  }
  return resolved.config;
}

/** Reads the config file and resolves it with the flags; also its shown path and text, for code frames. */
async function resolveConfigOf(flags: Flags, io: Io): Promise<{ resolved: Resolved; file?: string; text?: string }> {
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
  const { readConfigFile } = await import('./config/file.js');
  const source = await readConfigFile(io.cwd, flags.config);
  // Without a config file, the schema (zod) and the YAML reader are not loaded at all.
  const plain = source === undefined ? (await import('./config/defaults.js')).configWithoutFile(configFlags, io.cwd, today()) : undefined;
  const resolved = plain ?? (await import('./config/config.js')).resolveConfig(source, configFlags, io.cwd, today());
  return source ? { resolved, file: source.displayPath, text: source.text } : { resolved };
}

function wantsColor(flags: Flags, io: Io): boolean {
  if (flags['no-color']) return false;
  if (flags.color) return true;
  return io.isTerminal && !io.env.NO_COLOR;
}

function failure(error: unknown, io: Io): number {
  const known = error instanceof UsageError || error instanceof PlanPathError || isArgumentError(error);
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`careerplan: ${message}\n`);
  if (error instanceof UsageError || isArgumentError(error)) io.stderr.write("Run 'careerplan --help' for usage.\n");
  if (!known && error instanceof Error && io.env.CAREERPLAN_DEBUG) io.stderr.write(`${error.stack ?? ''}\n`);
  return exitCodes.failure;
}

function isArgumentError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS');
}


function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, isTerminal: process.stderr.isTTY === true };
}
