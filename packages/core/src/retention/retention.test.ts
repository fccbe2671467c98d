import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { revopsAccounts as r, revopsOrg } from '../testing/revopsOrg.js';
import { revenueRetention } from './revenueRetention.js';
import { yearBefore } from './recurringBookings.js';

// Every figure is worked out by hand from the tables in testing/revopsOrg.ts.
const asOf = '2026-03-20';
const snapshot = createOrgSnapshot(revopsOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const report = revenueRetention(snapshot, { period, asOf, segmentField: 'industry', grossMargin: 0.8 });

// The base, FY2025-Q1: R1 12,000 (P1), R2 20,000 (P2), R3 30,000 (P3), R5 5,000 EUR = 6,250 (P5, by a rep who left).
const prior = 12000 + 20000 + 30000 + 6250;
// Renewed in FY2026-Q1: R1 12,000 (N1), R2 15,000 (N3, a downgrade), R3 nothing (N4 was won, then reopened),
// R5 5,000 (N5). Kept: min(renewed, prior) per account = the same. Expansion: R1 3,000 (N2), R5 10,000 (O1, new).
const renewed = 12000 + 15000 + 5000;
const expansion = 3000 + 10000;

describe('revenue retention', () => {
  it('compares the period with the same period a year before', () => {
    expect(report.basePeriod.label).toBe('FY2025-Q1');
    expect(report.totals).toMatchObject({
      baseAccounts: 4,
      priorBookings: prior,
      renewed,
      kept: renewed,
      expansion,
      // R3 churned (30,000); R2 contracted by 5,000; R4 is new (O3, 10,000) and outside the base.
      churnedAccounts: 1,
      churnedBookings: 30000,
      contractedAccounts: 1,
      contraction: 5000,
      newAccounts: 1,
      newBookings: 10000,
    });
    expect(report.totals.grr).toBeCloseTo(32000 / 68250, 12);
    expect(report.totals.nrr).toBeCloseTo(45000 / 68250, 12);
    expect(report.churned.map((a) => [a.accountId, a.priorBookings, a.bookings])).toEqual([[r.R3, 30000, 0]]);
    expect(report.contracted.map((a) => [a.accountId, a.priorBookings, a.bookings])).toEqual([[r.R2, 20000, 15000]]);
  });

  it('values a customer over its lifetime with the gross margin', () => {
    // Year to 2026-03-31 (as of 03-20): R1 1,000 + 12,000 + 3,000, R2 15,000, R4 10,000, R5 10,000 + 5,000 = 56,000
    // over 4 customers = 14,000 a year; × 0.8 / (1 − GRR).
    expect(report.totals).toMatchObject({ yearlyBookings: 56000, customers: 4 });
    expect(report.totals.clv).toBeCloseTo((14000 * 0.8) / (1 - 32000 / 68250), 9);
  });

  it('splits by segment, and the segments add up to the totals', () => {
    const tech = report.bySegment.find((s) => s.segment === 'Technology')!;
    const retail = report.bySegment.find((s) => s.segment === 'Retail')!;
    expect(tech).toMatchObject({ baseAccounts: 3, priorBookings: 38250, renewed, expansion, contractedAccounts: 1 });
    expect(tech.grr).toBeCloseTo(32000 / 38250, 12);
    // Retail: R3 churned (GRR 0, so CLV is a year's value × margin), R4 new with 10,000.
    expect(retail).toMatchObject({
      baseAccounts: 1,
      priorBookings: 30000,
      churnedAccounts: 1,
      newAccounts: 1,
      grr: 0,
      nrr: 0,
    });
    expect(retail.clv).toBeCloseTo(10000 * 0.8, 9);
    for (const key of [
      'baseAccounts',
      'priorBookings',
      'renewed',
      'expansion',
      'yearlyBookings',
      'customers',
    ] as const) {
      expect(tech[key] + retail[key]).toBeCloseTo(report.totals[key], 9);
    }
  });

  it('bands by size, accounts without a head count apart', () => {
    const bySize = revenueRetention(snapshot, { period, asOf, segmentField: 'size', grossMargin: 0.8 });
    expect(bySize.bySegment.map((s) => [s.segment, s.baseAccounts, s.newAccounts])).toEqual([
      ['Enterprise (1000+)', 1, 0],
      ['Mid-Market (200-999)', 1, 0],
      ['SMB (1-199)', 2, 0],
      [null, 0, 1],
    ]);
  });

  it('lists the period and the three before it; a reopened renewal counts as of the date', () => {
    expect(report.byPeriod.map((p) => [p.label, p.basePeriod])).toEqual([
      ['FY2025-Q2', 'FY2024-Q2'],
      ['FY2025-Q3', 'FY2024-Q3'],
      ['FY2025-Q4', 'FY2024-Q4'],
      ['FY2026-Q1', 'FY2025-Q1'],
    ]);
    // FY2025-Q2 has no base (nothing was booked in FY2024-Q2): undefined, not 0.
    expect(report.byPeriod[0]).toMatchObject({ baseAccounts: 0, grr: null, nrr: null, clv: null });
    // As of 2026-03-01 N4 was won: R3 renewed its 30,000, and nobody churned. The quarter is 59 days in, so the base
    // is FY2025-Q1 to 2025-03-01: P5 (2025-03-15) is not in it yet, and R5's bookings (O1, and N5, which has no
    // history rows, so its record (won) is its state at every date, metrics.md) make it a new account.
    const earlier = revenueRetention(snapshot, {
      period,
      asOf: '2026-03-01',
      segmentField: 'industry',
      grossMargin: 0.8,
    });
    expect(earlier.basePeriod).toEqual({ label: 'FY2025-Q1', start: '2025-01-01', end: '2025-03-01' });
    expect(earlier.totals).toMatchObject({
      baseAccounts: 3,
      priorBookings: 12000 + 20000 + 30000,
      renewed: 12000 + 15000 + 30000,
      churnedAccounts: 0,
      newAccounts: 2,
      newBookings: 10000 + 5000 + 10000,
    });
  });

  it('compares a period not over with the same days of the base period, and flags it to date', () => {
    // As of 2026-03-20 FY2026-Q1 has run 78 days: its base is FY2025-Q1 to 2025-03-20 (P1, P2, P3 and P5 all in).
    expect(report.period).toMatchObject({ label: 'FY2026-Q1', toDate: true });
    expect(report.basePeriod).toEqual({ label: 'FY2025-Q1', start: '2025-01-01', end: '2025-03-20' });
    expect(report.byPeriod.map((p) => [p.label, p.toDate, p.baseEnd])).toEqual([
      ['FY2025-Q2', false, '2024-06-30'],
      ['FY2025-Q3', false, '2024-09-30'],
      ['FY2025-Q4', false, '2024-12-31'],
      ['FY2026-Q1', true, '2025-03-20'],
    ]);
    // After the quarter's end the whole base period counts.
    const after = revenueRetention(snapshot, {
      period,
      asOf: '2026-04-02',
      segmentField: 'industry',
      grossMargin: 0.8,
    });
    expect(after.period.toDate).toBe(false);
    expect(after.basePeriod.end).toBe('2025-03-31');
  });

  it('computes nothing without opportunity types or margin, and names what is missing', () => {
    const untyped = revopsOrg();
    const data = { ...untyped, opportunities: untyped.opportunities.map((o) => ({ ...o, Type: null })) };
    const none = revenueRetention(createOrgSnapshot(data), {
      period,
      asOf,
      segmentField: 'industry',
      grossMargin: null,
    });
    expect([none.totals.grr, none.totals.nrr, none.totals.clv]).toEqual([null, null, null]);
    expect(none.gaps.map((g) => g.code)).toEqual(['NO_OPPORTUNITY_TYPES', 'NO_GROSS_MARGIN']);
    const noMargin = revenueRetention(snapshot, { period, asOf, segmentField: 'industry', grossMargin: null });
    expect(noMargin.totals.clv).toBeNull();
    expect(noMargin.totals.grr).not.toBeNull();
  });

  it('takes the same dates a year before for a date range', () => {
    const range = {
      label: '2024-02-01..2024-02-29',
      type: 'Custom',
      fiscalYear: null,
      number: null,
      start: '2024-02-01',
      end: '2024-02-29',
    } as const;
    expect(yearBefore(snapshot.calendar, range)).toEqual({
      label: '2023-02-01..2023-02-28',
      start: '2023-02-01',
      end: '2023-02-28',
    });
  });
});
