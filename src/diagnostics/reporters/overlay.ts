/**
 * The preview overlay's reporter: diagnostics and template errors as plain
 * data that the browser shows above the last good page, with the same code
 * frames and notes as the terminal. Pure.
 */
import type { ThemeError } from '../../theme/theme-error.js';
import type { Diagnostic } from '../../types.js';
import { codeFrame } from '../code-frame.js';

/** One problem as the preview overlay shows it. */
export interface OverlayProblem {
  /** The file as shown to the user, e.g. `plans/jordan.md` or `templates/plan.hbs`. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly severity: 'error' | 'warning';
  /** The rule id; `template` for theme errors, `config` for config problems. */
  readonly ruleId: string;
  readonly message: string;
  /** A code frame without colour, under errors whose source is known. */
  readonly frame?: string;
  /** The diagnostic's cause as `file:line:column message`. */
  readonly note?: string;
}

/** The overlay's problems for sorted diagnostics; `sources` holds source text by displayed path, for code frames. Pure. */
export function overlayProblems(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): OverlayProblem[] {
  return diagnostics.map(({ file, place, severity, ruleId, message, cause }) => {
    const text = sources.get(file);
    return {
      file,
      line: place.start.line,
      column: place.start.column,
      severity,
      ruleId,
      message,
      // As in the terminal: a frame under errors only, so a page of warnings stays short.
      ...(severity === 'error' && text !== undefined ? { frame: codeFrame(text, place) } : {}),
      ...(cause ? { note: `${cause.file}:${cause.place.start.line}:${cause.place.start.column} ${cause.message}` } : {}),
    };
  });
}

/** The overlay's problem for a broken template: its file and line, and the reason without the `file:line: ` prefix. Pure. */
export function themeProblem(error: ThemeError): OverlayProblem {
  const prefix = `${error.file}${error.line === undefined ? '' : `:${error.line}`}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { file: error.file, ...(error.line === undefined ? {} : { line: error.line }), severity: 'error', ruleId: 'template', message };
}
