import { describe, expect, it } from 'vitest';
import { growth, median, quantile, summarize } from '../../bench/stats.js';

describe('the bench statistics', () => {
  it('summarise samples with their median, p95 and range', () => {
    expect(summarize([3, 1, 2, 10])).toEqual({ median: 2.5, mean: 4, p95: 10, min: 1, max: 10, samples: 4 });
    expect(median([])).toBeNaN();
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
  });

  it('call growth linear when each further plan costs the same, whatever the fixed cost', () => {
    // 300 ms of start-up, then 20 ms a plan: 23 ms a plan at 100, 20.3 at 1,000.
    const result = growth([
      { n: 100, value: 300 + 100 * 20 },
      { n: 1000, value: 300 + 1000 * 20 },
      { n: 4000, value: 300 + 4000 * 20 },
    ]);
    expect(result.kind).toBe('linear');
    expect(result.marginals).toEqual([20, 20]);
    expect(result.spread).toBe(0);
  });

  it('call growth superlinear when further plans cost more as the corpus grows', () => {
    const quadratic = [100, 1000, 4000].map((n) => ({ n, value: n * n * 0.01 }));
    expect(growth(quadratic).kind).toBe('superlinear');
  });

  it('call growth sublinear when further plans cost less', () => {
    const result = growth([
      { n: 100, value: 1000 },
      { n: 1000, value: 10_000 },
      { n: 4000, value: 20_000 },
    ]);
    expect(result.kind).toBe('sublinear');
  });

  it('allow noise within the tolerance', () => {
    const points = [
      { n: 100, value: 2000 },
      { n: 1000, value: 20_000 },
      { n: 4000, value: 83_000 },
    ];
    expect(growth(points, { tolerance: 0.25 }).kind).toBe('linear');
    expect(growth(points, { tolerance: 0.01 }).kind).toBe('superlinear');
  });

  it('call memory flat when it grows by less than the threshold per plan, noise included', () => {
    const points = [
      { n: 100, value: 120 },
      { n: 1000, value: 126 },
      { n: 4000, value: 121 },
    ];
    expect(growth(points, { flatBelow: 0.01 }).kind).toBe('flat');
  });

  it('cannot judge growth from fewer than three sizes', () => {
    expect(growth([{ n: 100, value: 1 }, { n: 1000, value: 10 }]).kind).toBe('unknown');
    expect(growth([{ n: 100, value: 1 }, { n: 1000, value: Number.NaN }, { n: 4000, value: 40 }]).kind).toBe('unknown');
  });
});
