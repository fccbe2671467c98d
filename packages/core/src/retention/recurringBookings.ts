import { dayNumber, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import { dealRowAmount, dealRowAsOf, dealRowCloseDate, dealRowIsClosed, dealRowIsWon } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';

/** How an opportunity `Type` counts for retention; a type not listed (or none) is not recurring business. */
export type RecurringKind = 'new' | 'renewal' | 'expansion';

/**
 * The opportunity types of recurring business (salesforce-objects.md: New Business / Existing Customer - Upgrade /
 * - Renewal / - Downgrade, with Salesforce's standard "New Customer" and "Existing Customer - Replacement"). A
 * downgrade renews less of the base; a replacement renews it on new terms.
 */
export const RECURRING_TYPES: Readonly<Record<string, RecurringKind>> = {
  'New Business': 'new',
  'New Customer': 'new',
  'Existing Customer - Renewal': 'renewal',
  'Existing Customer - Downgrade': 'renewal',
  'Existing Customer - Replacement': 'renewal',
  'Existing Customer - Upgrade': 'expansion',
};

/** One account's won recurring bookings in a period, by kind, in the corporate currency. */
export interface AccountBookings {
  new: number;
  renewal: number;
  expansion: number;
}

/** A won deal of a recurring type, replayed to the as-of date. */
export interface RecurringWin {
  readonly opportunity: Opportunity;
  readonly accountId: string;
  readonly kind: RecurringKind;
  readonly closeDate: IsoDate;
  /** Amount in the corporate currency, converted at the close date (a null amount counts as 0). */
  readonly amount: number;
}

/**
 * The org's won deals of a recurring type with an account, as of `asOf` (a deal reopened since is not won), in one
 * pass: every period's bookings are then sums over this list, not another replay of every deal.
 *
 * @example
 * recurringWins(snapshot, '2026-11-16').length;
 */
export function recurringWins(snapshot: OrgSnapshot, asOf: IsoDate): RecurringWin[] {
  const wins: RecurringWin[] = [];
  const asOfDay = dayNumber(asOf);
  const stageList = snapshot.stageOrder;
  for (const deal of snapshot.deals) {
    const o = deal.opportunity;
    const kind = o.Type === null ? undefined : RECURRING_TYPES[o.Type];
    if (kind === undefined || o.AccountId === null || deal.createdDay > asOfDay) continue;
    // Read off the history row in force (the one `dealStateAsOf` replays), without a state object per win.
    const row = dealRowAsOf(deal.history, asOfDay);
    if (!dealRowIsClosed(deal, row, stageList) || !dealRowIsWon(deal, row, stageList)) continue;
    const closeDate = dealRowCloseDate(deal, row);
    const amount = snapshot.toCorporate(dealRowAmount(deal, row), o.CurrencyIsoCode, closeDate) ?? 0;
    wins.push({ opportunity: o, accountId: o.AccountId, kind, closeDate, amount });
  }
  return wins;
}

/**
 * Each account's recurring bookings with a close date in `period`.
 *
 * @example
 * recurringBookings(recurringWins(snapshot, asOf), period).get('001…')?.renewal;
 */
export function recurringBookings(
  wins: readonly RecurringWin[],
  period: { start: IsoDate; end: IsoDate },
): Map<string, AccountBookings> {
  const byAccount = new Map<string, AccountBookings>();
  for (const w of wins) {
    if (w.closeDate < period.start || w.closeDate > period.end) continue;
    let bookings = byAccount.get(w.accountId);
    if (!bookings) byAccount.set(w.accountId, (bookings = { new: 0, renewal: 0, expansion: 0 }));
    bookings[w.kind] += w.amount;
  }
  return byAccount;
}

/** True when some deal of the org has a recurring type (without any, retention cannot be computed). */
export function hasRecurringTypes(snapshot: OrgSnapshot): boolean {
  return snapshot.data.opportunities.some((o) => o.Type !== null && RECURRING_TYPES[o.Type] !== undefined);
}

/**
 * The same period a year before: the fiscal period of the same type and number in the previous fiscal year, or for a
 * date range the same dates a year earlier (29 February becomes 28 February).
 *
 * @example
 * yearBefore(calendar, calendar.periodByLabel('FY2026-Q4')!).label; // 'FY2025-Q4'
 */
export function yearBefore(
  calendar: OrgSnapshot['calendar'],
  period: FiscalPeriod,
): { label: string; start: IsoDate; end: IsoDate } {
  if (period.type !== 'Custom' && period.fiscalYear !== null) {
    const perYear = period.type === 'Year' ? 1 : period.type === 'Quarter' ? 4 : 12;
    const prior = calendar.previousPeriods(period, perYear)[perYear - 1];
    if (prior) return prior;
  }
  const shift = (d: IsoDate) => {
    const y = String(Number(d.slice(0, 4)) - 1).padStart(4, '0');
    return d.slice(5) === '02-29' ? `${y}-02-28` : `${y}${d.slice(4)}`;
  };
  const start = shift(period.start);
  const end = shift(period.end);
  return { label: `${start}..${end}`, start, end };
}
