import type { Diagnostic } from '../../types.js';
import { codeFrame } from '../code-frame.js';
import { oneLine, ownControl } from '../terminal-text.js';
import type { Reporter } from './reporter.js';

const codes = { red: 31, yellow: 33, dim: 2, bold: 1, green: 32, cyan: 36 } as const;

/** Compiler-style lines, a code frame under each error, and a summary. Pure. */
export const pretty: Reporter = (diagnostics, { sources, color, planCount, hiddenWarnings = 0, summary: withSummary = true }) => {
  // Own colours are marked: the terminal writer (see terminal-text.ts) keeps them and shows any escape code a plan brings.
  const paint = (style: keyof typeof codes, text: string): string => (color ? `${ownControl(`\u001b[${codes[style]}m`)}${text}${ownControl('\u001b[0m')}` : text);
  const out: string[] = [];
  for (const diagnostic of diagnostics) {
    const { line, column } = diagnostic.place.start;
    const severity = diagnostic.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    // One line for each message, whatever the plan's values hold.
    out.push(`${paint('bold', `${oneLine(diagnostic.file)}:${line}:${column}`)} ${severity} ${oneLine(diagnostic.message)} ${paint('dim', diagnostic.ruleId)}`);
    const text = sources.get(diagnostic.file);
    if (diagnostic.severity === 'error' && text !== undefined) {
      out.push(codeFrame(text, diagnostic.place, (style, part) => paint(style === 'dim' ? 'dim' : 'red', part)));
    }
    if (diagnostic.cause) {
      const { file, place, message } = diagnostic.cause;
      out.push(`  ${paint('cyan', 'note')} ${oneLine(file)}:${place.start.line}:${place.start.column} ${oneLine(message)}`);
    }
  }
  if (withSummary) out.push(hiddenWarnings > 0 ? quietSummary(diagnostics.length, planCount, hiddenWarnings) : summary(diagnostics, planCount, paint));
  return `${out.join('\n')}\n`;
};

function summary(diagnostics: readonly Diagnostic[], planCount: number, paint: (style: keyof typeof codes, text: string) => string): string {
  const plans = `${planCount} ${planCount === 1 ? 'plan' : 'plans'}`;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return paint('green', `✔ ${plans} checked, no problems`);
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const counts = [
    errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '',
    warnings > 0 ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '',
  ].filter(Boolean).join(' and ');
  const mark = errors > 0 ? paint('red', '✖') : paint('yellow', '⚠');
  return `${mark} ${counts} in ${files} of ${plans}`;
}

function quietSummary(errors: number, planCount: number, hiddenWarnings: number): string {
  const plans = `${planCount} ${planCount === 1 ? 'plan' : 'plans'}`;
  const shown = errors === 0 ? 'no errors' : `${errors} ${errors === 1 ? 'error' : 'errors'}`;
  return `${plans} checked: ${shown}, and ${hiddenWarnings} ${hiddenWarnings === 1 ? 'warning' : 'warnings'} not shown (--quiet)`;
}
