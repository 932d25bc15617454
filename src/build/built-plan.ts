/**
 * A built plan as the site needs it, as text: what the index shows of it,
 * its model as `plans.json` holds it, and its rows of `plans.csv`. Made in
 * the thread that built the page, or from the last `plans.json` for a plan
 * that did not change. Pure.
 */
import { indexPlan } from '../site/index-view.js';
import { planCsv } from '../site/plans-csv.js';
import { planJson } from '../site/plans-json.js';
import type { PlanModel } from '../stages/model.js';

/**
 * A built plan as the site needs it, as text: one string holds in a fraction
 * of the memory of the objects it stands for, and the thread collecting
 * thousands of plans holds them while the workers run.
 */
export interface BuiltPlan {
  readonly slug: string;
  /** What the index shows of the plan (`IndexPlan`), as JSON. */
  readonly index: string;
  /** Its model as `plans.json` holds it (`planJson`). */
  readonly json: string;
  /** Its rows of `plans.csv` (`planCsv`). */
  readonly csv: string;
}

/** A built plan's texts; `json` when its `planJson` is at hand already (read from the last `plans.json`). Pure. */
export function builtPlan(model: PlanModel, json: string = planJson(model)): BuiltPlan {
  return { slug: model.slug, index: JSON.stringify(indexPlan(model)), json, csv: planCsv(model) };
}
