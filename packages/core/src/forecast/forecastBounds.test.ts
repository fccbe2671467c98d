import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg, smallOrgWithOmittedC3, users } from '../testing/smallOrg.js';
import { boundMethodForecast, forecastBounds } from './forecastBounds.js';
import { forecastScopes } from './forecastScope.js';
import { FORECAST_METHODS, scopeForecast, type MethodForecast } from './scopeForecast.js';

const snapshot = createOrgSnapshot(smallOrg());
const scopes = forecastScopes(snapshot, ['org', 'rep']);
const org = scopes[0]!;
const rep = (id: string) => scopes.find((s) => s.type === 'rep' && s.id === id)!;
const q1 = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const march = snapshot.calendar.periodByLabel('FY2026-M3')!;

describe('forecastBounds', () => {
  it('low = closed won; high = the pipeline roll-up + the P90 of the new business (R quantile type 1)', () => {
    // [0, 200, 500]: ceil(0.9 × 3) = 3rd value = 500.
    expect(forecastBounds(1000, 3000, [500, 0, 200])).toEqual({
      low: 1000,
      high: 3500,
      newBusinessP90: 500,
      renewalsDue: 0,
    });
    // Contracts due and not opened yet can still renew: their ceiling is added on top.
    expect(forecastBounds(1000, 3000, [500, 0, 200], 1200)).toEqual({
      low: 1000,
      high: 4700,
      newBusinessP90: 500,
      renewalsDue: 1200,
    });
    // 100, 200, …, 1000: ceil(0.9 × 10) = 9th value = 900.
    const ten = Array.from({ length: 10 }, (_, i) => 100 * (i + 1));
    expect(forecastBounds(0, 50, ten)).toEqual({ low: 0, high: 950, newBusinessP90: 900, renewalsDue: 0 });
    expect(forecastBounds(10, 10, [])).toEqual({ low: 10, high: 10, newBusinessP90: 0, renewalsDue: 0 });
  });

  it('clamps the point and every percentile, and flags the bound the point was moved to', () => {
    const bounds = { low: 100, high: 500, newBusinessP90: 0, renewalsDue: 0 };
    const f: MethodForecast = {
      method: 'timeSeries',
      forecast: 600,
      p10: 50,
      p50: 600,
      p90: 900,
      mean: null,
      detail: null,
      bounded: null,
      final: false,
    };
    expect(boundMethodForecast(f, bounds)).toMatchObject({
      forecast: 500,
      p10: 100,
      p50: 500,
      p90: 500,
      bounded: 'high',
    });
    expect(boundMethodForecast({ ...f, forecast: 40, p50: 40 }, bounds)).toMatchObject({
      forecast: 100,
      bounded: 'low',
    });
    expect(boundMethodForecast({ ...f, forecast: 300, p50: 300 }, bounds)).toMatchObject({
      forecast: 300,
      bounded: null,
    });
    expect(boundMethodForecast({ ...f, forecast: null }, bounds).bounded).toBeNull();
  });
});

