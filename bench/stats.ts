/** Summary statistics for timings. Pure. */

/** Median, mean and 95th percentile of a set of samples. */
export interface Summary {
  readonly median: number;
  readonly mean: number;
  readonly p95: number;
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

/** Median, mean and p95 of `samples`. */
export function summarize(samples: readonly number[]): Summary {
  const mean = samples.reduce((sum, sample) => sum + sample, 0) / samples.length;
  return { median: median(samples), mean, p95: quantile(samples, 0.95), samples: samples.length };
}
