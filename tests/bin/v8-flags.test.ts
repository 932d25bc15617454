/**
 * bin/careerplan.js may tune V8, but only with flags that every supported
 * Node knows: an unknown flag makes V8 print `unrecognized flag` on every run.
 * CI runs this on the oldest and the newest supported Node.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { repo } from '../e2e/run.js';

test('every V8 flag bin/careerplan.js sets is one this Node’s V8 knows', () => {
  const bin = readFileSync(path.join(repo, 'bin/careerplan.js'), 'utf8');
  const flags = [...bin.matchAll(/setFlagsFromString\(\s*'(--[\w-]+)/g)].map((match) => match[1]);
  expect(flags).not.toEqual([]);
  const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  for (const flag of flags) expect(known, `${flag} on Node ${process.version}`).toContain(`  ${flag} (`);
});
