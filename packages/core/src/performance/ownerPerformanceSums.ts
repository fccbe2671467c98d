import type { OrgSnapshot } from '../snapshot/index.js';
import { emptySums, type PerformanceSums } from './performanceSums.js';
import { performanceSumsBy, type PeriodAsOf } from './performanceSumsBy.js';
import { quotaRollup } from './quotaRollup.js';

/** Per owner: the deal sums with each rep's quota in it, and the share of the period elapsed that pace divides by. */
export interface OwnerPerformanceSums {
  readonly sums: Map<string, PerformanceSums>;
  /** Owners with a deal that counts in the period itself, and reps with a quota in it (the rows of a rep table). */
  readonly listed: Set<string>;
  readonly progress: { readonly elapsedDays: number; readonly totalDays: number };
}

/**
 * `performanceSumsBy` per deal owner, with each rep's quota of the period (`quotaRollup`) added: what
 * `computePerformance` and `paceAndCoverage` derive the rep, team and org figures from.
 *
 * @example
 * ownerPerformanceSums(snapshot, { period, asOf }).sums.get(repId)?.quotaCents;
 */
export function ownerPerformanceSums(
  snapshot: OrgSnapshot,
  options: PeriodAsOf,
  { closingOnly = false }: { readonly closingOnly?: boolean } = {},
): OwnerPerformanceSums {
  const { period, asOf } = options;
  const { sums, touched } = performanceSumsBy(snapshot, options, (f) => f.ownerId, { closingOnly });
  for (const [userId, quota] of quotaRollup(snapshot, period).byRep) {
    touched.add(userId);
    let s = sums.get(userId);
    if (!s) sums.set(userId, (s = emptySums()));
    s.quotaCents = quota;
  }
  const progress = {
    elapsedDays: snapshot.calendar.elapsedDays(period, asOf),
    totalDays: snapshot.calendar.totalDays(period),
  };
  return { sums, listed: touched, progress };
}
