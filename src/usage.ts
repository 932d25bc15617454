/**
 * careerplan's commands and flags, in one table: what `main` parses, checks
 * and dispatches on, and what `--help` prints. A command's help lists its
 * flags in plain words with examples; a mistyped command or flag is
 * answered with the nearest one. Pure.
 */
import { nearest } from './format/suggest.js';

/** A flag: how it is parsed, and what its value is called in help. */
interface FlagKind {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's name in help (`DATE`), for string flags. */
  readonly value?: string;
}

/** Every flag careerplan knows, by name (without `--`). */
const flagKinds = {
  config: { type: 'string', value: 'FILE' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'as-of': { type: 'string', value: 'DATE' },
  format: { type: 'string', value: 'NAME' },
  'max-warnings': { type: 'string', value: 'N' },
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  out: { type: 'string', value: 'DIR' },
  plans: { type: 'string', value: 'DIR' },
  clean: { type: 'boolean' },
  'no-pdf': { type: 'boolean' },
  force: { type: 'boolean' },
  concurrency: { type: 'string', value: 'N' },
  paper: { type: 'string', value: 'NAME' },
  margin: { type: 'string', value: 'LENGTH' },
  browser: { type: 'string', value: 'PATH' },
  port: { type: 'string', value: 'N' },
  workers: { type: 'string', value: 'N' },
  'strict-port': { type: 'boolean' },
  host: { type: 'string', value: 'ADDRESS' },
  open: { type: 'boolean' },
  shard: { type: 'string', value: 'I/N' },
  since: { type: 'string', value: 'DATE' },
  view: { type: 'string', value: 'NAME' },
  stdio: { type: 'boolean' },
} as const satisfies Record<string, FlagKind>;

/** A flag's name, without `--`. */
export type FlagName = keyof typeof flagKinds;

/** The options `node:util`'s parseArgs takes: every flag of every command (it reads `type` and `short`). */
export const parseOptions = flagKinds;

/** A flag of a command: its name, what it does, and its value's name for this command when not the usual one. */
type CommandFlag = readonly [FlagName, string, string?];

/** A command: its words in help, the flags it takes with what each does for it, and examples. */
export interface Command {
  readonly name: string;
  /** What follows the name in a usage line (`[DIR]`, `PLAN`). */
  readonly args: string;
  readonly summary: string;
  /** Its flags, each with what it does for this command (and its value's name, when not the usual one). */
  readonly flags: readonly CommandFlag[];
  /** Command lines, each with what it does. */
  readonly examples: ReadonlyArray<readonly [string, string]>;
  readonly alias?: string;
}

const asOf = (what: string): CommandFlag => ['as-of', `The date taken as today ${what} (YYYY-MM-DD; default: today)`];
const color: readonly CommandFlag[] = [
  ['color', 'Colours even when the output is not a terminal (FORCE_COLOR=1 does the same)'],
  ['no-color', 'No colours (NO_COLOR=1 or FORCE_COLOR=0 does the same)'],
];

/** Every command, in the order help lists them. */
export const commands: readonly Command[] = [
  {
    name: 'init',
    args: '[DIR]',
    summary: 'Set up a plans project: a plan to start from, a commented config, .gitignore and npm scripts',
    flags: [asOf('for the starter plan\'s dates')],
    examples: [
      ['careerplan init', 'set up this folder'],
      ['careerplan init my-clients', 'make the folder my-clients and set it up'],
    ],
  },
  {
    name: 'new',
    args: '"FULL NAME"',
    summary: 'Write plans/<name>.md from the starter plan, dated today',
    flags: [asOf('for the plan\'s dates'), ['plans', 'Write the plan into this folder (default: plans, or the config\'s plans)']],
    examples: [
      ['careerplan new "Jordan Lee"', 'write plans/jordan-lee.md for Jordan Lee'],
      ['careerplan new "Lena Weber" --plans clients', 'write clients/lena-weber.md'],
    ],
  },
  {
    name: 'import',
    args: 'FILE',
    summary: 'Write plans/<name>.md from a JSON Resume or a LinkedIn data export (folder or .zip): a starter plan with the skills, education, role and positions filled in',
    flags: [
      asOf('for the plan\'s dates'),
      ['plans', 'Write the plan into this folder (default: plans, or the config\'s plans)'],
      ['force', 'Replace the plan when one of that name is there'],
    ],
    examples: [
      ['careerplan import resume.json', 'a plan from a JSON Resume (jsonresume.org)'],
      ['careerplan import Basic_LinkedInDataExport.zip', 'a plan from LinkedIn\'s "Get a copy of your data"'],
      ['careerplan import resume.json --force', 'write it again over the plan imported before'],
    ],
  },
  {
    name: 'check',
    args: '[PLAN…]',
    summary: 'Check plans and report every problem, with where it is and how to fix it (default: the plans folder)',
    flags: [
      asOf('for statuses and overdue steps'),
      ['format', 'How problems are written: pretty (default), json or github (notes on a GitHub pull request)'],
      ['max-warnings', 'Fail (exit 1) when there are more than N warnings'],
      ['quiet', 'Report errors only, not warnings'],
      ...color,
    ],
    examples: [
      ['careerplan check', 'check every plan in the plans folder'],
      ['careerplan check plans/jordan-lee.md', 'check one plan'],
      ['careerplan check --as-of 2027-06-30', 'check as if today were 30 June 2027'],
    ],
  },
  {
    name: 'build',
    args: '',
    summary: 'Check every plan and build the site into out/: an index, a page and a PDF per plan',
    flags: [
      asOf('for statuses and overdue steps'),
      ['plans', 'Build the plans in this folder (default: plans, or the config\'s plans)'],
      ['out', 'Build into this folder (default: out, or the config\'s out)'],
      ['clean', 'Empty the out folder first'],
      ['no-pdf', 'Build the pages without printing PDFs (faster)'],
      ['force', 'Print every PDF again, even those whose plan did not change'],
      ['paper', 'Paper size: A4 (default), Letter, Legal, Tabloid, Ledger, A0 to A6'],
      ['margin', 'Page margins, such as 18mm (default), 2cm or 0.75in'],
      ['browser', 'Print with this Chrome, Chromium or Edge'],
      ['view', 'Build the config\'s view NAME, without the parts it leaves out (into out-NAME)'],
      ['concurrency', 'Plans printed at once (default: the number of cores)'],
      ['workers', 'Threads building pages (default: one a core for many plans; 0: none)'],
      ['shard', 'Build only part I of N, for builds split across machines; see docs/scaling.md'],
      ...color,
    ],
    examples: [
      ['careerplan build', 'the site and a PDF per plan in out/'],
      ['careerplan build --no-pdf', 'the pages only, quickly'],
      ['careerplan build --as-of 2027-06-30 --paper Letter', 'statuses as on 30 June 2027, PDFs on Letter paper'],
    ],
  },
  {
    name: 'watch',
    args: '',
    alias: 'dev',
    summary: 'Build, show a live preview in the browser and rebuild on every save',
    flags: [
      asOf('for statuses and overdue steps'),
      ['plans', 'Watch the plans in this folder (default: plans, or the config\'s plans)'],
      ['out', 'Build into this folder (default: out, or the config\'s out)'],
      ['no-pdf', 'Preview the pages without printing PDFs'],
      ['port', 'Serve on this port (default 4300; the next free one if it is taken)'],
      ['strict-port', 'Stop instead of taking the next free port'],
      ['host', 'Listen on this address (default 127.0.0.1: this computer only; another shows the plans to others)'],
      ['open', 'Open the preview in the default browser'],
      ['browser', 'Print with this Chrome, Chromium or Edge'],
      ['view', 'Preview the config\'s view NAME'],
      ['verbose', 'List every problem found at the start, warnings too (by default: the errors, and how many warnings)'],
      ...color,
    ],
    examples: [
      ['careerplan watch --open', 'preview at http://127.0.0.1:4300/ and open it'],
      ['careerplan watch --no-pdf --port 8080', 'pages only, on port 8080'],
    ],
  },
  {
    name: 'history',
    args: 'PLAN',
    summary: 'Show what changed in a plan, change by change, from its saved versions (git)',
    flags: [
      ['since', 'Only changes after this saved version, or from this date (YYYY-MM-DD) on', 'REV|DATE'],
      ['format', 'pretty (default) or json'],
    ],
    examples: [
      ['careerplan history plans/jordan-lee.md', 'every change to Jordan\'s plan'],
      ['careerplan history jordan-lee --since 2027-01-01', 'the changes since New Year'],
    ],
  },
  {
    name: 'review',
    args: 'PLAN',
    summary: 'Print a dated review PDF: what changed, was completed, is overdue, then the plan',
    flags: [
      ['since', 'The period reviewed: from this date (YYYY-MM-DD) or saved version (default: since the plan\'s reviewed date, else its first version)', 'REV|DATE'],
      ['out', 'Write the PDF here (default: reviews/<plan>-review-<date>.pdf)', 'FILE'],
      asOf('of the review'),
      ['browser', 'Print with this Chrome, Chromium or Edge'],
      ...color,
    ],
    examples: [
      ['careerplan review jordan-lee', 'a review of Jordan\'s plan since it was last reviewed'],
      ['careerplan review plans/jordan-lee.md --since 2027-01-01 --out review.pdf', 'this year, into review.pdf'],
    ],
  },
  {
    name: 'doctor',
    args: '',
    summary: 'Tell which browser prints the PDFs, why that one, and whether it starts',
    flags: [['browser', 'Check this browser instead of the one careerplan would find']],
    examples: [['careerplan doctor', 'is this computer ready to print PDFs?']],
  },
  {
    name: 'lsp',
    args: '--stdio',
    summary: 'Run the language server editors start: problems as you type, completion, hover and quick fixes in plans (see docs/editors.md)',
    flags: [
      ['stdio', 'Talk to the editor over standard input and output (the only way; editors pass it)'],
      asOf('for statuses and overdue steps'),
      ['plans', 'Check the plans in this folder (default: plans, or the config\'s plans)'],
    ],
    examples: [['careerplan lsp --stdio', 'what an editor runs in the plans project']],
  },
  {
    name: 'merge',
    args: 'SLICE…',
    summary: 'Merge the out folders of split builds (build --shard), or a folder of them, into one site',
    flags: [['out', 'Merge into this folder (default: out, or the config\'s out)']],
    examples: [['careerplan merge slices/1 slices/2', 'one site in out/ from two parts']],
  },
  {
    name: 'schema',
    args: '[plan|config]',
    summary: 'Print the JSON Schema of the plan format (default) or of the config file, for editors that complete them',
    flags: [],
    examples: [
      ['careerplan schema > plan.schema.json', 'save the plan format\'s schema to a file'],
      ['careerplan schema config', 'the config file\'s schema (also in node_modules/careerplan/schema/)'],
    ],
  },
];

/** The flags every command takes. */
const commonFlags: readonly CommandFlag[] = [
  ['config', 'Use this config file (default: careerplan.config.json, .yaml or .yml in this folder or the nearest folder above that has one)'],
  ['help', 'Show this help'],
];

/** The command a name or alias names. */
export function commandNamed(name: string): Command | undefined {
  return commands.find((command) => command.name === name || command.alias === name);
}

/** Whether a command takes a flag (every command takes --config, --help and --version). */
export function takesFlag(command: Command, flag: string): boolean {
  return flag === 'config' || flag === 'help' || flag === 'version' || command.flags.some(([name]) => name === flag);
}

/** "Unknown command `biuld`. Did you mean `build`?", or the list of commands. */
export function unknownCommandMessage(word: string): string {
  const names = commands.flatMap((command) => [command.name, ...(command.alias ? [command.alias] : []), 'help']);
  const suggestion = nearest(word, names);
  return `Unknown command \`${word}\`. ${suggestion ? `Did you mean \`${suggestion}\`?` : `The commands are ${commands.map((command) => command.name).join(', ')}.`}`;
}

/** A flag no command or not this one takes, with the nearest flag this command takes (`--as-off` → `--as-of`). */
export function unknownFlagMessage(written: string, command: Command | undefined): string {
  const name = written.replace(/^-+/, '');
  const known = command ? ['config', 'help', ...command.flags.map(([flag]) => flag)] : Object.keys(flagKinds);
  const suggestion = nearest(name, known);
  const of = command ? ` of ${command.name}` : '';
  const takenElsewhere = command !== undefined && Object.hasOwn(flagKinds, name) && !takesFlag(command, name);
  const what = takenElsewhere ? `\`--${name}\` is not an option${of}.` : `Unknown option \`${written}\`${of}.`;
  return suggestion ? `${what} Did you mean \`--${suggestion}\`?` : what;
}

