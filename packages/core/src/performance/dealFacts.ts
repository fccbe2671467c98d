import { dayNumber, type IsoDate } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import {
  dealStateAsOf,
  type DealHistory,
  type DealRecord,
  type DealState,
  type OrgSnapshot,
} from '../snapshot/index.js';
import { dealRowAmount, dealRowCloseDate, type DealRowSource } from './dealRowAsOf.js';

/** One deal as it stood on the as-of date, with its amount in the corporate currency. */
export interface DealFact {
  readonly opportunity: Opportunity;
  readonly state: DealState;
  /**
   * Amount as of the date in corporate-currency cents (an integer, so sums are exact), converted at the rate in
   * force on the deal's close date as of that date and rounded to the cent per deal, as Salesforce's
   * `convertCurrency()` does; null when the amount is null.
   */
  readonly amountCents: number | null;
  /** Org-local creation date. */
  readonly createdOn: IsoDate;
  readonly history: DealHistory | undefined;
  // Copies of the fields every full pass tests, as numbers on the fact itself: a scan over a million facts then
  // reads one object per deal instead of three (fact, state, opportunity) and compares numbers, not strings.
  readonly ownerId: string;
  readonly isClosed: boolean;
  readonly isWon: boolean;
  /** `state.CloseDate` as a day number. */
  readonly closeDay: number;
  /** `createdOn` as a day number. */
  readonly createdDay: number;
}

const cache = new WeakMap<OrgSnapshot, Map<IsoDate, readonly DealFact[]>>();
/**
 * Dates whose facts stay cached per snapshot, most recently used first. A backtest replays a dozen dates; keeping
 * them all would hold a dozen copies of a million-deal org, so memory stays at a few copies whatever the history.
 */
export const CACHED_FACT_DATES = 3;

/** Corporate cents of an amount in a deal currency on a date (null stays null). */
export function corporateCents(
  snapshot: OrgSnapshot,
  amount: number | null,
  currencyIsoCode: string | null,
  onDate: IsoDate,
): number | null {
  const corporate = snapshot.toCorporate(amount, currencyIsoCode, onDate);
  return corporate === null ? null : Math.round(corporate * 100);
}

/**
 * A deal's amount in its currency as `DealFact.amountCents` gives it: in corporate cents at the rate in force on
 * its close date (null stays null).
 *
 * @example
 * dealAmountCents(snapshot, 100, 'EUR', '2026-03-31'); // 12500 at 1.25 USD per EUR
 */
export function dealAmountCents(
  snapshot: OrgSnapshot,
  amount: number | null,
  currencyIsoCode: string | null,
  closeDate: IsoDate,
): number | null {
  if (amount === null) return null;
  return currencyIsoCode === null || currencyIsoCode === snapshot.corporateCurrency
    ? Math.round(amount * 100)
    : corporateCents(snapshot, amount, currencyIsoCode, closeDate);
}

/**
 * The `DealFact.amountCents` of a deal's history row `row` (see `dealRowAsOf`), read without replaying the deal.
 *
 * @example
 * dealRowCents(snapshot, deal, dealRowAsOf(deal.history, dayNumber('2026-03-31'))); // as the fact that day
 */
export function dealRowCents(snapshot: OrgSnapshot, deal: DealRowSource, row: number): number | null {
  const currency = deal.opportunity.CurrencyIsoCode;
  return dealAmountCents(snapshot, dealRowAmount(deal, row), currency, dealRowCloseDate(deal, row));
}

/**
 * Every deal that exists on `asOf`, replayed to its state on that date (metrics.md "Conventions"). Cached per
 * snapshot for the `CACHED_FACT_DATES` dates used last; the list is shared, never mutated.
 *
 * @example
 * const facts = dealFactsAsOf(snapshot, '2026-11-16');
 * facts.filter((f) => f.state.IsWon).length;
 */
export function dealFactsAsOf(snapshot: OrgSnapshot, asOf: IsoDate): readonly DealFact[] {
  let byDate = cache.get(snapshot);
  if (!byDate) cache.set(snapshot, (byDate = new Map()));
  const cached = byDate.get(asOf);
  if (cached) {
    byDate.delete(asOf); // re-inserted last: a Map iterates in insertion order, oldest first
    byDate.set(asOf, cached);
    return cached;
  }
  const facts: DealFact[] = [];
  const replay = dealReplay(snapshot, asOf);
  for (let i = 0; i < snapshot.deals.length; i++) {
    const fact = replay(snapshot.deals[i] as DealRecord);
    if (fact) facts.push(fact);
  }
  byDate.set(asOf, facts);
  for (const date of byDate.keys()) {
    if (byDate.size <= CACHED_FACT_DATES) break;
    byDate.delete(date);
  }
  return facts;
}

/**
 * Replays one deal at a time to `asOf` (null when it did not exist yet), sharing the date's parsed close days.
 * Used by full passes and by `dealFactsClosingIn`.
 */
export function dealReplay(snapshot: OrgSnapshot, asOf: IsoDate): (deal: DealRecord) => DealFact | null {
  const context = { stagesByName: snapshot.stagesByName, stageList: snapshot.stageOrder };
  const asOfDay = dayNumber(asOf);
  // Close dates are shared strings (one per day): their day numbers are parsed once.
  const days = new Map<string, number>();
  return ({ opportunity, createdOn, createdDay, history }) => {
    const state = dealStateAsOf(opportunity, createdOn, history, asOf, context, asOfDay);
    if (!state) return null;
    return {
      opportunity,
      state,
      amountCents: dealAmountCents(snapshot, state.Amount, opportunity.CurrencyIsoCode, state.CloseDate),
      createdOn,
      history,
      ownerId: opportunity.OwnerId,
      isClosed: state.IsClosed,
      isWon: state.IsWon,
      closeDay: closeDayOf(state.CloseDate, days),
      createdDay,
    };
  };
}

export function closeDayOf(date: IsoDate, days: Map<string, number>): number {
  let day = days.get(date);
  if (day === undefined) days.set(date, (day = dayNumber(date)));
  return day;
}
