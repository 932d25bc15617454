import type { Reporter } from './reporter.js';

const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands, so each problem shows on its line of the diff. Pure. */
export const github: Reporter = (diagnostics) =>
  diagnostics
    .map((d) => {
      const properties = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.place.start.line}`,
        `col=${d.place.start.column}`,
        ...(d.place.end ? [`endLine=${d.place.end.line}`, `endColumn=${d.place.end.column}`] : []),
        `title=${escapeProperty(`careerplan ${d.ruleId}`)}`,
      ];
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
