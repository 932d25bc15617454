/**
 * careerplan's diagnostics as an editor shows them: 0-based LSP ranges, the
 * rule id as the code, the second place as related information; and the
 * diagnostic for a check that took too long or failed. Pure.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position, type Range } from 'vscode-languageserver/node';
import type { Diagnostic, Place, Point } from '../types.js';
import type { CheckOutcome } from './checker.js';

/** The name editors show as a diagnostic's source. */
export const diagnosticSource = 'careerplan';

/** A 1-based point as a 0-based LSP position. Pure. */
export function positionOf(point: Point): Position {
  return { line: Math.max(0, point.line - 1), character: Math.max(0, point.column - 1) };
}

/** A place as an LSP range; a place without an end runs to the end of its line in `text`. Pure. */
export function rangeOf(place: Place, text: string): Range {
  const start = positionOf(place.start);
  if (place.end !== undefined) return { start, end: positionOf(place.end) };
  const line = text.split('\n')[start.line] ?? '';
  return { start, end: { line: start.line, character: Math.max(start.character, line.replace(/\r$/u, '').length) } };
}

/** A diagnostic of the open text `text` as the editor shows it; `cwd` resolves the path of its cause. Pure. */
export function toLspDiagnostic(diagnostic: Diagnostic, text: string, cwd: string): LspDiagnostic {
  const { cause } = diagnostic;
  return {
    range: rangeOf(diagnostic.place, text),
    severity: diagnostic.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: diagnostic.ruleId,
    source: diagnosticSource,
    message: diagnostic.message,
    ...(cause
      ? { relatedInformation: [{ location: { uri: pathToFileURL(path.resolve(cwd, cause.file)).href, range: rangeOf(cause.place, cause.file === diagnostic.file ? text : '') }, message: cause.message }] }
      : {}),
  };
}

/** The diagnostics an ended check gives the open text: its own, or one saying why there are none. Pure. */
export function outcomeDiagnostics(outcome: CheckOutcome, file: string, text: string, cwd: string): LspDiagnostic[] {
  if (outcome.kind === 'checked') return outcome.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, text, cwd));
  const message =
    outcome.kind === 'too-slow'
      ? `Unexpected plan that took more than ${outcome.limitMs / 1000} s to check, expected a plan careerplan can read quickly: shorten very long parts, or nest lists and quotes less deeply`
      : `Unexpected plan careerplan could not check (${outcome.reason}), expected a plan it can read: run \`careerplan check ${file}\` to see more`;
  const ruleId = outcome.kind === 'too-slow' ? 'too-complex' : 'bad-file';
  return [toLspDiagnostic({ file, place: { start: { line: 1, column: 1 } }, severity: 'error', ruleId, message }, text, cwd)];
}

/** A diagnostic's message as text (LSP allows Markdown there too). Pure. */
export function messageOf(diagnostic: LspDiagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
