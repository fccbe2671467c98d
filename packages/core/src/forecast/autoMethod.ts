import { daysBetween, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { BacktestReport, BacktestSummary } from './backtestForecasts.js';
import type { ForecastScope } from './forecastScope.js';
import { FORECAST_METHODS, type ForecastMethod } from './scopeForecast.js';

/** The method `auto` picks for a scope, and why. */
export interface AutoChoice {
  readonly method: ForecastMethod;
  /** The backtest horizon the choice was made at; null when there was nothing to choose on. */
  readonly horizon: number | null;
  readonly wape: number | null;
  readonly reason: string;
}

/** What `auto` falls back to when the backtest cannot tell methods apart. */
export const AUTO_FALLBACK: ForecastMethod = 'weighted';

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The `auto` method (metrics.md "Forecast"): per scope, the method with the lowest backtest WAPE at the horizon
 * nearest to how far `asOf` is into `period` (ties: the earlier method in `FORECAST_METHODS`). When no method has a
 * WAPE there (the scope won nothing in the backtest periods, or was not backtested), weighted, with the reason.
 *
 * @example
 * autoMethod(report, scope, period, '2026-11-16').reason;
 * // 'stageHistory: lowest backtest WAPE at 7 days into the period (12.3% over FY2026-Q4…FY2027-Q3); next: weighted 15.0%'
 */
export function autoMethod(
  report: BacktestReport,
  scope: ForecastScope,
  period: FiscalPeriod,
  asOf: IsoDate,
): AutoChoice {
  const into = daysBetween(period.start, asOf);
  let horizon: number | null = null;
  for (const h of report.horizons) if (horizon === null || Math.abs(h - into) < Math.abs(horizon - into)) horizon = h;
  const rows = report.summaries.filter(
    (s) => s.horizon === horizon && s.scope.type === scope.type && s.scope.id === scope.id && s.metrics.wape !== null,
  );
  const order = (s: BacktestSummary) => FORECAST_METHODS.indexOf(s.method);
  rows.sort((a, b) => (a.metrics.wape as number) - (b.metrics.wape as number) || order(a) - order(b));
  const best = rows[0];
  const window =
    report.periods.length === 0 ? 'no periods' : `${report.periods[0]}…${report.periods[report.periods.length - 1]}`;
  if (!best || horizon === null) {
    return {
      method: AUTO_FALLBACK,
      horizon,
      wape: null,
      reason: `${AUTO_FALLBACK}: no backtest WAPE for this scope (no closed won over ${window}); weighted by default`,
    };
  }
  const next = rows[1];
  return {
    method: best.method,
    horizon,
    wape: best.metrics.wape,
    reason:
      `${best.method}: lowest backtest WAPE at ${horizon} days into the period ` +
      `(${percent(best.metrics.wape as number)} over ${window})` +
      (next ? `; next: ${next.method} ${percent(next.metrics.wape as number)}` : ''),
  };
}
