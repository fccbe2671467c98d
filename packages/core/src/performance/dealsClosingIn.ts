import { dayNumber, type IsoDate } from '../calendar/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { dealCloseBounds, FINAL_LOST, FINAL_WON } from './dealCloseBounds.js';
import { closeDayOf } from './dealFacts.js';
import { dealRowAsOf, dealRowIsClosed, dealRowIsWon, dealRowOwnCloseDay } from './dealRowAsOf.js';

/** Which of the deals closing in a window to keep: all, the won ones, or the open and won ones. */
export interface ClosingInOptions {
  readonly wonOnly?: boolean;
  readonly withoutLost?: boolean;
}

/**
 * The indices (in `snapshot.deals`, ascending) of the deals that exist on `asOf` with their close date as of that
 * date in [`from`, `to`] (`wonOnly`: the won ones; `withoutLost`: the open and won ones): the deals
 * `dealFactsClosingIn` replays, found without replaying any. Passes that only read a field or two of each deal read
 * them off the history row in force (`dealRowAsOf(deal.history, dayNumber(asOf))`) with the `dealRow…` readers.
 * Only deals whose history ever closes in the window are looked at, by the bounds `dealCloseBounds` keeps; a deal
 * that no longer changed by `asOf` is tested by its bounds alone.
 *
 * @example
 * const won = dealsClosingIn(snapshot, '2026-09-30', '2026-07-01', '2026-09-30', { wonOnly: true });
 * won.length; // the deals won in that quarter, as of its last day
 */
export function dealsClosingIn(
  snapshot: OrgSnapshot,
  asOf: IsoDate,
  from: IsoDate,
  to: IsoDate,
  options: ClosingInOptions = {},
): Int32Array {
  const { minCloseDay, maxCloseDay, everWon, settledDay, finalCloseDay, finalOutcome } = dealCloseBounds(snapshot);
  const asOfDay = dayNumber(asOf);
  const fromDay = dayNumber(from);
  const toDay = dayNumber(to);
  const wonOnly = options.wonOnly === true;
  const withoutLost = options.withoutLost === true;
  const { deals, stageOrder: stageList } = snapshot;
  const days = new Map<string, number>();
  // Kept in a typed array grown by doubling: a list of numbers pushed to costs several times as much per deal.
  let kept = new Int32Array(1024);
  let count = 0;
  for (let i = 0; i < deals.length; i++) {
    if ((maxCloseDay[i] as number) < fromDay || (minCloseDay[i] as number) > toDay) continue;
    if (wonOnly && everWon[i] === 0) continue;
    if ((settledDay[i] as number) <= asOfDay) {
      // In its final state: tested by the bounds alone.
      const closeDay = finalCloseDay[i] as number;
      if (closeDay < fromDay || closeDay > toDay) continue;
      const outcome = finalOutcome[i];
      if ((wonOnly && outcome !== FINAL_WON) || (withoutLost && outcome === FINAL_LOST)) continue;
    } else {
      const deal = deals[i] as DealRecord;
      if (deal.createdDay > asOfDay) continue;
      // Its close date and outcome on `asOf`, read off the history row in force then.
      const row = dealRowAsOf(deal.history, asOfDay);
      const closeDay = dealRowOwnCloseDay(deal, row) ?? closeDayOf(deal.opportunity.CloseDate, days);
      if (closeDay < fromDay || closeDay > toDay) continue;
      if ((wonOnly || withoutLost) && !dealRowIsWon(deal, row, stageList)) {
        if (wonOnly || dealRowIsClosed(deal, row, stageList)) continue;
      }
    }
    if (count === kept.length) {
      const grown = new Int32Array(2 * count);
      grown.set(kept);
      kept = grown;
    }
    kept[count++] = i;
  }
  return kept.subarray(0, count);
}
