import { daysBetween, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { BacktestReport, BacktestSummary } from './backtestForecasts.js';
import type { ForecastScope } from './forecastScope.js';
import { FORECAST_METHODS, type ForecastMethod } from './scopeForecast.js';

/**
 * Why `auto` chose its method: `lowestWape` (the lowest backtest WAPE at the horizon), or `noWape` (no method has a
 * WAPE there — no period scored, or nothing won in them — so the fallback).
 */
export type AutoBasis = 'lowestWape' | 'noWape';

/** The method `auto` picks, with the data of its reason (the plugin words it). */
export interface AutoChoice {
  readonly method: ForecastMethod;
  readonly basis: AutoBasis;
  /** The scope whose backtest the choice rests on: the org for the whole run, or the scope itself per scope. */
  readonly scope: ForecastScope;
  /** Days from the period's start to the as-of date. */
  readonly daysIntoPeriod: number;
  /** The backtest horizon nearest to `daysIntoPeriod`; null when the backtest has none. */
  readonly horizon: number | null;
  /** The chosen method's WAPE at that horizon; null with `noWape`. */
  readonly wape: number | null;
  /** The next best method at that horizon and its WAPE. */
  readonly runnerUp: { readonly method: ForecastMethod; readonly wape: number } | null;
  /** The periods the backtest scored, oldest first (its window). */
  readonly periods: readonly string[];
}

/** What `auto` falls back to when the backtest cannot tell methods apart. */
export const AUTO_FALLBACK: ForecastMethod = 'weighted';

/**
 * The `auto` method (metrics.md "Forecast"): the method with the lowest WAPE in `report` for `scope` at the horizon
 * nearest to how far `asOf` is into `period` (ties: the earlier method in `FORECAST_METHODS`, the simpler one). When
 * no method has a WAPE there (no period scored, nothing won in them, or the scope was not backtested), weighted,
 * with basis `noWape`. The run's choice is the org scope's (see `computeForecast`).
 *
 * @example
 * autoMethod(report, orgScope, period, '2026-11-16'); // { method: 'timeSeries', basis: 'lowestWape', horizon: 30, … }
 */
export function autoMethod(
  report: BacktestReport,
  scope: ForecastScope,
  period: FiscalPeriod,
  asOf: IsoDate,
  /** The methods to choose from (default: every method). */
  candidates: readonly ForecastMethod[] = FORECAST_METHODS,
): AutoChoice {
  const into = daysBetween(period.start, asOf);
  let horizon: number | null = null;
  for (const h of report.horizons) if (horizon === null || Math.abs(h - into) < Math.abs(horizon - into)) horizon = h;
  const rows = report.summaries.filter(
    (s) =>
      s.horizon === horizon &&
      s.scope.type === scope.type &&
      s.scope.id === scope.id &&
      s.metrics.wape !== null &&
      candidates.includes(s.method),
  );
  const order = (s: BacktestSummary) => FORECAST_METHODS.indexOf(s.method);
  rows.sort((a, b) => (a.metrics.wape as number) - (b.metrics.wape as number) || order(a) - order(b));
  const [best, next] = rows;
  const common = { scope, daysIntoPeriod: into, horizon, periods: report.periods };
  if (!best || horizon === null)
    return { ...common, method: AUTO_FALLBACK, basis: 'noWape', wape: null, runnerUp: null };
  return {
    ...common,
    method: best.method,
    basis: 'lowestWape',
    wape: best.metrics.wape,
    runnerUp: next ? { method: next.method, wape: next.metrics.wape as number } : null,
  };
}
