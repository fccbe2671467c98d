import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { autoMethod, type AutoChoice } from './autoMethod.js';
import { backtestForecasts, type BacktestReport } from './backtestForecasts.js';
import { forecastScopes, type ForecastScope } from './forecastScope.js';
import { scopeForecast, type MethodForecast, type ScopeForecast, type ScopeForecastOptions } from './scopeForecast.js';

export interface ForecastOptions extends ScopeForecastOptions {
  /** Scopes (default: every scope of the org). */
  readonly scopes?: readonly ForecastScope[];
  /**
   * The backtest `auto` chooses from: a report already run, or false to skip `auto`. By default the backtest of
   * metrics.md is run as of `asOf` over the same scopes (4 closed periods of the period's kind; 7, 30, 60 days).
   */
  readonly backtest?: BacktestReport | false;
}

/** A scope's forecasts with the `auto` choice. */
export interface ScopeForecastWithAuto extends ScopeForecast {
  /** The chosen method's forecast with the choice and its reason; null when `auto` was skipped. */
  readonly auto: (MethodForecast & { readonly choice: AutoChoice }) | null;
}

export interface ForecastReport {
  readonly period: { readonly label: string; readonly start: IsoDate; readonly end: IsoDate };
  readonly asOf: IsoDate;
  readonly currency: string;
  readonly scopes: readonly ScopeForecastWithAuto[];
  readonly backtest: BacktestReport | null;
}

/**
 * Forecasts a period as of a date for every scope (org, teams, territories, reps) with every method of
 * metrics.md "Forecast", and picks the `auto` method per scope from a backtest.
 *
 * @example
 * const report = computeForecast(snapshot, { period, asOf: '2026-11-16', seed: 42 });
 * report.scopes[0]?.auto?.forecast;
 */
export function computeForecast(snapshot: OrgSnapshot, options: ForecastOptions): ForecastReport {
  const { period, asOf } = options;
  const scopes = options.scopes ?? forecastScopes(snapshot);
  let backtest: BacktestReport | null = null;
  if (options.backtest !== false) {
    backtest =
      options.backtest ??
      backtestForecasts(snapshot, {
        ...options,
        asOf,
        scopes,
        periodType: periodTypeOf(period),
      });
  }
  const results = scopes.map((scope): ScopeForecastWithAuto => {
    const forecast = scopeForecast(snapshot, scope, options);
    if (!backtest) return { ...forecast, auto: null };
    const choice = autoMethod(backtest, scope, period, asOf);
    const chosen = forecast.methods[choice.method];
    return { ...forecast, auto: chosen ? { ...chosen, choice } : null };
  });
  return {
    period: { label: period.label, start: period.start, end: period.end },
    asOf,
    currency: snapshot.corporateCurrency,
    scopes: results,
    backtest,
  };
}

function periodTypeOf(period: FiscalPeriod): 'Quarter' | 'Month' | 'Year' {
  return period.type === 'Month' || period.type === 'Year' ? period.type : 'Quarter';
}
