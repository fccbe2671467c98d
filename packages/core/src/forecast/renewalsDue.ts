import { addDays, dayNumber, daysBetween, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import { recurringWins, yearBefore, type RecurringWin } from '../retention/index.js';
import { dealRowAsOf, dealRowCloseDate, dealRowIsWon } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import type { WinRatePosterior } from './addUncertainDeals.js';
import { scopeMembers } from './scopeMembers.js';
import {
  groupByAccount,
  recurringWinIndex,
  sortByCloseDate,
  winsClosingIn,
  type RecurringWinIndex,
} from './recurringWinIndex.js';
import { STAGE_HISTORY_PERIODS } from './stageObservations.js';

/** How a renewal not opened yet is drawn: won with a rate from `winRate`, at its contract × one of `ratios`. */
export interface RenewalLaw {
  /**
   * Posterior of the rate at which a contract not opened yet is renewed in the period: Beta(renewed, not renewed)
   * over the contracts of the past periods not opened the same number of days into them (see `renewalLaw`).
   */
  readonly winRate: WinRatePosterior;
  /**
   * Per account that renewed in a past period: its renewals then / its recurring bookings a year before (a
   * Float64Array where a job's copy shares them, see `MonteCarloJob`).
   */
  readonly ratios: readonly number[] | Float64Array;
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

function orgRenewals(snapshot: OrgSnapshot, period: FiscalPeriod, asOf: IsoDate, count: number): OrgRenewals {
  const index = recurringWinIndex(snapshot, recurringWins(snapshot, asOf));
  const unopened = Array.from(unopenedContracts(snapshot, index, period, asOf), (i) => index.wins[i] as RecurringWin);
  return { unopened, law: renewalLaw(snapshot, period, asOf, count, index) };
}

/**
 * The positions of the contracts due in `period` (wins closed in its year-before period) without a renewal opened at
 * `point`: accounts in order of their first contract, each account's contracts by close date.
 */
function unopenedContracts(
  snapshot: OrgSnapshot,
  index: RecurringWinIndex,
  period: { start: IsoDate; end: IsoDate },
  point: IsoDate,
): number[] {
  const base = yearBefore(snapshot.calendar, period as FiscalPeriod);
  const { order, from, slots } = groupByAccount(index, winsClosingIn(index, base));
  const pointDay = dayNumber(point);
  const unopened: number[] = [];
  for (let k = 0; k < order.length; k++) {
    let opened = 0;
    for (const deal of index.renewals[order[k] as number] ?? []) {
      // Opened: created by the point, with its close date then (off the history row in force) from the start on.
      if (deal.createdDay > pointDay) continue;
      if (dealRowCloseDate(deal, dealRowAsOf(deal.history, pointDay)) >= period.start) opened++;
    }
    const end = from[k + 1] as number;
    sortByCloseDate(index, slots, from[k] as number, end);
    for (let j = (from[k] as number) + opened; j < end; j++) unopened.push(slots[j] as number);
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
  index: RecurringWinIndex,
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
  for (const q of past) {
    const shifted = addDays(q.start, offset);
    const point = shifted < q.end ? shifted : q.end;
    const contracts = groupByAccount(index, unopenedContracts(snapshot, index, q, point));
    const pointDay = dayNumber(point);
    for (let k = 0; k < contracts.order.length; k++) {
      let won = 0;
      for (const deal of index.renewals[contracts.order[k] as number] ?? []) {
        // A renewal created after the point (and by `asOf`), won as of `asOf` with its close date in the period.
        if (deal.createdDay <= pointDay || deal.createdDay > asOfDay) continue;
        const row = dealRowAsOf(deal.history, asOfDay);
        if (!dealRowIsWon(deal, row, snapshot.stageOrder)) continue;
        const closeDate = dealRowCloseDate(deal, row);
        if (closeDate >= q.start && closeDate <= q.end) won++;
      }
      const n = (contracts.from[k + 1] as number) - (contracts.from[k] as number);
      due += n;
      renewed += Math.min(n, won);
    }
    addRenewalRatios(index, q, yearBefore(snapshot.calendar, q), ratios);
  }
  return renewed > 0 && ratios.length > 0 ? { winRate: { alpha: renewed, beta: due - renewed }, ratios } : null;
}

const KINDS = { new: 0, renewal: 1, expansion: 2 } as const;

/**
 * Adds to `ratios`, per account with renewals in `q` (accounts in order of their first recurring win in it), its
 * renewals in `q` / its recurring bookings in `before` when both are positive; each sum adds the amounts in the
 * wins' order, as `recurringBookings` does.
 */
function addRenewalRatios(
  index: RecurringWinIndex,
  q: { start: IsoDate; end: IsoDate },
  before: { start: IsoDate; end: IsoDate },
  ratios: number[],
): void {
  const { wins, accountOf, sums } = index;
  const prior = winsClosingIn(index, before);
  for (let i = 0; i < prior.length; i++) {
    const w = wins[prior[i] as number] as RecurringWin;
    const sum = sums[KINDS[w.kind]];
    const account = accountOf[prior[i] as number] as number;
    sum[account] = (sum[account] as number) + w.amount;
  }
  const [news, renewals, expansions] = sums;
  const { order, from, slots } = groupByAccount(index, winsClosingIn(index, q));
  for (let k = 0; k < order.length; k++) {
    let renewal = 0;
    for (let j = from[k] as number; j < (from[k + 1] as number); j++) {
      const w = wins[slots[j] as number] as RecurringWin;
      if (w.kind === 'renewal') renewal += w.amount;
    }
    const account = order[k] as number;
    const priorAmount = (news[account] as number) + (renewals[account] as number) + (expansions[account] as number);
    if (priorAmount > 0 && renewal > 0) ratios.push(renewal / priorAmount);
  }
  for (let i = 0; i < prior.length; i++) {
    const account = accountOf[prior[i] as number] as number;
    news[account] = renewals[account] = expansions[account] = 0;
  }
}
