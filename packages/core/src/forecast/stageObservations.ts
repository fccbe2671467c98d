import { dayNumber, isoDateOfDay, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import { dealCloseBounds } from '../performance/index.js';
import {
  dealStateAsOf,
  type DealRecord,
  type DealState,
  type DealStateContext,
  type OrgSnapshot,
} from '../snapshot/index.js';
import { daysLeftBucket } from './daysLeftBucket.js';

/** One past deal seen open in a stage with a number of days left in the period it was due to close in. */
export interface StageObservation {
  readonly opportunity: Opportunity;
  /** Label of the past period. */
  readonly period: string;
  readonly stage: string;
  /** See {@link daysLeftBucket}. */
  readonly bucket: number;
  /** Won inside that period: won as of its last day, with the close date in it. */
  readonly won: boolean;
}

/** The past periods stage win rates are learnt from, and what was seen in them. */
export interface StageObservations {
  readonly periods: readonly FiscalPeriod[];
  /** What was seen in each of `periods` (shared with every window that looks at the period). */
  readonly byPeriod: readonly (readonly StageObservation[])[];
  /** `byPeriod` in one list. */
  readonly observations: readonly StageObservation[];
}

/** Default and bounds of the number of past periods (metrics.md: the previous 4–8 periods). */
export const STAGE_HISTORY_PERIODS = { default: 8, min: 4, max: 8 } as const;

interface Segment {
  readonly fromDay: number;
  /** Inclusive; Infinity while the state still holds. */
  readonly toDay: number;
  readonly state: DealState;
}

/** A past period with its bounds as day numbers. */
interface PastPeriod {
  readonly period: FiscalPeriod;
  readonly startDay: number;
  readonly endDay: number;
}

/** One string per day number (a few thousand distinct days against millions of history rows). */
const dates = new Map<number, IsoDate>();
function dateOfDay(day: number): IsoDate {
  let date = dates.get(day);
  if (date === undefined) dates.set(day, (date = isoDateOfDay(day)));
  return date;
}

const windowCache = new WeakMap<OrgSnapshot, Map<string, StageObservations>>();
const periodCache = new WeakMap<OrgSnapshot, Map<string, readonly StageObservation[]>>();

/** A deal's states through time, from its creation: each later history day starts a new segment. */
function segmentsOf(deal: DealRecord, context: DealStateContext): readonly Segment[] {
  const starts = [deal.createdDay];
  let lastDay = deal.createdDay;
  for (const day of deal.history?.days ?? []) {
    if (day > lastDay) starts.push((lastDay = day));
  }
  const segments: Segment[] = [];
  for (let i = 0; i < starts.length; i++) {
    const fromDay = starts[i] as number;
    const state = dealStateAsOf(deal.opportunity, deal.createdOn, deal.history, dateOfDay(fromDay), context, fromDay);
    if (!state) continue;
    const next = starts[i + 1];
    segments.push({ fromDay, toDay: next === undefined ? Infinity : next - 1, state });
  }
  return segments;
}

/**
 * Rebuilds, from history, the past deals stage win rates are learnt from (metrics.md "Forecast", stageHistory): for
 * each of the up to `periods` (4–8, default 8) periods of the same kind before `period` that ended before `asOf`,
 * every deal that on some day of that period was open, in stage s, with its close date (as of that day) inside the
 * period and d days left in it, counts once per (stage, days-left bucket) it was seen in, as won when it was won
 * inside the period (won as of the period's last day with the close date in it). Every day is looked at, so the
 * buckets see the deal as a daily snapshot would. Computed once per snapshot, period and count.
 *
 * @example
 * const { observations } = stageObservations(snapshot, period, '2026-11-16');
 * observations.filter((o) => o.stage === 'Negotiation/Review' && o.won).length;
 */
export function stageObservations(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  periods: number = STAGE_HISTORY_PERIODS.default,
): StageObservations {
  const [window] = prepareStageObservations(snapshot, [{ period, asOf, periods }]);
  return window as StageObservations;
}

/**
 * `stageObservations` for several periods and dates at once (a backtest's), in one pass over the deals: each deal's
 * segments are rebuilt once and serve every window, and a past period shared by windows is looked at once per deal.
 * Results are cached per snapshot and window like `stageObservations`'s, in the order asked.
 */
export function prepareStageObservations(
  snapshot: OrgSnapshot,
  requests: ReadonlyArray<{ readonly period: FiscalPeriod; readonly asOf: IsoDate; readonly periods?: number }>,
): StageObservations[] {
  let byKey = windowCache.get(snapshot);
  if (!byKey) windowCache.set(snapshot, (byKey = new Map()));
  let byPeriod = periodCache.get(snapshot);
  if (!byPeriod) periodCache.set(snapshot, (byPeriod = new Map()));
  const windows = requests.map(({ period, asOf, periods }) => {
    const count = Math.min(
      STAGE_HISTORY_PERIODS.max,
      Math.max(STAGE_HISTORY_PERIODS.min, Math.trunc(periods ?? STAGE_HISTORY_PERIODS.default)),
    );
    const past = snapshot.calendar
      .previousPeriods(period, STAGE_HISTORY_PERIODS.max + 4)
      .filter((p) => p.end < asOf)
      .slice(0, count);
    return { past, key: past.map((p) => p.label).join(',') };
  });
  // Every past period a window looks at that was not looked at before, once, with what each deal contributes to it.
  const quarters = new Map<string, PastPeriod>();
  for (const { past } of windows) {
    for (const q of past) {
      if (!byPeriod.has(q.label))
        quarters.set(q.label, { period: q, startDay: dayNumber(q.start), endDay: dayNumber(q.end) });
    }
  }
  if (quarters.size > 0) {
    const looks = [...quarters.values()].map((q) => ({ q, list: [] as StageObservation[] }));
    const { minCloseDay, maxCloseDay } = dealCloseBounds(snapshot);
    const context = { stagesByName: snapshot.stagesByName, stageList: snapshot.stageOrder };
    for (let i = 0; i < snapshot.deals.length; i++) {
      // A deal is seen in a period only while its close date is in it.
      const lo = minCloseDay[i] as number;
      const hi = maxCloseDay[i] as number;
      let segments: readonly Segment[] | undefined;
      for (let k = 0; k < looks.length; k++) {
        const { q, list } = looks[k] as (typeof looks)[number];
        if (hi < q.startDay || lo > q.endDay) continue;
        segments ??= segmentsOf(snapshot.deals[i] as DealRecord, context);
        if (segments.length === 0) break;
        for (const o of observe(snapshot.deals[i] as DealRecord, segments, q, context)) list.push(o);
      }
    }
    for (const { q, list } of looks) byPeriod.set(q.period.label, list);
  }
  return windows.map(({ past, key }) => {
    let window = byKey.get(key);
    if (!window) {
      const lists = past.map((q) => byPeriod.get(q.label) as readonly StageObservation[]);
      let flat: readonly StageObservation[] | undefined;
      window = {
        periods: past,
        byPeriod: lists,
        // Most recent period first (the order `past` lists them); built only when asked for.
        get observations() {
          return (flat ??= lists.flat());
        },
      };
      byKey.set(key, window);
    }
    return window;
  });
}

const NONE: readonly StageObservation[] = [];

/** Whether a deal's observations of a period (a handful) already hold the stage × bucket cell. */
function seenBefore(observations: readonly StageObservation[], stage: string, bucket: number): boolean {
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as StageObservation;
    if (o.bucket === bucket && o.stage === stage) return true;
  }
  return false;
}

