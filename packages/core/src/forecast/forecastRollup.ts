import {
  rollupTotals,
  type ReconciliationReason,
  type Reconciliation,
  type RollupFigures,
} from '../hierarchy/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { scopePlacement } from './forecastScope.js';
import type { ScopeForecast } from './scopeForecast.js';

/** The forecast figures that add up over scopes (metrics.md "Hierarchy and roll-ups"); timeSeries and percentiles do not. */
export const ADDITIVE_FORECAST_FIGURES = [
  'quota',
  'closedWon',
  'openPipeline',
  'commit',
  'bestCase',
  'pipeline',
  'weighted',
  'stageHistory',
  'monteCarloMean',
] as const;

/**
 * A scope's additive forecast figures: its quota, closed won, open pipeline, and each computed method's forecast
 * (monteCarlo by its mean). Methods not computed are left out.
 *
 * @example
 * forecastFigures(report.scopes[0]!, quotas.get(`org|${orgId}`) ?? null).commit;
 */
export function forecastFigures(scoped: ScopeForecast, quota: number | null): RollupFigures {
  const m = scoped.methods;
  const figures: Record<string, number | null> = {
    quota,
    closedWon: scoped.closedWon,
    openPipeline: scoped.openPipeline,
  };
  for (const name of ['commit', 'bestCase', 'pipeline', 'weighted', 'stageHistory'] as const) {
    if (m[name]) figures[name] = m[name].forecast;
  }
  if (m.monteCarlo) figures['monteCarloMean'] = m.monteCarlo.mean;
  return figures;
}

/** Whether an additive figure of the scope was moved to a bound (commit, bestCase and pipeline never are). */
const movedToBound = (s: ScopeForecast): boolean =>
  (['weighted', 'stageHistory', 'monteCarlo'] as const).some((m) => (s.methods[m]?.bounded ?? null) !== null);

/**
 * The totals row of a forecast table and its reconciliation with the org's forecast (docs/rollups.md): teams add
 * their first-line teams, territories their top-level territories, reps every rep.
 *
 * @example
 * const { totals, reconciliation } = forecastRollup(snapshot, byTeam.scopes, org, quotas);
 */
export function forecastRollup(
  snapshot: OrgSnapshot,
  scopes: readonly ScopeForecast[],
  org: ScopeForecast,
  quotas: ReadonlyMap<string, number | null>,
): { totals: RollupFigures; reconciliation: Reconciliation | null } {
  const quotaOf = (s: ScopeForecast) => quotas.get(`${s.scope.type}|${s.scope.id}`) ?? null;
  const orgFigures = forecastFigures(org, quotaOf(org));
  const rows = scopes.map((s) => {
    const placement = scopePlacement(snapshot, s.scope);
    const topLevel = s.scope.type === 'rep' || s.scope.type === 'org' || placement.parentId === null;
    const figures = forecastFigures(s, quotaOf(s));
    return { figures: Object.fromEntries(Object.keys(orgFigures).map((k) => [k, figures[k] ?? null])), topLevel };
  });
  const type = scopes[0]?.scope.type ?? 'org';
  return rollupTotals(rows, orgFigures, (difference) => {
    const reasons: ReconciliationReason[] = [];
    const money = Object.entries(difference).some(([k, d]) => k !== 'quota' && d !== 0);
    if (type === 'team') reasons.push('OUTSIDE_TEAMS');
    if (type === 'territory') {
      if (money) reasons.push('UNASSIGNED_DEALS');
      if (difference['quota'] !== 0)
        reasons.push(snapshot.territoryQuotas.size > 0 ? 'TERRITORY_QUOTAS' : 'REPS_WITHOUT_TERRITORY');
    }
    if (type === 'rep') reasons.push('REPS_WITHOUT_ROW');
    if ([org, ...scopes].some(movedToBound)) reasons.push('BOUNDED_FIGURES');
    return reasons;
  });
}
