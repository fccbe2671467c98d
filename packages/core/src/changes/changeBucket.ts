/**
 * The buckets of the pipeline waterfall (metrics.md "Pipeline changes"), in the order the waterfall shows them.
 * `unchanged` holds the deals open in the period at both dates with the same value: they are in the start and the
 * end, and contribute nothing.
 */
export const CHANGE_BUCKETS = [
  'created',
  'pulledIn',
  'pushedIn',
  'reopened',
  'increased',
  'decreased',
  'pushedOut',
  'pulledOutEarlier',
  'won',
  'lost',
  'unchanged',
] as const;

export type ChangeBucket = (typeof CHANGE_BUCKETS)[number];

/** What the bucket of a deal is decided on: its state at each date, reduced to what matters. */
export interface BucketState {
  readonly isClosed: boolean;
  readonly isWon: boolean;
  /** Close date as a day number (days since 1970-01-01). */
  readonly closeDay: number;
  /** The amount in corporate cents at the rate of this state's close date (a null amount is 0). */
  readonly cents: number;
}

/** A deal's bucket and its signed contribution to the waterfall, in corporate cents. */
export interface BucketOf {
  readonly bucket: ChangeBucket;
  readonly cents: number;
}

/**
 * The bucket of one deal between dates a and b for a period of days `[startDay, endDay]`, from its state as of a
 * (`before`, null when it was created after a) and as of b (`after`); null when the deal is open in the period at
 * neither date (it is not part of the waterfall). The precedence, so that every deal falls in exactly one bucket:
 *
 * 1. Open in the period at both dates: **increased** / **decreased** by the difference of its values (whatever
 *    happened in between: a push out and back, a close and reopen, a move inside the period that changes its
 *    dated conversion rate), **unchanged** when the values are equal.
 * 2. Open in the period at a, not at b: **won** / **lost** when closed at b (closing wins over moving, whatever its
 *    close date became), else **pushed out** (close date after the period) or **pulled out earlier** (before it);
 *    by its value at a.
 * 3. Open in the period at b, not at a: **created** when it did not exist at a, **reopened** when it was closed at a,
 *    else **pulled in** (close date after the period at a) or **pushed in** (before it: a past-due deal re-dated
 *    into the period); by its value at b.
 *
 * @example
 * changeBucket(null, { isClosed: false, isWon: false, closeDay: 20_420, cents: 500_000 }, 20_393, 20_483);
 * // { bucket: 'created', cents: 500000 }
 */
export function changeBucket(
  before: BucketState | null,
  after: BucketState | null,
  startDay: number,
  endDay: number,
): BucketOf | null {
  const openIn = (s: BucketState | null): boolean =>
    s !== null && !s.isClosed && s.closeDay >= startDay && s.closeDay <= endDay;
  const inBefore = openIn(before);
  const inAfter = openIn(after);
  if (inBefore && inAfter) {
    const change = (after as BucketState).cents - (before as BucketState).cents;
    return { bucket: change > 0 ? 'increased' : change < 0 ? 'decreased' : 'unchanged', cents: change };
  }
  if (inBefore) {
    const out = -(before as BucketState).cents;
    // A deal that exists at a exists at b: `after` is not null here unless the data lost it.
    if (after === null || after.isClosed) return { bucket: after?.isWon === true ? 'won' : 'lost', cents: out };
    return { bucket: after.closeDay > endDay ? 'pushedOut' : 'pulledOutEarlier', cents: out };
  }
  if (inAfter) {
    const bucket: ChangeBucket =
      before === null ? 'created' : before.isClosed ? 'reopened' : before.closeDay > endDay ? 'pulledIn' : 'pushedIn';
    return { bucket, cents: (after as BucketState).cents };
  }
  return null;
}
