/**
 * The validate stage: a parsed plan is checked against the schema and every
 * rule, and becomes a typed plan with positioned diagnostics. Pure: the only
 * view of the world it gets is the injected `realPath`.
 */
import path from 'node:path';
import type { IsoDate } from '../format/dates.js';
import { rules } from '../format/rules/index.js';
import type { PlanContext, Salvaged, SchemaIssue } from '../format/rules/rule.js';
import { describeSchemaIssue } from '../format/rules/schema.js';
import { listItems, planObject, planSchema, type Plan } from '../format/schema.js';
import { slugify } from '../format/slug.js';
import { locate, type DataPath } from '../format/yaml.js';
import type { Checked, Diagnostic, Finding, Frontmatter, Parsed, Place, RuleSetting } from '../types.js';

/** What validation needs to know besides the plan. */
export interface ValidateOptions {
  /** "Today" for time-dependent rules. */
  readonly asOf: IsoDate;
  /** Absolute path of the plans folder. */
  readonly plansRoot: string;
  /** Resolves a path to its real path, or `undefined` when nothing is there. */
  readonly realPath: (absolutePath: string) => string | undefined;
  /** Severity overrides by rule id. */
  readonly severities: Readonly<Record<string, RuleSetting>>;
}

/** Checks a parsed plan against the schema and every plan rule. Pure but for `realPath`. */
export function validate(parsed: Parsed, options: ValidateOptions): Checked {
  const findings: Finding[] = [...parsed.findings];
  const slug = planSlug(parsed.source.path);
  const { frontmatter } = parsed;
  if (!frontmatter) {
    return { source: parsed.source, slug, ...(parsed.body ? { body: parsed.body } : {}), diagnostics: applySeverities(findings, options.severities) };
  }

  const result = planSchema.safeParse(frontmatter.data);
  const plan = result.success ? whole(result.data) : salvage(frontmatter.data);
  const context: PlanContext = { ...createContext(parsed, frontmatter, options), plan };
  const report = (ruleId: string, place: Place, message: string, cause?: Finding['cause']): void => {
    findings.push({ file: parsed.source.path, place, ruleId, message, ...(cause ? { cause } : {}) });
  };

  for (const issue of result.success ? [] : flatten(result.error.issues)) {
    const path = issue.path as DataPath;
    let claimed: { id: string; message: string } | undefined;
    for (const rule of rules) {
      const message = rule.claims?.(issue, context);
      if (message !== undefined) {
        claimed = { id: rule.id, message };
        break;
      }
    }
    report(claimed?.id ?? 'schema', context.place(path), claimed?.message ?? describeSchemaIssue(issue, context));
  }

  for (const rule of rules) {
    for (const found of rule.check?.(context) ?? []) {
      const cause = found.cause ? { file: parsed.source.path, ...found.cause } : undefined;
      report(rule.id, found.place, found.message, cause);
    }
  }

  return {
    source: parsed.source,
    slug,
    ...(result.success ? { plan: result.data } : {}),
    ...(parsed.body ? { body: parsed.body } : {}),
    diagnostics: applySeverities(findings, options.severities),
  };
}

/** Gives findings their configured severity, drops those of rules turned off, and sorts them by place. */
export function applySeverities(findings: readonly Finding[], severities: Readonly<Record<string, RuleSetting>>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const setting = severities[finding.ruleId];
    if (setting === 'off') continue;
    const fallback = rules.find((rule) => rule.id === finding.ruleId)?.severity ?? 'error';
    const severity = setting === 'warn' ? 'warning' : setting === 'error' ? 'error' : fallback;
    diagnostics.push({ ...finding, severity });
  }
  return diagnostics.sort(compareDiagnostics);
}

/** Orders diagnostics by file, line, column and rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.place.start.line - b.place.start.line ||
    a.place.start.column - b.place.start.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** The output name of a plan, from its file name. */
export function planSlug(filePath: string): string {
  const name = path.basename(filePath).replace(/\.md$/i, '');
  return slugify(name) || encodeURIComponent(name.toLowerCase());
}

function createContext(parsed: Parsed, frontmatter: Frontmatter, options: ValidateOptions): Omit<PlanContext, 'plan'> {
  const { document, offset, data } = frontmatter;
  const { locator, source } = parsed;
  const placeRange = (start: number, end: number): Place => locator.place(offset + start, offset + end);
  return {
    source,
    data,
    document,
    ...(parsed.body ? { body: parsed.body } : {}),
    asOf: options.asOf,
    plansRoot: options.plansRoot,
    realPath: options.realPath,
    placeRange,
    place(dataPath, part = 'value') {
      const found = locate(document, dataPath);
      const range = part === 'key' ? (found.key ?? found.value) : (found.value ?? found.key);
      return range ? placeRange(range[0], range[1]) : locator.place(offset + found.parent[0]);
    },
    valueAt: (dataPath) => valueAt(data, dataPath),
    sourceText(dataPath) {
      const { value } = locate(document, dataPath);
      return value ? source.text.slice(offset + value[0], offset + value[1]) : undefined;
    },
  };
}

function valueAt(data: unknown, dataPath: DataPath): unknown {
  let current = data;
  for (const segment of dataPath) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (typeof segment !== 'number') return undefined;
      current = current[segment];
    } else {
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/**
 * Replaces each union issue by the issues of the one branch that matched the
 * value's type, so a step mapping with a bad `due` reports the `due`.
 */
function flatten(issues: readonly SchemaIssue[], prefix: readonly PropertyKey[] = []): SchemaIssue[] {
  return issues.flatMap((issue) => {
    const full = { ...issue, path: [...prefix, ...issue.path] } as SchemaIssue;
    if (issue.code !== 'invalid_union') return [full];
    const matching = issue.errors.filter((branch) => branch.some((inner) => inner.path.length > 0 || inner.code !== 'invalid_type'));
    const [only] = matching;
    return matching.length === 1 && only ? flatten(only, full.path) : [full];
  });
}

function whole(plan: Plan): Salvaged {
  return { ...plan, skills: plan.skills ?? [], goals: plan.goals, opportunities: plan.opportunities ?? [] };
}

/** The parts of a plan that pass the schema on their own; list items one by one. */
function salvage(data: unknown): Salvaged {
  const salvaged: Record<string, unknown> = { skills: [], goals: [], opportunities: [] };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return salvaged as unknown as Salvaged;
  const record = data as Record<string, unknown>;
  for (const [key, field] of Object.entries(planObject.shape)) {
    if (!Object.hasOwn(record, key)) continue;
    const value = record[key];
    if (Object.hasOwn(listItems, key)) {
      const item = listItems[key as keyof typeof listItems];
      if (Array.isArray(value)) salvaged[key] = value.map((element) => item.safeParse(element).data);
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) salvaged[key] = parsed.data;
  }
  // Each value above passed the schema of its own key, which is what Salvaged promises.
  return salvaged as unknown as Salvaged;
}
