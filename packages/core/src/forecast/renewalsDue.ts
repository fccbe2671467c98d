import { addDays, dayNumber, daysBetween, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import { recurringBookings, recurringWins, yearBefore, type RecurringWin } from '../retention/index.js';
import { dealRowAsOf, dealRowCloseDate, dealRowIsWon } from '../performance/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import type { WinRatePosterior } from './addUncertainDeals.js';
import { scopeMembers } from './scopeMembers.js';
import { isRenewal } from './stageCell.js';
import { STAGE_HISTORY_PERIODS } from './stageObservations.js';

/** How a renewal not opened yet is drawn: won with a rate from `winRate`, at its contract × one of `ratios`. */
export interface RenewalLaw {
  /**
   * Posterior of the rate at which a contract not opened yet is renewed in the period: Beta(renewed, not renewed)
   * over the contracts of the past periods not opened the same number of days into them (see `renewalLaw`).
   */
  readonly winRate: WinRatePosterior;
  /** Per account that renewed in a past period: its renewals then / its recurring bookings a year before. */
  readonly ratios: readonly number[];
}

/** The renewals a forecast cannot see yet: the contracts due in the period without a renewal opened. */
export interface RenewalsDue {
  /** Amount of each contract due and not opened yet (corporate currency, at its close date). */
  readonly amounts: readonly number[];
  /** Null without a closed renewal or a renewed account in the past periods: then nothing is drawn. */
  readonly law: RenewalLaw | null;
}

interface OrgRenewals {
  readonly unopened: readonly RecurringWin[];
  readonly law: RenewalLaw | null;
}

const cache = new WeakMap<OrgSnapshot, Map<string, OrgRenewals>>();

/**
 * The contracts due in `period` whose renewal was not opened by `asOf`, as the retention figures define them: a
 * won deal of a recurring Type (RECURRING_TYPES) closed in the same period a year before (`yearBefore`, the base of
 * revenueRetention) comes up for renewal in the period. An account's renewals created by `asOf` with a close date
 * from the period's start on count as opened, for its contracts due earliest first. The contract belongs to the
 * scope of the deal that booked it (its owner usually renews it). The law is learnt from the same past periods as
 * the historical new business (up to `periods` of the period's kind that ended before `asOf`).
 *
 * @example
 * renewalsDue(snapshot, period, '2026-11-16').amounts.length;
 */
export function renewalsDue(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  member?: (opportunity: Opportunity) => boolean,
  periods: number = STAGE_HISTORY_PERIODS.default,
): RenewalsDue {
  const count = Math.min(STAGE_HISTORY_PERIODS.max, Math.max(STAGE_HISTORY_PERIODS.min, Math.trunc(periods)));
  let byKey = cache.get(snapshot);
  if (!byKey) cache.set(snapshot, (byKey = new Map()));
  const key = `${period.start}|${period.end}|${asOf}|${count}`;
  let org = byKey.get(key);
  if (!org) byKey.set(key, (org = orgRenewals(snapshot, period, asOf, count)));
  const amounts = scopeMembers(org.unopened, (w) => w.opportunity, member).map((w) => w.amount);
  return { amounts, law: org.law };
}

const renewalCache = new WeakMap<OrgSnapshot, ReadonlyMap<string, readonly DealRecord[]>>();

/**
 * The org's renewals (see `isRenewal`) by account, in `snapshot.deals` order: found once per snapshot, so that each
 * period looks at the renewals of its accounts due, not at every deal.
 */
function renewalsByAccount(snapshot: OrgSnapshot): ReadonlyMap<string, readonly DealRecord[]> {
  let byAccount = renewalCache.get(snapshot);
  if (!byAccount) {
    const found = new Map<string, DealRecord[]>();
    for (const deal of snapshot.deals) {
      const account = deal.opportunity.AccountId;
      if (account === null || !isRenewal(deal.opportunity)) continue;
      const list = found.get(account);
      if (list) list.push(deal);
      else found.set(account, [deal]);
    }
    renewalCache.set(snapshot, (byAccount = found));
  }
  return byAccount;
}

/** Per list of wins, their positions sorted by close date (and the dates in that order), made on first use. */
const byCloseDate = new WeakMap<readonly RecurringWin[], { readonly at: Int32Array; readonly dates: IsoDate[] }>();

/**
 * The wins with a close date in [start, end], in their order in `wins`: `wins.filter(…)` without a pass over every
 * win for each of the dozen periods a forecast looks at.
 */
function winsClosingIn(
  wins: readonly RecurringWin[],
  { start, end }: { start: IsoDate; end: IsoDate },
): RecurringWin[] {
  let sorted = byCloseDate.get(wins);
  if (!sorted) {
    // By date, then position: the positions of each of the few thousand dates, dates sorted, not every win compared.
    const byDate = new Map<IsoDate, number[]>();
    for (let i = 0; i < wins.length; i++) {
      const date = (wins[i] as RecurringWin).closeDate;
      const list = byDate.get(date);
      if (list) list.push(i);
      else byDate.set(date, [i]);
    }
    const at = new Int32Array(wins.length);
    const dates: IsoDate[] = [];
    for (const date of [...byDate.keys()].sort()) {
      for (const i of byDate.get(date) as number[]) {
        at[dates.length] = i;
        dates.push(date);
      }
    }
    sorted = { at, dates };
    byCloseDate.set(wins, sorted);
  }
  const { at, dates } = sorted;
  const picked = at.slice(firstAtLeast(dates, start), firstAbove(dates, end)).sort();
  return Array.from(picked, (i) => wins[i] as RecurringWin);
}

/** The first index of sorted `dates` whose date is ≥ `date` (its length when none). */
function firstAtLeast(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as IsoDate) < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of sorted `dates` whose date is > `date` (its length when none). */
function firstAbove(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as IsoDate) <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function orgRenewals(snapshot: OrgSnapshot, period: FiscalPeriod, asOf: IsoDate, count: number): OrgRenewals {
  const wins = recurringWins(snapshot, asOf);
  const unopened = unopenedContracts(snapshot, wins, period, asOf);
  return { unopened, law: renewalLaw(snapshot, period, asOf, count, wins) };
}

/** The contracts due in `period` (wins closed in its year-before period) without a renewal opened at `point`. */
function unopenedContracts(
  snapshot: OrgSnapshot,
  wins: readonly RecurringWin[],
  period: { start: IsoDate; end: IsoDate },
  point: IsoDate,
): RecurringWin[] {
  const base = yearBefore(snapshot.calendar, period as FiscalPeriod);
  const due = new Map<string, RecurringWin[]>();
  for (const w of winsClosingIn(wins, base)) {
    const list = due.get(w.accountId);
    if (list) list.push(w);
    else due.set(w.accountId, [w]);
  }
  const opened = new Map<string, number>();
  const pointDay = dayNumber(point);
  const renewals = renewalsByAccount(snapshot);
  for (const account of due.keys()) {
    let count = 0;
    for (const deal of renewals.get(account) ?? []) {
      // Opened: created by the point, with its close date then (off the history row in force) from the start on.
      if (deal.createdDay > pointDay) continue;
      if (dealRowCloseDate(deal, dealRowAsOf(deal.history, pointDay)) >= period.start) count++;
    }
    if (count > 0) opened.set(account, count);
  }
  const unopened: RecurringWin[] = [];
  for (const [account, contracts] of due) {
    contracts.sort((a, b) => (a.closeDate < b.closeDate ? -1 : a.closeDate > b.closeDate ? 1 : 0));
    unopened.push(...contracts.slice(opened.get(account) ?? 0));
  }
  return unopened;
}

/**
 * The law of the past periods, as of `asOf`. Win rate: of the contracts due in a past period and not opened the same
 * number of days into it, those an account renewed (a renewal created later and won in the period, at most one per
 * contract); this counts the renewals lost and those never opened, as a stage cell counts its lost deals. Ratios:
 * per account that renewed in a past period, its renewals then / its recurring bookings a year before.
 */
function renewalLaw(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  count: number,
  wins: readonly RecurringWin[],
): RenewalLaw | null {
  const offset = daysBetween(period.start, asOf);
  const past = snapshot.calendar
    .previousPeriods(period, STAGE_HISTORY_PERIODS.max + 4)
    .filter((p) => p.end < asOf)
    .slice(0, count);
  let renewed = 0;
  let due = 0;
  const ratios: number[] = [];
  const asOfDay = dayNumber(asOf);
  const renewals = renewalsByAccount(snapshot);
  for (const q of past) {
    const shifted = addDays(q.start, offset);
    const point = shifted < q.end ? shifted : q.end;
    const contracts = new Map<string, number>();
    for (const c of unopenedContracts(snapshot, wins, q, point)) {
      contracts.set(c.accountId, (contracts.get(c.accountId) ?? 0) + 1);
    }
    const won = new Map<string, number>();
    const pointDay = dayNumber(point);
    for (const account of contracts.keys()) {
      let count = 0;
      for (const deal of renewals.get(account) ?? []) {
        // A renewal created after the point (and by `asOf`), won as of `asOf` with its close date in the period.
        if (deal.createdDay <= pointDay || deal.createdDay > asOfDay) continue;
        const row = dealRowAsOf(deal.history, asOfDay);
        if (!dealRowIsWon(deal, row, snapshot.stageOrder)) continue;
        const closeDate = dealRowCloseDate(deal, row);
        if (closeDate >= q.start && closeDate <= q.end) count++;
      }
      if (count > 0) won.set(account, count);
    }
    for (const [account, n] of contracts) {
      due += n;
      renewed += Math.min(n, won.get(account) ?? 0);
    }
    const before = yearBefore(snapshot.calendar, q);
    const prior = recurringBookings(winsClosingIn(wins, before), before);
    for (const [account, now] of recurringBookings(winsClosingIn(wins, q), q)) {
      const before = prior.get(account);
      const priorAmount = before ? before.new + before.renewal + before.expansion : 0;
      if (priorAmount > 0 && now.renewal > 0) ratios.push(now.renewal / priorAmount);
    }
  }
  return renewed > 0 && ratios.length > 0 ? { winRate: { alpha: renewed, beta: due - renewed }, ratios } : null;
}
