import { dealFactsClosingIn, type DealFact } from '../performance/index.js';
import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { scopeMembers } from './scopeMembers.js';

/** A scope's bookings (closed won) per period, oldest first. */
export interface BookingsSeries {
  readonly periods: readonly FiscalPeriod[];
  readonly values: readonly number[];
  /** Periods per year: 4 for quarters, 12 for months, 1 otherwise (years, custom ranges). */
  readonly frequency: number;
  /** Steps from the last period of the series to the forecast period (1 when it is the next one). */
  readonly horizon: number;
}

/** How far back a series goes at most. */
export const MAX_SERIES_PERIODS = 60;

/**
 * Per snapshot, forecast period and date: the periods of the series and the deals won in them (the replay's shared
 * facts, so that a dozen series of a million-deal org hold references, not a copy of every won deal).
 */
const cache = new WeakMap<OrgSnapshot, Map<string, { periods: FiscalPeriod[]; won: readonly DealFact[] }>>();

/** Index in `periods` (oldest first) of the first one ending on or after `date`: the one containing it. */
function periodIndexOf(periods: readonly FiscalPeriod[], date: IsoDate): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((periods[mid] as FiscalPeriod).end < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The bookings series timeSeries forecasts from: closed won per period of the forecast period's kind (as of
 * `asOf`), for the periods before `period` closed by `asOf` (ending on or before it), starting at the scope's first period with a
 * won deal (at most 60 periods back). Empty when the scope never won a deal.
 *
 * @example
 * bookingsSeries(snapshot, snapshot.calendar.periodByLabel('FY2027-Q4')!, '2026-11-16').values;
 */
export function bookingsSeries(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  member?: (opportunity: Opportunity) => boolean,
): BookingsSeries {
  const frequency = period.type === 'Quarter' ? 4 : period.type === 'Month' ? 12 : 1;
  let byKey = cache.get(snapshot);
  if (!byKey) cache.set(snapshot, (byKey = new Map()));
  const key = `${period.start}|${period.end}|${asOf}`;
  let org = byKey.get(key);
  if (!org) {
    const before = snapshot.calendar.previousPeriods(period, MAX_SERIES_PERIODS).reverse();
    const periods = before.filter((p) => p.end <= asOf);
    const first = periods[0];
    const last = periods[periods.length - 1];
    const won = first && last ? dealFactsClosingIn(snapshot, asOf, first.start, last.end, { wonOnly: true }) : [];
    org = { periods, won };
    byKey.set(key, org);
  }
  const cents = new Array<number>(org.periods.length).fill(0);
  let firstIndex = org.periods.length;
  for (const fact of scopeMembers(org.won, (f) => f.opportunity, member)) {
    const i = periodIndexOf(org.periods, fact.state.CloseDate);
    const amount = fact.amountCents === null ? 0 : fact.amountCents / 100;
    cents[i] = (cents[i] as number) + Math.round(amount * 100);
    if (i < firstIndex) firstIndex = i;
  }
  const skipped = snapshot.calendar.previousPeriods(period, MAX_SERIES_PERIODS).filter((p) => p.end > asOf).length;
  return {
    periods: org.periods.slice(firstIndex),
    values: cents.slice(firstIndex).map((c) => c / 100),
    frequency,
    horizon: 1 + skipped,
  };
}
