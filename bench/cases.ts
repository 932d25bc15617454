/**
 * What the benchmark measures through the CLI, cold then unchanged: one
 * entry per command. To measure another command, add a case here (its
 * arguments, how to tell a complete run from a broken one, and what to clear
 * before a cold run) and its name to `sectionNames` in `options.ts`.
 * Printing PDFs has sections of their own (`pdf.ts`, `warm.ts`): the `build`
 * case here builds the HTML site alone, and is the cold build the issue's
 * targets judge. Pure, except for `reset`, which may touch the disk.
 */
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { benchAsOf } from './generate.js';
import type { ChildRun } from './child.js';

/** Where a case runs: the generated plans and a scratch folder of its own. */
export interface CaseContext {
  /** The folder of generated plans. */
  readonly plans: string;
  /** A scratch folder for the case's output (for example `--out`). */
  readonly scratch: string;
  /** How many plans were generated. */
  readonly planCount: number;
}

/** A command measured cold (first run after generating) and unchanged (run again). */
export interface BenchCase {
  readonly name: string;
  readonly description: string;
  /** The CLI arguments, after `careerplan`. */
  args(context: CaseContext): string[];
  /** Throws unless the run did the whole job; returns counts worth reporting (such as warnings by rule). */
  verify(run: ChildRun, context: CaseContext): Readonly<Record<string, number>>;
  /** Clears what an earlier run left behind (caches, output), before a cold run. */
  reset?(context: CaseContext): Promise<void>;
}

/** Warnings the generated plans may get: they depend on the as-of date, not on a mistake in the generator. */
export const timeDependentRules: ReadonlySet<string> = new Set(['overdue']);

/** The JSON report of `check --format json`, as far as the benchmark reads it. */
interface CheckReport {
  readonly planCount: number;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly diagnostics: ReadonlyArray<{ readonly file: string; readonly line: number; readonly severity: string; readonly ruleId: string; readonly message: string }>;
}

const check: BenchCase = {
  name: 'check',
  description: `check <plans> --as-of ${benchAsOf} --format json`,
  args: ({ plans }) => ['check', plans, '--as-of', benchAsOf, '--format', 'json'],
  verify(run, { planCount }) {
    let report: CheckReport;
    try {
      report = JSON.parse(run.stdout) as CheckReport;
    } catch (error) {
      throw new Error(`check printed no JSON report (exit ${run.exitCode}): ${run.stderr.slice(0, 500)}`, { cause: error });
    }
    if (report.planCount !== planCount) throw new Error(`check looked at ${report.planCount} plans, expected ${planCount}`);
    const unexpected = report.diagnostics.filter((d) => d.severity === 'error' || !timeDependentRules.has(d.ruleId));
    if (report.errorCount > 0 || unexpected.length > 0) {
      const sample = unexpected.slice(0, 5).map((d) => `  ${d.file}:${d.line} ${d.severity} ${d.ruleId}: ${d.message}`);
      throw new Error(`check found ${report.errorCount} errors and ${unexpected.length} unexpected messages in generated plans:\n${sample.join('\n')}`);
    }
    if (run.exitCode !== 0) throw new Error(`check exited ${run.exitCode} with only time-dependent warnings: ${run.stderr.slice(0, 500)}`);
    const counts: Record<string, number> = { errors: report.errorCount, warnings: report.warningCount };
    for (const d of report.diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
    return counts;
  },
};

/** The HTML site alone: printing a thousand PDFs would take minutes; `pdf.ts` measures printing on a smaller corpus. */
const build: BenchCase = {
  name: 'build',
  description: `build --plans <plans> --out <scratch>/out --as-of ${benchAsOf} --no-pdf`,
  args: ({ plans, scratch }) => ['build', '--plans', plans, '--out', path.join(scratch, 'out'), '--as-of', benchAsOf, '--no-pdf'],
  verify(run, { planCount, scratch }) {
    if (run.exitCode !== 0) throw new Error(`build exited ${run.exitCode}: ${run.stderr.slice(-500)}`);
    const out = path.join(scratch, 'out');
    const pages = readdirSync(out, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(path.join(out, entry.name, 'index.html'))).length;
    if (pages !== planCount) throw new Error(`build wrote ${pages} plan pages, expected ${planCount}`);
    if (!existsSync(path.join(out, 'index.html')) || !existsSync(path.join(out, 'plans.json'))) throw new Error('build wrote no index.html or plans.json');
    return { pages };
  },
  async reset({ scratch }) {
    await rm(path.join(scratch, 'out'), { recursive: true, force: true });
  },
};

/** Every case, in the order they run. */
export const cases: readonly BenchCase[] = [check, build];
