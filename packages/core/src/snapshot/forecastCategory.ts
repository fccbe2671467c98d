/**
 * Forecast categories. `Opportunity.ForecastCategoryName` holds names ('Best Case', 'Commit'); `OpportunityHistory.
 * ForecastCategory` holds API values ('BestCase', and 'Forecast' for Commit: see the OpportunityHistory object
 * reference). The engine works with names. 'Most Likely' exists in orgs that enable it; roll-ups count it with
 * Best Case.
 */
export type ForecastCategoryName = 'Pipeline' | 'Best Case' | 'Most Likely' | 'Commit' | 'Omitted' | 'Closed';

const byApiValue: Record<string, ForecastCategoryName> = {
  Pipeline: 'Pipeline',
  BestCase: 'Best Case',
  'Best Case': 'Best Case',
  MostLikely: 'Most Likely',
  'Most Likely': 'Most Likely',
  Commit: 'Commit',
  Forecast: 'Commit',
  Omitted: 'Omitted',
  Closed: 'Closed',
};

/**
 * The forecast category name of an API value or name; null when unknown or null.
 *
 * @example
 * forecastCategoryName('BestCase'); // 'Best Case'
 */
export function forecastCategoryName(value: string | null | undefined): ForecastCategoryName | null {
  return value == null ? null : (byApiValue[value] ?? null);
}
