/**
 * The Monte Carlo calibration of a sample org, shared by `npm run calibration` and test/forecastCalibration.test.ts:
 * the backtest of `sf salesops forecast accuracy` (4 closed quarters as of the anchor date, horizons 7, 30 and 60
 * days, seed 42) for the org, its teams and its reps, summed up by forecastCalibration, and the pooled WAPE of the
 * point forecast (the Monte Carlo mean) per horizon.
 */
import {
  backtestForecasts,
  createOrgSnapshot,
  forecastCalibration,
  forecastScopes,
  scopeMembership,
  type CalibrationRow,
  type ForecastScope,
  type OrgSnapshot,
} from '@salesops/core';
import { SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';

/**
 * Each set of deals once: a team whose owners are those of another team, or of the whole org, is left out (role
 * hierarchies list a team under its manager's role and its reps' role; the top role holds the org). With team
 * hierarchies that name each team once this leaves every scope in.
 */
export function distinctScopes(snapshot: OrgSnapshot, scopes: readonly ForecastScope[]): ForecastScope[] {
  const owners = new Set<string>();
  for (const o of snapshot.data.opportunities) if (o.OwnerId !== null) owners.add(o.OwnerId);
  const seen = new Set<string>([[...owners].sort().join(',')]);
  return scopes.filter((scope) => {
    if (scope.type !== 'team') return true;
    const member = scopeMembership(snapshot, scope);
    const key = [...(member.partition?.keys ?? [])]
      .filter((id) => owners.has(id))
      .sort()
      .join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The calibration rows of the sample org in `dir`, with the periods scored. */
export async function sampleOrgCalibration(
  dir: string,
  /** false: the independent-coins Monte Carlo of before (see ScopeForecastOptions.monteCarloUncertainty). */
  monteCarloUncertainty = true,
): Promise<{ periods: string[]; rows: CalibrationRow[]; wape: Map<number, number> }> {
  const snapshot = createOrgSnapshot(await readDataDir(dir));
  const report = backtestForecasts(snapshot, {
    asOf: SAMPLE_ANCHOR_DATE,
    seed: 42,
    methods: ['monteCarlo'],
    monteCarloUncertainty,
    scopes: distinctScopes(snapshot, forecastScopes(snapshot, ['org', 'team', 'rep'])),
  });
  // Σ |actual − mean| / Σ actual over the org, team and rep forecasts of each horizon (metrics.md "WAPE").
  const sums = new Map<number, { error: number; actual: number }>();
  for (const p of report.points) {
    const t = sums.get(p.horizon) ?? { error: 0, actual: 0 };
    t.error += Math.abs(p.actual - (p.forecast ?? 0));
    t.actual += p.actual;
    sums.set(p.horizon, t);
  }
  const wape = new Map([...sums].map(([h, t]) => [h, t.actual > 0 ? t.error / t.actual : 0]));
  return { periods: [...report.periods], rows: forecastCalibration(report.points), wape };
}
