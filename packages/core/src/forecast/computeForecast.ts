import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { autoMethod, type AutoChoice } from './autoMethod.js';
import {
  backtestForecasts,
  backtestForecastsWith,
  type BacktestOptions,
  type BacktestReport,
} from './backtestForecasts.js';
import { forecastScopes, type ForecastScope } from './forecastScope.js';
import type { MonteCarloRunner } from './monteCarloJob.js';
import {
  FORECAST_METHODS,
  scopeForecast,
  scopeForecastWith,
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
  const scopes = options.scopes ?? forecastScopes(snapshot);
  const backtest =
    options.backtest === false
      ? null
      : (options.backtest ?? backtestForecasts(snapshot, backtestOptions(snapshot, options, scopes)));
  const forecasts = scopes.map((scope) => scopeForecast(snapshot, scope, options));
  return forecastReport(snapshot, options, forecasts, backtest);
}

/**
 * `computeForecast` with each scope's Monte Carlo draws (and the backtest's) handed to `runMonteCarlo` (a pool of
 * threads, say) as soon as the scope is planned, so that the draws of earlier scopes run while later ones are
 * planned. The same report as `computeForecast`: each scope draws from its own seeded stream wherever it runs. With
 * `options.random` (one stream for every scope) the draws run here, in computeForecast's order.
 *
 * @example
 * const report = await computeForecastWith(pool.run, snapshot, { period, asOf: '2026-11-16', seed: 42 });
 */
export async function computeForecastWith(
  runMonteCarlo: MonteCarloRunner,
  snapshot: OrgSnapshot,
  options: ForecastOptions,
): Promise<ForecastReport> {
  const scopes = options.scopes ?? forecastScopes(snapshot);
  const backtest =
    options.backtest === false
      ? null
      : (options.backtest ??
        backtestForecastsWith(runMonteCarlo, snapshot, backtestOptions(snapshot, options, scopes)));
  const forecasts = Promise.all(scopes.map((scope) => scopeForecastWith(runMonteCarlo, snapshot, scope, options)));
  const [made, backtested] = await Promise.all([forecasts, backtest]);
  return forecastReport(snapshot, options, made, backtested);
}

/** The backtest `auto` chooses from: the org's, or with `perScope` every scope's too. */
function backtestOptions(
  snapshot: OrgSnapshot,
  options: ForecastOptions,
  scopes: readonly ForecastScope[],
): BacktestOptions {
  const org = forecastScopes(snapshot, ['org'])[0] as ForecastScope;
  // The org is one more scope of the backtest whatever the scopes forecast.
  const backtested = options.perScope === true ? [...scopes.filter((s) => s.type !== 'org'), org] : [org];
  return { ...options, asOf: options.asOf, scopes: backtested, periodType: periodTypeOf(options.period) };
}

/** The scopes' forecasts with `auto`'s choice from the backtest. */
function forecastReport(
  snapshot: OrgSnapshot,
  options: ForecastOptions,
  forecasts: readonly ScopeForecast[],
  backtest: BacktestReport | null,
): ForecastReport {
  const { period, asOf } = options;
  const perScope = options.perScope === true;
  const org = forecastScopes(snapshot, ['org'])[0] as ForecastScope;
  const runChoice = backtest && !perScope ? autoMethod(backtest, org, period, asOf, ADDITIVE_METHODS) : null;
  const withAuto = (forecast: ScopeForecast): ScopeForecastWithAuto => {
    if (!backtest) return { ...forecast, auto: null };
    const choice = runChoice ?? autoMethod(backtest, forecast.scope, period, asOf);
    const chosen = forecast.methods[choice.method];
    return { ...forecast, auto: chosen ? { ...chosen, choice } : null };
  };
  return {
    period: { label: period.label, start: period.start, end: period.end },
    asOf,
    currency: snapshot.corporateCurrency,
    scopes: forecasts.map(withAuto),
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
