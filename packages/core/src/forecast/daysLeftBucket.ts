/**
 * Upper edges (inclusive) of the days-left buckets stage win rates are learnt in: 0–7, 8–14, 15–30, 31–60, 61–90
 * and 91+ days left in the period. Finer near the end of the period, where the odds of closing in time change
 * fastest.
 */
export const DAYS_LEFT_EDGES: readonly number[] = [7, 14, 30, 60, 90];

/** Number of days-left buckets. */
export const DAYS_LEFT_BUCKETS = DAYS_LEFT_EDGES.length + 1;

/**
 * The bucket (0 = the last week of the period) of a number of days left in a period, i.e. the days after the
 * as-of date up to and including the period's last day (0 on the last day).
 *
 * @example
 * daysLeftBucket(0); // 0
 * daysLeftBucket(45); // 3 (31–60)
 */
export function daysLeftBucket(daysLeft: number): number {
  for (let i = 0; i < DAYS_LEFT_EDGES.length; i++) if (daysLeft <= (DAYS_LEFT_EDGES[i] as number)) return i;
  return DAYS_LEFT_EDGES.length;
}

/**
 * A bucket's label.
 *
 * @example
 * daysLeftBucketLabel(3); // '31–60'
 */
export function daysLeftBucketLabel(bucket: number): string {
  const low = bucket === 0 ? 0 : (DAYS_LEFT_EDGES[bucket - 1] as number) + 1;
  const high = DAYS_LEFT_EDGES[bucket];
  return high === undefined ? `${low}+` : `${low}–${high}`;
}
