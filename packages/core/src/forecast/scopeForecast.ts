import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { bookingsSeries } from './bookingsSeries.js';
import { categoryRollups } from './categoryRollups.js';
import {
  boundMethodForecast,
  finalMethodForecast,
  forecastBounds,
  type BoundedSide,
  type ForecastBounds,
} from './forecastBounds.js';
import { scopeMembership, type ForecastScope } from './forecastScope.js';
import { historicalNewBusiness } from './historicalNewBusiness.js';
import { predictiveUnseen } from './predictiveUnseen.js';
import { renewalsDue } from './renewalsDue.js';
import { renewalDrawsMean, renewalsCeiling } from './addRenewalDraws.js';
import { MIN_MONTE_CARLO_DRAWS, type MonteCarloForecast } from './monteCarloForecast.js';
import { runMonteCarloJob, type MonteCarloJob, type MonteCarloRunner } from './monteCarloJob.js';
import { periodDeals, sumAmounts } from './periodDeals.js';
import { periodFactor } from './periodFactor.js';
import { stageCellPosteriors } from './stageCellPosteriors.js';
import { cellPriorStrength } from './cellPriorStrength.js';
import { daysLeftBucket } from './daysLeftBucket.js';
import { deriveSeed, type RandomSource } from './seededRandom.js';
import { seasonalNaiveScale } from './seasonalNaiveScale.js';
import { stageHistoryForecast } from './stageHistoryForecast.js';
import { STAGE_HISTORY_PERIODS, stageObservations } from './stageObservations.js';
import { MIN_CELL_COUNT } from './stageWinRates.js';
import { ownerStageRates } from './ownerStageRates.js';
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
  /** The bound the point forecast was moved to (see `ScopeForecast.bounds`); null when it was inside them. */
  readonly bounded: BoundedSide;
  /** The period ended on or before the as-of date: every figure is the closed won. */
  readonly final: boolean;
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
  /** The period ended on or before the as-of date: nothing is left to forecast. */
  readonly final: boolean;
  /** What can still happen: every method's figures are kept inside (see `forecastBounds`). */
  readonly bounds: ForecastBounds;
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
  bounded: null,
  final: false,
});

/**
 * Runs the forecast methods of metrics.md "Forecast" for one scope, period and as-of date: commit, bestCase,
 * pipeline (category roll-ups), weighted, stageHistory (win rates learnt by stage × days left), monteCarlo
 * (stageHistory's probabilities drawn ≥ 10,000 times, plus the historical new business) and timeSeries
 * (exponential smoothing / Theta on the scope's bookings). Every figure is then kept inside the scope's bounds
 * (closedWon … closedWon + open non-Omitted pipeline + P90 of the historical new business; see `forecastBounds`).
 * A period that ended on or before the as-of date is final: every method gives its closedWon.
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
  const plan = planScopeForecast(snapshot, scope, options);
  return plan.finish(plan.monteCarlo && runMonteCarloJob(plan.monteCarlo, options.random));
}

/**
 * `scopeForecast` with its Monte Carlo draws handed to `runMonteCarlo` (a pool of threads, say); with
 * `options.random` (a stream shared with other scopes) they run here, now, in the caller's order.
 *
 * @example
 * const f = await scopeForecastWith(pool.run, snapshot, scope, { period, asOf: '2026-11-16', seed: 42 });
 */
export function scopeForecastWith(
  runMonteCarlo: MonteCarloRunner,
  snapshot: OrgSnapshot,
  scope: ForecastScope,
  options: ScopeForecastOptions,
): Promise<ScopeForecast> {
  const plan = planScopeForecast(snapshot, scope, options);
  if (!plan.monteCarlo) return Promise.resolve(plan.finish(null));
  if (options.random) return Promise.resolve(plan.finish(runMonteCarloJob(plan.monteCarlo, options.random)));
  return runMonteCarlo(plan.monteCarlo).then((draws) => plan.finish(draws));
}

/** A scope's forecast but for its Monte Carlo draws, which may run elsewhere (see `MonteCarloJob`). */
export interface ScopeForecastPlan {
  /** The draws monteCarlo needs; null when it is not run (not asked, a final period, no history). */
  readonly monteCarlo: MonteCarloJob | null;
  /** The scope's forecast, given the job's result (null when there is no job). */
  finish(draws: MonteCarloForecast | null): ScopeForecast;
}

