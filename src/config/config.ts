/**
 * Configuration: defaults ← `careerplan.config.json|yaml` ← flags. The file
 * is data (JSON or YAML), never code, checked here against the schema.
 * `resolveConfig` is pure; `readConfigFile` (config-file.ts) reads the disk;
 * the defaults and the last step of resolving are in config-defaults.ts.
 */
import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import { z } from 'zod';
import { createLocator } from '../diagnostics/locator.js';
import { parseDate, type IsoDate } from '../format/dates.js';
import { ruleIds } from '../format/rules/index.js';
import { nearest } from '../format/suggest.js';
import { locate, rangeOf, readYaml, toData } from '../format/yaml.js';
import { configDefaults, lengthPattern, paperSizes, printSections, settle } from './defaults.js';
import { isOmittablePart, omittableParts, type View } from '../site/view.js';
import type { Diagnostic, RuleSetting } from '../types.js';
import { isRecord } from '../lib/is-record.js';

/** The names careerplan looks for, in this order, in the project folder. */

const setting = z.enum(['off', 'warn', 'error']);
const isoDate = z.string().refine((value) => parseDate(value) !== undefined, { message: 'a date as YYYY-MM-DD' });
const length = z.string().regex(lengthPattern, { message: 'a length such as `18mm`, `2cm`, `0.75in` or `40px`' });


/** A paper size in any letter case, as Chromium names it. */
const paper = z
  .string()
  .meta({ examples: [...paperSizes] })
  .transform((value, ctx) => {
    const known = paperSizes.find((size) => size.toLowerCase() === value.toLowerCase());
    if (known) return known;
    ctx.addIssue({ code: 'custom', message: `a paper size: ${paperSizes.join(', ')}` });
    return z.NEVER;
  });

const pdfSchema = z
  .object({
    paper: paper.default(configDefaults.pdf.paper).describe('Paper size: A4, Letter, Legal, Tabloid, Ledger, A0 to A6'),
    margin: z
      .union([length, z.object({ top: length, right: length, bottom: length, left: length })], {
        error: 'a length such as `18mm`, or a mapping of `top`, `right`, `bottom` and `left` lengths',
      })
      .default(configDefaults.pdf.margin)
      .describe('Page margins: one length, or one per side'),
    timeout: z.int().positive().default(configDefaults.pdf.timeout).describe('Milliseconds a plan may take to print'),
    newPageBefore: z
      .array(z.enum(printSections))
      .default([...configDefaults.pdf.newPageBefore])
      .describe(`Sections of a plan that start on a new page of its PDF (by default sections follow each other): ${printSections.join(', ')}`),
    concurrency: z.int().positive().optional().describe('Plans printed at once; default the number of cores'),
    browser: z.string().min(1).optional().describe('The browser that prints the PDFs (a path); default: one found on this machine'),
  })
  .strict();

/** A part of a plan a view leaves out; an unknown one is named with the nearest known part. */
const omittablePart = z.string().meta({ examples: [...omittableParts] }).transform((value, ctx) => {
  if (isOmittablePart(value)) return value;
  ctx.addIssue({ code: 'custom', message: 'a part of a plan', params: { message: unknownPartMessage(value) } });
  return z.NEVER;
});

/** A view's name: it names a folder (`out-<name>`), so letters, digits, `-` and `_`. */
const viewName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);

const viewSchema = z
  .object({
    omit: z.array(omittablePart).default([]).describe('The parts of each plan this view leaves out'),
    out: z.string().min(1).optional().describe('Folder this view is built into; default: the out folder with `-<name>` added'),
  })
  .strict();

/** The configuration file's schema: every key optional. */
export const configSchema = z
  .object({
    plans: z.string().min(1).default(configDefaults.plans).describe('Folder of plan files'),
    templates: z.string().min(1).default(configDefaults.templates).describe('Folder of templates that override the default theme'),
    out: z.string().min(1).default(configDefaults.out).describe('Folder the site is built into'),
    locale: z.string().min(1).default(configDefaults.locale).describe("Language for plans without `lang`").meta({ examples: ['en', 'de', 'fr'] }),
    asOf: isoDate.optional().describe('The date "today" means for time-dependent rules, as YYYY-MM-DD').meta({ examples: ['2026-01-31'] }),
    rules: z.record(z.string(), setting).default(() => ({ ...configDefaults.rules })).describe('Rule id → off, warn or error'),
    allowRawHtml: z.boolean().default(configDefaults.allowRawHtml).describe('Keep raw HTML of plans in the site, still sanitized'),
    pdf: pdfSchema.default(pdfSchema.parse({})),
    views: z.record(viewName, viewSchema).default(() => ({ ...configDefaults.views })).describe('Audience views by name (`build --view NAME`): the parts of each plan they leave out'),
  })
  .strict();

