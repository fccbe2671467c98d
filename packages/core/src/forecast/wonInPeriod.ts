import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import { dealFactsClosingIn } from '../performance/index.js';
import type { DealHistory, OrgSnapshot } from '../snapshot/index.js';

/** A deal won as of a past period's last day, with its close date (as of that day) in the period. */
export interface WonInPeriod {
  readonly opportunity: Opportunity;
  readonly createdOn: IsoDate;
  readonly history: DealHistory | undefined;
  /** Its amount that day in the corporate currency, as `periodDeals` gives it (a null amount counts 0). */
  readonly amount: number;
  /** Whether its state is closed too (a won stage is, unless the stage list says otherwise). */
  readonly closed: boolean;
}

const cache = new WeakMap<OrgSnapshot, Map<string, readonly WonInPeriod[]>>();

/**
 * The deals won in a past period, as of its last day (`periodDeals(snapshot, q, q.end).won`, in the same order),
 * found once per snapshot and period for the historical new business and the period factor, which both look at
 * the same eight past periods.
 *
 * @example
 * wonInPeriod(snapshot, snapshot.calendar.periodByLabel('FY2026-Q2')!).length;
 */
export function wonInPeriod(snapshot: OrgSnapshot, q: FiscalPeriod): readonly WonInPeriod[] {
  let byPeriod = cache.get(snapshot);
  if (!byPeriod) cache.set(snapshot, (byPeriod = new Map()));
  const key = `${q.start}|${q.end}`;
  let won = byPeriod.get(key);
  if (!won) {
    const found: WonInPeriod[] = [];
    for (const fact of dealFactsClosingIn(snapshot, q.end, q.start, q.end, { wonOnly: true })) {
      const { opportunity, createdOn, history, amountCents, isClosed } = fact;
      found.push({
        opportunity,
        createdOn,
        history,
        amount: amountCents === null ? 0 : amountCents / 100,
        closed: isClosed,
      });
    }
    byPeriod.set(key, (won = found));
  }
  return won;
}