/**
 * Everything `scopeForecast` does but run the Monte Carlo draws: those are left as a job, so that the scopes' draws,
 * most of a large org's forecast, can run side by side. `finish` with the job's result gives the same forecast as
 * `scopeForecast` (with `options.random`, the job must be run with that generator, in the scopes' order).
 *
 * @example
 * const plan = planScopeForecast(snapshot, scope, { period, asOf: '2026-11-16' });
 * const f = plan.finish(plan.monteCarlo && runMonteCarloJob(plan.monteCarlo));
 */
export function planScopeForecast(
  snapshot: OrgSnapshot,
  scope: ForecastScope,
  options: ScopeForecastOptions,
): ScopeForecastPlan {
  const { period, asOf } = options;
  const methods = new Set(options.methods ?? FORECAST_METHODS);
  const member = scope.type === 'org' ? undefined : scopeMembership(snapshot, scope);
  const deals = periodDeals(snapshot, period, asOf, member);
  const rollups = categoryRollups(deals);
  const periods = options.stageHistoryPeriods ?? STAGE_HISTORY_PERIODS.default;
  const final = period.end <= asOf;
  const newBusiness = final ? null : historicalNewBusiness(snapshot, period, asOf, member, periods);
  // The renewals not opened yet: Monte Carlo draws them from the contracts due, and leaves them out of the past
  // periods' amounts; the high bound counts the unseen business the same way (docs/rollups.md "Bounds").
  const due = newBusiness ? renewalsDue(snapshot, period, asOf, member, periods) : null;
  const renewals = due?.law ? due : undefined;
  // The past periods' unseen business (without the renewals drawn from the contracts), widened to a new period's
  // spread (predictiveUnseen): what Monte Carlo draws and the high bound counts.
  const unseenDraws = newBusiness
    ? predictiveUnseen(renewals ? newBusiness.drawsWithoutRenewals : newBusiness.draws)
    : [];
  // A final period has nothing left to happen: both bounds are its closed won.
  const bounds = newBusiness
    ? forecastBounds(
        deals.closedWon,
        rollups.pipeline,
        unseenDraws,
        renewals?.law ? renewalsCeiling(renewals.amounts, renewals.law) : 0,
      )
    : forecastBounds(deals.closedWon, deals.closedWon, []);
  const out: Partial<Record<ForecastMethod, MethodForecast>> = {};

  if (final) for (const method of methods) out[method] = finalMethodForecast(method, deals.closedWon);
  else {
    if (methods.has('commit')) out.commit = point('commit', rollups.commit);
    if (methods.has('bestCase')) out.bestCase = point('bestCase', rollups.bestCase);
    if (methods.has('pipeline')) out.pipeline = point('pipeline', rollups.pipeline);
  }
  if (!final && methods.has('weighted')) out.weighted = point('weighted', weightedForecast(deals, snapshot));

  let monteCarlo: MonteCarloJob | null = null;
  let monteCarloMean = 0;
  let monteCarloDetail = '';
  if (newBusiness && (methods.has('stageHistory') || methods.has('monteCarlo'))) {
    const learnt = stageObservations(snapshot, period, asOf, periods);
    const rates = ownerStageRates(snapshot, learnt, options.minCellCount ?? MIN_CELL_COUNT);
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
      const amounts = Float64Array.from(deals.open, (d) => d.amount);
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
            // Only what the draws read: the job's data is copied wherever it runs.
            factor: { mean: factor.mean, sd: factor.sd },
            amountRatios: factor.amountRatios,
          }
        : undefined;
      // The renewals not opened yet are drawn from the contracts due, and left out of the past periods' amounts.
      const drawn = uncertain ? renewals : undefined;
      const unseen = uncertain ? unseenDraws : newBusiness.periods.map((p) => p.amount);
      monteCarlo = {
        base: deals.closedWon,
        amounts,
        probabilities: stage.probabilities,
        draws: Math.max(MIN_MONTE_CARLO_DRAWS, Math.trunc(options.draws ?? MIN_MONTE_CARLO_DRAWS)),
        seed: deriveSeed(options.seed ?? 1, `${scope.type}:${scope.id}|${period.label}|${asOf}`),
        unseen,
        ...(uncertainty ? { uncertainty } : {}),
        ...(drawn ? { renewals: drawn } : {}),
      };
      // The point forecast is the distribution's mean, not its P50: means add up over teams and reps, medians do not.
      monteCarloMean =
        monteCarloExpectation(deals.closedWon, amounts, stage.probabilities, factor?.mean ?? 1, unseen) +
        (drawn?.law ? renewalDrawsMean(drawn.amounts, drawn.law) : 0);
      // Text, not a function of the draws: a plan waiting for its draws keeps no more than it needs (not the rates).
      monteCarloDetail =
        `${monteCarlo.draws} draws; each adds the new and pulled-in business of one of ${unseen.length} past periods` +
        (factor
          ? ` scaled to the deal flow now (mean ${newBusiness.mean.toFixed(2)})${drawn ? `, its renewals not opened yet drawn from the ${drawn.amounts.length} contracts due` : ''}; stage win rates drawn from their posteriors, times a period factor (mean ${factor.mean.toFixed(3)}, sd ${factor.sd.toFixed(3)}) learnt from ${factor.periods} past periods`
          : ` (mean ${(unseen.reduce((s, x) => s + x, 0) / Math.max(1, unseen.length)).toFixed(2)})`);
      // Its place among the methods, filled in by `finish`.
      out.monteCarlo = point('monteCarlo', null);
    }
  }

  let seriesScale: number | null = null;
  if (methods.has('timeSeries')) {
    const series = bookingsSeries(snapshot, period, asOf, member);
    seriesScale = seasonalNaiveScale(series.values, series.frequency);
    const ts = final
      ? undefined // nothing to forecast: the figures are already the closed won
      : timeSeriesForecast(series.values, series.frequency, series.horizon, options.timeSeriesModel ?? 'auto');
    if (ts === null) out.timeSeries = point('timeSeries', null, 'no bookings history');
    else if (ts) {
      // The model forecasts the period total; the bounds below keep it inside what can still happen.
      out.timeSeries = {
        ...point('timeSeries', ts.mean, `${ts.reason}; ${series.values.length} periods of bookings`),
        p10: ts.p10,
        p50: ts.mean,
        p90: ts.p90,
      };
    }
  }

  const finish = (mc: MonteCarloForecast | null): ScopeForecast => {
    if (monteCarlo && !mc) throw new Error('planScopeForecast: finish needs the Monte Carlo job’s result');
    if (mc) {
      out.monteCarlo = {
        method: 'monteCarlo',
        forecast: monteCarloMean,
        p10: mc.p10,
        p50: mc.p50,
        p90: mc.p90,
        mean: monteCarloMean,
        bounded: null,
        final: false,
        detail: monteCarloDetail,
      };
    }
    if (!final) {
      for (const method of FORECAST_METHODS) {
        const f = out[method];
        if (f) out[method] = boundMethodForecast(f, bounds);
      }
    }
    return {
      scope,
      period: period.label,
      asOf,
      closedWon: deals.closedWon,
      openPipeline: sumAmounts(deals.open),
      openDeals: deals.open.length,
      final,
      bounds,
      methods: out,
      seriesScale,
    };
  };
  return { monteCarlo, finish };
}

