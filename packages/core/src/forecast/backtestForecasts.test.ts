import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { autoMethod } from './autoMethod.js';
import { backtestForecasts } from './backtestForecasts.js';
import { computeForecast } from './computeForecast.js';
import { forecastScopes } from './forecastScope.js';
import { FORECAST_METHODS } from './scopeForecast.js';

const snapshot = createOrgSnapshot(smallOrg());
const asOf = '2026-03-15';
const org = forecastScopes(snapshot, ['org'])[0]!;

describe('backtestForecasts on the hand-built org (as of 2026-03-15)', () => {
  const report = backtestForecasts(snapshot, { asOf, scopes: [org], seed: 3 });
  const point = (period: string, horizon: number, method: string) =>
    report.points.find((p) => p.period === period && p.horizon === horizon && p.method === method)!;

  it('scores the last 4 closed quarters that start on or after the first deal, at 7, 30 and 60 days', () => {
    // The first deal, E1, was created 2025-09-01: FY2025-Q1…Q3 start before it (their actual is unknown, not 0).
    expect(report.firstDeal).toBe('2025-09-01');
    expect(report.periods).toEqual(['FY2025-Q4']);
    expect(report.skipped).toEqual([
      { label: 'FY2025-Q1', reason: 'beforeFirstDeal' },
      { label: 'FY2025-Q2', reason: 'beforeFirstDeal' },
      { label: 'FY2025-Q3', reason: 'beforeFirstDeal' },
    ]);
    expect(report.horizons).toEqual([7, 30, 60]);
    expect(report.points).toHaveLength(1 * 3 * FORECAST_METHODS.length);
  });

  it('rebuilds the deals as of start(P) + h and compares with the closed won of P', () => {
    // FY2025-Q4 closed won: C1 20,000 + E1 5,000 = 25,000.
    // As of 10-08 (h = 7): C1 Prospecting 20,000 (Pipeline), E1 Proposal 5,000 (Best Case); C2 (created 10-15) and
    // A3 do not exist yet. commit 0, bestCase 5,000, pipeline 25,000.
    expect(point('FY2025-Q4', 7, 'commit')).toMatchObject({
      madeAsOf: '2025-10-08',
      forecast: 0,
      actual: 25000,
      ape: 1,
    });
    expect(point('FY2025-Q4', 7, 'bestCase')).toMatchObject({ forecast: 5000, error: 20000, ape: 0.8 });
    expect(point('FY2025-Q4', 7, 'pipeline')).toMatchObject({ forecast: 25000, error: 0, ape: 0 });
    // As of 11-30 (h = 60): E1 won 5,000; C1 Negotiation (Commit) 20,000; A3 Qualification 10,000; C2 lost.
    // commit = bestCase = 25,000 (exact); weighted 5,000 + 20,000 × 0.8 + 10,000 × 0.2 = 23,000.
    expect(point('FY2025-Q4', 60, 'commit').forecast).toBe(25000);
    expect(point('FY2025-Q4', 60, 'weighted').forecast).toBeCloseTo(23000, 9);
    // No quarter before FY2025-Q4 won anything: no bookings series, so no timeSeries forecast.
    expect(point('FY2025-Q4', 60, 'timeSeries').forecast).toBeNull();
    // The skipped quarters have no points.
    expect(report.points.some((p) => p.period !== 'FY2025-Q4')).toBe(false);
  });

  it('summarises per scope × horizon × method and ranks by WAPE', () => {
    const at = (horizon: number, method: string) =>
      report.summaries.find((s) => s.horizon === horizon && s.method === method)!;
    // h = 7: ΣA = 25,000; commit Σ|e| 25,000 → WAPE 1, bias −1; bestCase 20,000 → 0.8; pipeline exact.
    expect(at(7, 'commit').metrics).toMatchObject({ wape: 1, bias: -1, mape: 1, count: 1 });
    expect(at(7, 'bestCase').metrics).toMatchObject({ wape: 0.8, bias: -0.8 });
    expect(at(7, 'pipeline').metrics).toMatchObject({ wape: 0, bias: 0, mape: 0 });
    expect(at(7, 'pipeline').rank).toBe(1);
    // sMAPE: FY2025-Q4 commit 200 × 25,000 / (25,000 + 0) = 200, the only point.
    expect(at(7, 'commit').metrics.smape).toBe(200);
    expect(at(7, 'commit').rank).toBeGreaterThan(at(7, 'pipeline').rank!);
    // h = 60: commit and bestCase are exact (WAPE 0) and share rank 1; weighted 2,000 / 25,000.
    expect([at(60, 'commit').rank, at(60, 'bestCase').rank]).toEqual([1, 1]);
    expect(at(60, 'weighted').metrics.wape).toBeCloseTo(0.08, 12);
    // Only monteCarlo (and timeSeries) have intervals; MASE only for timeSeries.
    expect(at(60, 'commit').metrics.coverage).toBeNull();
    expect(at(60, 'monteCarlo').metrics.coverage).not.toBeNull();
    expect(at(60, 'commit').metrics.mase).toBeNull();
  });

  it('auto: the lowest WAPE at the horizon nearest to how far the as-of date is into the period', () => {
    const q1 = snapshot.calendar.periodByLabel('FY2026-Q1')!;
    // 2026-03-15 is 73 days into FY2026-Q1: nearest horizon 60, where commit and bestCase tie at 0 → commit.
    const choice = autoMethod(report, org, q1, asOf);
    expect(choice).toEqual({
      method: 'commit',
      basis: 'lowestWape',
      scope: org,
      daysIntoPeriod: 73,
      horizon: 60,
      wape: 0,
      runnerUp: { method: 'bestCase', wape: 0 },
      periods: ['FY2025-Q4'],
    });
    // 10 days in: horizon 7, where only pipeline was exact.
    expect(autoMethod(report, org, q1, '2026-01-11')).toMatchObject({ method: 'pipeline', horizon: 7, wape: 0 });
    // A scope that was not backtested falls back to weighted, and says why.
    const other = forecastScopes(snapshot, ['rep'])[0]!;
    expect(autoMethod(report, other, q1, asOf)).toMatchObject({
      method: 'weighted',
      basis: 'noWape',
      wape: null,
      runnerUp: null,
    });
  });
});

describe('computeForecast', () => {
  it('every scope with every method, and auto with its reason', () => {
    const q1 = snapshot.calendar.periodByLabel('FY2026-Q1')!;
    const report = computeForecast(snapshot, { period: q1, asOf, seed: 5 });
    expect(report.scopes.map((s) => s.scope.type)).toEqual([
      'org',
      'team',
      'team',
      'territory',
      'territory',
      'territory',
      'territory',
      'rep',
      'rep',
      'rep',
      'rep',
      'rep',
    ]);
    const o = report.scopes[0]!;
    expect([o.closedWon, o.openPipeline, o.openDeals]).toEqual([45000, 44500, 4]);
    expect(o.methods.commit?.forecast).toBe(59500);
    expect(o.methods.stageHistory?.forecast).toBeCloseTo(60240, 6);
    expect(o.auto?.choice.method).toBe('commit');
    expect(o.auto?.forecast).toBe(59500);
    // timeSeries never forecasts less than what is already won.
    for (const s of report.scopes) {
      const ts = s.methods.timeSeries;
      if (ts?.forecast != null) expect(ts.forecast).toBeGreaterThanOrEqual(s.closedWon);
    }
    expect(computeForecast(snapshot, { period: q1, asOf, scopes: [org], backtest: false }).scopes[0]?.auto).toBeNull();
  });
});
