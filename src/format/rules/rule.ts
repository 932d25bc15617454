/**
 * What a rule is. Each rule lives in its own module named for its permanent
 * id and is listed in `index.ts`. A rule either checks a plan (`check`),
 * checks all plans together (`checkAll`), takes over the schema issues that
 * are really about it (`claims`), or is reported by the parse stage.
 */
import type { Root } from 'mdast';
import type { Document } from 'yaml';
import type { core } from 'zod';
import type { IsoDate } from '../dates.js';
import type { MeasureWords } from '../measurable.js';
import type { Goal, Opportunity, Plan, Skill, Step } from '../schema.js';
import type { DataPath } from '../yaml.js';
import type { FileFacts, Finding, Place, Severity, SourceFile } from '../../types.js';

/** A zod issue with its path relative to the plan's root. */
export type SchemaIssue = core.$ZodIssue;

/** A goal whose keys each passed the schema on their own; steps keep their indices. */
export type SalvagedGoal = Partial<Omit<Goal, 'steps'>> & { readonly steps: ReadonlyArray<Step | undefined> };

/**
 * The parts of a plan that passed the schema, key by key and item by item,
 * so rules check what is right even when something else is wrong. Lists
 * keep their indices; an item that is not a mapping is `undefined`.
 */
export type Salvaged = Partial<Omit<Plan, 'skills' | 'goals' | 'opportunities'>> & {
  readonly skills: ReadonlyArray<Partial<Skill> | undefined>;
  readonly goals: ReadonlyArray<SalvagedGoal | undefined>;
  readonly opportunities: ReadonlyArray<Partial<Opportunity> | undefined>;
};

/** What a rule may say about a place in the plan. */
export interface Report {
  readonly place: Place;
  readonly message: string;
  readonly cause?: { readonly place: Place; readonly message: string };
}

/** Everything a plan rule can look at. Reading it never touches the world. */
export interface PlanContext {
  readonly source: SourceFile;
  /** The plan as the author wrote it: plain data, before the schema. */
  readonly data: unknown;
  /** Whether `data` holds every key of `document` exactly once (see `Frontmatter`), so its keys may be walked instead. */
  readonly dataHasEveryKey: boolean;
  readonly plan: Salvaged;
  readonly document: Document.Parsed;
  readonly body?: Root;
  /** The date time-dependent rules measure against. */
  readonly asOf: IsoDate;
  /** Absolute path of the plans folder: local links may not leave it. */
  readonly plansRoot: string;
  /** What is at a path (symbolic links followed), or `undefined` when nothing is; never opens it. Injected by the caller. */
  readonly inspect: (absolutePath: string) => FileFacts | undefined;
  /** Whether the page keeps raw HTML (the config's `allowRawHtml`), so its URLs count. */
  readonly rawHtml: boolean;
  /** The words that tell a measurable goal from a vague one, in the plan's language; none when the theme has no lists for it. */
  readonly measureWords?: MeasureWords;
  /** Where a key (or, by default, its value) stands; a missing key points at its mapping. */
  place(path: DataPath, part?: 'key' | 'value'): Place;
  /** The place of a range of offsets in the YAML text. */
  placeRange(start: number, end: number): Place;
  /** The value at a path of the raw data, if any. */
  valueAt(path: DataPath): unknown;
  /** The value at a path as the author typed it. */
  sourceText(path: DataPath): string | undefined;
}

/** A plan file of a run: its path as shown and its output name. */
export interface PlanName {
  readonly path: string;
  readonly slug: string;
}

/** Facts every rule declares. */
export interface RuleMeta {
  /** The permanent rule id; never reused for another meaning. */
  readonly id: string;
  readonly severity: Severity;
  /** One line for `--help` output and the docs: when the rule reports. */
  readonly summary: string;
  /** Whether the site's safety depends on the rule, so the config cannot lower or turn off its severity. */
  readonly fixed?: boolean;
}

/** A rule: its facts and how it finds problems. */
export interface Rule extends RuleMeta {
  /** Checks one plan. */
  check?(context: PlanContext): Iterable<Report>;
  /** Checks the plan files of one run together, by their names alone. */
  checkAll?(plans: ReadonlyArray<PlanName>): Iterable<Finding>;
  /** Returns the message when a schema issue is about this rule rather than the shape in general. */
  claims?(issue: SchemaIssue, context: PlanContext): string | undefined;
}
