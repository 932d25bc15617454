#!/usr/bin/env node
/**
 * careerplan's `prepare`: compiles dist/ (`npm run build:ts`) when careerplan
 * is installed in its own folder — `npm install` or `npm ci` in a clone,
 * `npm pack`. A plans project made by `careerplan init` depends on careerplan
 * by a `file:` link, and npm runs a linked package's `prepare` too: that
 * careerplan is the one that ran `init`, compiled already, and may be a
 * packaged one without its sources; it is used as it is, and nothing is
 * written in its folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether to compile: only when npm was started in careerplan's own folder
 * (`INIT_CWD`, which npm sets to the folder it was started in; unset when
 * this script is run by hand) and the sources are there.
 * @param {string} folder careerplan's folder
 * @param {string | undefined} startedIn INIT_CWD
 * @param {(file: string) => boolean} exists
 * @returns {boolean}
 */
export function shouldCompile(folder, startedIn, exists) {
  if (startedIn !== undefined && path.resolve(startedIn) !== path.resolve(folder)) return false;
  return exists(path.join(folder, 'tsconfig.build.json'));
}

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] === fileURLToPath(import.meta.url) && shouldCompile(folder, process.env.INIT_CWD, existsSync)) {
  const npm = process.env.npm_execpath;
  const result = npm ? spawnSync(process.execPath, [npm, 'run', 'build:ts'], { cwd: folder, stdio: 'inherit' }) : spawnSync('npm', ['run', 'build:ts'], { cwd: folder, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}
