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
  const touched: number[] = [];
  return {
    add(history, asOf) {
      if (!history) return;
      const asOfDay = dayNumber(asOf);
      let last = history.rows.length - 1;
      while (last >= 0 && (history.days[last] as number) > asOfDay) last--;
      let laterWon = false;
      let laterBestOpen = -Infinity;
      for (let i = last; i >= 0; i--) {
        const index = history.stages[i] as number;
        if (index < 0) continue;
        const stage = stages[index] as OpportunityStage;
        if (stage.IsClosed) {
          if (stage.IsWon) laterWon = true;
          continue;
        }
        const order = stage.SortOrder ?? 0;
        if (mark[index] === 0) touched.push(index);
        mark[index] = (mark[index] as number) | 1 | (laterWon || laterBestOpen > order ? 2 : 0);
        if (order > laterBestOpen) laterBestOpen = order;
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
