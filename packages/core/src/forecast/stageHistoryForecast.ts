import { daysBetween } from '../calendar/index.js';
import type { Opportunity } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import type { PeriodDeals } from './periodDeals.js';
import { stageCell } from './stageCell.js';
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
  // A rates object gives one probability per stage cell and fallback (the days left are the same for every deal):
  // asked once per owner's cell, not once per deal.
  const known = new Map<StageWinRates, Map<string, { fallback: number; p: number }>>();
  for (let i = 0; i < deals.open.length; i++) {
    const deal = deals.open[i]!;
    const fallback =
      (snapshot?.stagesByName.get(deal.state.StageName)?.DefaultProbability ?? deal.state.Probability ?? 0) / 100;
    const dealRates = typeof rates === 'function' ? rates(deal.opportunity) : rates;
    const cell = stageCell(deal.opportunity, deal.state.StageName);
    let byCell = known.get(dealRates);
    if (!byCell) known.set(dealRates, (byCell = new Map()));
    let seen = byCell.get(cell);
    if (!seen || !Object.is(seen.fallback, fallback)) {
      byCell.set(cell, (seen = { fallback, p: dealRates.probability(cell, daysLeft, fallback).probability }));
    }
    probabilities[i] = seen.p;
    total += deal.amount * seen.p;
  }
  return { forecast: total, probabilities, daysLeft };
}