/** A config file's values, checked, with every default filled in. */
export type FileConfig = z.output<typeof configSchema>;

/** The resolved configuration: every value known, paths absolute. */
export interface Config {
  /** The folder of the config file (or the working folder): relative paths resolve from it. */
  readonly root: string;
  readonly configFile?: string;
  readonly plans: string;
  readonly templates: string;
  readonly out: string;
  readonly locale: string;
  readonly asOf: IsoDate;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly allowRawHtml: boolean;
  readonly pdf: FileConfig['pdf'];
  /** The audience view being built (`--view`): the parts of every plan left out of every output. */
  readonly view?: View;
}

/** Options given as flags; they beat the file. */
export interface ConfigFlags {
  readonly asOf?: IsoDate;
  readonly plans?: string;
  readonly out?: string;
  readonly templates?: string;
  /** The name of a view in the config's `views` (`--view`). */
  readonly view?: string;
  /** PDF settings given as flags (`--paper`, `--margin`). */
  readonly pdf?: { readonly paper?: string; readonly margin?: string };
}

/** A config file's text and where it is, as read from disk. */
export interface ConfigSource {
  readonly path: string;
  readonly displayPath: string;
  readonly text: string;
}

/** The outcome of resolving: the config, or the errors that make it unusable, plus warnings. */
export type Resolved = { readonly config: Config; readonly diagnostics: Diagnostic[] } | { readonly config?: undefined; readonly diagnostics: Diagnostic[] };

/** Merges defaults, the config file and flags into one resolved config. Pure. */
export function resolveConfig(source: ConfigSource | undefined, flags: ConfigFlags, cwd: string, today: IsoDate): Resolved {
  const diagnostics: Diagnostic[] = [];
  let fileData: unknown = {};
  const root = source ? path.dirname(source.path) : cwd;

  if (source) {
    const locator = createLocator(source.text);
    const at = (range: readonly [number, number], severity: Diagnostic['severity'], ruleId: string, message: string): void => {
      diagnostics.push({ file: source.displayPath, place: locator.place(range[0], range[1]), severity, ruleId, message });
    };
    const { document, problems } = readYaml(source.text);
    for (const problem of problems) at(problem.range, 'error', 'config', problem.message);
    if (!document) return { diagnostics };
    const converted = toData(document);
    for (const problem of converted.problems) at(problem.range, 'error', 'config', problem.message);
    if (diagnostics.length > 0) return { diagnostics };
    fileData = converted.data ?? {};

    warnUnknownKeys(document.contents, Object.keys(configSchema.shape), (key, range) =>
      at(range, 'warning', 'config', unknownKeyMessage(key, Object.keys(configSchema.shape))),
    );
    const pdf = isMap(document.contents) ? document.contents.get('pdf', true) : undefined;
    warnUnknownKeys(pdf, Object.keys(pdfSchema.shape), (key, range) =>
      at(range, 'warning', 'config', unknownKeyMessage(key, Object.keys(pdfSchema.shape))),
    );
    const ruleSettings = isMap(document.contents) ? document.contents.get('rules', true) : undefined;
    warnUnknownKeys(ruleSettings, [...ruleIds], (key, range) =>
      at(range, 'warning', 'config', `Unknown rule \`${key}\`${hint(key, [...ruleIds])}`),
    );
    const views = isMap(document.contents) ? document.contents.get('views', true) : undefined;
    for (const view of isMap(views) ? views.items : []) {
      warnUnknownKeys(view.value, Object.keys(viewSchema.shape), (key, range) =>
        at(range, 'warning', 'config', `Unknown key \`${key}\` in a view${hint(key, Object.keys(viewSchema.shape))}`),
      );
    }
    fileData = withoutUnknownKeys(fileData);

    const result = configSchema.safeParse(fileData);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const found = locate(document, issue.path as Array<string | number>);
        // A bad key of a record (a view's name) is shown at the key, not at its value.
        const range = (issue.code === 'invalid_key' ? found.key : found.value) ?? found.key ?? found.parent;
        at(range, 'error', 'config', ownMessage(issue) ?? `Unexpected value for \`${issue.path.join('.')}\`: expected ${expectationOf(issue)}`);
      }
      return { diagnostics };
    }
  }

  const withFlags = flags.pdf ? { ...(fileData as object), pdf: { ...((fileData as { pdf?: object }).pdf ?? {}), ...flags.pdf } } : fileData;
  const flagged = configSchema.safeParse(withFlags);
  if (!flagged.success) {
    for (const issue of flagged.error.issues) {
      diagnostics.push({ file: '(flags)', place: { start: { line: 1, column: 1 } }, severity: 'error', ruleId: 'config', message: `Unexpected value for \`--${String(issue.path[issue.path.length - 1])}\`: expected ${expectationOf(issue)}` });
    }
    return { diagnostics };
  }
  const settled = settle(flagged.data, flags, { root, cwd, today, configFile: source?.path });
  return { ...settled, diagnostics: [...diagnostics, ...settled.diagnostics] };
}

