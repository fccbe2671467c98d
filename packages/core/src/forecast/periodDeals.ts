import { dealFactsClosingIn } from '../performance/index.js';
import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import type { DealState, OrgSnapshot } from '../snapshot/index.js';
import { scopeMembers } from './scopeMembers.js';

/** A deal as it stood on the as-of date, with its amount in the corporate currency. */
export interface ForecastDeal {
  readonly opportunity: Opportunity;
  readonly state: DealState;
  /**
   * Amount as of the date in the corporate currency, converted at the rate in force on its close date and rounded
   * to the cent (as Salesforce's `convertCurrency()` does); a null amount counts 0.
   */
  readonly amount: number;
  /** Org-local creation date. */
  readonly createdOn: IsoDate;
}

/** The deals of a period as of a date that the forecast methods start from. */
export interface PeriodDeals {
  readonly period: FiscalPeriod;
  readonly asOf: IsoDate;
  /** Σ amount of the deals won as of the date with their close date in the period. */
  readonly closedWon: number;
  readonly won: readonly ForecastDeal[];
  /** Deals open as of the date with their close date in the period (every forecast category, Omitted too). */
  readonly open: readonly ForecastDeal[];
}

const cache = new WeakMap<OrgSnapshot, Map<string, PeriodDeals>>();

/** Σ of amounts in whole cents, so that sums of rounded amounts are exact. */
export function sumAmounts(deals: readonly ForecastDeal[]): number {
  let cents = 0;
  for (let i = 0; i < deals.length; i++) cents += Math.round((deals[i] as ForecastDeal).amount * 100);
  return cents / 100;
}

/**
 * The deals whose close date (as of `asOf`) falls in `period`, replayed to their state on `asOf`: the won ones
 * and their sum (closedWon), and the open ones; closed-lost deals are left out. `member` restricts them to a scope
 * (see `scopeMembership`). The org-wide selection is computed once per snapshot, period and date.
 *
 * @example
 * const deals = periodDeals(snapshot, snapshot.calendar.periodByLabel('FY2027-Q4')!, '2026-11-16');
 * deals.closedWon; deals.open.length;
 */
export function periodDeals(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  member?: (opportunity: Opportunity) => boolean,
): PeriodDeals {
  let byKey = cache.get(snapshot);
  if (!byKey) cache.set(snapshot, (byKey = new Map()));
  const key = `${period.start}|${period.end}|${asOf}`;
  let all = byKey.get(key);
  if (!all) byKey.set(key, (all = selectPeriodDeals(snapshot, period, asOf)));
  if (!member) return all;
  const won = scopeMembers(all.won, (d) => d.opportunity, member);
  const open = scopeMembers(all.open, (d) => d.opportunity, member);
  return { period, asOf, closedWon: sumAmounts(won), won, open };
}

function selectPeriodDeals(snapshot: OrgSnapshot, period: FiscalPeriod, asOf: IsoDate): PeriodDeals {
  const won: ForecastDeal[] = [];
  const open: ForecastDeal[] = [];
  // Only the open and won deals are replayed.
  for (const fact of dealFactsClosingIn(snapshot, asOf, period.start, period.end, { withoutLost: true })) {
    const { opportunity, state } = fact;
    const deal: ForecastDeal = {
      opportunity,
      state,
      amount: fact.amountCents === null ? 0 : fact.amountCents / 100,
      createdOn: fact.createdOn,
    };
    (state.IsWon ? won : open).push(deal);
  }
  return { period, asOf, closedWon: sumAmounts(won), won, open };
}
