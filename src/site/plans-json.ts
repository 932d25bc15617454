/**
 * The text of the site's `plans.json`: every built plan's model, for other
 * tools, exactly as `JSON.stringify({ ...head, plans }, null, 2)` writes it,
 * made one plan at a time so thousands of plans never make one huge string.
 * Pure.
 */
import type { PlanModel } from '../stages/model.js';
import type { Shard } from './shard.js';

/** What `plans.json` says before its plans. */
export interface PlansJsonHead {
  readonly version: number;
  readonly generator: string;
  readonly asOf: string;
  readonly shard?: Shard;
}

/** A plan's entry in `plans.json`, indented as it stands there. Pure. */
export function planJson(plan: PlanModel): string {
  // Two arrays deep, JSON.stringify indents the plan by the four spaces it has in `plans.json`: `[\n  [\n` before it,
  // `\n  ]\n]` after it. (Indenting each line of the plan's own JSON made a second copy of it.)
  const nested = JSON.stringify([[plan]], null, 2);
  return nested.slice('[\n  [\n'.length, -'\n  ]\n]'.length);
}

/** The text of `plans.json` in pieces (each plan's as given: a string, or UTF-8 bytes to copy): exactly `JSON.stringify({ ...head, plans }, null, 2)` and a newline, given each plan's `planJson`. Pure. */
export function* plansJsonPieces<Text extends string | Uint8Array>(count: number, texts: Iterable<() => Text>, head: PlansJsonHead): Generator<string | Text> {
  const opening = JSON.stringify({ ...head, plans: [] }, null, 2);
  if (count === 0) {
    yield `${opening}\n`;
    return;
  }
  // The head's keys as JSON.stringify writes them, with the array opened instead of `[]`.
  yield `${opening.slice(0, opening.lastIndexOf('[]'))}[\n`;
  let index = 0;
  for (const text of texts) {
    yield text();
    yield ++index < count ? ',\n' : '\n';
  }
  yield '  ]\n}\n';
}
