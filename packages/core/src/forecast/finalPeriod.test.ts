import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { computeForecast } from './computeForecast.js';
import { forecastScopes } from './forecastScope.js';
import { FORECAST_METHODS, scopeForecast } from './scopeForecast.js';

const snapshot = createOrgSnapshot(smallOrg());
const org = forecastScopes(snapshot, ['org'])[0]!;
const q1 = snapshot.calendar.periodByLabel('FY2026-Q1')!;

describe('a period that ended on or before the as-of date is final', () => {
  it('FY2026-Q1 as of its last day: every method gives the closed won, commit no more', () => {
    // Won with close date in Q1 as of 03-31: A1 6,000, A3 9,000, A4 7,000, A5 2,000, B1 10,000 (8,000 EUR at 0.8),
    // C4 15,000, D1 3,000 = 52,000. Still open, closing in Q1: B4 7,500 (Commit, 03-30), C3 30,000, B2 null.
    const f = scopeForecast(snapshot, org, { period: q1, asOf: '2026-03-31', seed: 1 });
    expect(f).toMatchObject({ final: true, closedWon: 52000, bounds: { low: 52000, high: 52000 } });
    for (const method of FORECAST_METHODS) {
      expect(f.methods[method]).toMatchObject({
        forecast: 52000,
        p10: 52000,
        p50: 52000,
        p90: 52000,
        final: true,
        bounded: null,
      });
    }
    expect(f.methods.monteCarlo?.mean).toBe(52000);
    // The day before, the stale Commit deal B4 still counts: commit = 52,000 + 7,500.
    const before = scopeForecast(snapshot, org, { period: q1, asOf: '2026-03-30', seed: 1 });
    expect(before.final).toBe(false);
    expect(before.methods.commit).toMatchObject({ forecast: 59500, final: false });
  });

  it('a quarter long over (FY2025-Q4 as of 2026-03-15): 25,000 for every method, auto too', () => {
    // FY2025-Q4 won: C1 20,000 + E1 5,000.
    const q4 = snapshot.calendar.periodByLabel('FY2025-Q4')!;
    const report = computeForecast(snapshot, { period: q4, asOf: '2026-03-15', scopes: [org], seed: 1 });
    const s = report.scopes[0]!;
    expect(s.final).toBe(true);
    expect(s.auto).toMatchObject({ forecast: 25000, p10: 25000, p90: 25000, final: true });
    for (const method of FORECAST_METHODS) expect(s.methods[method]?.forecast).toBe(25000);
  });
});
