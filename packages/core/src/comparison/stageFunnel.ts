import type { IsoDate } from '../calendar/index.js';
import type { DealHistory } from '../snapshot/index.js';
import type { OpportunityStage } from '../model/index.js';

/** How many deals reached a stage and how many of them moved on from it. */
export interface StageConversion {
  readonly stage: string;
  reached: number;
  converted: number;
}

/**
 * Adds one deal's stage sequence (its history up to `asOf`) to a funnel (metrics.md "Rep comparison"): the deal
 * reached each open stage it was ever in, and converted from it when it later reached an open stage with a higher
 * SortOrder or a won stage (a later loss is not progress; a reopened deal can still convert). A stage counts once
 * per deal.
 *
 * @example
 * const funnel = new Map();
 * addToFunnel(funnel, history, stagesByName, '2026-03-15'); // Prospecting → Proposal → Won: both converted
 */
export function addToFunnel(
  funnel: Map<string, StageConversion>,
  history: DealHistory | undefined,
  stagesByName: ReadonlyMap<string, OpportunityStage>,
  asOf: IsoDate,
): void {
  if (!history) return;
  let last = history.rows.length - 1;
  while (last >= 0 && (history.dates[last] as string) > asOf) last--;
  const reached = new Set<string>();
  const converted = new Set<string>();
  let laterWon = false;
  let laterBestOpen = -Infinity;
  for (let i = last; i >= 0; i--) {
    const name = history.rows[i]?.StageName as string;
    const stage = stagesByName.get(name);
    if (!stage) continue;
    if (stage.IsClosed) {
      if (stage.IsWon) laterWon = true;
      continue;
    }
    const order = stage.SortOrder ?? 0;
    reached.add(name);
    if (laterWon || laterBestOpen > order) converted.add(name);
    if (order > laterBestOpen) laterBestOpen = order;
  }
  for (const name of reached) {
    let entry = funnel.get(name);
    if (!entry) funnel.set(name, (entry = { stage: name, reached: 0, converted: 0 }));
    entry.reached++;
    if (converted.has(name)) entry.converted++;
  }
}