/** What one deal contributes to one past period: one observation per (stage, days-left bucket) it was seen in. */
function observe(
  deal: DealRecord,
  segments: readonly Segment[],
  { period: q, startDay, endDay }: PastPeriod,
  context: DealStateContext,
): readonly StageObservation[] {
  if ((segments[0] as Segment).fromDay > endDay) return NONE;
  const last = segments[segments.length - 1] as Segment;
  // Closed before the period began and never changed since: nothing to see in it.
  if (last.toDay === Infinity && last.fromDay < startDay && last.state.IsClosed) return NONE;
  const observations: StageObservation[] = [];
  let outcome: boolean | null = null;
  for (const segment of segments) {
    const { state } = segment;
    if (state.IsClosed || state.CloseDate < q.start || state.CloseDate > q.end) continue;
    const from = segment.fromDay > startDay ? segment.fromDay : startDay;
    const to = segment.toDay > endDay ? endDay : segment.toDay;
    if (from > to) continue;
    for (let bucket = daysLeftBucket(endDay - to); bucket <= daysLeftBucket(endDay - from); bucket++) {
      if (seenBefore(observations, state.StageName, bucket)) continue;
      if (outcome === null) {
        const end = dealStateAsOf(deal.opportunity, deal.createdOn, deal.history, q.end, context, endDay);
        outcome = end !== null && end.IsWon && end.CloseDate >= q.start && end.CloseDate <= q.end;
      }
      observations.push({
        opportunity: deal.opportunity,
        period: q.label,
        stage: state.StageName,
        bucket,
        won: outcome,
      });
    }
  }
  return observations;
}
