import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { bookingsSeries } from './bookingsSeries.js';
import { categoryRollups } from './categoryRollups.js';
import { scopeMembership, type ForecastScope } from './forecastScope.js';
import { historicalNewBusiness } from './historicalNewBusiness.js';
import { MIN_MONTE_CARLO_DRAWS, monteCarloForecast } from './monteCarloForecast.js';
import { periodDeals, sumAmounts } from './periodDeals.js';
import { periodFactor } from './periodFactor.js';
import { stageCellPosteriors } from './stageCellPosteriors.js';
import { cellPriorStrength } from './cellPriorStrength.js';
import { daysLeftBucket } from './daysLeftBucket.js';
import { deriveSeed, seededRandom, type RandomSource } from './seededRandom.js';
import { seasonalNaiveScale } from './seasonalNaiveScale.js';
import { stageHistoryForecast } from './stageHistoryForecast.js';
import { STAGE_HISTORY_PERIODS, stageObservations } from './stageObservations.js';
import { MIN_CELL_COUNT, stageWinRates } from './stageWinRates.js';
import { timeSeriesForecast, type TimeSeriesModel } from './timeSeriesForecast.js';
import { weightedForecast } from './weightedForecast.js';

export type ForecastMethod =
  'commit' | 'bestCase' | 'pipeline' | 'weighted' | 'stageHistory' | 'monteCarlo' | 'timeSeries';

/** Every method, in the order results list them (and `auto` prefers them on ties). */
export const FORECAST_METHODS: readonly ForecastMethod[] = [
  'commit',
  'bestCase',
  'pipeline',
  'weighted',
  'stageHistory',
  'monteCarlo',
  'timeSeries',
];

/** One method's forecast of the period's closed won. */
export interface MethodForecast {
  readonly method: ForecastMethod;
  /** The point forecast (P50 for monteCarlo); null when the method has nothing to go on. */
  readonly forecast: number | null;
  /** Percentiles (monteCarlo; timeSeries: its 80% interval and point), else null. */
  readonly p10: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  /** monteCarlo's mean, else null. */
  readonly mean: number | null;
  /** How the figure was reached, in words (model chosen, new business added, …). */
  readonly detail: string | null;
}

export interface ScopeForecastOptions {
  readonly period: FiscalPeriod;
  readonly asOf: IsoDate;
  /** Methods to run (default: all). */
  readonly methods?: readonly ForecastMethod[];
  /** Seed of the Monte Carlo generator; each scope, period and date gets its own stream (default 1). */
  readonly seed?: number;
  /** The Monte Carlo generator itself (overrides `seed`). */
  readonly random?: RandomSource;
  /** Monte Carlo draws (default and minimum 10,000). */
  readonly draws?: number;
  /** Past periods stage win rates and new business are learnt from (4–8, default 8). */
  readonly stageHistoryPeriods?: number;
  /** Minimum past deals of a stage × days-left cell before it stops borrowing from the org (default 10). */
  readonly minCellCount?: number;
  /**
   * Whether Monte Carlo draws the stage cells' win rates from their posteriors and a period factor shared by the
   * scope's deals (default true, metrics.md "Calibration"); false draws independent coins with stageHistory's p.
   */
  readonly monteCarloUncertainty?: boolean;
  /** Time-series model (default 'auto': chosen per series). */
  readonly timeSeriesModel?: TimeSeriesModel | 'auto';
}

/** Every method's forecast for one scope, period and date. */
export interface ScopeForecast {
  readonly scope: ForecastScope;
  readonly period: string;
  readonly asOf: IsoDate;
  readonly closedWon: number;
  /** Σ amount of the deals open with their close date in the period (every category). */
  readonly openPipeline: number;
  readonly openDeals: number;
  readonly methods: Partial<Record<ForecastMethod, MethodForecast>>;
  /** MASE denominator of the scope's bookings series (see `seasonalNaiveScale`), for backtests. */
  readonly seriesScale: number | null;
}

const point = (method: ForecastMethod, forecast: number | null, detail: string | null = null): MethodForecast => ({
  method,
  forecast,
  p10: null,
  p50: null,
  p90: null,
  mean: null,
  detail,
});

/**
 * Runs the forecast methods of metrics.md "Forecast" for one scope, period and as-of date: commit, bestCase,
 * pipeline (category roll-ups), weighted, stageHistory (win rates learnt by stage × days left), monteCarlo
 * (stageHistory's probabilities drawn ≥ 10,000 times, plus the historical new business) and timeSeries
 * (exponential smoothing / Theta on the scope's bookings; never below what is already won).
 *
 * @example
 * const f = scopeForecast(snapshot, { type: 'org', id: org.Id, name: org.Name }, { period, asOf: '2026-11-16' });
 * f.methods.monteCarlo?.p50;
 */
