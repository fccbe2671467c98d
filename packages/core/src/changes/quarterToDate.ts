import { addDays, daysBetween, dayNumber, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import { dealReplay } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';

/** One quarter as it stood on its `day`-th day. */
export interface QuarterToDatePoint {
  readonly period: { readonly label: string; readonly start: IsoDate; readonly end: IsoDate };
  /** The date the quarter is read on: the same day of the quarter as the as-of date (its last day at most). */
  readonly asOf: IsoDate;
  /** Closed won as of that date with close date in the quarter (metrics.md closedWon). */
  readonly bookings: number;
  /** Open as of that date with close date in the quarter (metrics.md openPipeline). */
  readonly openPipeline: number;
}

/** Quarter to date against the same day of the previous quarter and of the same quarter a year before. */
export interface QuarterToDate {
  /** Days of the quarter elapsed as of the as-of date (its first day is day 1). */
  readonly day: number;
  readonly current: QuarterToDatePoint;
  readonly previousQuarter: QuarterToDatePoint;
  readonly lastYear: QuarterToDatePoint;
}

/**
 * Bookings and open pipeline of the fiscal quarter containing `asOf`, as of `asOf`, beside the previous quarter and
 * the same quarter of the previous fiscal year, each as of the same day of its quarter (day 47 of the quarter against
 * day 47; a shorter quarter is read on its last day). Each point is an as-of replay: a deal won after that day does
 * not count, however it ended. `member` restricts the deals (a scope); default every deal.
 *
 * @example
 * const q = quarterToDate(snapshot, '2026-11-16');
 * q.current.bookings / q.lastYear.bookings - 1; // growth on last year
 */
export function quarterToDate(
  snapshot: OrgSnapshot,
  asOf: IsoDate,
  member?: (opportunity: Opportunity) => boolean,
): QuarterToDate {
  const quarter = snapshot.calendar.periodOf(asOf, 'Quarter');
  const offset = daysBetween(quarter.start, asOf);
  const previousQuarter = snapshot.calendar.previous(quarter);
  const lastYear = snapshot.calendar.previousPeriods(quarter, 4)[3] as FiscalPeriod;
  const point = (period: FiscalPeriod, on: IsoDate): QuarterToDatePoint => {
    const replay = dealReplay(snapshot, on);
    const startDay = dayNumber(period.start);
    const endDay = dayNumber(period.end);
    let won = 0;
    let open = 0;
    for (const deal of snapshot.deals) {
      if (member && !member(deal.opportunity)) continue;
      const fact = replay(deal);
      if (fact === null || fact.closeDay < startDay || fact.closeDay > endDay) continue;
      if (fact.isWon) won += fact.amountCents ?? 0;
      else if (!fact.isClosed) open += fact.amountCents ?? 0;
    }
    return {
      period: { label: period.label, start: period.start, end: period.end },
      asOf: on,
      bookings: won / 100,
      openPipeline: open / 100,
    };
  };
  const sameDay = (period: FiscalPeriod): IsoDate => {
    const on = addDays(period.start, offset);
    return on > period.end ? period.end : on;
  };
  return {
    day: offset + 1,
    current: point(quarter, asOf),
    previousQuarter: point(previousQuarter, sameDay(previousQuarter)),
    lastYear: point(lastYear, sameDay(lastYear)),
  };
}