/** The message an issue brings with it, for mistakes a generic "unexpected value" would explain badly. */
function ownMessage(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_key' && issue.path[0] === 'views') {
    return `Unexpected view name \`${String(issue.path.at(-1))}\`, expected letters, digits, \`-\` and \`_\`: it names the view's folder`;
  }
  const message: unknown = issue.code === 'custom' ? issue.params?.message : undefined;
  return typeof message === 'string' ? message : undefined;
}

function unknownPartMessage(part: string): string {
  // `reflection` or `note` alone: the parts that end with it.
  const endingWith = omittableParts.filter((known) => known.endsWith(`.${part}`));
  const suggestion = nearest(part, omittableParts) ?? (endingWith.length > 0 ? endingWith.join('` or `') : undefined);
  const expected = suggestion ? `did you mean \`${suggestion}\`?` : `expected one of ${omittableParts.map((name) => `\`${name}\``).join(', ')}`;
  return `Unknown part \`${part}\` to omit, ${expected}`;
}

function expectationOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' || issue.code === 'invalid_format') return issue.message;
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((value) => `\`${String(value)}\``).join(', ')}`;
  if (issue.code === 'invalid_type') return ({ string: 'text', array: 'a list', number: 'a number', int: 'a whole number', object: 'a mapping' } as Record<string, string>)[issue.expected] ?? issue.expected;
  return issue.message;
}

function warnUnknownKeys(node: unknown, known: readonly string[], warn: (key: string, range: readonly [number, number]) => void): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (isScalar(pair.key) && !known.includes(String(pair.key.value))) warn(String(pair.key.value), rangeOf(pair.key));
  }
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  return `Unknown config key \`${key}\`${hint(key, known)}`;
}

function hint(key: string, known: readonly string[]): string {
  const suggestion = nearest(key, known);
  return suggestion ? `, did you mean \`${suggestion}\`?` : `, expected one of ${known.map((name) => `\`${name}\``).join(', ')}`;
}

/** Drops keys the schema does not know (they were warned about), so the strict schema reports only real errors. */
function withoutUnknownKeys(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) if (Object.hasOwn(record, key)) kept[key] = record[key];
  if (kept.pdf !== null && typeof kept.pdf === 'object' && !Array.isArray(kept.pdf)) {
    const pdf = kept.pdf as Record<string, unknown>;
    kept.pdf = Object.fromEntries(Object.keys(pdfSchema.shape).filter((key) => Object.hasOwn(pdf, key)).map((key) => [key, pdf[key]]));
  }
  if (kept.rules !== null && typeof kept.rules === 'object' && !Array.isArray(kept.rules)) {
    const settings = kept.rules as Record<string, unknown>;
    kept.rules = Object.fromEntries(Object.keys(settings).filter((key) => ruleIds.has(key)).map((key) => [key, settings[key]]));
  }
  if (isRecord(kept.views)) {
    const known = Object.keys(viewSchema.shape);
    kept.views = Object.fromEntries(Object.entries(kept.views).map(([name, view]) => [name, isRecord(view) ? Object.fromEntries(Object.entries(view).filter(([key]) => known.includes(key))) : view]));
  }
  return kept;
}
