import {
  computeForecastWith,
  forecastScopes,
  ratio,
  scopePlacement,
  scopeQuotas,
  type FiscalPeriod,
  type ForecastReport,
  type MonteCarloRunner,
  type OrgSnapshot,
  type Performance,
  type PerformanceReport,
  type ScopeForecastWithAuto,
} from '@salesops/core';
import type { Headline, PastForecast, ReportData, TeamFigures } from './reportTypes.js';

/**
 * The run's forecast exactly as `sf salesops forecast` computes it (computeForecastWith with `auto`: one method for the
 * run from the org's backtest, the same seed and draws), for the org and every team.
 */
export function runForecast(
  runMonteCarlo: MonteCarloRunner,
  snapshot: OrgSnapshot,
  { period, asOf, seed }: { period: FiscalPeriod; asOf: string; seed: number },
): Promise<ForecastReport> {
  return computeForecastWith(runMonteCarlo, snapshot, {
    period,
    asOf,
    seed,
    scopes: forecastScopes(snapshot, ['org', 'team']),
  });
}

/** The one figure the summary leads with: the org's auto forecast, why, against quota, with its range. */
export function headlineOf(report: ForecastReport, quota: number | null): Headline {
  const org = report.scopes.find((s) => s.scope.type === 'org') as ScopeForecastWithAuto;
  const chosen = org.auto;
  const choice = chosen?.choice ?? null;
  const ownRange = chosen !== null && chosen.p10 !== null && chosen.p90 !== null;
  const monteCarlo = org.methods.monteCarlo ?? null;
  return {
    method: choice?.method ?? null,
    basis: choice?.basis === 'noWape' ? 'noWape' : choice ? 'lowestWape' : null,
    horizon: choice?.horizon ?? null,
    wape: choice?.wape ?? null,
    runnerUp: choice?.runnerUp ?? null,
    periods: choice?.periods ?? [],
    forecast: chosen?.forecast ?? null,
    quota,
    closedWon: org.closedWon,
    forecastAttainment: ratio(chosen?.forecast ?? null, quota),
    low: ownRange ? chosen.p10 : (monteCarlo?.p10 ?? null),
    high: ownRange ? chosen.p90 : (monteCarlo?.p90 ?? null),
    rangeMethod: ownRange ? chosen.method : monteCarlo ? 'monteCarlo' : null,
    final: org.final,
  };
}

/** The org and each team: forecast (the run's method) beside quota, pipeline and coverage of computePerformance. */
export function scopeFigures(
  snapshot: OrgSnapshot,
  report: ForecastReport,
  performance: PerformanceReport,
  { period, asOf }: { period: FiscalPeriod; asOf: string },
): { org: TeamFigures; teams: TeamFigures[] } {
  const quotas = scopeQuotas(snapshot, period, asOf, ['team', 'org']);
  const teamPerformance = new Map(performance.teams.map((t) => [t.roleId, t as Performance]));
  const figures = report.scopes.map((s): TeamFigures => {
    const p = s.scope.type === 'org' ? performance.org : teamPerformance.get(s.scope.id);
    const placement = scopePlacement(snapshot, s.scope);
    const range = s.auto && s.auto.p10 !== null ? s.auto : (s.methods.monteCarlo ?? null);
    return {
      id: s.scope.id,
      name: s.scope.name,
      depth: placement.depth ?? 0,
      parentId: s.scope.type === 'org' ? null : (placement.parentId ?? report.scopes[0]?.scope.id ?? null),
      quota: quotas.get(`${s.scope.type}|${s.scope.id}`) ?? null,
      closedWon: s.closedWon,
      forecast: s.auto?.forecast ?? null,
      low: range?.p10 ?? null,
      high: range?.p90 ?? null,
      openPipeline: p?.openPipeline ?? 0,
      remainingQuota: p?.remainingQuota ?? null,
      coverage: p?.coverage ?? null,
      requiredCoverage: p?.requiredCoverage ?? null,
    };
  });
  const [org, ...teams] = figures;
  return { org: org as TeamFigures, teams };
}

/** The backtest behind the choice: every method's accuracy at every horizon (org), and the chosen one per period. */
export function accuracyOf(report: ForecastReport): Pick<ReportData, 'accuracy' | 'pastForecasts'> {
  const backtest = report.backtest;
  if (!backtest) return { accuracy: [], pastForecasts: [] };
  const org = (s: { scope: { type: string } }) => s.scope.type === 'org';
  const accuracy = backtest.summaries
    .filter(org)
    .map((s) => ({
      method: s.method,
      horizon: s.horizon,
      wape: s.metrics.wape,
      bias: s.metrics.bias,
      coverage: s.metrics.coverage,
      rank: s.rank,
    }))
    .sort((a, b) => a.horizon - b.horizon || (a.rank ?? 99) - (b.rank ?? 99));
  const choice = report.auto;
  const pastForecasts: PastForecast[] = choice
    ? backtest.points
        .filter((p) => org(p) && p.method === choice.method && p.horizon === choice.horizon)
        .map((p) => ({ period: p.period, forecast: p.forecast, actual: p.actual }))
    : [];
  return { accuracy, pastForecasts };
}
