import { dayNumber, type IsoDate } from '../calendar/index.js';
import type { OpportunityStage } from '../model/index.js';
import type { DealHistory } from '../snapshot/index.js';

/** How many deals reached a stage and how many of them moved on from it. */
export interface StageConversion {
  readonly stage: string;
  reached: number;
  converted: number;
}

export interface StageFunnel {
  /**
   * Adds one deal's stage sequence (its history up to `asOf`): the deal reached each open stage it was ever in,
   * and converted from it when it later reached an open stage with a higher SortOrder or a won stage (a later loss
   * is not progress; a reopened deal can still convert). A stage counts once per deal.
   */
  add(history: DealHistory | undefined, asOf: IsoDate): void;
  /** The counts so far, by stage name (stages no deal reached are absent). */
  counts(): Map<string, StageConversion>;
}

/**
 * A stage funnel counter (metrics.md "Rep comparison": stage conversion). Stages are looked up by index and
 * marked in typed arrays, so adding a deal allocates nothing. `stages` is the list the histories' stage indexes
 * point into (`snapshot.stageOrder`).
 *
 * @example
 * const funnel = createStageFunnel(snapshot.stageOrder);
 * funnel.add(history, '2026-03-15'); // Prospecting → Proposal → Won: both stages converted
 * funnel.counts().get('Prospecting'); // { stage: 'Prospecting', reached: 1, converted: 1 }
 */
export function createStageFunnel(stages: readonly OpportunityStage[]): StageFunnel {
  const n = stages.length;
  const reached = new Int32Array(n);
  const converted = new Int32Array(n);
  const mark = new Uint8Array(n); // bit 1: reached by this deal, bit 2: converted by this deal
  // Stage facts as flat arrays: the loop below runs for every history row of every closed deal.
  const closed = Uint8Array.from(stages, (s) => (s.IsClosed ? 1 : 0));
  const won = Uint8Array.from(stages, (s) => (s.IsWon ? 1 : 0));
  const order = Float64Array.from(stages, (s) => s.SortOrder ?? 0);
  const touched: number[] = [];
  let lastAsOf = '';
  let asOfDay = 0;
  return {
    add(history, asOf) {
      if (!history) return;
      if (asOf !== lastAsOf) [lastAsOf, asOfDay] = [asOf, dayNumber(asOf)];
      const { days, stages: stageIndexes } = history;
      let last = days.length - 1;
      while (last >= 0 && (days[last] as number) > asOfDay) last--;
      let laterWon = false;
      let laterBestOpen = -Infinity;
      for (let i = last; i >= 0; i--) {
        const index = stageIndexes[i] as number;
        if (index < 0) continue;
        if (closed[index] === 1) {
          if (won[index] === 1) laterWon = true;
          continue;
        }
        const stageOrder = order[index] as number;
        if (mark[index] === 0) touched.push(index);
        mark[index] = (mark[index] as number) | 1 | (laterWon || laterBestOpen > stageOrder ? 2 : 0);
        if (stageOrder > laterBestOpen) laterBestOpen = stageOrder;
      }
      for (const index of touched) {
        reached[index] = (reached[index] as number) + 1;
        if (((mark[index] as number) & 2) !== 0) converted[index] = (converted[index] as number) + 1;
        mark[index] = 0;
      }
      touched.length = 0;
    },
    counts() {
      const result = new Map<string, StageConversion>();
      stages.forEach((s, i) => {
        if ((reached[i] as number) > 0) {
          result.set(s.MasterLabel, {
            stage: s.MasterLabel,
            reached: reached[i] as number,
            converted: converted[i] as number,
          });
        }
      });
      return result;
    },
  };
}
