import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { findBrowser, howToGetABrowser } from '../../src/edges/browser.js';
import { careerplan, careerplanProcess, repo, type Run } from './run.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'careerplan-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let projects = 0;
function project(): string {
  const folder = path.join(scratch, `p${projects++}`);
  cpSync(path.join(repo, 'plans'), path.join(folder, 'plans'), { recursive: true });
  return folder;
}

const build = async (folder: string, ...args: string[]) => careerplan(['build', '--as-of', '2026-11-26', ...args], { cwd: folder });

/** Every file of a folder (but the cache and lock), by path relative to it, with its bytes. */
function files(folder: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '.careerplan-cache.json' || entry.name === '.careerplan.lock') continue;
    const file = path.join(entry.parentPath, entry.name);
    found.set(path.relative(folder, file), readFileSync(file));
  }
  return found;
}

/** Every file's modification time, to see what a build wrote. */
function times(folder: string): Map<string, number> {
  return new Map([...files(folder).keys()].map((name) => [name, statSync(path.join(folder, name)).mtimeMs]));
}

function edit(folder: string, plan: string, from: RegExp, to: string): void {
  const file = path.join(folder, 'plans', plan);
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
}

/** Runs a build that notes every module it loads; also the libraries (packages under node_modules) among them. */
function buildNotingModules(folder: string, ...args: string[]): { run: Run; libraries: string[] } {
  const log = path.join(folder, 'modules.log');
  rmSync(log, { force: true });
  const hook = pathToFileURL(path.join(repo, 'tests/support/record-modules.mjs')).href;
  // A module hook in NODE_OPTIONS works only in a process of its own.
  const run = careerplanProcess(['build', '--as-of', '2026-11-26', ...args], { cwd: folder, env: { NODE_OPTIONS: `--import ${hook}`, CAREERPLAN_MODULES_LOG: log } });
  const urls = readFileSync(log, 'utf8').split('\n');
  // The hook saw the tool's own modules, so an empty list of libraries is not an empty log.
  expect(urls.some((url) => url.endsWith('/dist/src/commands/build.js'))).toBe(true);
  const libraries = urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []);
  return { run, libraries: [...new Set(libraries)].sort() };
}

