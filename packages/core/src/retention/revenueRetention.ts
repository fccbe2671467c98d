import { addDays, daysBetween, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import { revOpsGap, type RevOpsGap } from '../completeness/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { ratio } from '../stats/index.js';
import { accountSegment, type SegmentField } from './accountSegment.js';
import {
  hasRecurringTypes,
  recurringBookings,
  recurringWins,
  yearBefore,
  type AccountBookings,
} from './recurringBookings.js';

/** The additive figures of a retention row: segment rows add up to the totals. */
export interface RetentionCounts {
  /** Accounts with won recurring bookings in the same period a year before (the base). */
  baseAccounts: number;
  /** Their recurring bookings then. */
  priorBookings: number;
  /** Their won renewals (and downgrades) in the period. */
  renewed: number;
  /** Σ min(renewed, prior) per account: what of the base was kept. */
  kept: number;
  /** Their won upgrades and new business in the period. */
  expansion: number;
  /** Base accounts with no won recurring booking in the period. */
  churnedAccounts: number;
  churnedBookings: number;
  /** Base accounts that booked something, but less than a year before. */
  contractedAccounts: number;
  /** Σ (prior − booked) over them. */
  contraction: number;
  /** Accounts with recurring bookings in the period and none in the base period. */
  newAccounts: number;
  newBookings: number;
  /** Recurring bookings in the year up to the period's end, and the accounts that had any (for CLV). */
  yearlyBookings: number;
  customers: number;
}

export interface RetentionRow extends RetentionCounts {
  /** kept / prior; null without a base. */
  grr: number | null;
  /** (renewed + expansion) / prior. */
  nrr: number | null;
  /** yearlyBookings / customers × gross margin / (1 − GRR); null without margin, GRR, or with GRR ≥ 1. */
  clv: number | null;
}

export interface AccountChange {
  readonly accountId: string;
  readonly name: string;
  readonly segment: string | null;
  readonly priorBookings: number;
  readonly bookings: number;
}

export interface RetentionReport {
  /** toDate: the period runs past the as-of date, so it and its base are compared to date (see `baseWindow`). */
  readonly period: { label: string; start: IsoDate; end: IsoDate; toDate: boolean };
  /** The base period: the same period a year before; to date (end moved) when the period is. */
  readonly basePeriod: { label: string; start: IsoDate; end: IsoDate };
  readonly asOf: IsoDate;
  readonly currency: string;
  readonly segmentField: SegmentField;
  readonly grossMargin: number | null;
  /** The period and the three before it (a date range: itself only), oldest first. Null figures without types. */
  readonly byPeriod: Array<
    RetentionRow & {
      label: string;
      start: IsoDate;
      end: IsoDate;
      basePeriod: string;
      baseEnd: IsoDate;
      toDate: boolean;
    }
  >;
  /** The period's figures per segment (null: accounts without the field), and the totals over every account. */
  readonly bySegment: Array<RetentionRow & { segment: string | null }>;
  readonly totals: RetentionRow;
  /** Base accounts that churned and that contracted in the period, the largest first. */
  readonly churned: AccountChange[];
  readonly contracted: AccountChange[];
  readonly gaps: readonly RevOpsGap[];
}

const COUNTS: ReadonlyArray<keyof RetentionCounts> = [
  'baseAccounts',
  'priorBookings',
  'renewed',
  'kept',
  'expansion',
  'churnedAccounts',
  'churnedBookings',
  'contractedAccounts',
  'contraction',
  'newAccounts',
  'newBookings',
  'yearlyBookings',
  'customers',
];

function emptyCounts(): RetentionCounts {
  return Object.fromEntries(COUNTS.map((k) => [k, 0])) as unknown as RetentionCounts;
}

function finish(c: RetentionCounts, grossMargin: number | null): RetentionRow {
  const grr = ratio(c.kept, c.priorBookings);
  const average = ratio(c.yearlyBookings, c.customers);
  const clv =
    grossMargin === null || grr === null || average === null || grr >= 1 ? null : (average * grossMargin) / (1 - grr);
  return { ...c, grr, nrr: ratio(c.renewed + c.expansion, c.priorBookings), clv };
}

const total = (b: AccountBookings | undefined) => (b ? b.new + b.renewal + b.expansion : 0);

/**
 * The base period of p: the same period a year before, cut to the same number of days as p has run by the as-of
 * date when p is not over (a quarter half gone is compared with the first half of the quarter a year before, not
 * with all of it: renewals fall due at anniversaries, so a full base would count the renewals still to come as churn).
 */
function baseWindow(calendar: OrgSnapshot['calendar'], p: { start: IsoDate; end: IsoDate }, asOf: IsoDate) {
  const base = yearBefore(calendar, p as FiscalPeriod);
  const toDate = asOf < p.end;
  if (!toDate) return { ...base, toDate };
  const end = addDays(base.start, daysBetween(p.start, asOf));
  return { ...base, end: end < base.end ? end : base.end, toDate };
}

/**
 * Revenue retention of a period as of a date (metrics.md "Funnel and revenue operations"): GRR, NRR, churned and
 * contracted accounts and CLV, for the period and the three before it, and per segment (industry or size band).
 * Without any recurring opportunity type the figures are not computed (NO_OPPORTUNITY_TYPES), never zeros.
 *
 * @example
 * revenueRetention(snapshot, { period, asOf: '2026-11-16', segmentField: 'industry', grossMargin: 0.8 }).totals.nrr;
 */
export function revenueRetention(
  snapshot: OrgSnapshot,
  options: { period: FiscalPeriod; asOf: IsoDate; segmentField: SegmentField; grossMargin: number | null },
): RetentionReport {
  const { period, asOf, segmentField, grossMargin } = options;
  const gaps: RevOpsGap[] = [];
  const typed = hasRecurringTypes(snapshot);
  if (!typed) gaps.push(revOpsGap('NO_OPPORTUNITY_TYPES'));
  if (grossMargin === null) gaps.push(revOpsGap('NO_GROSS_MARGIN'));
  const segmentOf = (id: string) => accountSegment(snapshot.accountsById.get(id), segmentField);
  const accountName = (id: string) => snapshot.accountsById.get(id)?.Name ?? id;
  const wins = recurringWins(snapshot, asOf);

  const periodFigures = (p: { start: IsoDate; end: IsoDate }) => {
    const base = baseWindow(snapshot.calendar, p, asOf);
    const prior = recurringBookings(wins, base);
    const current = recurringBookings(wins, p);
    const year = recurringBookings(wins, { start: addDays(addDays(p.end, 1), -365), end: p.end });
    const bySegment = new Map<string | null, RetentionCounts>();
    const totals = emptyCounts();
    const churned: AccountChange[] = [];
    const contracted: AccountChange[] = [];
    const add = (account: string, update: (c: RetentionCounts) => void) => {
      const segment = segmentOf(account);
      let counts = bySegment.get(segment);
      if (!counts) bySegment.set(segment, (counts = emptyCounts()));
      update(counts);
      update(totals);
    };
    for (const [account, before] of prior) {
      const priorAmount = total(before);
      if (priorAmount <= 0) continue;
      const now = current.get(account);
      const renewed = now?.renewal ?? 0;
      const expansion = (now?.expansion ?? 0) + (now?.new ?? 0);
      const booked = renewed + expansion;
      const change = {
        accountId: account,
        name: accountName(account),
        segment: segmentOf(account),
        priorBookings: priorAmount,
        bookings: booked,
      };
      if (booked === 0) churned.push(change);
      else if (booked < priorAmount) contracted.push(change);
      add(account, (c) => {
        c.baseAccounts++;
        c.priorBookings += priorAmount;
        c.renewed += renewed;
        c.kept += Math.min(renewed, priorAmount);
        c.expansion += expansion;
        if (booked === 0) {
          c.churnedAccounts++;
          c.churnedBookings += priorAmount;
        } else if (booked < priorAmount) {
          c.contractedAccounts++;
          c.contraction += priorAmount - booked;
        }
      });
    }
    for (const [account, now] of current) {
      if (total(prior.get(account)) > 0 || total(now) <= 0) continue;
      add(account, (c) => {
        c.newAccounts++;
        c.newBookings += total(now);
      });
    }
    for (const [account, bookings] of year) {
      if (total(bookings) <= 0) continue;
      add(account, (c) => {
        c.yearlyBookings += total(bookings);
        c.customers++;
      });
    }
    const largest = (a: AccountChange, b: AccountChange) =>
      b.priorBookings - b.bookings - (a.priorBookings - a.bookings) || a.name.localeCompare(b.name);
    return { base, bySegment, totals, churned: churned.sort(largest), contracted: contracted.sort(largest) };
  };

  const periods =
    period.type === 'Custom' ? [period] : [...snapshot.calendar.previousPeriods(period, 3).reverse(), period];
  const nullRow = (c: RetentionCounts): RetentionRow => ({ ...c, grr: null, nrr: null, clv: null });
  const rowOf = (c: RetentionCounts) => (typed ? finish(c, grossMargin) : nullRow(c));
  const byPeriod = periods.map((p) => {
    const f = periodFigures(p);
    const { label, start, end } = p;
    return {
      label,
      start,
      end,
      basePeriod: f.base.label,
      baseEnd: f.base.end,
      toDate: f.base.toDate,
      ...rowOf(f.totals),
    };
  });
  const current = periodFigures(period);
  const bySegment = [...current.bySegment]
    .map(([segment, c]) => ({ segment, ...rowOf(c) }))
    .sort((a, b) =>
      a.segment === null
        ? 1
        : b.segment === null
          ? -1
          : b.priorBookings - a.priorBookings || a.segment.localeCompare(b.segment),
    );
  return {
    period: { label: period.label, start: period.start, end: period.end, toDate: current.base.toDate },
    basePeriod: { label: current.base.label, start: current.base.start, end: current.base.end },
    asOf,
    currency: snapshot.corporateCurrency,
    segmentField,
    grossMargin,
    byPeriod,
    bySegment,
    totals: rowOf(current.totals),
    churned: current.churned,
    contracted: current.contracted,
    gaps,
  };
}
