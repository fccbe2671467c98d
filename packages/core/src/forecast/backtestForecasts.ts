import { addDays, type CalendarPeriodType, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { rankings } from '../stats/index.js';
import { accuracyMetrics, type AccuracyMetrics } from './accuracyMetrics.js';
import { firstDealDate } from './firstDealDate.js';
import { forecastScopes, scopeMembership, type ForecastScope } from './forecastScope.js';
import { periodDeals } from './periodDeals.js';
import type { MonteCarloRunner } from './monteCarloJob.js';
import {
  FORECAST_METHODS,
  scopeForecast,
  scopeForecastWith,
  type ForecastMethod,
  type ScopeForecast,
  type ScopeForecastOptions,
} from './scopeForecast.js';
import { prepareStageObservations } from './stageObservations.js';

/** Defaults of metrics.md "Forecast accuracy". */
export const BACKTEST_DEFAULTS = { periods: 4, horizons: [7, 30, 60] } as const;

export interface BacktestOptions extends Omit<ScopeForecastOptions, 'period' | 'asOf'> {
  /** The date the backtest is run as of: the periods it scores are the last ones closed by then. */
  readonly asOf: IsoDate;
  /** Kind of period (default 'Quarter'). */
  readonly periodType?: CalendarPeriodType;
  /** Closed periods scored (default 4). */
  readonly periods?: number;
  /** Days into each period the forecasts are made (default 7, 30, 60); a horizon past the period's end is skipped. */
  readonly horizons?: readonly number[];
  /** Scopes (default: every scope of the org). */
  readonly scopes?: readonly ForecastScope[];
}

/** One forecast made in the past, next to what happened. */
export interface BacktestPoint {
  readonly scope: ForecastScope;
  readonly period: string;
  readonly horizon: number;
  /** start(P) + horizon: the date the forecast was made as of. */
  readonly madeAsOf: IsoDate;
  readonly method: ForecastMethod;
  readonly forecast: number | null;
  readonly p10: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  /** Closed won of the period as of the backtest's date. */
  readonly actual: number;
  /** actual − forecast. */
  readonly error: number | null;
  /** |error| / actual; null when actual is 0. */
  readonly ape: number | null;
  readonly inInterval: boolean | null;
}

/** Accuracy of one method for one scope at one horizon over the periods, with its rank. */
export interface BacktestSummary {
  readonly scope: ForecastScope;
  readonly horizon: number;
  readonly method: ForecastMethod;
  readonly metrics: AccuracyMetrics;
  /** 1 = lowest WAPE among the methods for the scope at the horizon; ties share a rank; null without WAPE. */
  readonly rank: number | null;
}

/** A closed period of the window that was not scored, and why (`beforeFirstDeal`: it starts before the data). */
export interface BacktestSkippedPeriod {
  readonly label: string;
  readonly reason: 'beforeFirstDeal';
}

export interface BacktestReport {
  readonly asOf: IsoDate;
  /** Labels of the periods scored, oldest first. */
  readonly periods: readonly string[];
  /** The last K closed periods that were not scored, oldest first. */
  readonly skipped: readonly BacktestSkippedPeriod[];
  /** Creation date of the org's first deal (where its data begins); null without deals. */
  readonly firstDeal: IsoDate | null;
  readonly horizons: readonly number[];
  readonly points: readonly BacktestPoint[];
  readonly summaries: readonly BacktestSummary[];
}

/**
 * The last `k` periods of kind `type` closed as of `asOf` (ending on or before it), oldest first, split into those a
 * backtest scores and those it skips because they start before the org's first deal (their actual is unknown).
 *
 * @example
 * backtestPeriods(snapshot, '2026-11-16', 'Quarter', 4).scored.map((p) => p.label);
 */
export function backtestPeriods(
  snapshot: OrgSnapshot,
  asOf: IsoDate,
  type: CalendarPeriodType,
  k: number,
): { scored: FiscalPeriod[]; skipped: BacktestSkippedPeriod[]; firstDeal: IsoDate | null } {
  const current = snapshot.calendar.periodOf(asOf, type);
  const closed = [current, ...snapshot.calendar.previousPeriods(current, k)]
    .filter((p) => p.end <= asOf)
    .slice(0, k)
    .reverse();
  const firstDeal = firstDealDate(snapshot);
  const known = (p: FiscalPeriod) => firstDeal !== null && p.start >= firstDeal;
  return {
    scored: closed.filter(known),
    skipped: closed.filter((p) => !known(p)).map((p) => ({ label: p.label, reason: 'beforeFirstDeal' })),
    firstDeal,
  };
}

/**
 * The forecast-accuracy backtest of metrics.md: for each of the last K closed periods P (default 4, of the kind
 * `periodType`; a period ending on `asOf` is closed; one starting before the org's first deal is skipped, see
 * `backtestPeriods`) and each horizon h (default 7, 30, 60 days), every deal is rebuilt as of start(P) + h, every
 * method is run for every scope, and the forecasts are compared with the actual closed won of P (as of `asOf`):
 * APE per point, and per scope × horizon × method MAPE, WAPE, bias, sMAPE, P10–P90 coverage, pinball losses and,
 * for timeSeries, MASE (each forecast scaled by the in-sample seasonal-naive MAE of the series it was made from).
 * Methods are ranked by WAPE per scope and horizon.
 *
 * @example
 * const report = backtestForecasts(snapshot, { asOf: '2026-11-16', scopes: [orgScope] });
 * report.summaries.filter((s) => s.rank === 1).map((s) => s.method);
 */
export function backtestForecasts(snapshot: OrgSnapshot, options: BacktestOptions): BacktestReport {
  const run = backtestRun(snapshot, options);
  run.forecasts.forEach(({ scope, options: made }, i) => run.score(i, scopeForecast(snapshot, scope, made)));
  return run.report();
}

/**
 * `backtestForecasts` with each past forecast's Monte Carlo draws handed to `runMonteCarlo` (a pool of threads, say):
 * the same report, each forecast drawing from its own seeded stream wherever it runs.
 *
 * @example
 * const report = await backtestForecastsWith(pool.run, snapshot, { asOf: '2026-11-16', scopes: [orgScope] });
 */
export async function backtestForecastsWith(
  runMonteCarlo: MonteCarloRunner,
  snapshot: OrgSnapshot,
  options: BacktestOptions,
): Promise<BacktestReport> {
  const run = backtestRun(snapshot, options);
  await Promise.all(
    run.forecasts.map(({ scope, options: made }, i) =>
      scopeForecastWith(runMonteCarlo, snapshot, scope, made).then((forecast) => run.score(i, forecast)),
    ),
  );
  return run.report();
}

/** A past forecast to make: for a scope, as of a date in a closed period, with the period's actual. */
interface PastForecast {
  readonly scope: ForecastScope;
  readonly period: FiscalPeriod;
  readonly horizon: number;
  readonly madeAsOf: IsoDate;
  readonly actual: number;
  readonly options: ScopeForecastOptions;
}

/** The forecasts a backtest makes, their points as each is scored (in any order), and the report from them. */
function backtestRun(
  snapshot: OrgSnapshot,
  options: BacktestOptions,
): {
  forecasts: readonly PastForecast[];
  score: (index: number, forecast: ScopeForecast) => void;
  report: () => BacktestReport;
} {
  const { asOf } = options;
  const type = options.periodType ?? 'Quarter';
  const k = Math.max(1, Math.trunc(options.periods ?? BACKTEST_DEFAULTS.periods));
  const horizons = [...(options.horizons ?? BACKTEST_DEFAULTS.horizons)].sort((a, b) => a - b);
  const scopes = options.scopes ?? forecastScopes(snapshot);
  const methods = options.methods ?? FORECAST_METHODS;
  const { scored: periods, skipped, firstDeal } = backtestPeriods(snapshot, asOf, type, k);
  if (methods.includes('stageHistory') || methods.includes('monteCarlo')) {
    // The stage win rates of every forecast below, learnt in one pass over the deals.
    prepareStageObservations(
      snapshot,
      periods.flatMap((period) =>
        horizons
          .map((horizon) => addDays(period.start, horizon))
          .filter((madeAsOf) => madeAsOf <= period.end)
          .map((madeAsOf) => ({
            period,
            asOf: madeAsOf,
            ...(options.stageHistoryPeriods !== undefined ? { periods: options.stageHistoryPeriods } : {}),
          })),
      ),
    );
  }
  const forecasts: PastForecast[] = [];
  for (const scope of scopes) {
    const member = scope.type === 'org' ? undefined : scopeMembership(snapshot, scope);
    for (const period of periods) {
      const actual = periodDeals(snapshot, period, asOf, member).closedWon;
      for (const horizon of horizons) {
        const madeAsOf = addDays(period.start, horizon);
        if (madeAsOf > period.end) continue;
        forecasts.push({
          scope,
          period,
          horizon,
          madeAsOf,
          actual,
          options: { ...options, period, asOf: madeAsOf, methods },
        });
      }
    }
  }
  // Each forecast's points (and timeSeries scale), kept by forecast so that they stay in the order they were made.
  const scored: Array<{ points: BacktestPoint[]; scale: number | null }> = new Array(forecasts.length);
  const score = (index: number, forecast: ScopeForecast): void => {
    const { scope, period, horizon, madeAsOf, actual } = forecasts[index] as PastForecast;
    const points: BacktestPoint[] = [];
    for (const method of methods) {
      const f = forecast.methods[method];
      if (!f) continue;
      const value = f.forecast;
      const error = value === null ? null : actual - value;
      points.push({
        scope,
        period: period.label,
        horizon,
        madeAsOf,
        method,
        forecast: value,
        p10: f.p10,
        p50: f.p50,
        p90: f.p90,
        actual,
        error,
        ape: error === null || actual === 0 ? null : Math.abs(error) / Math.abs(actual),
        inInterval: f.p10 === null || f.p90 === null ? null : f.p10 <= actual && actual <= f.p90,
      });
    }
    scored[index] = { points, scale: forecast.seriesScale };
  };
  const report = (): BacktestReport => {
    const points: BacktestPoint[] = [];
    const scales = new Map<string, (number | null)[]>();
    forecasts.forEach(({ scope, horizon }, i) => {
      const made = scored[i] as { points: BacktestPoint[]; scale: number | null };
      const scaleKey = `${scope.type}:${scope.id}|${horizon}`;
      if (!scales.has(scaleKey)) scales.set(scaleKey, []);
      for (const p of made.points) {
        points.push(p);
        if (p.method === 'timeSeries') scales.get(scaleKey)?.push(made.scale);
      }
    });
    return summarize(asOf, periods, skipped, firstDeal, horizons, scopes, methods, points, scales);
  };
  return { forecasts, score, report };
}

/** The report: the points and, per scope × horizon × method, their accuracy and the methods' ranks by WAPE. */
function summarize(
  asOf: IsoDate,
  periods: readonly FiscalPeriod[],
  skipped: readonly BacktestSkippedPeriod[],
  firstDeal: IsoDate | null,
  horizons: readonly number[],
  scopes: readonly ForecastScope[],
  methods: readonly ForecastMethod[],
  points: readonly BacktestPoint[],
  scales: ReadonlyMap<string, readonly (number | null)[]>,
): BacktestReport {
  // The points of each scope × horizon × method, in the order they were made.
  const pointsOf = new Map<ForecastScope, Map<string, BacktestPoint[]>>();
  for (const p of points) {
    let byScope = pointsOf.get(p.scope);
    if (!byScope) pointsOf.set(p.scope, (byScope = new Map()));
    const key = `${p.horizon}|${p.method}`;
    const list = byScope.get(key);
    if (list) list.push(p);
    else byScope.set(key, [p]);
  }
  const summaries: BacktestSummary[] = [];
  for (const scope of scopes) {
    for (const horizon of horizons) {
      const rows = methods.map((method) => {
        const mine = pointsOf.get(scope)?.get(`${horizon}|${method}`) ?? [];
        const scale = scales.get(`${scope.type}:${scope.id}|${horizon}`) ?? [];
        const metrics = accuracyMetrics(
          mine.map((p, i) => ({
            actual: p.actual,
            forecast: p.forecast,
            p10: p.p10,
            p50: p.p50,
            p90: p.p90,
            scale: method === 'timeSeries' ? (scale[i] ?? null) : null,
          })),
        );
        return { scope, horizon, method, metrics };
      });
      const ranks = rankings(
        rows.map((r) => r.metrics.wape),
        'lower',
      );
      rows.forEach((r, i) => summaries.push({ ...r, rank: ranks[i]?.rank ?? null }));
    }
  }
  return { asOf, periods: periods.map((p) => p.label), skipped, firstDeal, horizons, points, summaries };
}