describe('the build cache', () => {
  test('a second build with nothing changed renders nothing and writes nothing, and says so', async () => {
    const folder = project();
    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out\n');
    const before = times(path.join(folder, 'out'));
    const again = await build(folder, '--no-pdf');
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('3 of 3 plans built into out (3 unchanged since the last build)\n');
    expect(times(path.join(folder, 'out'))).toEqual(before);
  });

  test('plans outside any repository: no git is started to say so; with a .git above them, git is asked', async () => {
    const folder = project();
    // A git that only notes that it ran, first on the PATH.
    const tools = path.join(folder, 'tools');
    const log = path.join(folder, 'git.log');
    mkdirSync(tools);
    writeFileSync(path.join(tools, 'git'), `#!/bin/sh\necho "$@" >> '${log}'\nexit 128\n`, { mode: 0o755 });
    const env = { PATH: `${tools}${path.delimiter}${process.env.PATH ?? ''}` };
    const first = await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder, env });
    expect(first.stderr).toBe('3 of 3 plans built into out\n');
    expect(existsSync(log)).toBe(false);
    mkdirSync(path.join(folder, '.git'));
    expect((await careerplan(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder, env })).status).toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/rev-parse --show-toplevel/);
  });

  test('the pages reach the disk with one `sync -f` of the out folder, before the cache says they are current; without it the build is the same', async () => {
    const folder = project();
    // A sync that notes its arguments and whether the cache was there yet, then syncs for real (or, when told, fails).
    const tools = path.join(folder, 'tools');
    const log = path.join(folder, 'sync.log');
    mkdirSync(tools);
    const cache = path.join(folder, 'out/.careerplan-cache.json');
    // The real one, found before the fake one shadows it.
    const realSync = execFileSync('sh', ['-c', 'command -v sync'], { encoding: 'utf8' }).trim();
    const script = [
      '#!/bin/sh',
      `echo "$@ cache:$(test -e '${cache}' && echo yes || echo no)" >> '${log}'`,
      `[ -e '${path.join(folder, 'fail')}' ] && exit 1`,
      `exec '${realSync}' "$@"`,
    ];
    writeFileSync(path.join(tools, 'sync'), `${script.join('\n')}\n`, { mode: 0o755 });
    const env = { PATH: `${tools}${path.delimiter}${process.env.PATH ?? ''}` };
    // `sync` is found on the process's own PATH.
    const run = () => careerplanProcess(['build', '--as-of', '2026-11-26', '--no-pdf'], { cwd: folder, env });
    expect(run().stderr).toBe('3 of 3 plans built into out\n');
    expect(readFileSync(log, 'utf8')).toBe(`-f ${path.join(folder, 'out')} cache:no\n`);
    const synced = files(path.join(folder, 'out'));
    // Nothing changed, nothing written: no sync.
    expect(run().stderr).toContain('(3 unchanged since the last build)');
    expect(readFileSync(log, 'utf8').split('\n')).toHaveLength(2);
    // A sync that fails: each file written is synced instead, and the site is the same.
    writeFileSync(path.join(folder, 'fail'), '');
    rmSync(path.join(folder, 'out'), { recursive: true });
    expect(run().stderr).toBe('3 of 3 plans built into out\n');
    expect(readFileSync(log, 'utf8').split('\n')).toHaveLength(3);
    expect(files(path.join(folder, 'out'))).toEqual(synced);
  });

  test('one plan edited: that plan alone is built and printed again; the site equals a build from nothing', async () => {
    const folder = project();
    expect((await build(folder)).status).toBe(0);
    edit(folder, 'sam-okafor.md', /^title: .*$/m, 'title: Edited for the cache');
    const edited = await build(folder);
    expect(edited.stderr).toMatch(/^printed plans\/sam-okafor\.md → out\/sam-okafor\/sam-okafor\.pdf\n3 of 3 plans built into out \(2 unchanged since the last build\); PDFs: 1 printed, 2 unchanged\n$/);
    expect(execFileSync('pdftotext', [path.join(folder, 'out/sam-okafor/sam-okafor.pdf'), '-'], { encoding: 'utf8' })).toContain('Edited for the cache');

    const fresh = project();
    edit(fresh, 'sam-okafor.md', /^title: .*$/m, 'title: Edited for the cache');
    expect((await build(fresh, '--no-pdf')).status).toBe(0);
    const html = (folder: string) => new Map([...files(path.join(folder, 'out'))].filter(([name]) => !name.endsWith('.pdf') && name !== '.careerplan-pdf.json'));
    // Page links to PDFs differ between a build with a browser and one without; build the fresh one alike.
    expect((await build(fresh)).status).toBe(0);
    expect(html(folder)).toEqual(html(fresh));
  }, 180_000);

  test('with PDFs and nothing changed, no browser starts, no library loads and nothing is written; a deleted PDF or another browser prints again', async () => {
    const folder = project();
    const browser = findBrowser({ env: process.env });
    if (!browser) throw new Error(howToGetABrowser(process.platform));
    // A browser that notes each start, so a build that needs none can be seen to start none.
    const starts = path.join(folder, 'starts.log');
    const wrapper = path.join(folder, 'browser.sh');
    writeFileSync(wrapper, `#!/bin/sh\necho started >> '${starts}'\nexec '${browser.path}' "$@"\n`, { mode: 0o755 });
    const startCount = () => (existsSync(starts) ? readFileSync(starts, 'utf8').split('\n').filter(Boolean).length : 0);

    expect((await build(folder, '--browser', wrapper)).stderr).toMatch(/PDFs: 3 printed, 0 unchanged\n$/);
    expect(startCount()).toBe(1);
    const before = times(path.join(folder, 'out'));
    // Nothing to read, check, render or print: none of the libraries that do it is even loaded.
    const { run: again, libraries } = buildNotingModules(folder, '--browser', wrapper);
    expect(again.stderr).toBe('3 of 3 plans built into out (3 unchanged since the last build); PDFs: 0 printed, 3 unchanged\n');
    expect(libraries).toEqual([]);
    expect(startCount()).toBe(1);
    expect(times(path.join(folder, 'out'))).toEqual(before);

    rmSync(path.join(folder, 'out/jordan-lee/jordan-lee.pdf'));
    expect((await build(folder, '--browser', wrapper)).stderr).toMatch(/PDFs: 1 printed, 2 unchanged\n$/);
    expect(execFileSync('pdftotext', [path.join(folder, 'out/jordan-lee/jordan-lee.pdf'), '-'], { encoding: 'utf8' })).toContain('Jordan');
    expect(startCount()).toBe(2);

    // The browser prints the PDFs: another one prints them all again.
    expect((await build(folder, '--browser', browser.path)).stderr).toMatch(/PDFs: 3 printed, 0 unchanged\n$/);
  }, 180_000);

  test('messages of unchanged plans are reported again, errors with their code frames, though the cache keeps no plan text', async () => {
    const folder = project();
    edit(folder, 'sam-okafor.md', /^owner: /m, 'ownr: Sam\nowner: ');
    edit(folder, 'jordan-lee.md', /due: 2027-12-31/, 'due: 2026-13-45');
    const first = await build(folder, '--no-pdf');
    expect(first.stderr).toContain('unknown-key');
    expect(first.stderr).toContain('> 53 |     due: 2026-13-45');
    const cache = readFileSync(path.join(folder, 'out/.careerplan-cache.json'), 'utf8');
    const cached = Object.values((JSON.parse(cache.slice(cache.indexOf('\n') + 1)) as { plans: Record<string, object> }).plans);
    expect(cached.filter((entry) => 'diagnostics' in entry && !('text' in entry))).toHaveLength(3);
    const again = await build(folder, '--no-pdf');
    expect(again.stderr).toContain('(3 unchanged since the last build)');
    expect(again.stderr.replace(' (3 unchanged since the last build)', '')).toBe(first.stderr);
  });

  test('a corrupt cache, one from another version, or one whose outputs were touched is not trusted', async () => {
    const folder = project();
    expect((await build(folder, '--no-pdf')).status).toBe(0);
    const out = path.join(folder, 'out');
    const complete = files(out);
    const cache = path.join(out, '.careerplan-cache.json');
    const good = readFileSync(cache, 'utf8');

    writeFileSync(cache, good.slice(0, good.length / 2));
    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out\n');

    writeFileSync(cache, good.replace('"tool":"', '"tool":"0.0.0-other'));
    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out\n');

    rmSync(path.join(out, 'jordan-lee'), { recursive: true });
    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out (2 unchanged since the last build)\n');
    expect(files(out)).toEqual(complete);

    rmSync(path.join(out, 'jordan-lee/media'), { recursive: true });
    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out (2 unchanged since the last build)\n');
    expect(files(out)).toEqual(complete);

    rmSync(path.join(out, 'jordan-lee/jordan-lee.ics'));
    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out (2 unchanged since the last build)\n');
    expect(files(out)).toEqual(complete);

    // plans.json changed by hand: the models in it are not used, every page is built again.
    writeFileSync(path.join(out, 'plans.json'), '{}');
    utimesSync(path.join(out, 'plans.json'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out\n');
    expect(files(out)).toEqual(complete);
  });

  test('a settled plan file is not read again while its stat is unchanged; one rewritten with the same size and time is', async () => {
    const folder = project();
    const plans = path.join(folder, 'plans');
    // A stat stands for the file's bytes only once the file has been left alone for 2 s (see plan-sources.ts).
    const time = 1_700_000_000;
    for (const name of readdirSync(plans)) utimesSync(path.join(plans, name), time, time);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await build(folder, '--no-pdf')).status).toBe(0);
    const cache = path.join(folder, 'out/.careerplan-cache.json');
    const recorded = (JSON.parse(readFileSync(cache, 'utf8').split('\n')[1] ?? '') as { plans: Record<string, { source?: { size: number } }> }).plans;
    expect(Object.values(recorded).map((entry) => entry.source?.size)).toEqual(['jordan-lee.md', 'lena-schmidt.md', 'sam-okafor.md'].map((name) => statSync(path.join(plans, name)).size));
    const cacheWritten = statSync(cache).mtimeMs;

    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out (3 unchanged since the last build)\n');
    expect(statSync(cache).mtimeMs).toBe(cacheWritten);

    edit(folder, 'sam-okafor.md', /^title: Next step/m, 'title: Last step');
    utimesSync(path.join(plans, 'sam-okafor.md'), time, time);
    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out (2 unchanged since the last build)\n');
    expect(readFileSync(path.join(folder, 'out/sam-okafor/index.html'), 'utf8')).toContain('Last step after graduation');
  });

  test('a template or a config change builds every page again', async () => {
    const folder = project();
    expect((await build(folder, '--no-pdf')).status).toBe(0);
    writeFileSync(path.join(folder, 'careerplan.config.json'), '{ "locale": "de" }\n');
    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out\n');
    expect((await build(folder, '--no-pdf')).stderr).toContain('(3 unchanged since the last build)');
    const footer = readFileSync(path.join(repo, 'templates/partials/footer.hbs'), 'utf8');
    cpSync(path.join(repo, 'templates/partials/footer.hbs'), path.join(folder, 'templates/partials/footer.hbs'));
    writeFileSync(path.join(folder, 'templates/partials/footer.hbs'), `${footer}<p>Theirs</p>`);
    expect((await build(folder, '--no-pdf')).stderr).toBe('3 of 3 plans built into out\n');
    expect(readFileSync(path.join(folder, 'out/jordan-lee/index.html'), 'utf8')).toContain('<p>Theirs</p>');
  });
});

