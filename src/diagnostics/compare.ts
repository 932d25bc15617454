/** The order diagnostics are reported in. Pure; small, so a build with nothing to check need not load the checker to sort what it kept. */
import type { Diagnostic } from '../types.js';

/** Orders diagnostics by file, line, column and rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.place.start.line - b.place.start.line ||
    a.place.start.column - b.place.start.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
