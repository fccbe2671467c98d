import type { Opportunity } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { stageCell } from './stageCell.js';
import type { StageWinRates } from './stageWinRates.js';

/** The win probability of an open deal from its stage (and probability) on a date; see `stageProbability`. */
export type StageProbability = (opportunity: Opportunity, stageName: string, probability: number | null) => number;

/**
 * The stageHistory probability of an open deal with `daysLeft` days left in its period: the learnt probability of
 * its stage cell, falling back to its stage's default probability, else the deal's own probability (metrics.md
 * "Forecast"). `rates` may differ per deal (see `ownerStageRates`). A rates object gives one probability per stage
 * cell and fallback (the days left are the same for every deal): asked once per cell, not once per deal.
 *
 * @example
 * const p = stageProbability(rates, 45, snapshot);
 * p(deal.opportunity, deal.state.StageName, deal.state.Probability); // 0.25
 */
export function stageProbability(
  rates: StageWinRates | ((opportunity: Opportunity) => StageWinRates),
  daysLeft: number,
  snapshot?: OrgSnapshot,
): StageProbability {
  const known = new Map<StageWinRates, Map<string, { fallback: number; p: number }>>();
  return (opportunity, stageName, probability) => {
    const fallback = (snapshot?.stagesByName.get(stageName)?.DefaultProbability ?? probability ?? 0) / 100;
    const dealRates = typeof rates === 'function' ? rates(opportunity) : rates;
    const cell = stageCell(opportunity, stageName);
    let byCell = known.get(dealRates);
    if (!byCell) known.set(dealRates, (byCell = new Map()));
    let seen = byCell.get(cell);
    if (!seen || !Object.is(seen.fallback, fallback)) {
      byCell.set(cell, (seen = { fallback, p: dealRates.probability(cell, daysLeft, fallback).probability }));
    }
    return seen.p;
  };
}
