import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg, users } from '../testing/smallOrg.js';
import { computeForecast } from './computeForecast.js';
import { forecastScopes } from './forecastScope.js';

const snapshot = createOrgSnapshot(smallOrg());
const q1 = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const asOf = '2026-03-15';
const reps = forecastScopes(snapshot, ['rep']);
const rep = (report: ReturnType<typeof computeForecast>, id: string) => report.scopes.find((s) => s.scope.id === id)!;

// The backtest scores FY2025-Q4 only (the quarters before start before the first deal). 73 days into FY2026-Q1 the
// nearest horizon is 60 (2025-11-30):
// - org: actual 25,000 (C1 20,000 + E1 5,000); C1 was in Negotiation (Commit), E1 won → commit exact (WAPE 0), tied
//   with bestCase: commit, the simpler one.
// - Cy C: actual 20,000, commit exact → commit. Ann A: won nothing in FY2025-Q4 (A3 was lost) → no WAPE → weighted.
describe('auto: one method for the whole run, from the org-level backtest', () => {
  it('by rep: the org is backtested too, and every rep uses its choice', () => {
    const report = computeForecast(snapshot, { period: q1, asOf, seed: 5, scopes: reps });
    expect(report.perScope).toBe(false);
    expect(report.auto).toMatchObject({
      method: 'commit',
      basis: 'lowestWape',
      scope: { type: 'org' },
      horizon: 60,
      wape: 0,
      runnerUp: { method: 'bestCase', wape: 0 },
      periods: ['FY2025-Q4'],
    });
    // Only the org was backtested: its choice is the run's.
    expect(new Set(report.backtest!.summaries.map((s) => s.scope.type))).toEqual(new Set(['org']));
    for (const s of report.scopes) {
      expect(s.auto?.choice.method).toBe('commit');
      expect(s.auto?.forecast).toBe(s.methods.commit?.forecast);
    }
    // Ann A: A1 6,000 + A3 9,000 + A5 2,000 won, A4 7,000 open in Commit → 24,000.
    expect(rep(report, users.A).auto?.forecast).toBe(24000);
    // So the reps add up to the org: Σ commit = 59,500.
    expect(report.scopes.reduce((t, s) => t + (s.auto?.forecast ?? 0), 0)).toBe(59500);
  });

  it('--per-scope: each scope its own choice, which here differ', () => {
    const report = computeForecast(snapshot, { period: q1, asOf, seed: 5, scopes: reps, perScope: true });
    expect(report.perScope).toBe(true);
    expect(report.auto).toBeNull();
    expect(rep(report, users.C).auto?.choice).toMatchObject({ method: 'commit', basis: 'lowestWape', wape: 0 });
    expect(rep(report, users.A).auto?.choice).toMatchObject({ method: 'weighted', basis: 'noWape', wape: null });
    // Ann A weighted: 17,000 won + A4 7,000 × 60 % = 21,200.
    expect(rep(report, users.A).auto?.forecast).toBeCloseTo(21200, 9);
    // The org is one more scope of the backtest.
    expect(report.backtest!.summaries.some((s) => s.scope.type === 'org')).toBe(true);
  });

  it('a yearly period with no closed year since the data began: weighted, with nothing scored', () => {
    // FY2025 (2025-01-01…12-31) starts before the first deal (2025-09-01) and is skipped.
    const fy2026 = snapshot.calendar.periodByLabel('FY2026')!;
    const report = computeForecast(snapshot, { period: fy2026, asOf, seed: 5, scopes: reps });
    expect(report.backtest?.periods).toEqual([]);
    expect(report.backtest?.skipped.map((s) => s.label)).toEqual(['FY2022', 'FY2023', 'FY2024', 'FY2025']);
    expect(report.auto).toMatchObject({ method: 'weighted', basis: 'noWape', horizon: 60, periods: [] });
  });
});
