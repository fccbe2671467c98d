import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { closeDayOf } from './dealFacts.js';

/**
 * Per deal (in `snapshot.deals` order), the earliest and latest close day any of its states has (over its history
 * rows, or its record without history), and whether any of them is a won stage: a deal whose state on some date
 * closes in a window, or is won, must pass these bounds; and from which day on its state no longer changes. Built
 * once per snapshot.
 */
export interface DealCloseBounds {
  readonly minCloseDay: Int32Array;
  readonly maxCloseDay: Int32Array;
  readonly everWon: Uint8Array;
  /** The day of its last history row (its creation day without history): its state as of any later day is final. */
  readonly settledDay: Int32Array;
}

const boundsCache = new WeakMap<OrgSnapshot, DealCloseBounds>();

export function dealCloseBounds(snapshot: OrgSnapshot): DealCloseBounds {
  const cached = boundsCache.get(snapshot);
  if (cached) return cached;
  const n = snapshot.deals.length;
  const minCloseDay = new Int32Array(n);
  const maxCloseDay = new Int32Array(n);
  const everWon = new Uint8Array(n);
  const settledDay = new Int32Array(n);
  const days = new Map<string, number>();
  const wonStage = snapshot.stageOrder.map((stage) => stage.IsWon);
  for (let i = 0; i < n; i++) {
    const { opportunity, history, createdDay } = snapshot.deals[i] as DealRecord;
    // An unknown stage is won only when it is the record's stage and the record is won: the record says so.
    let won = opportunity.IsWon;
    let lo: number;
    let hi: number;
    let settled = createdDay;
    if (!history || history.days.length === 0) lo = hi = closeDayOf(opportunity.CloseDate, days);
    else {
      lo = Infinity;
      hi = -Infinity;
      for (let r = 0; r < history.days.length; r++) {
        const day = closeDayOf(history.table.closeDate(history.first + r) ?? opportunity.CloseDate, days);
        if (day < lo) lo = day;
        if (day > hi) hi = day;
        if (wonStage[history.stages[r] as number] === true) won = true;
        if ((history.days[r] as number) > settled) settled = history.days[r] as number;
      }
    }
    minCloseDay[i] = lo;
    maxCloseDay[i] = hi;
    everWon[i] = won ? 1 : 0;
    settledDay[i] = settled;
  }
  const bounds = { minCloseDay, maxCloseDay, everWon, settledDay };
  boundsCache.set(snapshot, bounds);
  return bounds;
}
