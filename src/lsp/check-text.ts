/**
 * Checks a plan as an editor has it open: the same load → parse → validate as
 * `check`, on the open text instead of the file on disk, with the rules over
 * all plans run against the other plans on disk. Reads the disk (the plans
 * folder's listing, the files the plan links to).
 */
import { Buffer } from 'node:buffer';
import type { Config } from '../config/config.js';
import { checkSource, crossPlanDiagnostics } from '../build/check-plans.js';
import { applySeverities } from '../stages/validate.js';
import { findPlanFiles, maxPlanBytes, notTextMessage, planText, tooBigMessage } from '../stages/load.js';
import { compareDiagnostics } from '../diagnostics/compare.js';
import { displayPath } from '../lib/paths.js';
import type { Diagnostic } from '../types.js';

/** The diagnostics `check` would give the plan at `file` (absolute) were `text` saved there. Reads the disk. */
export async function checkOpenText(file: string, text: string, config: Config, cwd: string): Promise<Diagnostic[]> {
  const shown = displayPath(file, cwd);
  const listing = await findPlanFiles([config.plans], { configured: true }).catch(() => ({ files: [] as string[] }));
  const files = listing.files.includes(file) ? listing.files : [...listing.files, file].sort();
  const crossPlan = crossPlanDiagnostics(files, config, cwd).get(file) ?? [];
  const bytes = Buffer.from(text, 'utf8');
  const problem = bytes.length > maxPlanBytes ? tooBigMessage(bytes.length) : undefined;
  const decoded = planText(bytes);
  const message = problem ?? ('problem' in decoded ? notTextMessage(decoded.problem) : undefined);
  if (message !== undefined || !('text' in decoded)) {
    const finding = { file: shown, place: { start: { line: 1, column: 1 } }, ruleId: 'bad-file', message: message ?? '' };
    return [...applySeverities([finding], config.rules), ...crossPlan].sort(compareDiagnostics);
  }
  return [...(await checkSource({ path: shown, absolutePath: file, text: decoded.text }, config, crossPlan)).diagnostics];
}
