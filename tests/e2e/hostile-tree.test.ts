/**
 * A property of the whole CLI on hostile plans folders: whatever files,
 * folders, symbolic links, FIFOs and nested repositories a plans folder
 * holds, `check`, `build` and `history` run no program of the folder's,
 * read nothing outside it, never stop the other plans, and `check` refuses
 * exactly what `build` leaves out. Real files, real git, the real CLI.
 * `CAREERPLAN_PROPERTY_RUNS` runs it deeper (the bench does).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planSlug } from '../../src/format/slug.js';
import { gitEnv } from '../support/git.js';
import { careerplan } from './run.js';
import { property, propertyRuns } from '../support/property.js';

const runs = propertyRuns(6);
const canary = 'CANARY-7f3a9c-outside-the-plans-folder';

let scratch: string;
beforeAll(async () => {
  scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-hostile-')));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What one generated entry of the plans folder is. */
type Kind = 'plan' | 'odd-folder-name' | 'text' | 'png' | 'svg-script' | 'html' | 'fifo' | 'link-to-outside-plan' | 'link-to-outside-file' | 'link-to-outside-folder' | 'link-to-plan' | 'nested-git' | 'git-file';

interface Entry {
  readonly folders: readonly string[];
  readonly name: string;
  readonly kind: Kind;
  /** Where its links point, for a plan: indexes into the other entries or fixed hostile targets. */
  readonly links: readonly (number | string)[];
}

const folderName = fc.constantFrom('a', 'b', '_notes', '.hidden', 'sub dir', 'Ünïcode', 'assets', 'media', 'node_modules', '-x');
const fileName = fc.constantFrom('x', 'y', 'passwd', 'assets', 'index', 'plans', '_draft', '.env', 'a b', 'Zoë', '%2e%2e', 'CON');
const kind = fc.constantFrom<Kind>('plan', 'plan', 'plan', 'odd-folder-name', 'text', 'png', 'svg-script', 'html', 'fifo', 'link-to-outside-plan', 'link-to-outside-file', 'link-to-outside-folder', 'link-to-plan', 'nested-git', 'git-file');
const hostileTarget = fc.constantFrom('/', './', '../', '/etc/passwd', '../../outside/secret.txt', 'http:host/x.png', 'http:/x.png', '.git/config', '_notes/x.png', '.env', '%2e%2e/%2e%2e/outside/secret.txt', 'file:///etc/passwd');
const entry: fc.Arbitrary<Entry> = fc.record({
  folders: fc.array(folderName, { maxLength: 2 }),
  name: fileName,
  kind,
  links: fc.array(fc.oneof(fc.nat(20), hostileTarget), { maxLength: 4 }),
});

const pngBytes = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A valid plan whose body links to `targets`. */
function plan(title: string, targets: readonly string[]): string {
  const links = targets.map((target, index) => `- [link ${index}](${target}) ![image ${index}](${target})`).join('\n');
  return `---\ntitle: ${title}\nowner: Sam\ngoals:\n  - title: Ship it\n    measure: Shipped\n    due: 2027-06\n    steps: [Start]\n---\nNotes.\n\n${links}\n`;
}

/** A script that records that it ran: any git config, hook or pager that runs it leaves the marker. */
function markerScript(folder: string, marker: string): string {
  const script = path.join(folder, 'ran.sh');
  writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexit 0\n`);
  chmodSync(script, 0o755);
  return script;
}

/** Makes `folder` a repository whose config, hooks and attributes would all run `script`. */
function poisonedRepository(folder: string, script: string, gitDir?: string): void {
  const env = gitEnv();
  execFileSync('git', gitDir ? ['init', '-q', '--separate-git-dir', gitDir, folder] : ['init', '-q', folder], { env });
  const config = (key: string, value: string) => execFileSync('git', ['config', key, value], { cwd: folder, env });
  config('core.fsmonitor', script);
  config('core.pager', script);
  config('core.hooksPath', path.dirname(script));
  config('diff.external', script);
  config('diff.evil.textconv', script);
  config('credential.helper', `!${script}`);
  writeFileSync(path.join(folder, '.gitattributes'), '* diff=evil\n');
  const hooks = path.join(gitDir ?? path.join(folder, '.git'), 'hooks');
  mkdirSync(hooks, { recursive: true });
  for (const hook of ['post-checkout', 'pre-commit', 'post-index-change', 'fsmonitor-watchman', 'reference-transaction']) {
    writeFileSync(path.join(hooks, hook), `#!/bin/sh\n'${script}' hook\n`);
    chmodSync(path.join(hooks, hook), 0o755);
  }
}

