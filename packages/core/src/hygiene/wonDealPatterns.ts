import { dayNumber, type IsoDate } from '../calendar/index.js';
import { dealFactsAsOf } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { median } from '../stats/index.js';

/** What won deals looked like, learnt from their history up to the as-of date. */
export interface WonDealPatterns {
  /** Median days won deals spent in each open stage (per visit). */
  readonly medianDaysInStage: ReadonlyMap<string, number>;
  /** Median SortOrder of the stage won deals were in just before they were won; null without won history. */
  readonly medianWinningStageOrder: number | null;
}

/**
 * Learns, from deals won as of `asOf`, how long they stayed in each stage and from which stage they were won — the
 * baselines of the `STALE_STAGE` and `COMMIT_TOO_EARLY` hygiene rules.
 *
 * @example
 * wonDealPatterns(snapshot, '2026-11-16').medianDaysInStage.get('Proposal/Price Quote'); // 17
 */
export function wonDealPatterns(snapshot: OrgSnapshot, asOf: IsoDate): WonDealPatterns {
  const stages = snapshot.stageOrder;
  const days: number[][] = stages.map(() => []);
  const winningOrders: number[] = [];
  const asOfDay = dayNumber(asOf);
  for (const fact of dealFactsAsOf(snapshot, asOf)) {
    if (!fact.isWon || !fact.history) continue;
    const { days: dayNumbers, stages: stageIndexes } = fact.history;
    let current = -1;
    let entered = 0;
    for (let i = 0; i < dayNumbers.length && (dayNumbers[i] as number) <= asOfDay; i++) {
      const index = stageIndexes[i] as number;
      if (index === current) continue;
      const day = dayNumbers[i] as number;
      const previous = stages[current];
      if (previous !== undefined && !previous.IsClosed) {
        days[current]?.push(day - entered);
        if (stages[index]?.IsWon === true) winningOrders.push(previous.SortOrder ?? 0);
      }
      current = index;
      entered = day;
    }
  }
  const medianDaysInStage = new Map<string, number>();
  stages.forEach((s, i) => {
    const m = median(days[i] as number[]);
    if (m !== null) medianDaysInStage.set(s.MasterLabel, m);
  });
  return { medianDaysInStage, medianWinningStageOrder: median(winningOrders) };
}
