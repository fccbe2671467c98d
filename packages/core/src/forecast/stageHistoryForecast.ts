import { daysBetween } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import type { PeriodDeals } from './periodDeals.js';
import { stageProbability } from './stageProbability.js';
import type { StageWinRates } from './stageWinRates.js';

export interface StageHistoryForecast {
  /** closedWon + Σ open amount × p(stage, days left). */
  readonly forecast: number;
  /** p of each open deal, in the order of `deals.open`. */
  readonly probabilities: Float64Array;
  /** Days after the as-of date up to and including the period's last day. */
  readonly daysLeft: number;
}

/**
 * The stageHistory forecast (metrics.md "Forecast"): closedWon + Σ open amount × p, with p the learnt probability
 * that a deal in that stage with that many days left in its period was won inside the period (see
 * `stageWinRates`). A stage never seen in the past periods falls back to its default probability, else the deal's
 * own probability. `rates` may differ per deal (see `ownerStageRates`: each deal's owner's rates, so a deal counts the
 * same in every scope and the forecast rolls up).
 *
 * @example
 * // closedWon 1,000; open 2,000 in a stage with p = 0.25 → 1,000 + 500
 * stageHistoryForecast(deals, rates, snapshot).forecast; // 1500
 */
export function stageHistoryForecast(
  deals: PeriodDeals,
  rates: StageWinRates | ((opportunity: Opportunity) => StageWinRates),
  snapshot?: OrgSnapshot,
): StageHistoryForecast {
  const daysLeft = Math.max(0, daysBetween(deals.asOf, deals.period.end));
  const probabilities = new Float64Array(deals.open.length);
  let total = deals.closedWon;
  const probability = stageProbability(rates, daysLeft, snapshot);
  for (let i = 0; i < deals.open.length; i++) {
    const { opportunity, state, amount } = deals.open[i]!;
    const p = probability(opportunity, state.StageName, state.Probability);
    probabilities[i] = p;
    total += amount * p;
  }
  return { forecast: total, probabilities, daysLeft };
}
