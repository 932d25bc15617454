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
import { applySeverities, compareDiagnostics, validate } from './stages/validate.js';
import type { Checked, Diagnostic, Finding } from './types.js';
import { isInside } from './paths.js';

/** Plans read at once: enough to keep the disk busy, far below the open-file limit. */
const openFilesAtOnce = 64;

/** What checking a set of plans found. */
export interface CheckResult {
  readonly checked: readonly Checked[];
  /** Every diagnostic of every plan, sorted by file and place. */
  readonly diagnostics: readonly Diagnostic[];
  /** Source text by displayed path, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  /** How many plan files were looked at. */
  readonly planCount: number;
}

/** Checks the plan files at `files` (absolute paths), naming them relative to `cwd`. Reads the disk. */
export async function checkPlans(files: readonly string[], config: Config, cwd: string): Promise<CheckResult> {
  const sources = new Map<string, string>();
  const checked: Checked[] = [];
  const unreadable: Finding[] = [];
  const loaded = await mapLimit(files, openFilesAtOnce, (file) => loadPlan(file, displayPath(file, cwd)));
  for (const source of loaded) {
    if (isFinding(source)) {
      unreadable.push(source);
      continue;
    }
    sources.set(source.path, source.text);
    const plansRoot = isInside(config.plans, source.absolutePath) ? config.plans : path.dirname(source.absolutePath);
    checked.push(validate(parse(source), { asOf: config.asOf, plansRoot, realPath, severities: config.rules }));
  }
  const together = rules.flatMap((rule) => [...(rule.checkAll?.(checked) ?? [])]);
  const diagnostics = [
    ...checked.flatMap((plan) => plan.diagnostics),
    ...applySeverities([...unreadable, ...together], config.rules),
  ].sort(compareDiagnostics);
  return { checked, diagnostics, sources, planCount: files.length };
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
