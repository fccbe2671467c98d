import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { closeDayOf } from './dealFacts.js';
import { dealRowIsClosed, dealRowIsWon, dealRowOwnCloseDay } from './dealRowAsOf.js';

/** `DealCloseBounds.finalOutcome` of an open deal, a won one, a lost one. */
export const FINAL_OPEN = 0;
export const FINAL_WON = 1;
export const FINAL_LOST = 2;

/**
 * Per deal (in `snapshot.deals` order), the earliest and latest close day any of its states has (over its history
 * rows, or its record without history), and whether any of them is a won stage: a deal whose state on some date
 * closes in a window, or is won, must pass these bounds; from which day on its state no longer changes, and what
 * that final state's close day and outcome are, so that passes test settled deals without touching their records.
 * Built once per snapshot.
 */
export interface DealCloseBounds {
  readonly minCloseDay: Int32Array;
  readonly maxCloseDay: Int32Array;
  readonly everWon: Uint8Array;
  /** The day of its last history row (its creation day without history): its state as of any later day is final. */
  readonly settledDay: Int32Array;
  /** The close day of its final state (its state as of any day from `settledDay` on). */
  readonly finalCloseDay: Int32Array;
  /** Whether its final state is open, won or lost: `FINAL_OPEN`, `FINAL_WON` or `FINAL_LOST`. */
  readonly finalOutcome: Uint8Array;
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
  const finalCloseDay = new Int32Array(n);
  const finalOutcome = new Uint8Array(n);
  const days = new Map<string, number>();
  const wonStage = snapshot.stageOrder.map((stage) => stage.IsWon);
  for (let i = 0; i < n; i++) {
    const deal = snapshot.deals[i] as DealRecord;
    const { opportunity, history, createdDay } = deal;
    // An unknown stage is won only when it is the record's stage and the record is won: the record says so.
    let won = opportunity.IsWon;
    let lo: number;
    let hi: number;
    let settled = createdDay;
    let last = -1; // the row of its final state (−1: the record)
    let finalClose: number;
    if (!history || history.days.length === 0) finalClose = lo = hi = closeDayOf(opportunity.CloseDate, days);
    else {
      lo = Infinity;
      hi = -Infinity;
      finalClose = 0;
      for (let r = 0; r < history.days.length; r++) {
        const day = dealRowOwnCloseDay(deal, r) ?? closeDayOf(opportunity.CloseDate, days);
        if (day < lo) lo = day;
        if (day > hi) hi = day;
        if (wonStage[history.stages[r] as number] === true) won = true;
        if ((history.days[r] as number) > settled) settled = history.days[r] as number;
        finalClose = day;
      }
      // Every row's day is at most `settled`: from then on the state is read off the last row.
      last = history.days.length - 1;
    }
    minCloseDay[i] = lo;
    maxCloseDay[i] = hi;
    everWon[i] = won ? 1 : 0;
    settledDay[i] = settled;
    finalCloseDay[i] = finalClose;
    finalOutcome[i] = dealRowIsWon(deal, last, snapshot.stageOrder)
      ? FINAL_WON
      : dealRowIsClosed(deal, last, snapshot.stageOrder)
        ? FINAL_LOST
        : FINAL_OPEN;
  }
  const bounds = { minCloseDay, maxCloseDay, everWon, settledDay, finalCloseDay, finalOutcome };
  boundsCache.set(snapshot, bounds);
  return bounds;
}
