import type { CsvValue } from './csvFileWriter.js';

export type Row = Record<string, CsvValue>;

/** A stage of the sample org's sales process. */
export interface SampleStage {
  readonly name: string;
  readonly probability: number;
  /** Default forecast category label (Opportunity.ForecastCategoryName). */
  readonly category: ForecastCategoryLabel;
  readonly isClosed: boolean;
  readonly isWon: boolean;
}

export type ForecastCategoryLabel = 'Pipeline' | 'Best Case' | 'Commit' | 'Omitted' | 'Closed';

/** OpportunityHistory.ForecastCategory stores API values, where Commit is `Forecast`. */
export const forecastCategoryApiValue: Record<ForecastCategoryLabel, string> = {
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Omitted: 'Omitted',
  Closed: 'Closed',
};

/**
 * Salesforce's standard sales process, with the two late stages mapped to Best Case and Commit as most admins
 * configure them (the out-of-the-box default maps every open stage to Pipeline).
 */
export const OPEN_STAGES: readonly SampleStage[] = [
  { name: 'Prospecting', probability: 10, category: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Qualification', probability: 10, category: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Needs Analysis', probability: 20, category: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Value Proposition', probability: 50, category: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Id. Decision Makers', probability: 60, category: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Perception Analysis', probability: 70, category: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Proposal/Price Quote', probability: 75, category: 'Best Case', isClosed: false, isWon: false },
  { name: 'Negotiation/Review', probability: 90, category: 'Commit', isClosed: false, isWon: false },
];
export const CLOSED_WON: SampleStage = {
  name: 'Closed Won',
  probability: 100,
  category: 'Closed',
  isClosed: true,
  isWon: true,
};
export const CLOSED_LOST: SampleStage = {
  name: 'Closed Lost',
  probability: 0,
  category: 'Omitted',
  isClosed: true,
  isWon: false,
};

export function stageRows(newId: () => string): Row[] {
  return [...OPEN_STAGES, CLOSED_WON, CLOSED_LOST].map((s, i) => ({
    Id: newId(),
    MasterLabel: s.name,
    SortOrder: i + 1,
    DefaultProbability: s.probability,
    ForecastCategoryName: s.category,
    IsClosed: s.isClosed,
    IsWon: s.isWon,
    IsActive: true,
  }));
}

export interface SampleProduct {
  readonly id: string;
  readonly name: string;
  readonly family: string;
  /** Relative frequency on deals. */
  readonly weight: number;
}

const PRODUCTS: ReadonlyArray<Omit<SampleProduct, 'id'>> = [
  { name: 'Pipeline Pro Licence', family: 'Software', weight: 10 },
  { name: 'Forecast Studio Licence', family: 'Software', weight: 6 },
  { name: 'Territory Planner Licence', family: 'Software', weight: 3 },
  { name: 'Analytics Add-on', family: 'Software', weight: 4 },
  { name: 'Implementation Services', family: 'Services', weight: 5 },
  { name: 'Training Pack', family: 'Services', weight: 3 },
  { name: 'Premier Support', family: 'Services', weight: 4 },
  { name: 'Edge Appliance', family: 'Hardware', weight: 2 },
];

export function sampleProducts(newId: () => string): SampleProduct[] {
  return PRODUCTS.map((p) => ({ ...p, id: newId() }));
}

export interface SampleCurrency {
  readonly isoCode: string;
  /** Units per one US dollar (the corporate currency). */
  readonly rate: number;
  readonly decimals: number;
}

export const CORPORATE_CURRENCY = 'USD';

export const SAMPLE_CURRENCIES: readonly SampleCurrency[] = [
  { isoCode: 'USD', rate: 1, decimals: 2 },
  { isoCode: 'EUR', rate: 0.92, decimals: 2 },
  { isoCode: 'GBP', rate: 0.79, decimals: 2 },
  { isoCode: 'JPY', rate: 151.4, decimals: 0 },
];

/** An amount in the currency's steps, as the deal simulator rounds them (100, or 10,000 without decimals). */
export function roundToCurrency(amount: number, currency: SampleCurrency): number {
  const step = currency.decimals === 0 ? 10_000 : 100;
  return Math.max(step, Math.round(amount / step) * step);
}
