/**
 * What `build` tells the terminal at the end: the problems found, the lines
 * of printing, and one summary line. Pure: counts in, words out.
 */
import type { PrintOutcome } from './print-plans.js';

/** What the summary line counts. */
export interface BuildCounts {
  readonly built: number;
  /** Plan files this build looked at (its shard's, with a shard). */
  readonly plans: number;
  /** Plans whose entry came from the cache. */
  readonly cached: number;
  /** Every plan file, when the build is one shard (`i/n`) of them. */
  readonly shard?: { readonly name: string; readonly files: number };
  readonly printed?: PrintOutcome;
  /** The out folder as shown to the user. */
  readonly out: string;
}

/** The build's last line: how many plans were built where, how many came from the cache or were left out, and what printing did. Pure. */
export function summaryLine(counts: BuildCounts): string {
  const { built, plans, cached, shard, printed } = counts;
  const left = plans - built;
  const fromCache = cached > 0 ? ` (${cached} unchanged since the last build)` : '';
  const slice = shard ? `; shard ${shard.name} of ${shard.files} ${shard.files === 1 ? 'plan' : 'plans'}` : '';
  const builtText = `${built} of ${plans} ${plans === 1 ? 'plan' : 'plans'} built into ${counts.out}${fromCache}${slice}`;
  const pdfLine = printed ? `; PDFs: ${printed.printed} printed, ${printed.unchanged} unchanged${printed.failures.length > 0 ? `, ${printed.failures.length} failed` : ''}` : '';
  return `${builtText}${left > 0 ? `; ${left} left out because of errors` : ''}${pdfLine}`;
}
