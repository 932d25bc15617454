/**
 * The files `careerplan init` writes besides the starter plan: a config file
 * with every key commented out at its default, a `.gitignore` and the
 * `package.json` scripts. Pure.
 */
import { isRecord } from '../lib/is-record.js';

/** The config file `init` writes: one of the names careerplan reads (`configFileNames`). */
export const starterConfigName = 'careerplan.config.yaml';

/** The config's JSON Schema in a project `init` made, once installed: relative to the config file, which is beside `node_modules`. */
export const configSchemaPath = './node_modules/careerplan/schema/config.schema.json';

/** The config file's text: its schema named for editors (the YAML extension of VS Code completes and checks the keys), then every key of `configSchema`, commented out at its default, with what it does. Pure. */
export function starterConfig(): string {
  return `# yaml-language-server: $schema=${configSchemaPath}
# careerplan's settings. Every key is optional: each is shown here, commented
# out, at its default. Remove the \`# \` before a key to change it. Paths are
# relative to this file.

# Folder of plan files (one Markdown file per plan).
# plans: plans

# Folder of templates that override the default theme, file by file.
# templates: templates

# Folder the site is built into.
# out: out

# Language for plans without \`lang\` (dates and labels): en, de, …
# locale: en

# The date "today" means for statuses and the \`overdue\` rule, as YYYY-MM-DD
# (when not set, the day of the build).
# asOf: 2026-01-31

# Rule id → off, warn or error. The rules are listed in the plan format.
# rules:
#   overdue: warn
#   needs-evaluation: off

# Keep raw HTML written in plans (still sanitized) instead of dropping it.
# allowRawHtml: false

# PDFs of the plans.
# pdf:
#   # Paper size: A4, Letter, Legal, Tabloid, Ledger, A0 to A6.
#   paper: A4
#   # Page margins: one length (18mm, 2cm, 0.75in), or top, right, bottom and left.
#   margin: 18mm
#   # Milliseconds a plan may take to print.
#   timeout: 60000
#   # Sections that start on a new page (by default they follow each other): vision,
#   # self-assessment, skills, goals, timeline, opportunities, notes, history.
#   newPageBefore: []
#   # Plans printed at once. Default: the number of cores.
#   concurrency: 4
#   # The browser that prints the PDFs (a path). Default: one found on this machine.
#   browser: /usr/bin/chromium

# Audience views, to share plans with a mentor or a manager without some of
# their parts. \`careerplan build --view mentor\` builds the site, the PDFs and
# the calendars into out-mentor/, and the parts under \`omit\` are in none of
# its files. The parts are vision, priorities, strengths, weaknesses, skills,
# education, opportunities, body (the notes below the frontmatter),
# skills.note, education.note, opportunities.note, steps.resources and
# steps.reflection.
# views:
#   mentor:
#     omit: [weaknesses, steps.reflection, opportunities.note, education.note]
#     # The folder this view is built into. Default: the out folder, then -<name>.
#     out: out-mentor
`;
}

/** The `.gitignore` of a new project: the built site and its audience views (`out-<view>/`) are not committed. */
export const starterGitignore = 'out/\nout-*/\nnode_modules/\n';

/** The npm scripts a plans project runs careerplan with. */
export const starterScripts: Readonly<Record<string, string>> = {
  build: 'careerplan build',
  check: 'careerplan check',
  dev: 'careerplan watch',
};

/**
 * How a project depends on the careerplan in `folder` (absolute): a `file:`
 * dependency, which `npm install` links without asking a registry — no
 * registry serves careerplan, and a package someone published under its
 * name must never be what a coach runs. Pure.
 */
export function careerplanDependency(folder: string): string {
  return `file:${folder}`;
}

/** A new project's `package.json`, depending on the careerplan in `folder`, whose install scripts npm is told it may run. Pure. */
export function starterPackageJson(name: string, folder: string): string {
  const dependency = careerplanDependency(folder);
  const manifest = {
    name,
    private: true,
    description: 'Career action plans, built with careerplan',
    type: 'module',
    scripts: starterScripts,
    devDependencies: { careerplan: dependency },
    // npm 11 asks a project to approve the install scripts of its dependencies; careerplan's looks for a browser to print PDFs with.
    allowScripts: { [dependency]: true },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** What adding the starter scripts to an existing `package.json` gives: its new text, what was added, and the scripts it already had differently. */
export interface PackageUpdate {
  /** The new text, or `undefined` when nothing needs adding. */
  readonly text?: string;
  readonly added: readonly string[];
  /** Scripts of the same name that do something else: kept as they are. */
  readonly conflicts: readonly string[];
  /** Whether careerplan was added to `devDependencies`. */
  readonly dependencyAdded: boolean;
  /** The careerplan dependency it has that asks a registry for careerplan (such as `^0.1.0`): kept, and to be changed by hand. */
  readonly registryDependency?: string;
}

/**
 * Adds the scripts a `package.json` lacks, and careerplan as a dev dependency
 * when it depends on no careerplan yet; never changes a value that is there.
 * `undefined` when the text is not a JSON object with an object of scripts
 * (then the file is left alone). Keeps the file's indentation. Pure.
 */
export function addStarterScripts(current: string, folder: string): PackageUpdate | undefined {
  let data: unknown;
  try {
    data = JSON.parse(current);
  } catch {
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  const scripts = data.scripts ?? {};
  const devDependencies = data.devDependencies ?? {};
  if (!isRecord(scripts) || !isRecord(devDependencies)) return undefined;
  const added = Object.keys(starterScripts).filter((name) => !Object.hasOwn(scripts, name));
  const conflicts = Object.keys(starterScripts).filter((name) => Object.hasOwn(scripts, name) && scripts[name] !== starterScripts[name]);
  const lists = [data.dependencies, data.devDependencies, data.peerDependencies].filter(isRecord);
  const dependsOnIt = lists.some((list) => Object.hasOwn(list, 'careerplan'));
  const spec = lists.map((list) => list.careerplan).find((value) => value !== undefined);
  const registry = typeof spec === 'string' && asksRegistry(spec) ? { registryDependency: spec } : {};
  if (added.length === 0 && dependsOnIt) return { added, conflicts, dependencyAdded: false, ...registry };
  const next = {
    ...data,
    scripts: { ...scripts, ...Object.fromEntries(added.map((name) => [name, starterScripts[name]])) },
    ...(dependsOnIt ? {} : { devDependencies: { ...devDependencies, careerplan: careerplanDependency(folder) } }),
  };
  const indent = /^[{[]\r?\n([ \t]+)/.exec(current)?.[1] ?? 2;
  const newline = current.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(next, null, indent).replace(/\n/g, newline);
  return { text: `${body}${/\r?\n$/.test(current) ? newline : ''}`, added, conflicts, dependencyAdded: !dependsOnIt, ...registry };
}

/** Whether a dependency's spec is a version or a tag, which npm looks up on a registry (not a path, link, tarball or git address). Pure. */
function asksRegistry(spec: string): boolean {
  return !/^(file:|link:|git\+|git:|github:|https?:|npm:|[./~])|\.tgz$/.test(spec.trim()) && !spec.includes('/');
}
