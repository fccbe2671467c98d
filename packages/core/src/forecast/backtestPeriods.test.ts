import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { backtestPeriods } from './backtestForecasts.js';
import { bookingsSeries } from './bookingsSeries.js';

const snapshot = createOrgSnapshot(smallOrg());
const labels = (r: ReturnType<typeof backtestPeriods>) => ({
  scored: r.scored.map((p) => p.label),
  skipped: r.skipped.map((p) => p.label),
});

// The hand-built org's first deal, E1, was created 2025-09-01 (11:00 in New York).
describe('backtestPeriods: the closed periods a backtest scores', () => {
  it('a quarter ending on the as-of date is closed and scored', () => {
    expect(labels(backtestPeriods(snapshot, '2025-12-31', 'Quarter', 4))).toEqual({
      scored: ['FY2025-Q4'],
      skipped: ['FY2025-Q1', 'FY2025-Q2', 'FY2025-Q3'],
    });
    // The day before, FY2025-Q4 is not over: the last four closed quarters all start before the first deal.
    expect(labels(backtestPeriods(snapshot, '2025-12-30', 'Quarter', 4))).toEqual({
      scored: [],
      skipped: ['FY2024-Q4', 'FY2025-Q1', 'FY2025-Q2', 'FY2025-Q3'],
    });
  });

  it('the last k, oldest first; a period starting on or after the first deal counts', () => {
    expect(labels(backtestPeriods(snapshot, '2026-03-31', 'Quarter', 2))).toEqual({
      scored: ['FY2025-Q4', 'FY2026-Q1'],
      skipped: [],
    });
    // Months: 2025-09 starts on 09-01, the first deal's day, so it is scored; 2025-08 is not.
    expect(labels(backtestPeriods(snapshot, '2025-10-31', 'Month', 3))).toEqual({
      scored: ['FY2025-M9', 'FY2025-M10'],
      skipped: ['FY2025-M8'],
    });
    expect(backtestPeriods(snapshot, '2025-10-31', 'Month', 3).firstDeal).toBe('2025-09-01');
  });

  it('the bookings series timeSeries forecasts from includes a period ending on the as-of date', () => {
    // FY2026-Q1 as of 2025-12-31: FY2025-Q4 (C1 20,000 + E1 5,000) is over, so the next quarter is one step ahead.
    const q1 = snapshot.calendar.periodByLabel('FY2026-Q1')!;
    const series = bookingsSeries(snapshot, q1, '2025-12-31');
    expect(series.values).toEqual([25000]);
    expect(series.horizon).toBe(1);
    expect(bookingsSeries(snapshot, q1, '2025-12-30')).toMatchObject({ values: [], horizon: 2 });
  });
});