/** What is wrong with a known flag's value as written: a value missing, or one given to a flag that takes none; `undefined` when nothing is. */
export function flagValueProblem(name: FlagName, value: string | undefined): string | undefined {
  const kind: FlagKind = flagKinds[name];
  if (kind.type === 'string' && value === undefined) return `\`--${name}\` needs a value: \`--${name} ${kind.value ?? 'VALUE'}\``;
  if (kind.type === 'boolean' && value !== undefined) return `\`--${name}\` takes no value; write \`--${name}\` alone`;
  return undefined;
}

/** Whether a word is the name of a flag careerplan knows. */
export function isFlagName(name: string): name is FlagName {
  return Object.hasOwn(flagKinds, name);
}

/** The help of every command: what careerplan is, the commands, the flags they all take. */
export function mainHelp(): string {
  const width = Math.max(...commands.map((command) => usageOf(command).length));
  const lines = commands.map((command) => `  ${usageOf(command).padEnd(width)}  ${command.summary}${command.alias ? ` (also: ${command.alias})` : ''}`);
  return `careerplan — career action plans from Markdown: checked, as a website and as PDFs

Usage: careerplan <command> [options]

Commands:
${lines.join('\n')}

Options for every command:
${flagLines([...commonFlags, ['version', 'Show the version']])}

Options of each command:
${commands.filter((command) => command.flags.length > 0).map((command) => `  ${command.name.padEnd(8)} ${command.flags.map(([name, , value]) => flagUsage(name, value)).join(', ')}`).join('\n')}

Run \`careerplan <command> --help\` (or \`careerplan help <command>\`) for a command's options and examples.
Exit codes: 0 no errors, 1 problems in the plans, 2 careerplan could not run.
`;
}

