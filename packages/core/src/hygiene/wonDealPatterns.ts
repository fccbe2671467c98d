import { daysBetween, type IsoDate } from '../calendar/index.js';
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
  const days = new Map<string, number[]>();
  const winningOrders: number[] = [];
  for (const fact of dealFactsAsOf(snapshot, asOf)) {
    if (!fact.state.IsWon) continue;
    const history = snapshot.historyByOpportunity.get(fact.opportunity.Id);
    if (!history) continue;
    let stage: string | null = null;
    let entered = '';
    for (let i = 0; i < history.rows.length && (history.dates[i] as string) <= asOf; i++) {
      const name = history.rows[i]?.StageName as string;
      if (name === stage) continue;
      const date = history.dates[i] as string;
      const won = snapshot.stagesByName.get(name)?.IsWon === true;
      if (stage !== null && snapshot.stagesByName.get(stage)?.IsClosed === false) {
        const list = days.get(stage);
        if (list) list.push(daysBetween(entered, date));
        else days.set(stage, [daysBetween(entered, date)]);
        if (won) winningOrders.push(snapshot.stagesByName.get(stage)?.SortOrder ?? 0);
      }
      stage = name;
      entered = date;
    }
  }
  const medianDaysInStage = new Map<string, number>();
  for (const [stage, list] of days) medianDaysInStage.set(stage, median(list) as number);
  return { medianDaysInStage, medianWinningStageOrder: median(winningOrders) };
}
