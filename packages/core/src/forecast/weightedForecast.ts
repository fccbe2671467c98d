import type { OrgSnapshot } from '../snapshot/index.js';
import type { PeriodDeals } from './periodDeals.js';

/**
 * closedWon + Σ open amount × Probability / 100 (metrics.md "Forecast"), over every open deal with its close date in
 * the period (Omitted too: its probability already says how likely it is). A null probability takes the stage's
 * `DefaultProbability`, else 0.
 *
 * @example
 * // closedWon 1,000; open 2,000 at 25 % and 4,000 at 50 % → 1,000 + 500 + 2,000
 * weightedForecast(deals, snapshot); // 3500
 */
export function weightedForecast(deals: PeriodDeals, snapshot?: OrgSnapshot): number {
  let total = deals.closedWon;
  for (const deal of deals.open) {
    const probability =
      deal.state.Probability ?? snapshot?.stagesByName.get(deal.state.StageName)?.DefaultProbability ?? 0;
    total += (deal.amount * probability) / 100;
  }
  return total;
}