/**
 * The Monte Carlo figure's `mean`: the simulation's expected value taken deal by deal (closed won, certain deals in
 * full, each other deal's probability × the period factor's mean × its amount, at most its amount as in the draws,
 * which cap a deal's chance at certainty) plus the mean of the new business drawn. Where the cap binds in only some
 * draws (rates and factor drawn around their means) the draws' own mean is a little lower still; a deal never counts
 * for more than its amount, so a scope's mean stays inside its high bound (docs/rollups.md "Bounds"). Every term is the same for a deal whatever scope it is seen in, and the past
 * periods' new business is scaled by the org's deal flow (historicalNewBusiness), so the means add up over scopes,
 * where the draws' own average would differ by the Monte Carlo error.
 */
function monteCarloExpectation(
  closedWon: number,
  amounts: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  factorMean: number,
  unseen: readonly number[],
): number {
  let expected = closedWon;
  for (let i = 0; i < amounts.length; i++) {
    const p = probabilities[i] as number;
    const amount = amounts[i] as number;
    if (p >= 1) expected += amount;
    else if (p > 0) expected += Math.min(1, factorMean * p) * amount;
  }
  let unseenSum = 0;
  for (const x of unseen) unseenSum += x;
  return expected + (unseen.length === 0 ? 0 : unseenSum / unseen.length);
}