describe('worker threads', () => {
  test('one worker, two workers and none build the same site', async () => {
    const outputs = await Promise.all(['0', '1', '2'].map(async (workers) => {
      const folder = project();
      const run = await build(folder, '--no-pdf', '--workers', workers);
      expect(run.status, run.stderr).toBe(0);
      // The cache lists plans by file, whatever order the threads finished them in.
      const cache = readFileSync(path.join(folder, 'out/.careerplan-cache.json'), 'utf8');
      const listed = Object.keys((JSON.parse(cache.slice(cache.indexOf('\n') + 1)) as { plans: object }).plans);
      expect(listed).toEqual([...listed].sort());
      expect(listed).toHaveLength(3);
      return files(path.join(folder, 'out'));
    }));
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });

  test('the worker a build starts is one bundled file: it imports nothing but Node’s own modules', async () => {
    const worker = readFileSync(path.join(repo, 'dist/src/build/page-worker.js'), 'utf8');
    const specifiers = [...worker.matchAll(/^import\b[^'"]*?["']([^"']+)["'];?$/gm)].map((match) => match[1]);
    expect(specifiers).toContain('node:worker_threads');
    expect(specifiers.filter((specifier) => !specifier?.startsWith('node:'))).toEqual([]);
    // What the modules it was made of did: it answers a build (the test above compares its pages).
    expect(worker).toContain('createPageBuilder');
  });

  /** Builds a project whose footer partial is `footer` in this thread and with two workers. */
  const withFooter = async (footer: string) => {
    const folder = project();
    cpSync(path.join(repo, 'templates/partials/footer.hbs'), path.join(folder, 'templates/partials/footer.hbs'));
    writeFileSync(path.join(folder, 'templates/partials/footer.hbs'), footer);
    return { here: await build(folder, '--no-pdf', '--workers', '0'), there: await build(folder, '--no-pdf', '--workers', '2') };
  };

  test('a broken template is reported by its file and line with workers too, exit 2', async () => {
    const { here, there } = await withFooter('{{#each plan.goals}}\n{{/each}}\n{{plan.title}}\n{{> nope}}\n');
    expect(there.status).toBe(2);
    expect(there.stderr).toBe(here.stderr);
    expect(there.stderr).toContain('templates/partials/footer.hbs:4');
  });

  test('a template that fails while a worker renders a page is reported by its file and line, exit 2', async () => {
    // It compiles (the main thread checks that); `percent` of a title throws only when a page is rendered.
    const { here, there } = await withFooter('{{#each plan.goals}}\n{{/each}}\n{{percent plan.title}}\n');
    expect(there.status).toBe(2);
    expect(there.stderr).toBe(here.stderr);
    expect(there.stderr).toMatch(/templates\/partials\/footer\.hbs:3\b.*percent/);
  });
});
