import { sumAmounts, type PeriodDeals } from './periodDeals.js';

/** The forecast-category roll-ups of a scope (metrics.md "Forecast"). */
export interface CategoryRollups {
  readonly closedWon: number;
  /** closedWon + Σ open Commit. */
  readonly commit: number;
  /** commit + Σ open Best Case (and Most Likely, in orgs that use it). */
  readonly bestCase: number;
  /** bestCase + Σ open Pipeline; Omitted never counts. */
  readonly pipeline: number;
}

/**
 * The cumulative forecast-category roll-ups: commit ≤ bestCase ≤ pipeline by construction (amounts are never
 * negative in practice; a negative amount is summed as it is). An open deal with no known category (neither on the
 * record nor from its stage) counts as Pipeline.
 *
 * @example
 * // closedWon 100; open: Commit 50, Best Case 30, Pipeline 20, Omitted 999
 * categoryRollups(deals); // { closedWon: 100, commit: 150, bestCase: 180, pipeline: 200 }
 */
export function categoryRollups(deals: PeriodDeals): CategoryRollups {
  const commit = [];
  const bestCase = [];
  const pipeline = [];
  for (const deal of deals.open) {
    const category = deal.state.ForecastCategoryName;
    if (category === 'Commit') commit.push(deal);
    else if (category === 'Best Case' || category === 'Most Likely') bestCase.push(deal);
    else if (category === 'Pipeline' || category === null) pipeline.push(deal);
  }
  const cents = (x: number) => Math.round(x * 100);
  const closedWon = cents(deals.closedWon);
  const c = closedWon + cents(sumAmounts(commit));
  const b = c + cents(sumAmounts(bestCase));
  const p = b + cents(sumAmounts(pipeline));
  return { closedWon: closedWon / 100, commit: c / 100, bestCase: b / 100, pipeline: p / 100 };
}
