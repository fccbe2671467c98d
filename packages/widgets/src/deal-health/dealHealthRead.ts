import {
  createRecordParser,
  dealHealth,
  oneDealSnapshot,
  Opportunity,
  OpportunityHistory,
  type DealHealth,
  type StageBenchmark,
  type StageBenchmarks,
  type User,
} from '@salesops/core';
import type { SalesopsClient, StoredRecord } from '../data/client.js';
import {
  PERIOD_FIELDS,
  PERIOD_ORDER,
  periodWhere,
  storedNumber,
  storedPeriodOf,
  storedText,
  type StoredPeriod,
} from '../data/storedPeriod.js';

const BENCHMARK_FIELDS = [
  ...PERIOD_FIELDS,
  'Stage__c',
  'Sort_Order__c',
  'Default_Probability__c',
  'Forecast_Category__c',
  'Is_Closed__c',
  'Is_Won__c',
  'Typical_Days__c',
  'Closed_Deals__c',
  'Won_Deals__c',
  'Win_Chance__c',
  'Median_Winning_Stage_Order__c',
  'Time_Zone__c',
  'Multi_Currency__c',
];

/** The deal's fields the replay and the hygiene rules read, and its owner's name and status. */
const DEAL_FIELDS = [
  'Id',
  'Name',
  'AccountId',
  'OwnerId',
  'Amount',
  'Probability',
  'StageName',
  'ForecastCategoryName',
  'CloseDate',
  'CreatedDate',
  'IsClosed',
  'IsWon',
  'NextStep',
  'Owner.Name',
  'Owner.IsActive',
];
const HISTORY_FIELDS = Object.keys(OpportunityHistory.shape);
/** More than any org's stages in one stored run (one record per stage). */
const MAX_STAGES = 200;

const parseDeal = createRecordParser('Opportunity', Opportunity);
const parseHistory = createRecordParser('OpportunityHistory', OpportunityHistory);

/** One stored run's stage benchmarks and the org-wide facts stored beside them. */
export interface StoredBenchmarks {
  readonly period: StoredPeriod;
  readonly benchmarks: StageBenchmarks;
  readonly timeZone: string;
  readonly multiCurrency: boolean;
}

function toBenchmark(r: StoredRecord): StageBenchmark {
  return {
    stage: storedText(r['Stage__c']) ?? '',
    sortOrder: storedNumber(r['Sort_Order__c']),
    defaultProbability: storedNumber(r['Default_Probability__c']),
    forecastCategory: storedText(r['Forecast_Category__c']),
    isClosed: r['Is_Closed__c'] === true,
    isWon: r['Is_Won__c'] === true,
    typicalDaysInStage: storedNumber(r['Typical_Days__c']),
    closedDeals: storedNumber(r['Closed_Deals__c']) ?? 0,
    wonDeals: storedNumber(r['Won_Deals__c']) ?? 0,
    winChance: storedNumber(r['Win_Chance__c']),
  };
}

/**
 * The stage benchmarks `sf salesops pipeline hygiene --write` stored for the period as of the date (the latest run on
 * or before it): one request. Null when none were written.
 */
export async function readStoredBenchmarks(
  client: SalesopsClient,
  periodSpec: string,
  asOf: string,
): Promise<StoredBenchmarks | null> {
  const rows = await client.storedResults({
    sobject: 'SalesOps_Stage_Benchmark__c',
    fields: BENCHMARK_FIELDS,
    where: periodWhere(periodSpec, asOf),
    orderBy: PERIOD_ORDER,
    limit: MAX_STAGES,
  });
  const period = storedPeriodOf(rows[0]);
  const first = rows[0];
  const timeZone = storedText(first?.['Time_Zone__c']);
  if (!period || !first || !timeZone) return null;
  // The rows of the run ordered first (the same period and as-of date), in sales-process order.
  const run = rows.filter((r) => {
    const p = storedPeriodOf(r);
    return p?.start === period.start && p.end === period.end && p.asOf === period.asOf;
  });
  return {
    period,
    benchmarks: {
      stages: run
        .map(toBenchmark)
        .sort((a, b) => Number(a.isClosed) - Number(b.isClosed) || (a.sortOrder ?? 0) - (b.sortOrder ?? 0)),
      medianWinningStageOrder: storedNumber(first['Median_Winning_Stage_Order__c']),
    },
    timeZone,
    multiCurrency: first['Multi_Currency__c'] === true,
  };
}

/** The deal's owner from the deal's `Owner` relationship (null when the viewer cannot read it). */
function ownerOf(deal: StoredRecord): User | null {
  const owner = deal['Owner'] as { Name?: unknown; IsActive?: unknown } | null | undefined;
  const id = storedText(deal['OwnerId']);
  const name = storedText(owner?.Name);
  if (!id || !name || typeof owner?.IsActive !== 'boolean') return null;
  return {
    Id: id,
    Name: name,
    IsActive: owner.IsActive,
    Username: null,
    UserRoleId: null,
    ManagerId: null,
    CreatedDate: null,
    LanguageLocaleKey: null,
    LocaleSidKey: null,
    DefaultCurrencyIsoCode: null,
  };
}

/**
 * One deal's health as of the date, from the deal and its history (two requests, side by side) and the stored
 * benchmarks: the same flags as `pipeline hygiene` for this deal. Null when the viewer cannot see the deal or it did
 * not exist yet on the date.
 */
export async function readDealHealth(
  client: SalesopsClient,
  stored: StoredBenchmarks,
  opportunityId: string,
  asOf: string,
): Promise<DealHealth | null> {
  const [deals, history] = await Promise.all([
    client.storedResults({
      sobject: 'Opportunity',
      // CurrencyIsoCode exists only in a multi-currency org: asking for it elsewhere is an error.
      fields: stored.multiCurrency ? [...DEAL_FIELDS, 'CurrencyIsoCode'] : DEAL_FIELDS,
      where: { Id: opportunityId },
      limit: 1,
    }),
    client.storedResults({
      sobject: 'OpportunityHistory',
      fields: HISTORY_FIELDS,
      where: { OpportunityId: opportunityId },
      orderBy: 'CreatedDate ASC, Id ASC',
    }),
  ]);
  const deal = deals[0];
  if (!deal) return null;
  const opportunity = parseDeal(deal, { file: 'Opportunity (org)' });
  const snapshot = oneDealSnapshot({
    benchmarks: stored.benchmarks,
    timeZone: stored.timeZone,
    corporateCurrency: stored.period.currency ?? 'USD',
    opportunity,
    history: history.map((row) => parseHistory(row, { file: 'OpportunityHistory (org)' })),
    owner: ownerOf(deal),
  });
  return dealHealth(snapshot, {
    opportunityId: opportunity.Id,
    period: stored.period,
    asOf,
    benchmarks: stored.benchmarks,
  });
}