export function scopeForecast(
  snapshot: OrgSnapshot,
  scope: ForecastScope,
  options: ScopeForecastOptions,
): ScopeForecast {
  const { period, asOf } = options;
  const methods = new Set(options.methods ?? FORECAST_METHODS);
  const member = scope.type === 'org' ? undefined : scopeMembership(snapshot, scope);
  const deals = periodDeals(snapshot, period, asOf, member);
  const out: Partial<Record<ForecastMethod, MethodForecast>> = {};

  if (methods.has('commit') || methods.has('bestCase') || methods.has('pipeline')) {
    const r = categoryRollups(deals);
    if (methods.has('commit')) out.commit = point('commit', r.commit);
    if (methods.has('bestCase')) out.bestCase = point('bestCase', r.bestCase);
    if (methods.has('pipeline')) out.pipeline = point('pipeline', r.pipeline);
  }
  if (methods.has('weighted')) out.weighted = point('weighted', weightedForecast(deals, snapshot));

  if (methods.has('stageHistory') || methods.has('monteCarlo')) {
    const periods = options.stageHistoryPeriods ?? STAGE_HISTORY_PERIODS.default;
    const learnt = stageObservations(snapshot, period, asOf, periods);
    const rates = stageWinRates(learnt, member, options.minCellCount ?? MIN_CELL_COUNT);
    const stage = stageHistoryForecast(deals, rates, snapshot);
    const window =
      learnt.periods.length === 0
        ? 'no past periods'
        : `${learnt.periods[learnt.periods.length - 1]?.label}…${learnt.periods[0]?.label}`;
    if (methods.has('stageHistory')) {
      out.stageHistory = point(
        'stageHistory',
        stage.forecast,
        `win rates by stage and ${stage.daysLeft} days left, learnt over ${window}`,
      );
    }
    if (methods.has('monteCarlo')) {
      const newBusiness = historicalNewBusiness(snapshot, period, asOf, member, periods);
      const random =
        options.random ??
        seededRandom(deriveSeed(options.seed ?? 1, `${scope.type}:${scope.id}|${period.label}|${asOf}`));
      const draws = Math.max(MIN_MONTE_CARLO_DRAWS, options.draws ?? MIN_MONTE_CARLO_DRAWS);
      const amounts = deals.open.map((d) => d.amount);
      const uncertain = options.monteCarloUncertainty ?? true;
      const factor = uncertain ? periodFactor(snapshot, period, asOf, periods) : null;
      const uncertainty = factor
        ? {
            ...stageCellPosteriors(
              deals,
              rates,
              stage.daysLeft,
              snapshot,
              options.minCellCount ?? MIN_CELL_COUNT,
              scope.type === 'org'
                ? undefined
                : (name) => cellPriorStrength(learnt, name, daysLeftBucket(stage.daysLeft)),
            ),
            factor,
          }
        : undefined;
      const unseen = uncertain ? newBusiness.draws : newBusiness.periods.map((p) => p.amount);
      const mc = monteCarloForecast(deals.closedWon, amounts, stage.probabilities, random, draws, unseen, uncertainty);
      out.monteCarlo = {
        method: 'monteCarlo',
        forecast: mc.p50,
        p10: mc.p10,
        p50: mc.p50,
        p90: mc.p90,
        mean: mc.mean,
        detail:
          `${mc.draws} draws; each adds the new and pulled-in business of one of ${unseen.length} past periods` +
          (factor
            ? ` scaled to the deal flow now (mean ${newBusiness.mean.toFixed(2)}); stage win rates drawn from their posteriors, times a period factor (mean ${factor.mean.toFixed(3)}, sd ${factor.sd.toFixed(3)}) learnt from ${factor.periods} past periods`
            : ` (mean ${(unseen.reduce((s, x) => s + x, 0) / Math.max(1, unseen.length)).toFixed(2)})`),
      };
    }
  }

  let seriesScale: number | null = null;
  if (methods.has('timeSeries')) {
    const series = bookingsSeries(snapshot, period, asOf, member);
    seriesScale = seasonalNaiveScale(series.values, series.frequency);
    const ts = timeSeriesForecast(series.values, series.frequency, series.horizon, options.timeSeriesModel ?? 'auto');
    if (!ts) out.timeSeries = point('timeSeries', null, 'no bookings history');
    else {
      const floor = (x: number) => Math.max(deals.closedWon, x);
      out.timeSeries = {
        method: 'timeSeries',
        forecast: floor(ts.mean),
        p10: floor(ts.p10),
        p50: floor(ts.mean),
        p90: floor(ts.p90),
        mean: null,
        detail: `${ts.reason}; ${series.values.length} periods of bookings`,
      };
    }
  }

  return {
    scope,
    period: period.label,
    asOf,
    closedWon: deals.closedWon,
    openPipeline: sumAmounts(deals.open),
    openDeals: deals.open.length,
    methods: out,
    seriesScale,
  };
}
