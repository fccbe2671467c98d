import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { autoMethod, type AutoChoice } from './autoMethod.js';
import { backtestForecasts, type BacktestReport } from './backtestForecasts.js';
import { forecastScopes, type ForecastScope } from './forecastScope.js';
import {
  FORECAST_METHODS,
  scopeForecast,
  type ForecastMethod,
  type MethodForecast,
  type ScopeForecast,
  type ScopeForecastOptions,
} from './scopeForecast.js';

export interface ForecastOptions extends ScopeForecastOptions {
  /** Scopes (default: every scope of the org). */
  readonly scopes?: readonly ForecastScope[];
  /**
   * The backtest `auto` chooses from: a report already run, or false to skip `auto`. By default the backtest of
   * metrics.md is run as of `asOf` (4 closed periods of the period's kind; 7, 30, 60 days) over the org scope, and
   * with `perScope` over every scope too.
   */
  readonly backtest?: BacktestReport | false;
  /** `auto` chooses per scope from the scope's own backtest (figures then do not roll up); default: one choice. */
  readonly perScope?: boolean;
}

/** A scope's forecasts with the `auto` choice. */
export interface ScopeForecastWithAuto extends ScopeForecast {
  /** The chosen method's forecast with the choice; null when `auto` was skipped. */
  readonly auto: (MethodForecast & { readonly choice: AutoChoice }) | null;
}

export interface ForecastReport {
  readonly period: { readonly label: string; readonly start: IsoDate; readonly end: IsoDate };
  readonly asOf: IsoDate;
  readonly currency: string;
  readonly scopes: readonly ScopeForecastWithAuto[];
  /** The run's `auto` choice (the org's backtest); null per scope or when `auto` was skipped. */
  readonly auto: AutoChoice | null;
  readonly perScope: boolean;
  readonly backtest: BacktestReport | null;
}

/**
 * Forecasts a period as of a date for every scope (org, teams, territories, reps) with every method of
 * metrics.md "Forecast", and `auto`: one method for the whole run, the one with the lowest org-level backtest WAPE
 * at the horizon nearest to how far `asOf` is into the period, among the methods whose figures add up over scopes
 * (`ADDITIVE_METHODS`: timeSeries fits each scope's own series, so its teams never sum to its org), so that every
 * scope's figure rolls up; with `perScope`, each scope's own lowest WAPE among every method.
 *
 * @example
 * const report = computeForecast(snapshot, { period, asOf: '2026-11-16', seed: 42 });
 * report.auto?.method; report.scopes[0]?.auto?.forecast;
 */
export function computeForecast(snapshot: OrgSnapshot, options: ForecastOptions): ForecastReport {
  const { period, asOf } = options;
  const perScope = options.perScope === true;
  const scopes = options.scopes ?? forecastScopes(snapshot);
  const org = forecastScopes(snapshot, ['org'])[0] as ForecastScope;
  let backtest: BacktestReport | null = null;
  if (options.backtest !== false) {
    // The org is one more scope of the backtest whatever the scopes forecast.
    const backtested = perScope ? [...scopes.filter((s) => s.type !== 'org'), org] : [org];
    backtest =
      options.backtest ??
      backtestForecasts(snapshot, { ...options, asOf, scopes: backtested, periodType: periodTypeOf(period) });
  }
  const runChoice = backtest && !perScope ? autoMethod(backtest, org, period, asOf, ADDITIVE_METHODS) : null;
  const results = scopes.map((scope): ScopeForecastWithAuto => {
    const forecast = scopeForecast(snapshot, scope, options);
    if (!backtest) return { ...forecast, auto: null };
    const choice = runChoice ?? autoMethod(backtest, scope, period, asOf);
    const chosen = forecast.methods[choice.method];
    return { ...forecast, auto: chosen ? { ...chosen, choice } : null };
  });
  return {
    period: { label: period.label, start: period.start, end: period.end },
    asOf,
    currency: snapshot.corporateCurrency,
    scopes: results,
    auto: runChoice,
    perScope,
    backtest,
  };
}

/**
 * The methods whose figure for a scope is a sum over its deals (and its owners' past new business), so that the org's
 * equals the sum of its teams' and of its reps': every method but timeSeries (monteCarlo by its mean).
 */
export const ADDITIVE_METHODS: readonly ForecastMethod[] = FORECAST_METHODS.filter((m) => m !== 'timeSeries');

function periodTypeOf(period: FiscalPeriod): 'Quarter' | 'Month' | 'Year' {
  return period.type === 'Month' || period.type === 'Year' ? period.type : 'Quarter';
}
