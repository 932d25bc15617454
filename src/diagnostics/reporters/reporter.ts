import type { Diagnostic } from '../../types.js';

/** What a reporter knows besides the diagnostics. */
export interface ReportContext {
  /** Source text by displayed file path, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly color: boolean;
  readonly planCount: number;
  /** Warnings left out by `--quiet`, for the summary line. */
  readonly hiddenWarnings?: number;
  /** Whether to end with a summary line (pretty only); default true. */
  readonly summary?: boolean;
}

/** Formats sorted diagnostics as text. Pure. */
export type Reporter = (diagnostics: readonly Diagnostic[], context: ReportContext) => string;
