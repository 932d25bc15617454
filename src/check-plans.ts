/**
 * Loads, parses and validates a set of plans, and runs the rules that look
 * at all plans together. Shared by every command that reads plans. Reads the
 * disk through `loadPlan` and `realPath`; the stages themselves are pure.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { rules } from './format/rules/index.js';
import { isFinding, loadPlan } from './stages/load.js';
import { parse } from './stages/parse.js';
import { applySeverities, compareDiagnostics, planSlug, validate } from './stages/validate.js';
import type { Checked, Diagnostic } from './types.js';
import { isInside } from './paths.js';

/** Plans in work at once: enough to keep the disk busy, few enough that memory holds only their trees. */
const plansAtOnce = 16;

/** What checking a set of plans found. */
export interface CheckSummary {
  /** Every diagnostic of every plan, sorted by file and place. */
  readonly diagnostics: readonly Diagnostic[];
  /** Source text of the files with diagnostics, by displayed path, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  /** How many plan files were looked at. */
  readonly planCount: number;
}

/** What checking found, with every checked plan kept. */
export interface CheckResult extends CheckSummary {
  readonly checked: readonly Checked[];
}

/**
 * Checks the plan files at `files` (absolute paths), naming them relative to
 * `cwd`, and hands each checked plan, with every diagnostic that concerns it,
 * to `visit` as soon as it is ready; nothing of a plan is kept afterwards
 * but its diagnostics. Reads the disk.
 */
export async function checkEach(
  files: readonly string[],
  config: Config,
  cwd: string,
  visit: (checked: Checked) => void | Promise<void>,
): Promise<CheckSummary> {
  const named = files.map((file) => ({ file, path: displayPath(file, cwd), slug: planSlug(file) }));
  const together = applySeverities(rules.flatMap((rule) => [...(rule.checkAll?.(named) ?? [])]), config.rules);
  const sources = new Map<string, string>();
  const perFile = await mapLimit(named, plansAtOnce, async ({ file, path: shown }) => {
    const source = await loadPlan(file, shown);
    const crossPlan = together.filter((d) => d.file === shown);
    if (isFinding(source)) return [...applySeverities([source], config.rules), ...crossPlan];
    const plansRoot = isInside(config.plans, source.absolutePath) ? config.plans : path.dirname(source.absolutePath);
    const validated = validate(parse(source), { asOf: config.asOf, plansRoot, realPath, severities: config.rules });
    const checked = { ...validated, diagnostics: [...validated.diagnostics, ...crossPlan].sort(compareDiagnostics) };
    if (checked.diagnostics.length > 0) sources.set(source.path, source.text);
    await visit(checked);
    return checked.diagnostics;
  });
  return { diagnostics: perFile.flat().sort(compareDiagnostics), sources, planCount: files.length };
}

/** Checks the plan files at `files` and keeps every checked plan. Reads the disk. */
export async function checkPlans(files: readonly string[], config: Config, cwd: string): Promise<CheckResult> {
  const checked: Checked[] = [];
  const summary = await checkEach(files, config, cwd, (plan) => {
    checked.push(plan);
  });
  return { ...summary, checked };
}

/** A path as the user should see it: relative to the working folder, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}

function realPath(absolutePath: string): string | undefined {
  try {
    return realpathSync(absolutePath);
  } catch {
    return undefined;
  }
}

/** Maps over items with at most `limit` calls under way, keeping the order of results. */
async function mapLimit<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
