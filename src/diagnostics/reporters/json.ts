import type { Reporter } from './reporter.js';

/** The version of the JSON report's shape; raised when it changes incompatibly. */
export const jsonReportVersion = 1;

/** One JSON document: counts and every diagnostic with 1-based positions. Pure. */
export const json: Reporter = (diagnostics, { planCount }) => {
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const report = {
    version: jsonReportVersion,
    planCount,
    errorCount,
    warningCount: diagnostics.length - errorCount,
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      line: d.place.start.line,
      column: d.place.start.column,
      ...(d.place.end ? { endLine: d.place.end.line, endColumn: d.place.end.column } : {}),
      severity: d.severity,
      ruleId: d.ruleId,
      message: d.message,
      ...(d.cause ? { cause: { file: d.cause.file, line: d.cause.place.start.line, column: d.cause.place.start.column, message: d.cause.message } } : {}),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
