/** How big a sample org is and which features it exercises. */
export interface SampleSize {
  readonly name: string;
  readonly opportunities: number;
  readonly reps: number;
  readonly repsPerTeam: number;
  readonly accounts: number;
  /** Multi-currency org (USD corporate, EUR/GBP/JPY deals, dated rates) or a single-currency USD org. */
  readonly multiCurrency: boolean;
  /** Collaborative Forecasts quotas (ForecastingQuota) or the package's own SalesOps_Quota__c. */
  readonly quotaObject: 'ForecastingQuota' | 'SalesOps_Quota__c';
  /** Sales regions; each becomes a parent territory with leaf territories under it. */
  readonly regions: readonly string[];
  /** Whether to write the `sf data tree` plan (only for sizes a scratch org accepts). */
  readonly dataTreePlan: boolean;
}

export type SampleSizeName = 'toy' | 'default';

const ALL_REGIONS = ['NA-West', 'NA-East', 'EMEA', 'APAC'] as const;

/** Presets: a 3-rep single-currency toy, and the default demo org. A number asks for that many opportunities. */
export function sampleSize(size: SampleSizeName | number): SampleSize {
  if (size === 'toy') {
    return {
      name: 'toy',
      opportunities: 60,
      reps: 3,
      repsPerTeam: 2,
      accounts: 12,
      multiCurrency: false,
      quotaObject: 'SalesOps_Quota__c',
      regions: ['NA-West', 'NA-East'],
      dataTreePlan: true,
    };
  }
  const opportunities = size === 'default' ? 5000 : size;
  if (!Number.isInteger(opportunities) || opportunities < 1 || opportunities > 10_000_000) {
    throw new RangeError(
      `sample size ${String(size)} is not valid: use "toy", "default" or a whole number of opportunities from 1 to 10000000`,
    );
  }
  return {
    name: size === 'default' ? 'default' : String(opportunities),
    opportunities,
    reps: Math.max(3, Math.round(opportunities / 125)),
    repsPerTeam: 8,
    accounts: Math.max(12, Math.round(opportunities / 8)),
    multiCurrency: true,
    quotaObject: 'ForecastingQuota',
    regions: ALL_REGIONS,
    dataTreePlan: opportunities <= 5000,
  };
}
