/**
 * `node unified-child.js <plans> <out> <report>`: runs the straightforward
 * pipeline (`unified.ts`) in a process of its own, so its wall time and peak
 * memory are measured the way careerplan's are, and writes what it did as
 * JSON to `<report>`. Reads the plans, writes the pages and the report.
 */
import { writeFile } from 'node:fs/promises';
import { buildWithUnified } from './unified.js';

const [plans, out, report] = process.argv.slice(2);
if (!plans || !out || !report) {
  process.stderr.write('usage: unified-child.js <plans> <out> <report>\n');
  process.exitCode = 2;
} else {
  const result = await buildWithUnified(plans, out);
  await writeFile(report, JSON.stringify(result));
}
