/**
 * The validate stage: a parsed plan is checked against the schema and every
 * rule, and becomes a typed plan with positioned diagnostics. Pure: the only
 * view of the world it gets is the injected `inspect`.
 */
import type { IsoDate } from '../format/dates.js';
import type { MeasureWords } from '../format/measurable.js';
import { rules } from '../format/rules/index.js';
import type { PlanContext, Salvaged, SchemaIssue } from '../format/rules/rule.js';
import { describeSchemaIssue } from '../format/rules/schema.js';
import type { z } from 'zod';
import { listItems, planObject, planSchema, stepItem, type Plan } from '../format/schema.js';
import { compareDiagnostics } from '../diagnostics/compare.js';
import { planSlug, slugify } from '../format/slug.js';
import { locate, type DataPath } from '../format/yaml.js';
import type { Checked, Diagnostic, FileFacts, Finding, Frontmatter, Parsed, Place, RuleSetting } from '../types.js';
import { isRecord } from '../lib/is-record.js';

/** What validation needs to know besides the plan. */
export interface ValidateOptions {
  /** "Today" for time-dependent rules. */
  readonly asOf: IsoDate;
  /** Absolute path of the plans folder. */
  readonly plansRoot: string;
  /** What is at a path a plan links to (see `inspectPath`), or `undefined` when nothing is there. */
  readonly inspect: (absolutePath: string) => FileFacts | undefined;
  /** Whether the page keeps raw HTML (the config's `allowRawHtml`); default false. */
  readonly rawHtml?: boolean;
  /** The `vague-measure` rule's words for a plan's `lang` (`undefined` when it has none); without them that rule finds nothing. */
  readonly measureWords?: (lang: string | undefined) => MeasureWords | undefined;
  /** Severity overrides by rule id. */
  readonly severities: Readonly<Record<string, RuleSetting>>;
}

/** Checks a parsed plan against the schema and every plan rule. Pure but for `inspect`. */
export function validate(parsed: Parsed, options: ValidateOptions): Checked {
  const findings: Finding[] = [...parsed.findings];
  const slug = planSlug(parsed.source.path);
  const { frontmatter } = parsed;
  // Without frontmatter, or after YAML the parse stage could not read past (it then gives none), the data would be a guess: checking it would only add false errors.
  if (!frontmatter) {
    return { source: parsed.source, slug, ...(parsed.body ? { body: parsed.body } : {}), diagnostics: applySeverities(findings, options.severities) };
  }

  const result = planSchema.safeParse(frontmatter.data);
  const plan = result.success ? whole(result.data) : salvage(frontmatter.data);
  const context = createContext(parsed, frontmatter, options, plan);
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

/** Gives findings their configured severity, drops those of rules turned off, and sorts them by place; a rule the site depends on (`fixed`) keeps its own. */
export function applySeverities(findings: readonly Finding[], severities: Readonly<Record<string, RuleSetting>>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const rule = rules.find((each) => each.id === finding.ruleId);
    const setting = rule?.fixed === true ? undefined : severities[finding.ruleId];
    if (setting === 'off') continue;
    const fallback = rule?.severity ?? 'error';
    const severity = setting === 'warn' ? 'warning' : setting === 'error' ? 'error' : fallback;
    diagnostics.push({ ...finding, severity });
  }
  return diagnostics.sort(compareDiagnostics);
}

/** The context rules see. The frontmatter's document is read from it only when a rule asks: it may not be read yet (see parse). */
function createContext(parsed: Parsed, frontmatter: Frontmatter, options: ValidateOptions, plan: Salvaged): PlanContext {
  const { offset, data } = frontmatter;
  const { locator, source } = parsed;
  const placeRange = (start: number, end: number): Place => locator.place(offset + start, offset + end);
  // A `lang` the schema rejects leaves the plan's language unknown: its measures are not judged in a guessed one.
  const measureWords = plan.lang === undefined && valueAt(data, ['lang']) !== undefined ? undefined : options.measureWords?.(plan.lang);
  return {
    source,
    data,
    dataHasEveryKey: frontmatter.dataHasEveryKey ?? false,
    plan,
    get document() {
      return frontmatter.document;
    },
    ...(parsed.body ? { body: parsed.body } : {}),
    asOf: options.asOf,
    plansRoot: options.plansRoot,
    inspect: options.inspect,
    rawHtml: options.rawHtml ?? false,
    ...(measureWords ? { measureWords } : {}),
    placeRange,
    place(dataPath, part = 'value') {
      // A one-line scalar of plain frontmatter is found without reading the whole document.
      const quick = frontmatter.locateScalar?.(dataPath);
      if (quick) {
        const range = part === 'key' ? (quick.key ?? quick.value) : quick.value;
        return placeRange(range[0], range[1]);
      }
      const { document } = frontmatter;
      const found = locate(document, dataPath);
      const range = part === 'key' ? (found.key ?? found.value) : (found.value ?? found.key);
      if (range) return placeRange(range[0], range[1]);
      // An empty frontmatter has no mapping to point at: point at its first line.
      return document.contents === null ? locator.place(0) : locator.place(offset + found.parent[0]);
    },
    valueAt: (dataPath) => valueAt(data, dataPath),
    sourceText(dataPath) {
      const { value } = frontmatter.locateScalar?.(dataPath) ?? locate(frontmatter.document, dataPath);
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

/** The parts of a plan that pass the schema on their own: key by key, list item by list item. */
function salvage(data: unknown): Salvaged {
  const salvaged = keysThatPass(planObject.shape, data) ?? {};
  const record = isRecord(data) ? data : {};
  for (const [list, { object, item }] of Object.entries(listItems)) {
    const items = record[list];
    salvaged[list] = Array.isArray(items) ? items.map((element) => salvageItem(object.shape, item, element)) : [];
  }
  // Each value above passed the schema of its own key, which is what Salvaged promises.
  return salvaged as unknown as Salvaged;
}

/** One list item: the whole item when it passes, else its keys that pass, with the default id. */
function salvageItem(shape: Record<string, z.ZodType>, item: z.ZodType, element: unknown): unknown {
  const whole = item.safeParse(element);
  if (whole.success) return whole.data;
  const parts = keysThatPass(shape, element);
  if (!parts) return undefined;
  const name = parts.title ?? parts.name;
  if (parts.id === undefined && typeof name === 'string') parts.id = slugify(name);
  if ('steps' in shape) {
    const steps = isRecord(element) ? element.steps : undefined;
    parts.steps = Array.isArray(steps) ? steps.map((step) => stepItem.safeParse(step).data) : [];
  }
  return parts;
}

/** The keys of a mapping whose values pass their own schema (defaults filled in); `undefined` for a non-mapping. */
function keysThatPass(shape: Record<string, z.ZodType>, data: unknown): Record<string, unknown> | undefined {
  if (!isRecord(data)) return undefined;
  const passed: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const parsed = field.safeParse(Object.hasOwn(data, key) ? data[key] : undefined);
    if (parsed.success && parsed.data !== undefined) passed[key] = parsed.data;
  }
  return passed;
}
