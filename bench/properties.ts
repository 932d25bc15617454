/**
 * `npm run bench -- --properties N`: the deep run of the property tests.
 * The suite runs each fast-check property at its CI size (see
 * tests/support/property.ts); this runs every test file that sizes its
 * properties so, with each property at least N times. Starts vitest.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './child.js';

/** The test files whose properties the deep run deepens: those that size them with tests/support/property.ts, by path from the repository. Reads the disk. */
export function propertyTestFiles(root = repoRoot): string[] {
  const tests = path.join(root, 'tests');
  return readdirSync(tests, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts') && /from '[./]+(support\/)?property\.js'/.test(readFileSync(path.join(tests, file), 'utf8')))
    .map((file) => path.join('tests', file))
    .sort();
}

/** Runs the property test files with every property at least `runs` times (in each project that holds them); returns vitest's exit code. Starts vitest, which writes to this terminal. */
export function runProperties(runs: number): number {
  const files = propertyTestFiles();
  process.stderr.write(`bench: ${files.length} test files, every property at least ${runs} times\n`);
  const vitest = path.join(repoRoot, 'node_modules/vitest/vitest.mjs');
  const result = spawnSync(process.execPath, [vitest, 'run', ...files], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, CAREERPLAN_PROPERTY_RUNS: String(runs) } });
  return result.status ?? 1;
}
