import { addDays, dayNumber, daysBetween, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { dealFactsClosingIn, dealRowAsOf, dealRowCloseDate, dealRowIsClosed } from '../performance/index.js';
import { lowerBound } from '../stats/index.js';
import { scopeMembers } from './scopeMembers.js';
import { wonInPeriod, type WonInPeriod } from './wonInPeriod.js';
import { STAGE_HISTORY_PERIODS } from './stageObservations.js';
import { isRenewal } from './stageCell.js';

/**
 * Business of the past periods that a forecast made at the same point could not see: deals created after that point,
 * and deals open then with a close date outside the period, that were won inside it.
 */
export interface HistoricalNewBusiness {
  /** Mean of `draws` (0 when no period counts). */
  readonly mean: number;
  /**
   * Per past period: its label, the new business won in it, the org's deal flow before that point (deals created
   * in the EXPOSURE_DAYS before it) and the amount scaled to today's flow, amount × exposure now / exposure then
   * (null when the period's flow is not known in full — its window starts before the org's first deal — or was 0).
   */
  readonly periods: readonly {
    readonly label: string;
    readonly amount: number;
    /** The part of `amount` from renewals not opened yet at that point (Monte Carlo draws those from the contracts). */
    readonly renewals: number;
    readonly exposure: number;
    readonly scaled: number | null;
  }[];
  /** The org's deals created in the EXPOSURE_DAYS before the as-of date (one ratio for every scope). */
  readonly exposure: number;
  /**
   * What Monte Carlo draws from, one per draw: the scaled amounts when any period has one, else the amounts.
   */
  readonly draws: readonly number[];
  /** `draws` without the renewals not opened yet (for a forecast that draws those from the contracts due). */
  readonly drawsWithoutRenewals: readonly number[];
}

/** Days of deal creation before a point that measure the deal flow there. */
export const EXPOSURE_DAYS = 182;

interface NewDeal {
  readonly opportunity: Opportunity;
  readonly amount: number;
  /** A renewal created after the point: a contract due whose renewal was not opened yet. */
  readonly unopenedRenewal: boolean;
}

/** A past period's won deals as of its last day (close date in it), and whether the org closed any deal in it. */
interface ClosedInPeriod {
  readonly active: boolean;
  /** Its won deals, of which the closed ones count. */
  readonly won: WonInPeriod;
}

const closedCache = new WeakMap<OrgSnapshot, Map<string, ClosedInPeriod>>();
const createdDaysCache = new WeakMap<OrgSnapshot, Int32Array>();

/** Every deal's creation day, sorted (made once per snapshot): deal flows are then counted by two binary searches. */
function sortedCreatedDays(snapshot: OrgSnapshot): Int32Array {
  let days = createdDaysCache.get(snapshot);
  if (!days) {
    days = new Int32Array(snapshot.deals.length);
    for (let i = 0; i < days.length; i++) days[i] = (snapshot.deals[i] as DealRecord).createdDay;
    createdDaysCache.set(snapshot, days.sort());
  }
  return days;
}

/** How many of the org's deals were created in the EXPOSURE_DAYS before `day` (the same for every scope). */
function createdBefore(snapshot: OrgSnapshot, day: number): number {
  const days = sortedCreatedDays(snapshot);
  return lowerBound(days, day) - lowerBound(days, day - EXPOSURE_DAYS);
}

function firstCreatedDay(snapshot: OrgSnapshot): number {
  const days = sortedCreatedDays(snapshot);
  return days.length === 0 ? Infinity : (days[0] as number);
}
const newCache = new WeakMap<OrgSnapshot, Map<string, readonly NewDeal[]>>();

/** Shared by every offset and window that looks at `q`. */
function closedIn(snapshot: OrgSnapshot, q: FiscalPeriod): ClosedInPeriod {
  let byPeriod = closedCache.get(snapshot);
  if (!byPeriod) closedCache.set(snapshot, (byPeriod = new Map()));
  const key = `${q.start}|${q.end}`;
  let closed = byPeriod.get(key);
  if (!closed) {
    const won = wonInPeriod(snapshot, q);
    // Only a period without a closed won deal has its lost ones replayed, to tell whether the org closed any deal.
    const active =
      won.closed.includes(1) || dealFactsClosingIn(snapshot, q.end, q.start, q.end).some((fact) => fact.isClosed);
    byPeriod.set(key, (closed = { active, won }));
  }
  return closed;
}

/**
 * The deals of past period `q` that a forecast made `offset` days into it could not see (shared by every window and
 * scope that looks at `q` from the same offset): deals created later, and deals open then with a close date outside
 * the period (pulled in, or revived from a stale date) that were won inside it anyway.
 */
function newBusinessIn(snapshot: OrgSnapshot, q: FiscalPeriod, offset: number): readonly NewDeal[] {
  let byKey = newCache.get(snapshot);
  if (!byKey) newCache.set(snapshot, (byKey = new Map()));
  const key = `${q.start}|${q.end}|${offset}`;
  let found = byKey.get(key);
  if (!found) {
    const deals: NewDeal[] = [];
    const shifted = addDays(q.start, offset);
    const point = shifted < q.end ? shifted : q.end;
    const pointDay = dayNumber(point);
    const won = closedIn(snapshot, q).won;
    for (let k = 0; k < won.deals.length; k++) {
      if (won.closed[k] === 0) continue;
      const deal = snapshot.deals[won.deals[k] as number] as DealRecord;
      // Unseen at that point: not created yet, or open with its close date (then) outside the period.
      const created = deal.createdOn <= point;
      if (created) {
        const row = dealRowAsOf(deal.history, pointDay);
        if (dealRowIsClosed(deal, row, snapshot.stageOrder)) continue;
        const closeDate = dealRowCloseDate(deal, row);
        if (closeDate >= q.start && closeDate <= q.end) continue;
      }
      const unopenedRenewal = !created && isRenewal(deal.opportunity);
      deals.push({ opportunity: deal.opportunity, amount: won.amounts[k] as number, unopenedRenewal });
    }
    byKey.set(key, (found = deals));
  }
  return found;
}

/**
 * The historical new business monteCarlo adds (metrics.md "Forecast"): for each of the past periods stage win
 * rates are learnt from (up to 8 of P's kind that ended before `asOf`, and in which the org closed at least one
 * deal, so that periods before the data began do not count as zero), the amount of the scope's deals created
 * after the same number of days into that period as `asOf` is into P and won inside it (won as of its last day,
 * close date in it); the mean over those periods.
 *
 * @example
 * historicalNewBusiness(snapshot, period, '2026-11-16').mean;
 */
export function historicalNewBusiness(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  member?: (opportunity: Opportunity) => boolean,
  periods: number = STAGE_HISTORY_PERIODS.default,
): HistoricalNewBusiness {
  const count = Math.min(STAGE_HISTORY_PERIODS.max, Math.max(STAGE_HISTORY_PERIODS.min, Math.trunc(periods)));
  const offset = daysBetween(period.start, asOf);
  // The periods the data covers (the org closed a deal in them).
  const past = snapshot.calendar
    .previousPeriods(period, STAGE_HISTORY_PERIODS.max + 4)
    .filter((p) => p.end < asOf)
    .slice(0, count)
    .filter((q) => closedIn(snapshot, q).active);
  // The org's deal flow, not the scope's: one ratio per past period for every scope, so that new business (and the
  // Monte Carlo mean) adds up over scopes.
  const flow = (day: number) => createdBefore(snapshot, day);
  const exposure = flow(dayNumber(asOf));
  const firstDay = firstCreatedDay(snapshot);
  const list = past.map((q) => {
    let cents = 0;
    let renewalCents = 0;
    for (const deal of scopeMembers(newBusinessIn(snapshot, q, offset), (d) => d.opportunity, member)) {
      cents += Math.round(deal.amount * 100);
      if (deal.unopenedRenewal) renewalCents += Math.round(deal.amount * 100);
    }
    const amount = cents / 100;
    const renewals = renewalCents / 100;
    const shifted = addDays(q.start, offset);
    const pointDay = dayNumber(shifted < q.end ? shifted : q.end);
    const then = flow(pointDay);
    const known = pointDay - EXPOSURE_DAYS >= firstDay && then > 0;
    return { label: q.label, amount, renewals, exposure: then, scaled: known ? (amount * exposure) / then : null };
  });
  const anyScaled = list.some((p) => p.scaled !== null);
  // The same periods and ratio with or without the renewals not opened yet.
  const drawsOf = (part: (p: (typeof list)[number]) => number) =>
    anyScaled
      ? list.flatMap((p) => (p.scaled === null ? [] : [(part(p) * exposure) / p.exposure]))
      : list.map((p) => part(p));
  const draws = drawsOf((p) => p.amount);
  const drawsWithoutRenewals = drawsOf((p) => p.amount - p.renewals);
  const mean = draws.length === 0 ? 0 : draws.reduce((s, x) => s + x, 0) / draws.length;
  return { mean, periods: list, exposure, draws, drawsWithoutRenewals };
}
