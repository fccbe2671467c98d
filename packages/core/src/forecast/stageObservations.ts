import { dayNumber, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { Opportunity, OpportunityStage } from '../model/index.js';
import {
  dealCloseBounds,
  dealRowAsOf,
  dealRowCloseDate,
  dealRowIsClosed,
  dealRowIsWon,
  dealRowStageName,
} from '../performance/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { daysLeftBucket } from './daysLeftBucket.js';
import { stageCell } from './stageCell.js';
import { CellNames, ObservationColumns, type ObservationList } from './observationList.js';

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
  /**
   * What was seen in each of `periods`, as columns (shared with every window that looks at the period): what the
   * passes read. Absent from windows made by hand, whose `byPeriod` is read instead (see `observationLists`).
   */
  readonly lists?: readonly ObservationList[];
  /** What was seen in each of `periods`, as objects (made on first use from `lists`). */
  readonly byPeriod: readonly (readonly StageObservation[])[];
  /** `byPeriod` in one list. */
  readonly observations: readonly StageObservation[];
}

/** Default and bounds of the number of past periods (metrics.md: the previous 4–8 periods). */
export const STAGE_HISTORY_PERIODS = { default: 8, min: 4, max: 8 } as const;

/**
 * A deal's states through time, from its creation: each later history day starts a segment, read off the history
 * row in force that day (see `dealRowAsOf`). Refilled for each deal of a pass, so that no object is built per state.
 */
interface Segments {
  /** First day of each segment; a segment lasts until the day before the next one starts, the last one for good. */
  readonly starts: number[];
  /** The history row of each segment's state (−1: the record). */
  readonly rows: number[];
  count: number;
}

/** A past period with its bounds as day numbers. */
interface PastPeriod {
  readonly period: FiscalPeriod;
  readonly startDay: number;
  readonly endDay: number;
}

const windowCache = new WeakMap<OrgSnapshot, Map<string, StageObservations>>();
const periodCache = new WeakMap<OrgSnapshot, Map<string, ObservationColumns>>();
const cellNames = new WeakMap<OrgSnapshot, CellNames>();

/** Fills `segments` with one deal's. */
function segmentsOf({ createdDay, history }: DealRecord, segments: Segments): void {
  const { starts, rows } = segments;
  starts[0] = createdDay;
  rows[0] = dealRowAsOf(history, createdDay);
  let count = 1;
  let lastDay = createdDay;
  const days = history?.days ?? [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (day <= lastDay) continue;
    starts[count] = lastDay = day;
    rows[count++] = dealRowAsOf(history, day);
  }
  segments.count = count;
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
    let cells = cellNames.get(snapshot);
    if (!cells) cellNames.set(snapshot, (cells = new CellNames()));
    const names = cells;
    const looks = [...quarters.values()].map((q) => ({
      q,
      list: new ObservationColumns(snapshot.deals, names, q.period.label),
    }));
    const { minCloseDay, maxCloseDay } = dealCloseBounds(snapshot);
    const segments: Segments = { starts: [], rows: [], count: 0 };
    for (let i = 0; i < snapshot.deals.length; i++) {
      // A deal is seen in a period only while its close date is in it.
      const lo = minCloseDay[i] as number;
      const hi = maxCloseDay[i] as number;
      let built = false;
      for (let k = 0; k < looks.length; k++) {
        const { q, list } = looks[k] as (typeof looks)[number];
        if (hi < q.startDay || lo > q.endDay) continue;
        const deal = snapshot.deals[i] as DealRecord;
        if (!built) {
          segmentsOf(deal, segments);
          built = true;
        }
        observe(deal, i, segments, q, snapshot.stageOrder, names, list);
      }
    }
    for (const { q, list } of looks) byPeriod.set(q.period.label, list);
  }
  return windows.map(({ past, key }) => {
    let window = byKey.get(key);
    if (!window) {
      const lists = past.map((q) => byPeriod.get(q.label) as ObservationColumns);
      let objects: readonly (readonly StageObservation[])[] | undefined;
      let flat: readonly StageObservation[] | undefined;
      window = {
        periods: past,
        lists,
        // Objects only when asked for (views and tests): a million-deal org's are millions.
        get byPeriod() {
          return (objects ??= lists.map((list) => list.toObjects()));
        },
        // Most recent period first (the order `past` lists them).
        get observations() {
          return (flat ??= this.byPeriod.flat());
        },
      };
      byKey.set(key, window);
    }
    return window;
  });
}

/** Won inside a past period: won as of its last day, with the close date (as of that day) in it. */
function wonInside(
  deal: DealRecord,
  { period: q, endDay }: PastPeriod,
  stageList: readonly OpportunityStage[],
): boolean {
  const row = dealRowAsOf(deal.history, endDay);
  if (!dealRowIsWon(deal, row, stageList)) return false;
  const closeDate = dealRowCloseDate(deal, row);
  return closeDate >= q.start && closeDate <= q.end;
}

/** Adds to `list` what one deal contributes to one past period: one observation per (stage, bucket) it was seen in. */
function observe(
  deal: DealRecord,
  at: number,
  { starts, rows, count }: Segments,
  past: PastPeriod,
  stageList: readonly OpportunityStage[],
  cells: CellNames,
  list: ObservationColumns,
): void {
  const { period: q, startDay, endDay } = past;
  if ((starts[0] as number) > endDay) return; // created after the period
  // Closed before the period began and never changed since: nothing to see in it.
  if ((starts[count - 1] as number) < startDay && dealRowIsClosed(deal, rows[count - 1] as number, stageList)) return;
  const first = list.length;
  let outcome: boolean | null = null;
  for (let k = 0; k < count; k++) {
    const fromDay = starts[k] as number;
    const toDay = k + 1 < count ? (starts[k + 1] as number) - 1 : Infinity;
    const from = fromDay > startDay ? fromDay : startDay;
    const to = toDay > endDay ? endDay : toDay;
    if (from > to) continue;
    const row = rows[k] as number;
    if (dealRowIsClosed(deal, row, stageList)) continue;
    const closeDate = dealRowCloseDate(deal, row);
    if (closeDate < q.start || closeDate > q.end) continue;
    const cell = cells.numberOf(stageCell(deal.opportunity, dealRowStageName(deal, row)));
    for (let bucket = daysLeftBucket(endDay - to); bucket <= daysLeftBucket(endDay - from); bucket++) {
      if (list.holds(first, cell, bucket)) continue;
      outcome ??= wonInside(deal, past, stageList);
      list.push(at, cell, bucket, outcome);
    }
  }
}
