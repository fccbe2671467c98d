import { dayNumber, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { Opportunity, OpportunityHistory, OpportunityStage, User } from '../model/index.js';
import { dealFactsAsOf } from '../performance/index.js';
import { createOrgSnapshot, NO_REVOPS_RECORDS, OpportunityHistoryTable, type OrgSnapshot } from '../snapshot/index.js';
import { pipelineHygiene, type HygieneFlag } from './pipelineHygiene.js';
import type { StageBenchmarks } from './stageBenchmarks.js';
import type { WonDealPatterns } from './wonDealPatterns.js';

/** One deal's health as of a date, weighed against the org-wide stage benchmarks. */
export interface DealHealth {
  readonly opportunityId: string;
  readonly name: string;
  /** The stage as of the date. */
  readonly stage: string;
  readonly isClosed: boolean;
  readonly isWon: boolean;
  readonly closeDate: IsoDate;
  /** The amount as of the date, in the deal's own currency (`currency`). */
  readonly amount: number | null;
  readonly currency: string;
  /** The `pipeline hygiene` flags of the deal (none for a closed deal). */
  readonly flags: readonly HygieneFlag[];
  /** Close-date pushes (later close dates) in the deal's history up to the date. */
  readonly pushes: number;
  /** Days since the deal entered its stage (null without history in that stage). */
  readonly daysInStage: number | null;
  /** Median days won deals spent in the stage (the stored benchmark). */
  readonly typicalDaysInStage: number | null;
  /** Share of closed deals that reached the stage and were won. */
  readonly winChance: number | null;
  readonly closedDealsAtStage: number;
}

/** The won-deal baselines of the hygiene rules, as stage benchmarks carry them. */
export function patternsOfBenchmarks(benchmarks: StageBenchmarks): WonDealPatterns {
  const medianDaysInStage = new Map<string, number>();
  for (const s of benchmarks.stages)
    if (s.typicalDaysInStage !== null) medianDaysInStage.set(s.stage, s.typicalDaysInStage);
  return { medianDaysInStage, medianWinningStageOrder: benchmarks.medianWinningStageOrder };
}

/** What a one-deal snapshot is built from: the deal, its history and owner, and the stored org-wide figures. */
export interface OneDealData {
  readonly benchmarks: StageBenchmarks;
  readonly timeZone: string;
  readonly corporateCurrency: string;
  readonly opportunity: Opportunity;
  readonly history: readonly OpportunityHistory[];
  /** The deal's owner (null when the viewer cannot read it: `OWNER_INACTIVE` then cannot fire). */
  readonly owner: User | null;
}

/**
 * A snapshot of one deal, for replaying it as the engine replays every deal: its stages come from the benchmarks
 * (which carry each stage's order, default probability and category). The calendar and currency rates are left
 * out: deal health takes its period from the stored benchmarks, and the snapshot's currency is the deal's own, so
 * its amounts stay as the deal states them (no rate needed).
 *
 * @example
 * dealHealth(oneDealSnapshot(data), { opportunityId, period, asOf, benchmarks: data.benchmarks });
 */
export function oneDealSnapshot(data: OneDealData): OrgSnapshot {
  const stages: OpportunityStage[] = data.benchmarks.stages.map((s) => ({
    Id: null,
    MasterLabel: s.stage,
    SortOrder: s.sortOrder,
    DefaultProbability: s.defaultProbability,
    ForecastCategoryName: s.forecastCategory,
    IsClosed: s.isClosed,
    IsWon: s.isWon,
    IsActive: null,
  }));
  return createOrgSnapshot({
    organization: {
      Id: '00D000000000000AAA',
      Name: null,
      TimeZoneSidKey: data.timeZone,
      FiscalYearStartMonth: 1,
      UsesStartDateAsFiscalYearName: false,
      DefaultCurrencyIsoCode: data.opportunity.CurrencyIsoCode ?? data.corporateCurrency,
      IsSandbox: null,
    },
    fiscalYearSettings: [],
    periods: [],
    users: data.owner ? [data.owner] : [],
    userRoles: [],
    opportunities: [data.opportunity],
    opportunityHistory: OpportunityHistoryTable.of(data.history),
    opportunityStages: stages,
    opportunityLineItems: [],
    products: [],
    forecastingTypes: [],
    forecastingQuotas: [],
    salesOpsQuotas: [],
    territoryModels: [],
    territories: [],
    userTerritories: [],
    accountTerritories: [],
    accounts: [],
    currencyTypes: [],
    datedConversionRates: [],
    ...NO_REVOPS_RECORDS,
  });
}

/** Days in the current stage and close-date pushes, from the deal's history up to `asOf`. */
function stageAndPushes(snapshot: OrgSnapshot, opportunityId: string, asOf: IsoDate, stage: string) {
  const history = snapshot.historyByOpportunity.get(opportunityId);
  if (!history) return { daysInStage: null, pushes: 0 };
  const asOfDay = dayNumber(asOf);
  let entered: number | null = null;
  let previousStage: string | null = null;
  let previousClose: string | null = null;
  let pushes = 0;
  for (let i = 0; i < history.days.length && (history.days[i] as number) <= asOfDay; i++) {
    const stageName = history.table.stageName(history.first + i);
    if (stageName !== previousStage) {
      entered = history.days[i] as number;
      previousStage = stageName;
    }
    const close = history.table.closeDate(history.first + i);
    if (close !== null && previousClose !== null && close > previousClose) pushes++;
    if (close !== null) previousClose = close;
  }
  return { daysInStage: entered !== null && previousStage === stage ? asOfDay - entered : null, pushes };
}

/**
 * One deal's health as of a date: its `pipeline hygiene` flags (the same rules, against the stored org-wide
 * baselines), pushes, days in its stage against the typical days, and the win chance from its stage. Null when the
 * deal is not in the snapshot or did not exist yet on the date.
 *
 * @example
 * dealHealth(snapshot, { opportunityId: '006…', period, asOf: '2026-11-16', benchmarks }).flags;
 */
export function dealHealth(
  snapshot: OrgSnapshot,
  {
    opportunityId,
    period,
    asOf,
    benchmarks,
  }: {
    opportunityId: string;
    period: Pick<FiscalPeriod, 'label' | 'start' | 'end'>;
    asOf: IsoDate;
    benchmarks: StageBenchmarks;
  },
): DealHealth | null {
  const fact = dealFactsAsOf(snapshot, asOf).find((d) => d.opportunity.Id === opportunityId);
  if (!fact) return null;
  const { opportunity, state } = fact;
  const hygiene = pipelineHygiene(snapshot, { period, asOf, patterns: patternsOfBenchmarks(benchmarks) });
  const stage = state.StageName;
  const benchmark = benchmarks.stages.find((s) => s.stage === stage);
  return {
    opportunityId,
    name: opportunity.Name ?? opportunityId,
    stage,
    isClosed: fact.isClosed,
    isWon: fact.isWon,
    closeDate: state.CloseDate,
    amount: state.Amount,
    currency: opportunity.CurrencyIsoCode ?? snapshot.corporateCurrency,
    flags: hygiene.deals.find((d) => d.opportunityId === opportunityId)?.flags ?? [],
    ...stageAndPushes(snapshot, opportunityId, asOf, stage),
    typicalDaysInStage: benchmark?.typicalDaysInStage ?? null,
    winChance: benchmark?.winChance ?? null,
    closedDealsAtStage: benchmark?.closedDeals ?? 0,
  };
}
