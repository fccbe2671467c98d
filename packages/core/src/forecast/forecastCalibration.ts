import type { ForecastScopeType } from './forecastScope.js';

/** A forecast with an interval next to what happened (a backtest point of a method with P10/P50/P90). */
export interface CalibrationPoint {
  readonly scope: { readonly type: ForecastScopeType };
  readonly horizon: number;
  readonly p10: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly actual: number;
}

/** How often the actuals of one scope level (or of all levels pooled) fell where the forecasts said. */
export interface CalibrationRow {
  /** The scope level, or 'all' for every level's forecasts pooled. */
  readonly level: ForecastScopeType | 'all';
  readonly horizon: number;
  /** Forecasts with P10, P50 and P90. */
  readonly count: number;
  /** Share of actuals inside [P10, P90] (target 80%). */
  readonly inside: number;
  /** Share of actuals below P50, an actual equal to P50 counting one half (target 50%). */
  readonly belowP50: number;
}

/** Calibration targets of metrics.md "Calibration": the share inside P10–P90 and below P50, each ± its tolerance. */
export const CALIBRATION_TARGETS = {
  inside: { target: 0.8, tolerance: 0.05 },
  belowP50: { target: 0.5, tolerance: 0.07 },
} as const;

const LEVELS: readonly ForecastScopeType[] = ['org', 'team', 'territory', 'rep'];

/**
 * The calibration table of metrics.md ("Calibration", under Compensation): per scope level and horizon, and pooled
 * over the levels per horizon, the share of actuals inside [P10, P90] and the share below P50, over the forecasts
 * that have percentiles. An actual equal to P50 counts one half below it (a scope whose outcome was certain, e.g. a
 * period already decided, is neither low nor high). Levels without forecasts are left out; rows are ordered by
 * level (org, team, territory, rep, all) and horizon.
 *
 * @example
 * forecastCalibration(report.points.filter((p) => p.method === 'monteCarlo'));
 */
export function forecastCalibration(points: readonly CalibrationPoint[]): CalibrationRow[] {
  const tally = new Map<string, { count: number; inside: number; below: number }>();
  const horizons = new Set<number>();
  const levels = new Set<ForecastScopeType>();
  for (const p of points) {
    if (p.p10 === null || p.p50 === null || p.p90 === null) continue;
    horizons.add(p.horizon);
    levels.add(p.scope.type);
    const inside = p.p10 <= p.actual && p.actual <= p.p90 ? 1 : 0;
    const below = p.actual < p.p50 ? 1 : p.actual === p.p50 ? 0.5 : 0;
    for (const key of [`${p.scope.type}|${p.horizon}`, `all|${p.horizon}`]) {
      const t = tally.get(key) ?? { count: 0, inside: 0, below: 0 };
      t.count++;
      t.inside += inside;
      t.below += below;
      tally.set(key, t);
    }
  }
  const rows: CalibrationRow[] = [];
  const sortedHorizons = [...horizons].sort((a, b) => a - b);
  for (const level of [...LEVELS.filter((l) => levels.has(l)), 'all' as const]) {
    for (const horizon of sortedHorizons) {
      const t = tally.get(`${level}|${horizon}`);
      if (!t) continue;
      rows.push({ level, horizon, count: t.count, inside: t.inside / t.count, belowP50: t.below / t.count });
    }
  }
  return rows;
}
