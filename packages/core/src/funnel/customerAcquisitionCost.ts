import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import { dealFactsAsOf } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { ratio } from '../stats/index.js';
import type { PeriodSalesCost } from './salesCost.js';

export interface CustomerAcquisitionCost {
  /** Σ `ActualCost` of the campaigns that started in the period. */
  readonly marketingCost: number;
  /** Campaigns that started in the period without an `ActualCost` (their cost is missing from marketingCost). */
  readonly campaignsWithoutCost: number;
  /** The plan's sales cost of the period; null without a plan covering it. */
  readonly salesCost: number | null;
  /** Accounts whose first won deal (as of the as-of date) closes in the period. */
  readonly newCustomers: number;
  /** (marketingCost + salesCost) / newCustomers; null without a sales cost or new customers. */
  readonly cac: number | null;
}

/**
 * Customer acquisition cost (metrics.md): the period's campaign costs plus the plan's sales cost, over the customers
 * won in it. A new customer is an account whose earliest won deal, replayed to the as-of date, closes in the period
 * (a reopened deal that is no longer won does not make one).
 *
 * @example
 * customerAcquisitionCost(snapshot, period, asOf, periodSalesCost(plan, calendar, period)).cac;
 */
export function customerAcquisitionCost(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  salesCost: PeriodSalesCost | null,
): CustomerAcquisitionCost {
  let marketingCost = 0;
  let campaignsWithoutCost = 0;
  for (const c of snapshot.data.campaigns) {
    if (c.StartDate === null || c.StartDate < period.start || c.StartDate > period.end) continue;
    if (c.ActualCost === null) campaignsWithoutCost++;
    else marketingCost += c.ActualCost;
  }
  const firstWin = new Map<string, IsoDate>();
  for (const { opportunity, state } of dealFactsAsOf(snapshot, asOf)) {
    const account = opportunity.AccountId;
    if (account === null || !state.IsClosed || !state.IsWon) continue;
    const known = firstWin.get(account);
    if (known === undefined || state.CloseDate < known) firstWin.set(account, state.CloseDate);
  }
  let newCustomers = 0;
  for (const day of firstWin.values()) if (day >= period.start && day <= period.end) newCustomers++;
  const cost = salesCost?.amount ?? null;
  return {
    marketingCost,
    campaignsWithoutCost,
    salesCost: cost,
    newCustomers,
    cac: cost === null ? null : ratio(marketingCost + cost, newCustomers),
  };
}
