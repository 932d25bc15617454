/**
 * Loads, parses and validates a set of plans, and runs the rules that look
 * at all plans together. Shared by every command that reads plans. Reads the
 * disk through `loadPlan` and `inspectPath`; the stages themselves are pure.
 */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { rules } from '../format/rules/index.js';
import { isFinding, loadPlan } from '../stages/load.js';
import { parse } from '../stages/parse.js';
import { compareDiagnostics } from '../diagnostics/compare.js';
import { planSlug } from '../format/slug.js';
import { applySeverities, validate } from '../stages/validate.js';
import type { Checked, Diagnostic, SourceFile } from '../types.js';
import { displayPath, isInside } from '../lib/paths.js';
import { mapLimit } from '../lib/map-limit.js';
import { inspectPath } from '../edges/attachments.js';
import type { MeasureWords } from '../format/measurable.js';
import { packageRoot } from '../lib/package-root.js';
import { languageOf } from '../theme/intl.js';
import { builtinLocales } from '../theme/locales.js';
import { measureWordsByLanguage } from '../theme/stage-words.js';

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

/** A plan file that could not be read as a plan (too big, not UTF-8, gone): only its diagnostics. */
export interface Unreadable {
  readonly source: { readonly path: string };
  readonly diagnostics: readonly Diagnostic[];
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
  const crossPlan = crossPlanDiagnostics(files, config, cwd);
  const sources = new Map<string, string>();
  const perFile = await mapLimit(files, plansAtOnce, async (file) => {
    const checked = await checkFile(file, config, cwd, crossPlan.get(file) ?? []);
    if (checked.diagnostics.length > 0 && 'text' in checked.source) sources.set(checked.source.path, checked.source.text);
    if (isChecked(checked)) await visit(checked);
    return checked.diagnostics;
  });
  return { diagnostics: perFile.flat().sort(compareDiagnostics), sources, planCount: files.length };
}

/** The diagnostics of the rules that look at all plans together (such as two plans with one slug), by plan file. Pure. */
export function crossPlanDiagnostics(files: readonly string[], config: Config, cwd: string): Map<string, Diagnostic[]> {
  const named = files.map((file) => ({ file, path: displayPath(file, cwd), slug: planSlug(file) }));
  const fileOf = new Map(named.map(({ file, path: shown }) => [shown, file]));
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of applySeverities(rules.flatMap((rule) => [...(rule.checkAll?.(named) ?? [])]), config.rules)) {
    const file = fileOf.get(diagnostic.file);
    if (file !== undefined) byFile.set(file, [...(byFile.get(file) ?? []), diagnostic]);
  }
  return byFile;
}

/**
 * Loads, parses and validates one plan file, adding the cross-plan
 * diagnostics that concern it. A file that cannot be read has only
 * diagnostics. Reads the disk.
 */
export async function checkFile(
  file: string,
  config: Config,
  cwd: string,
  crossPlan: readonly Diagnostic[],
): Promise<Checked | Unreadable> {
  const shown = displayPath(file, cwd);
  const source = await loadPlan(file, shown);
  if (isFinding(source)) return { source: { path: shown }, diagnostics: [...applySeverities([source], config.rules), ...crossPlan].sort(compareDiagnostics) };
  return checkSource(source, config, crossPlan);
}

/**
 * Parses and validates a plan's text as read (from disk, or an editor's open
 * text), adding the cross-plan diagnostics that concern it. Reads the disk
 * only through `inspectPath` (the files the plan links to) and for the
 * built-in theme's words, once.
 */
export async function checkSource(source: SourceFile, config: Config, crossPlan: readonly Diagnostic[]): Promise<Checked> {
  const plansRoot = isInside(config.plans, source.absolutePath) ? config.plans : path.dirname(source.absolutePath);
  const measureWords = await measureWordsOf(config);
  const validated = validate(parse(source), { asOf: config.asOf, plansRoot, inspect: inspectPath, rawHtml: config.allowRawHtml, measureWords, severities: config.rules });
  return { ...validated, diagnostics: [...validated.diagnostics, ...crossPlan].sort(compareDiagnostics) };
}

/** The built-in theme's words of the `vague-measure` rule by language, read once: the package's own files, which do not change while it runs. */
let builtinMeasureWords: Promise<ReadonlyMap<string, MeasureWords>> | undefined;

/** The `vague-measure` rule's words for a plan's `lang`, the config's `locale` for a plan without one. Reads the built-in theme's locale files the first time. */
async function measureWordsOf(config: Config): Promise<(lang: string | undefined) => MeasureWords | undefined> {
  builtinMeasureWords ??= builtinLocales(path.join(packageRoot().folder, 'templates')).then(measureWordsByLanguage);
  const byLanguage = await builtinMeasureWords;
  return (lang) => byLanguage.get(languageOf(lang ?? config.locale) ?? '');
}

/** Checks the plan files at `files` and keeps every checked plan. Reads the disk. */
export async function checkPlans(files: readonly string[], config: Config, cwd: string): Promise<CheckResult> {
  const checked: Checked[] = [];
  const summary = await checkEach(files, config, cwd, (plan) => {
    checked.push(plan);
  });
  return { ...summary, checked };
}

/** Whether a file's check got as far as reading it. */
export function isChecked(result: Checked | Unreadable): result is Checked {
  return 'slug' in result;
}