/** One command's help: what it does, its usage, every flag it takes in plain words, examples. */
export function commandHelp(command: Command): string {
  const examples = command.examples;
  const width = Math.max(...examples.map(([line]) => line.length));
  return `careerplan ${command.name} — ${command.summary.charAt(0).toLowerCase()}${command.summary.slice(1)}

Usage: careerplan ${usageOf(command)} [options]${command.alias ? `\n       careerplan ${command.alias} … means the same` : ''}

Options:
${flagLines([...command.flags, ...commonFlags])}

Examples:
${examples.map(([line, what]) => `  ${line.padEnd(width)}  ${what}`).join('\n')}

Exit codes: 0 no errors, 1 problems in the plans, 2 careerplan could not run.
`;
}

function usageOf(command: Command): string {
  return command.args ? `${command.name} ${command.args}` : command.name;
}

function flagLines(flags: readonly CommandFlag[]): string {
  const written = flags.map(([name, what, value]) => [flagUsage(name, value), what] as const);
  const width = Math.max(...written.map(([usage]) => usage.length));
  return written.map(([usage, what]) => `  ${usage.padEnd(width)}  ${what}`).join('\n');
}

function flagUsage(name: FlagName, value?: string): string {
  const kind: FlagKind = flagKinds[name];
  const shown = value ?? kind.value;
  return `${kind.short ? `-${kind.short}, ` : ''}--${name}${shown ? ` ${shown}` : ''}`;
}
