/**
 * `careerplan init [DIR]`: makes a folder a plans project — a plan to start
 * from, a config file with every key explained, a `.gitignore` and the npm
 * scripts. Never overwrites a file: what is there is kept and reported.
 * Writes the folder, reports to `io`.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { configFileNames } from '../config/file.js';
import { writeFileAtomic } from '../edges/files.js';
import type { IsoDate } from '../format/dates.js';
import { slugify } from '../format/slug.js';
import { packageRoot } from '../lib/package-root.js';
import { displayPath } from '../lib/paths.js';
import { placeholders } from '../format/placeholders.js';
import { starterPlan } from '../scaffold/starter-plan.js';
import { addStarterScripts, careerplanDependency, starterConfig, starterConfigName, starterGitignore, starterPackageJson } from '../scaffold/starter-project.js';
import { exitCodes, type Io } from '../io.js';

/** What `init` sets up. */
export interface InitOptions {
  /** The project folder, absolute; made when it is not there. */
  readonly folder: string;
  /** The date the starter plan is written on. */
  readonly today: IsoDate;
}

/** The starter plan's file in the plans folder, and whose plan it is. */
export const examplePlanName = 'example.md';
const exampleOwner = placeholders.owner.text;

/** Sets up the project folder; returns the exit code. */
export async function init(options: InitOptions, io: Io): Promise<number> {
  const { folder } = options;
  // The careerplan running now is the one the project depends on: `npm install` links it, no registry is asked.
  const careerplan = packageRoot().folder;
  const found = await stat(folder).catch(() => undefined);
  if (found !== undefined && !found.isDirectory()) throw new Error(`cannot set up ${displayPath(folder, io.cwd)}: it is a file, not a folder`);
  await mkdir(folder, { recursive: true });
  const report: string[] = [];
  const created = (name: string): number => report.push(`  created  ${name}`);
  const kept = (name: string, why = ''): number => report.push(`  kept     ${name}${why}`);

  const plansFolder = path.join(folder, 'plans');
  const plans = (await readdir(plansFolder, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'));
  const planFile = `plans/${examplePlanName}`;
  if (plans.length > 0 && !plans.some((entry) => entry.name === examplePlanName)) {
    kept('plans/', ` (it has ${plans.length} ${plans.length === 1 ? 'plan' : 'plans'}; no example added)`);
  } else {
    await mkdir(plansFolder, { recursive: true });
    if (await createFile(path.join(folder, planFile), starterPlan({ owner: exampleOwner, today: options.today }))) created(planFile);
    else kept(planFile);
  }

  const configFile = (await Promise.all(configFileNames.map(async (name) => ((await exists(path.join(folder, name))) ? name : undefined)))).find((name) => name !== undefined);
  if (configFile !== undefined) kept(configFile);
  else if (await createFile(path.join(folder, starterConfigName), starterConfig())) created(starterConfigName);
  else kept(starterConfigName);

  if (await createFile(path.join(folder, '.gitignore'), starterGitignore)) created('.gitignore');
  else {
    const ignored = await readFile(path.join(folder, '.gitignore'), 'utf8').catch(() => '');
    kept('.gitignore', /^\/?out\/?\s*$/m.test(ignored) ? '' : ' (add `out/` to it: the built site need not be committed)');
  }

  const manifestFile = path.join(folder, 'package.json');
  const name = slugify(path.basename(folder)) || 'career-plans';
  if (await createFile(manifestFile, starterPackageJson(name, careerplan))) created('package.json');
  else report.push(await updatePackageJson(manifestFile, careerplan));

  const shown = displayPath(folder, io.cwd) || '.';
  const next = [
    ...(path.resolve(io.cwd) === path.resolve(folder) ? [] : [`  cd ${shellWord(shown)}`]),
    '  npm install',
    '  npx careerplan new "Full Name"   a plan of your own (or edit plans/example.md)',
    '  npm run check                    check the plans',
    '  npm run dev                      a live preview at http://127.0.0.1:4300/',
    '  npm run build                    the site and PDFs in out/',
  ];
  io.stderr.write(`careerplan: plans project in ${shown}\n${report.join('\n')}\nNext:\n${next.join('\n')}\n`);
  return exitCodes.ok;
}

/** Adds the missing scripts to an existing `package.json`; returns the report line. */
async function updatePackageJson(file: string, careerplan: string): Promise<string> {
  const current = await readFile(file, 'utf8');
  const update = addStarterScripts(current, careerplan);
  if (update === undefined) return '  kept     package.json (not a JSON object with `scripts` careerplan can add to; add the scripts build, check and dev by hand)';
  const conflicts = update.conflicts.length > 0 ? `; its own ${update.conflicts.map((script) => `\`${script}\``).join(', ')} kept` : '';
  // A version npm would look up on a registry that has no careerplan: kept, as every value is, with what to write instead.
  const registry = update.registryDependency === undefined ? '' : `; change its careerplan \`${update.registryDependency}\` to \`${careerplanDependency(careerplan)}\`: no registry has careerplan`;
  if (update.text === undefined) return `  kept     package.json (it has the scripts${conflicts}${registry})`;
  await writeFileAtomic(file, update.text);
  const added = [
    ...(update.added.length > 0 ? [`scripts ${update.added.join(', ')}`] : []),
    ...(update.dependencyAdded ? ['careerplan to devDependencies'] : []),
  ];
  return `  updated  package.json (added ${added.join(' and ')}${conflicts}${registry})`;
}

/** Creates a file that is not there; `false`, and nothing written, when it is. */
async function createFile(file: string, text: string): Promise<boolean> {
  try {
    await writeFile(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(`cannot create ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** A path as one shell word: quoted when it holds anything but safe characters. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