describe('scopeForecast keeps every figure inside its bounds (the hand-built org)', () => {
  it('the org, FY2026-Q1 as of 2026-03-15: low = closed won 45,000; high = 45,000 + 44,500 open + 0', () => {
    // Open as of 03-15: A4 7,000 (Commit), B4 7,500 (Commit), C3 30,000 (Pipeline), B2 null; none Omitted.
    // New business: only FY2025-Q4 closed a deal; 73 days in (2025-12-13) C1 and E1 were already won → [0].
    const f = scopeForecast(snapshot, org, { period: q1, asOf: '2026-03-15', seed: 1 });
    expect(f.bounds).toEqual({ low: 45000, high: 89500, newBusinessP90: 0, renewalsDue: 0 });
    // timeSeries forecasts the period total from the one past quarter with bookings (FY2025-Q4: 25,000), below
    // what is already won: moved to the low bound, its percentiles with it.
    expect(f.methods.timeSeries).toMatchObject({ forecast: 45000, p50: 45000, bounded: 'low' });
    expect(f.methods.timeSeries!.p10).toBe(45000);
    expect(f.methods.commit).toMatchObject({ forecast: 59500, bounded: null });
    expect(f.methods.pipeline).toMatchObject({ forecast: 89500, bounded: null });
  });

  it('a rep whose timeSeries forecasts more than can still happen is moved to the high bound', () => {
    // Eve E won 5,000 in FY2025-Q4 and has nothing open in FY2026-Q1: high = 0 + 0 + 0, timeSeries ≈ 5,000.
    const f = scopeForecast(snapshot, rep(users.E), { period: q1, asOf: '2026-03-15', seed: 1 });
    expect(f.bounds).toEqual({ low: 0, high: 0, newBusinessP90: 0, renewalsDue: 0 });
    expect(f.methods.timeSeries).toMatchObject({ forecast: 0, p10: 0, p50: 0, p90: 0, bounded: 'high' });
  });

  it('the P90 of the new business widens the high bound (FY2026-M03 as of 2026-03-02)', () => {
    // Past months that closed a deal: M02, M12, M11 (M01, M10 and before closed none). One day into each:
    // M02 (point 02-02): B1 (10,000 USD, then closing 03-01) and C4 (created 02-05, 15,000) were unseen → 25,000;
    // M12 (12-02): C1 was open closing 12-15 → 0; M11 (11-02): E1 open closing 11-15 → 0. P90 of [0, 0, 25,000].
    // Closed won as of 03-02: A5 (no history: its record, won 2,000 closing 03-05). Open non-Omitted closing in
    // March: A3 10,000, A4 7,000, B4 5,000, C3 30,000, B2 null → 52,000.
    const f = scopeForecast(snapshot, org, { period: march, asOf: '2026-03-02', seed: 1 });
    expect(f.bounds).toEqual({ low: 2000, high: 79000, newBusinessP90: 25000, renewalsDue: 0 });
    // Bob B: M02 new business B1 10,000 → P90 10,000; open B4 5,000 → high 15,000.
    const b = scopeForecast(snapshot, rep(users.B), { period: march, asOf: '2026-03-02', seed: 1 });
    expect(b.bounds).toEqual({ low: 0, high: 15000, newBusinessP90: 10000, renewalsDue: 0 });
  });

  it('an Omitted deal counts in weighted but not in the high bound: weighted is moved down to it', () => {
    // C3 (30,000 at 20 %, closing 03-31) marked Omitted, with no history rows (its record is its state).
    const s = createOrgSnapshot(smallOrgWithOmittedC3());
    const c = forecastScopes(s, ['rep']).find((x) => x.id === users.C)!;
    const f = scopeForecast(s, c, { period: q1, asOf: '2026-03-15', seed: 1 });
    // Cy C: closed won C4 15,000; nothing open but the Omitted C3; new business of FY2025-Q4 73 days in: 0.
    expect(f.bounds).toEqual({ low: 15000, high: 15000, newBusinessP90: 0, renewalsDue: 0 });
    // weighted = 15,000 + 30,000 × 0.2 = 21,000 → 15,000, bounded high.
    expect(f.methods.weighted).toMatchObject({ forecast: 15000, bounded: 'high' });
    expect(f.methods.pipeline).toMatchObject({ forecast: 15000, bounded: null });
    for (const method of FORECAST_METHODS) {
      const m = f.methods[method]!;
      for (const x of [m.forecast, m.p10, m.p50, m.p90, m.mean]) if (x !== null) expect(x).toBe(15000);
    }
  });

  it('every figure of every scope lies inside its bounds, P10 ≤ P50 ≤ P90', () => {
    for (const asOf of ['2026-01-11', '2026-02-15', '2026-03-15']) {
      for (const scope of scopes) {
        const f = scopeForecast(snapshot, scope, { period: q1, asOf, seed: 2 });
        for (const method of FORECAST_METHODS) {
          const m = f.methods[method]!;
          for (const x of [m.forecast, m.p10, m.p50, m.p90, m.mean]) {
            if (x === null) continue;
            expect(x).toBeGreaterThanOrEqual(f.bounds.low);
            expect(x).toBeLessThanOrEqual(f.bounds.high);
          }
          if (m.p10 !== null) expect(m.p10 <= m.p50! && m.p50! <= m.p90!).toBe(true);
        }
      }
    }
  });
});
