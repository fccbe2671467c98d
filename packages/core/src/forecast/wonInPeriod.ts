import { dayNumber, type FiscalPeriod } from '../calendar/index.js';
import { dealRowAsOf, dealRowCents, dealRowIsClosed, dealsClosingIn } from '../performance/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';

/**
 * The deals won as of a past period's last day, with their close date (as of that day) in the period, by index: a
 * million-deal org's eight past periods hold a few hundred thousand of them.
 */
export interface WonInPeriod {
  /** Their indices in `snapshot.deals`, ascending (the order of `periodDeals(snapshot, q, q.end).won`). */
  readonly deals: Int32Array;
  /** Each one's amount that day in the corporate currency, as `periodDeals` gives it (a null amount counts 0). */
  readonly amounts: Float64Array;
  /** Whether each one's state is closed too (1; a won stage is, unless the stage list says otherwise). */
  readonly closed: Uint8Array;
}

const cache = new WeakMap<OrgSnapshot, Map<string, WonInPeriod>>();

/**
 * The deals won in a past period, as of its last day, found once per snapshot and period for the historical new
 * business and the period factor, which both look at the same eight past periods. Read off the history rows in
 * force that day: no deal is replayed.
 *
 * @example
 * wonInPeriod(snapshot, snapshot.calendar.periodByLabel('FY2026-Q2')!).deals.length;
 */
export function wonInPeriod(snapshot: OrgSnapshot, q: FiscalPeriod): WonInPeriod {
  let byPeriod = cache.get(snapshot);
  if (!byPeriod) cache.set(snapshot, (byPeriod = new Map()));
  const key = `${q.start}|${q.end}`;
  let won = byPeriod.get(key);
  if (!won) {
    const indices = dealsClosingIn(snapshot, q.end, q.start, q.end, { wonOnly: true });
    const endDay = dayNumber(q.end);
    const amounts = new Float64Array(indices.length);
    const closed = new Uint8Array(indices.length);
    for (let k = 0; k < indices.length; k++) {
      const deal = snapshot.deals[indices[k] as number] as DealRecord;
      const row = dealRowAsOf(deal.history, endDay);
      const cents = dealRowCents(snapshot, deal, row);
      amounts[k] = cents === null ? 0 : cents / 100;
      closed[k] = dealRowIsClosed(deal, row, snapshot.stageOrder) ? 1 : 0;
    }
    byPeriod.set(key, (won = { deals: indices, amounts, closed }));
  }
  return won;
}
