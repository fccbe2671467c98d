/**
 * The Monte Carlo calibration of a sample org, shared by `npm run calibration` and test/forecastCalibration.test.ts:
 * the backtest of `sf salesops forecast accuracy` (closed quarters as of the anchor date, horizons 7, 30 and 60
 * days, seed 42) for the org, its teams and its reps, summed up by forecastCalibration, and the pooled WAPE of the
 * point forecast (the Monte Carlo mean) per horizon.
 */
import {
  addDays,
  backtestForecasts,
  backtestPeriods,
  createOrgSnapshot,
  EXPOSURE_DAYS,
  firstDealDate,
  forecastCalibration,
  forecastScopes,
  scopeMembership,
  type BacktestPoint,
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

/**
 * How many closed quarters as of `asOf` have their whole 182-day exposure window (EXPOSURE_DAYS before the quarter's
 * start) inside the data: the quarters whose deal flow the Monte Carlo's new business can measure, the rule it
 * applies to its own past periods (historicalNewBusiness). Fixed before the longer backtest was looked at.
 */
export function exposedQuarterCount(snapshot: OrgSnapshot, asOf: string): number {
  const first = firstDealDate(snapshot);
  if (first === null) return 0;
  const { scored } = backtestPeriods(snapshot, asOf, 'Quarter', 60);
  return scored.filter((p) => addDays(p.start, -EXPOSURE_DAYS) >= first).length;
}

export interface SampleOrgCalibrationOptions {
  /** false: the independent-coins Monte Carlo of before (see ScopeForecastOptions.monteCarloUncertainty). */
  readonly monteCarloUncertainty?: boolean;
  /** Quarters scored: a number (default 4, as `forecast accuracy`), or 'exposed' for exposedQuarterCount. */
  readonly periods?: number | 'exposed';
}

/** The calibration rows of the sample org in `dir`, with the periods scored and the Monte Carlo points. */
export async function sampleOrgCalibration(
  dir: string,
  options: SampleOrgCalibrationOptions = {},
): Promise<{ periods: string[]; rows: CalibrationRow[]; wape: Map<number, number>; points: BacktestPoint[] }> {
  const snapshot = createOrgSnapshot(await readDataDir(dir));
  const periods = options.periods ?? 4;
  const report = backtestForecasts(snapshot, {
    asOf: SAMPLE_ANCHOR_DATE,
    periods: periods === 'exposed' ? exposedQuarterCount(snapshot, SAMPLE_ANCHOR_DATE) : periods,
    seed: 42,
    methods: ['monteCarlo'],
    monteCarloUncertainty: options.monteCarloUncertainty ?? true,
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
  return { periods: [...report.periods], rows: forecastCalibration(report.points), wape, points: [...report.points] };
}
