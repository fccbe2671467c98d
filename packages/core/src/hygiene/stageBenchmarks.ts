import { dayNumber, type IsoDate } from '../calendar/index.js';
import { dealFactsAsOf } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { wonDealPatterns, type WonDealPatterns } from './wonDealPatterns.js';

/** What deals did at one stage, org-wide, up to the as-of date: the baselines deal health weighs a deal against. */
export interface StageBenchmark {
  /** The stage's MasterLabel (Opportunity.StageName). */
  readonly stage: string;
  readonly sortOrder: number | null;
  readonly defaultProbability: number | null;
  readonly forecastCategory: string | null;
  readonly isClosed: boolean;
  readonly isWon: boolean;
  /** Median days won deals spent in the stage (per visit; null when no won deal passed through it). */
  readonly typicalDaysInStage: number | null;
  /** Closed deals whose history reached the stage. */
  readonly closedDeals: number;
  /** Of those, the won ones. */
  readonly wonDeals: number;
  /** wonDeals / closedDeals (null without closed deals). */
  readonly winChance: number | null;
}

/**
 * Everything org-wide the hygiene rules and deal health measure one deal against, computed with full visibility
 * (what `sf salesops pipeline hygiene --write` stores, so every viewer sees the same baselines).
 */
export interface StageBenchmarks {
  /** Per stage, in sales-process order (open stages, then closed ones). */
  readonly stages: readonly StageBenchmark[];
  /** Median SortOrder of the stage won deals were won from (the `COMMIT_TOO_EARLY` baseline). */
  readonly medianWinningStageOrder: number | null;
}

/**
 * Each stage's typical time (median days won deals spent in it, `wonDealPatterns`) and win chance (the share of closed
 * deals whose history reached it that were won), as of a date. `patterns`: the won-deal baselines when the caller
 * has them already (the hygiene run does).
 *
 * @example
 * stageBenchmarks(snapshot, '2026-11-16').stages.find((s) => s.stage === 'Proposal')?.winChance; // 0.42
 */
export function stageBenchmarks(
  snapshot: OrgSnapshot,
  asOf: IsoDate,
  patterns: WonDealPatterns = wonDealPatterns(snapshot, asOf),
): StageBenchmarks {
  const stages = snapshot.stageOrder;
  const closed = new Array<number>(stages.length).fill(0);
  const won = new Array<number>(stages.length).fill(0);
  const seen = new Uint8Array(stages.length);
  const asOfDay = dayNumber(asOf);
  for (const fact of dealFactsAsOf(snapshot, asOf)) {
    if (!fact.isClosed || !fact.history) continue;
    // A deal counts once per stage it reached up to the date, however often it came back to it.
    seen.fill(0);
    const { days, stages: reached } = fact.history;
    for (let i = 0; i < days.length && (days[i] as number) <= asOfDay; i++) {
      const index = reached[i] as number;
      if (index >= 0) seen[index] = 1;
    }
    for (let i = 0; i < stages.length; i++) {
      if (seen[i] === 0) continue;
      closed[i] = (closed[i] as number) + 1;
      if (fact.isWon) won[i] = (won[i] as number) + 1;
    }
  }
  return {
    stages: stages.map((s, i) => {
      const c = closed[i] as number;
      return {
        stage: s.MasterLabel,
        sortOrder: s.SortOrder,
        defaultProbability: s.DefaultProbability,
        forecastCategory: s.ForecastCategoryName,
        isClosed: s.IsClosed,
        isWon: s.IsWon,
        typicalDaysInStage: patterns.medianDaysInStage.get(s.MasterLabel) ?? null,
        closedDeals: c,
        wonDeals: won[i] as number,
        winChance: c === 0 ? null : (won[i] as number) / c,
      };
    }),
    medianWinningStageOrder: patterns.medianWinningStageOrder,
  };
}
