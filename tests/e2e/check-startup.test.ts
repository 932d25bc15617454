/**
 * `careerplan check` of one plan (a pre-commit hook, an editor on save)
 * starts with what checking needs and nothing of the build, the preview,
 * printing or the history: the modules it loads are recorded by a module hook
 * in a process of its own. Not timed: `npm run bench` times it (the `check`
 * section's one-plan row).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { benchAsOf, writePlans } from '../../bench/generate.js';
import { careerplanProcess, repo, type Run } from './run.js';

/** careerplan's own folders that checking has no use for, below dist/src/. */
const notForCheck = ['build/', 'preview/', 'print/', 'history/', 'theme/', 'timeline/', 'scaffold/', 'site/', 'edges/browser.js', 'edges/watcher.js', 'edges/git.js', 'edges/server.js'];
/**
 * What check uses of them: `build/check-plans.js` is where every command checks plans (load → parse → validate); the
 * config's schema names the parts of a page a view may leave out (`site/view.js`, a list of names); and the
 * `vague-measure` rule takes its words, in the plan's language, from the built-in theme's locale files, which these
 * read and check (nothing of the theme that renders: no templates, no Handlebars).
 */
const usedByCheck = [
  'build/check-plans.js',
  'site/view.js',
  ...['intl', 'locale-schema', 'locales', 'lookup', 'source', 'stage-words', 'theme-error', 'words'].map((name) => `theme/${name}.js`),
];
/** Libraries of the build, the preview and printing. */
const notForCheckLibraries = ['puppeteer-core', '@puppeteer/browsers', 'chokidar', 'handlebars', 'pdf-lib', 'd3-scale', 'd3-time', '@fontsource/inter'];

let project: string;
let run: Run;
let loaded: string[];

beforeAll(async () => {
  project = mkdtempSync(path.join(os.tmpdir(), 'careerplan-check-startup-'));
  // A plan as people write them, the first of the bench's (its rules have something to look at), with its images.
  const [plan] = await writePlans(path.join(project, 'plans'), 1, 1);
  // With a config file, as `careerplan init` sets a project up: reading it must not load more.
  writeFileSync(path.join(project, 'careerplan.config.yaml'), 'plans: plans\nout: site\n');
  const log = path.join(project, 'modules.log');
  const hook = pathToFileURL(path.join(repo, 'tests/support/record-modules.mjs')).href;
  // A module hook in NODE_OPTIONS works only in a process of its own.
  run = careerplanProcess(['check', `plans/${plan?.name ?? ''}`, '--as-of', benchAsOf], { cwd: project, env: { NODE_OPTIONS: `--import ${hook}`, CAREERPLAN_MODULES_LOG: log } });
  loaded = modulesLoaded(readFileSync(log, 'utf8').split('\n'));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/**
 * The modules a run loaded, as paths below careerplan (`dist/src/…`) or below node_modules (`node_modules/<package>/…`):
 * each file the hook saw, and for a bundle the modules it was made of (`<bundle>.modules.json`, see scripts/bundle.mjs).
 */
function modulesLoaded(urls: readonly string[]): string[] {
  const files = [...new Set(urls.filter((url) => url.startsWith('file:')))].map((url) => new URL(url).pathname);
  return files.flatMap((file) => {
    const list = `${file}.modules.json`;
    const shown = file.includes('/node_modules/') ? file.slice(file.lastIndexOf('/node_modules/') + 1) : path.relative(repo, file);
    return existsSync(list) ? [shown, ...(JSON.parse(readFileSync(list, 'utf8')) as { modules: string[] }).modules] : [shown];
  });
}

describe('check of one plan', () => {
  test('checks the plan', () => {
    expect(run.stderr).toBe('✔ 1 plan checked, no problems\n');
    expect(run.status).toBe(0);
  });

  test('loads no module of the build, the preview, printing or the history', () => {
    // The hook saw the command and what it checks with: an empty list below is not an empty log.
    expect(loaded).toContain('dist/src/commands/check.js');
    expect(loaded).toContain('dist/src/stages/validate.js');
    const own = loaded.filter((file) => file.startsWith('dist/src/')).map((file) => file.slice('dist/src/'.length));
    expect(own.filter((file) => notForCheck.some((folder) => file.startsWith(folder)) && !usedByCheck.includes(file))).toEqual([]);
  });

  test('loads no library of the build, the preview or printing', () => {
    const libraries = new Set(loaded.flatMap((file) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? []));
    // What checking does need: the schema, the YAML reader and the Markdown reader.
    expect([...libraries]).toEqual(expect.arrayContaining(['zod', 'yaml', 'micromark']));
    expect(notForCheckLibraries.filter((library) => libraries.has(library))).toEqual([]);
  });

  test('reads its code from a few files: the command with its config, rules and libraries is one bundle', () => {
    // About 400 ES modules, each read, resolved and linked on its own, were half the time of a one-plan check.
    const read = new Set(readFileSync(path.join(project, 'modules.log'), 'utf8').split('\n').filter((url) => url.startsWith('file:')));
    expect(read.size).toBeLessThan(30);
    expect(loaded.length).toBeGreaterThan(300);
  });
});
