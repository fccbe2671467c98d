import { lowerBound, upperBound } from './sortedBounds.js';

/** Whether a larger or a smaller value of a metric is better. */
export type MetricDirection = 'higher' | 'lower';

export interface Ranking {
  /** 1 = best; ties share the lowest (best) rank, the next rank skips ("1, 2, 2, 4"). Null without a value. */
  readonly rank: number | null;
  /** 100 × (peers worse + ½ × peers tied, itself included) / peers with a value. Null without a value. */
  readonly percentile: number | null;
  /** (value − mean) / population sd, signed so that positive is better; null without a value or spread. */
  readonly zScore: number | null;
}

/**
 * Rank, percentile and z-score of each value within its peer group (metrics.md "Rep comparison"). Null values
 * are left out of the group and get null results.
 *
 * @example
 * rankings([0.9, 1.2, 0.9, null], 'higher').map((r) => r.rank); // [2, 1, 2, null]
 */
export function rankings(values: ReadonlyArray<number | null>, direction: MetricDirection): Ranking[] {
  const present = values.filter((v): v is number => v !== null);
  const n = present.length;
  const sign = direction === 'higher' ? 1 : -1;
  const sorted = Float64Array.from(present.map((v) => sign * v)).sort();
  let mean = 0;
  for (const v of present) mean += v;
  mean /= n || 1;
  let squares = 0;
  for (const v of present) squares += (v - mean) * (v - mean);
  const sd = n > 0 ? Math.sqrt(squares / n) : 0;
  return values.map((value) => {
    if (value === null) return { rank: null, percentile: null, zScore: null };
    const key = sign * value;
    const below = lowerBound(sorted, key);
    const tied = upperBound(sorted, key) - below;
    const better = n - below - tied;
    return {
      rank: better + 1,
      percentile: (100 * (below + tied / 2)) / n,
      zScore: sd > 0 ? (sign * (value - mean)) / sd : null,
    };
  });
}
