import { median } from './median.js';

/** What a win rate is shrunk toward: the pooled rate μ of a group and the strength s (in closed deals) of the pull. */
export interface ShrinkageTarget {
  readonly mean: number;
  readonly strength: number;
}

/**
 * The shrinkage target of a group (metrics.md "Rep comparison"): μ = Σ successes / Σ trials over the group, s =
 * max(2, median trials over the members with at least one trial). Null when no member has a trial.
 *
 * @example
 * pooledShrinkage([{ successes: 2, trials: 2 }, { successes: 1, trials: 4 }, { successes: 3, trials: 6 }]);
 * // { mean: 6 / 12 = 0.5, strength: 4 }
 */
export function pooledShrinkage(
  members: ReadonlyArray<{ readonly successes: number; readonly trials: number }>,
): ShrinkageTarget | null {
  let successes = 0;
  let trials = 0;
  const counts: number[] = [];
  for (const m of members) {
    if (m.trials <= 0) continue;
    successes += m.successes;
    trials += m.trials;
    counts.push(m.trials);
  }
  if (trials === 0) return null;
  return { mean: successes / trials, strength: Math.max(2, median(counts) ?? 0) };
}

/**
 * The shrunk rate (k + μ·s) / (n + s) for k successes of n trials; null when n is 0 (no evidence of the member's
 * own, whatever the group), or without a target.
 *
 * @example
 * shrunkRate(2, 2, { mean: 0.5, strength: 4 }); // (2 + 2) / (2 + 4) = 0.667
 */
export function shrunkRate(successes: number, trials: number, target: ShrinkageTarget | null): number | null {
  if (trials <= 0 || target === null) return null;
  return (successes + target.mean * target.strength) / (trials + target.strength);
}
