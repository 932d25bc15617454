import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What `npm run build:ts` compiles from: when none is newer than its last output, `dist/` is current. */
const inputs = ['src', 'bench', 'scripts/bundle.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
/** The file `npm run build:ts` writes last (the bundled page worker, see scripts/bundle.mjs). */
const lastOutput = 'dist/src/build/page-worker.js';

/**
 * Compiles the CLI as `npm run build:ts` does (tsc, then check and the worker bundled), so end-to-end tests run exactly what
 * `bin/careerplan.js` runs — unless `dist/` is newer than every file it is made from, as right after `npm ci`
 * (whose `prepare` compiles it) or a run with nothing edited since.
 */
export default function setup(): void {
  if (newestChange(inputs) < modified(lastOutput)) return;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
}

/** When a file was last changed, or 0 when it is missing. Reads the disk. */
function modified(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The latest change to the files and folders below `paths`: a file's content, or a folder's list of names (a file added, removed or renamed). Reads the disk. */
function newestChange(paths: readonly string[]): number {
  let newest = 0;
  for (const start of paths) {
    newest = Math.max(newest, modified(start));
    if (!statSync(start, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const entry of readdirSync(start, { recursive: true, withFileTypes: true })) {
      newest = Math.max(newest, modified(path.join(entry.parentPath, entry.name)));
    }
  }
  return newest;
}