/** Lays out a project for `entries`; returns its folder, where the marker would be written and the files that are plans. */
function layOut(run: number, entries: readonly Entry[]): { project: string; marker: string } {
  const top = path.join(scratch, `run-${run}`);
  const project = path.join(top, 'project');
  const plans = path.join(project, 'plans');
  const outside = path.join(top, 'outside');
  mkdirSync(plans, { recursive: true });
  mkdirSync(outside, { recursive: true });
  const marker = path.join(top, 'marker');
  const script = markerScript(outside, marker);
  writeFileSync(path.join(outside, 'secret.txt'), `${canary}\n`);
  writeFileSync(path.join(outside, 'secret.md'), plan(canary, []));
  writeFileSync(path.join(outside, 'secret.png'), Buffer.concat([pngBytes, Buffer.from(canary)]));

  // The project's own repository is poisoned too: careerplan must call git so that no config runs anything.
  poisonedRepository(project, script);
  writeFileSync(path.join(plans, 'good.md'), plan('Good plan', []));
  const paths = entries.map((item) => path.join(...item.folders, `${item.name}${extensionOf(item.kind)}`));
  entries.forEach((item, index) => {
    const relative = paths[index] as string;
    const file = path.join(plans, relative);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      if (existsSync(file) || isLink(file)) return;
      const targets = item.links.map((link) => (typeof link === 'number' ? relativeLink(relative, paths[link % paths.length] as string) : link));
      switch (item.kind) {
        case 'plan':
          return writeFileSync(file, plan(`Plan ${index}`, targets));
        case 'odd-folder-name': {
          // A Latin-1 folder name, as in a zip made on Windows: not UTF-8, so it cannot be listed by name.
          const folder = Buffer.concat([Buffer.from(`${file}-caf`), Buffer.from([0xe9])]);
          mkdirSync(folder, { recursive: true });
          return writeFileSync(Buffer.concat([folder, Buffer.from('/inside.md')]), plan(`Odd ${index}`, []));
        }
        case 'text':
          return writeFileSync(file, 'notes\n');
        case 'png':
          return writeFileSync(file, pngBytes);
        case 'svg-script':
          return writeFileSync(file, `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><image href="file:///etc/passwd"/></svg>`);
        case 'html':
          return writeFileSync(file, '<script>alert(document.cookie)</script>');
        case 'fifo':
          return void execFileSync('mkfifo', [file]);
        case 'link-to-outside-plan':
          return symlinkSync(path.join(outside, 'secret.md'), file);
        case 'link-to-outside-file':
          return symlinkSync(path.join(outside, 'secret.png'), file);
        case 'link-to-outside-folder':
          return symlinkSync(outside, file);
        case 'link-to-plan':
          return symlinkSync(path.join(plans, 'good.md'), file);
        case 'nested-git':
          mkdirSync(file, { recursive: true });
          poisonedRepository(file, script);
          return writeFileSync(path.join(file, 'inner.md'), plan(`Inner ${index}`, ['.git/config']));
        case 'git-file':
          mkdirSync(file, { recursive: true });
          return poisonedRepository(file, script, path.join(outside, `gitdir-${index}`));
      }
    } catch {
      // Two entries that want the same place as a file and as a folder: the first one stays.
    }
  });
  // The test's own git calls switch the poisoned settings off; a nested repository without a commit cannot be added, so then only the good plan is.
  const safe = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', 'core.pager=cat', '-c', 'diff.external=', '-c', 'credential.helper='];
  try {
    execFileSync('git', [...safe, 'add', '-A'], { cwd: project, env: gitEnv(), stdio: 'ignore' });
  } catch {
    execFileSync('git', [...safe, 'add', 'plans/good.md'], { cwd: project, env: gitEnv(), stdio: 'ignore' });
  }
  execFileSync('git', [...safe, 'commit', '-q', '--no-verify', '-m', 'plans'], { cwd: project, env: gitEnv() });
  rmSync(marker, { force: true });
  return { project, marker };
}

