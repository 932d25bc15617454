/** Summary statistics for timings, and how a cost grows with the corpus. Pure. */

/** Median, mean, 95th percentile and range of a set of samples. */
export interface Summary {
  readonly median: number;
  readonly mean: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly samples: number;
}

/** The value below which a fraction `q` of the samples lie (nearest rank). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

/** The median; for an even count, the mean of the two middle samples. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median, mean, p95, min and max of `samples`. */
export function summarize(samples: readonly number[]): Summary {
  const mean = samples.reduce((sum, sample) => sum + sample, 0) / samples.length;
  return {
    median: median(samples),
    mean,
    p95: quantile(samples, 0.95),
    min: samples.length > 0 ? Math.min(...samples) : Number.NaN,
    max: samples.length > 0 ? Math.max(...samples) : Number.NaN,
    samples: samples.length,
  };
}

/** A cost measured at one corpus size. */
export interface GrowthPoint {
  /** Plans in the corpus. */
  readonly n: number;
  /** The cost at that size (a median), such as milliseconds or megabytes. */
  readonly value: number;
}

/** How a cost grows from the smallest corpus to the largest. */
export interface Growth {
  /**
   * `linear`: the cost of each further plan stays within ±tolerance over the sizes;
   * `superlinear`: it grows with the corpus; `sublinear`: it shrinks;
   * `flat`: each further plan costs next to nothing; `unknown`: fewer than three sizes.
   */
  readonly kind: 'linear' | 'superlinear' | 'sublinear' | 'flat' | 'unknown';
  /** The cost of one more plan between each pair of neighbouring sizes: Δvalue ÷ Δn. */
  readonly marginals: readonly number[];
  /** How far the marginals stray from their middle, as a fraction: (max − min) ÷ (max + min). */
  readonly spread: number;
}

/**
 * Judges growth by the marginal cost per plan between neighbouring sizes, not
 * by cost ÷ n: a fixed cost (start-up, the index) inflates cost ÷ n at small
 * sizes without saying anything about growth. Marginals whose size is at most
 * `flatBelow` count as flat.
 */
export function growth(points: readonly GrowthPoint[], { tolerance = 0.25, flatBelow = 0 }: { tolerance?: number; flatBelow?: number } = {}): Growth {
  const sorted = [...points].filter((point) => Number.isFinite(point.value)).sort((a, b) => a.n - b.n);
  const marginals: number[] = [];
  for (let index = 1; index < sorted.length; index++) {
    const [before, after] = [sorted[index - 1] as GrowthPoint, sorted[index] as GrowthPoint];
    if (after.n > before.n) marginals.push((after.value - before.value) / (after.n - before.n));
  }
  if (marginals.length < 2) return { kind: 'unknown', marginals, spread: Number.NaN };
  const [low, high] = [Math.min(...marginals), Math.max(...marginals)];
  const spread = high + low > 0 ? (high - low) / (high + low) : Number.POSITIVE_INFINITY;
  if (marginals.every((marginal) => Math.abs(marginal) <= flatBelow)) return { kind: 'flat', marginals, spread };
  if (spread <= tolerance) return { kind: 'linear', marginals, spread };
  const [first, last] = [marginals[0] as number, marginals.at(-1) as number];
  return { kind: last > first ? 'superlinear' : 'sublinear', marginals, spread };
}
