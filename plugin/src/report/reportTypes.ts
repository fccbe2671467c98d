import type {
  FamilyDemand,
  ForecastMethod,
  HygieneRule,
  QuarterToDate,
  TerritoryCoverageReport,
  WaterfallStep,
} from '@salesops/core';
import type { ActionItem } from './reportActions.js';
import type { FunnelSection, RetentionSection } from './reportRevops.js';

/** The run's one forecast (the org row of `sf salesops forecast --method auto`), its reason and its range. */
export interface Headline {
  readonly method: ForecastMethod | null;
  /** Why auto chose it: the backtest WAPE at the horizon nearest to the days into the period, and the runner-up. */
  readonly basis: 'lowestWape' | 'noWape' | null;
  readonly horizon: number | null;
  readonly wape: number | null;
  readonly runnerUp: { readonly method: ForecastMethod; readonly wape: number } | null;
  /** The backtest's periods the choice rests on. */
  readonly periods: readonly string[];
  readonly forecast: number | null;
  readonly quota: number | null;
  readonly closedWon: number;
  readonly forecastAttainment: number | null;
  /** P10–P90: the chosen method's own, else Monte Carlo's for the org (`rangeMethod` says which). */
  readonly low: number | null;
  readonly high: number | null;
  readonly rangeMethod: ForecastMethod | null;
  /** The period ended on or before the as-of date: the figure is its closed won. */
  readonly final: boolean;
}

/** One team's figures for the charts and the forecast table (org = depth 0). */
export interface TeamFigures {
  readonly id: string;
  readonly name: string;
  readonly depth: number;
  readonly parentId: string | null;
  readonly quota: number | null;
  readonly closedWon: number;
  readonly forecast: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly openPipeline: number;
  readonly remainingQuota: number | null;
  readonly coverage: number | null;
  readonly requiredCoverage: number | null;
}

/** How one past period's forecast with the chosen method at the chosen horizon came out. */
export interface PastForecast {
  readonly period: string;
  readonly forecast: number | null;
  readonly actual: number;
}

export interface RepRow {
  readonly name: string;
  readonly attainment: number | null;
  readonly closedWon: number;
  readonly winRate: number | null;
  readonly openPipeline: number;
  readonly flags: readonly string[];
}

/** A list cut to its top and bottom N, with the rule that broke ties and what was left out. */
export interface RankedReps {
  readonly top: readonly RepRow[];
  readonly bottom: readonly RepRow[];
  /** Reps ranked (with a quota); reps without a quota in the period. */
  readonly ranked: number;
  readonly withoutQuota: number;
  /** Reps sharing the attainment at the bottom cut when the tie crosses it (null when it does not). */
  readonly bottomTie: { readonly attainment: number; readonly reps: number } | null;
  readonly topTie: { readonly attainment: number; readonly reps: number } | null;
}

/** Everything the S&OP pack shows, computed once; the renderers only format it. */
export interface ReportData {
  readonly period: { label: string; start: string; end: string };
  readonly asOf: string;
  readonly currency: string;
  readonly organization: string;
  readonly headline: Headline;
  readonly quarterToDate: QuarterToDate;
  readonly org: TeamFigures;
  readonly teams: readonly TeamFigures[];
  readonly pastForecasts: readonly PastForecast[];
  readonly kpis: ReadonlyArray<{
    period: string;
    quota: number | null;
    closedWon: number;
    attainment: number | null;
    winRate: number | null;
    pipelineCreated: number;
    openPipeline: number;
  }>;
  readonly accuracy: ReadonlyArray<{
    method: ForecastMethod;
    horizon: number;
    wape: number | null;
    bias: number | null;
    coverage: number | null;
    rank: number | null;
  }>;
  readonly waterfall: { readonly since: string; readonly steps: readonly WaterfallStep[] };
  readonly reps: RankedReps;
  readonly territories: TerritoryCoverageReport;
  readonly hygiene: {
    readonly checked: number;
    readonly counts: ReadonlyArray<{ rule: HygieneRule; deals: number }>;
    readonly owners: ReadonlyArray<{ owner: string; deals: number; flags: number; amount: number }>;
    readonly ownersTotal: number;
  };
  readonly demand: readonly FamilyDemand[];
  /** The lead funnel and revenue retention as `sf salesops funnel` and `sf salesops revenue retention` compute them. */
  readonly funnel: FunnelSection;
  readonly retention: RetentionSection;
  /** Every action item, deduplicated across the hierarchy and ranked (reportActions.ts). */
  readonly actions: readonly ActionItem[];
  /** What the data lacks and what that costs, as the command warned (stderr and `--json`). */
  readonly warnings?: ReadonlyArray<{ code: string; message: string; affects: readonly string[] }>;
}