function extensionOf(kind: Kind): string {
  switch (kind) {
    case 'plan':
    case 'link-to-outside-plan':
    case 'link-to-plan':
      return '.md';
    case 'png':
    case 'link-to-outside-file':
      return '.png';
    case 'svg-script':
      return '.svg';
    case 'html':
      return '.html';
    case 'fifo':
      return '.md';
    default:
      return '';
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function relativeLink(from: string, to: string): string {
  return encodeURI(path.posix.relative(path.posix.dirname(from.split(path.sep).join('/')), to.split(path.sep).join('/')) || './');
}

/** Every regular file below `folder`, not through links, with its text. */
function texts(folder: string): Array<[string, string]> {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry): Array<[string, string]> => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return texts(file);
    return entry.isFile() ? [[file, readFileSync(file, 'latin1')]] : [];
  });
}

describe('a hostile plans folder', () => {
  test(
    'runs no program, leaks nothing from outside, stops no other plan, and check refuses what build leaves out',
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 12 }), async (entries) => {
          run += 1;
          const { project, marker } = layOut(run, entries);
          const env = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull };

          const check = await careerplan(['check', '--format', 'json', '--as-of', '2026-11-26'], { cwd: project, env });
          expect([0, 1], check.stderr).toContain(check.status);
          const report = JSON.parse(check.stdout) as { diagnostics: Array<{ file: string; severity: string }> };
          const refused = new Set(report.diagnostics.filter((d) => d.severity === 'error').map((d) => path.resolve(project, d.file)));

          const build = await careerplan(['build', '--no-pdf', '--as-of', '2026-11-26'], { cwd: project, env });
          expect([0, 1], build.stderr).toContain(build.status);
          const history = await careerplan(['history', 'plans/good.md'], { cwd: project, env });
          expect(history.status, history.stderr).toBe(0);

          for (const output of [check, build, history]) expect(`${output.stdout}${output.stderr}`).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)|TypeError|RangeError/);
          expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '', 'a program of the plans folder ran').toBe('');

          const out = path.join(project, 'out');
          expect(existsSync(path.join(out, 'good', 'index.html')), build.stderr).toBe(true);
          const leaked = [...texts(out).filter(([, text]) => text.includes(canary)).map(([file]) => file), ...[check, build, history].filter((o) => `${o.stdout}${o.stderr}`.includes(canary)).map(() => 'output')];
          expect(leaked, 'text from outside the plans folder was published').toEqual([]);

          // check passing means build does not fail on that plan: every plan check accepted has its page.
          const planFiles = texts(path.join(project, 'plans')).map(([file]) => file).filter((file) => file.endsWith('.md'));
          for (const file of planFiles) {
            if (refused.has(file) || !lstatSync(file).isFile()) continue;
            const listed = report.diagnostics.some((d) => path.resolve(project, d.file) === file);
            if (!listed && path.relative(path.join(project, 'plans'), file).split(path.sep).some((part) => part.startsWith('.') || part.startsWith('_') || part === 'node_modules')) continue;
            expect(existsSync(path.join(out, planSlug(file), 'index.html')), `${file} passed check but has no page\n${build.stderr}`).toBe(true);
          }
        }),
        property(6),
      );
    },
    runs * 40_000,
  );
});
