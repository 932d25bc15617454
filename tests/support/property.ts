/**
 * How deep the property tests (fast-check) go. Each property names its CI
 * size, small enough that the whole suite stays within 3 minutes on two
 * cores. `CAREERPLAN_PROPERTY_RUNS=N` is the deep run (`npm run bench --
 * --properties N`): every property runs at least N times. fast-check prints
 * the seed of a failure; `CAREERPLAN_PROPERTY_SEED=S` replays it.
 */

/** The runs of a property sized `ci` for CI: at least `CAREERPLAN_PROPERTY_RUNS` in a deep run. Reads the environment. */
export function propertyRuns(ci: number): number {
  const deep = Number(process.env.CAREERPLAN_PROPERTY_RUNS);
  return Number.isInteger(deep) && deep > ci ? deep : ci;
}

/** fast-check's parameters for a property sized `ci` for CI: its runs (`propertyRuns`) and the seed to replay, if one is set. Reads the environment. */
export function property(ci: number): { numRuns: number; seed?: number } {
  const seed = process.env.CAREERPLAN_PROPERTY_SEED;
  return { numRuns: propertyRuns(ci), ...(seed !== undefined && Number.isInteger(Number(seed)) ? { seed: Number(seed) } : {}) };
}
