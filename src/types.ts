/**
 * The data passed between careerplan's stages. Read this file first.
 *
 *   load ─▶ SourceFile ─▶ parse ─▶ Parsed ─▶ validate ─▶ Checked
 *
 * Every stage records the user's mistakes as `Diagnostic`s instead of
 * throwing; only failures of the tool itself are thrown as `Error`s.
 */
import type { Document } from 'yaml';
import type { Root } from 'mdast';
import type { Plan } from './format/schema.js';
import type { DataPath } from './format/yaml.js';
import type { ScalarPlace } from './fast/yaml-subset.js';

/** How serious a message is; `off` only ever appears in configuration. */
export type Severity = 'error' | 'warning';

/** A severity as configured for a rule. */
export type RuleSetting = 'off' | 'warn' | 'error';

/** A 1-based line and column (UTF-16 code units) in a source file. */
export interface Point {
  readonly line: number;
  readonly column: number;
}

/** A span of a source file: where a key or value starts and ends. */
export interface Place {
  readonly start: Point;
  readonly end?: Point;
}

/** What is at a path a plan links to, as the disk says (symbolic links followed): its real path, its kind and its size in bytes. */
export interface FileFacts {
  readonly real: string;
  /** `other`: a FIFO, socket or device, which is never opened. */
  readonly kind: 'file' | 'folder' | 'other';
  readonly size: number;
}

/** A positioned message about a plan, a config file or a set of plans. */
export interface Diagnostic {
  /** Path of the file as the user named it (relative to the working folder). */
  readonly file: string;
  readonly place: Place;
  readonly severity: Severity;
  /** A permanent rule id from the plan format, such as `goal-needs-step`. */
  readonly ruleId: string;
  /** What was found and what was expected; keys in backticks, no file path. */
  readonly message: string;
  /** A second place that explains this one, such as the first of two duplicate ids. */
  readonly cause?: { readonly file: string; readonly place: Place; readonly message: string };
}

/** A diagnostic before configuration gives it a severity. */
export type Finding = Omit<Diagnostic, 'severity'>;

/** A plan file as read from disk: its text is valid UTF-8 without a BOM. */
export interface SourceFile {
  /** Path as shown to the user, with forward slashes. */
  readonly path: string;
  /** Absolute path on disk. */
  readonly absolutePath: string;
  readonly text: string;
}

/** Maps offsets in a source file to lines and columns. */
export interface Locator {
  point(offset: number): Point;
  place(startOffset: number, endOffset?: number): Place;
}

/** The frontmatter of a plan, parsed with source ranges kept. */
export interface Frontmatter {
  readonly document: Document.Parsed;
  /** Offset of the first character of the YAML text in the source file. */
  readonly offset: number;
  /** The YAML converted to plain data; objects have no prototype. */
  readonly data: unknown;
  /**
   * Whether `data` holds every key of the document exactly once, each a
   * plain word (no key left out as `__proto__` is, no two keys merged as `1`
   * and `"1"` are): true where the fast subset reader made it.
   */
  readonly dataHasEveryKey?: boolean;
  /**
   * Where a one-line scalar stands in the YAML text, found without reading the
   * document (`locateSubsetScalar`); undefined, or `undefined` for a path, where
   * only the document can tell.
   */
  readonly locateScalar?: (path: DataPath) => ScalarPlace | undefined;
}

/** A parsed plan: its frontmatter and body, with positions, before validation. */
export interface Parsed {
  readonly source: SourceFile;
  readonly locator: Locator;
  /** Absent when the file has no usable frontmatter (a diagnostic says why). */
  readonly frontmatter?: Frontmatter;
  /** The Markdown tree of the whole file (the frontmatter is its `yaml` node). */
  readonly body?: Root;
  readonly findings: readonly Finding[];
}

/** A validated plan: the typed data (when the schema accepted it) and every message. */
export interface Checked {
  readonly source: SourceFile;
  /** The plan's output name, from its file name. */
  readonly slug: string;
  readonly plan?: Plan;
  readonly body?: Root;
  readonly diagnostics: readonly Diagnostic[];
}
