import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { deals, roles, smallOrg, users } from '../testing/smallOrg.js';
import { computePerformance } from './computePerformance.js';

// FY2026-Q1 = 2026-01-01..2026-03-31 as of 2026-03-15: 31 + 28 + 15 = 74 of 90 days elapsed.
const snapshot = createOrgSnapshot(smallOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const report = computePerformance(snapshot, { period, asOf: '2026-03-15' });
const rep = (id: string) => report.reps.find((r) => r.repId === id)!;
const team = (roleId: string) => report.teams.find((t) => t.roleId === roleId)!;
const elapsed = 74 / 90;

describe('computePerformance on the hand-built org', () => {
  it('replays the same-day and late-evening changes of B4 in org-local time', () => {
    const b4 = snapshot.opportunitiesById.get(deals.B4)!;
    expect(snapshot.dealAsOf(b4, '2026-03-11')?.Amount).toBe(5000);
    // Two changes on 03-12: the later one (probability 40) counts.
    expect(snapshot.dealAsOf(b4, '2026-03-12')).toMatchObject({ Amount: 8000, Probability: 40 });
    // 2026-03-16T03:30Z is 2026-03-15 23:30 in New York (EDT since 03-08).
    expect(snapshot.dealAsOf(b4, '2026-03-15')?.Amount).toBe(7500);
  });

  it('computes rep A: reopened deal won, deal won after the as-of date still open, deal without history', () => {
    const a = rep(users.A);
    expect(a.quota).toBe(30000); // 3 × 10,000 (January–March; the April quota is another quarter)
    // Closed in Q1 as of 03-15: A1 won 6,000; A2 lost 4,000; A3 won 9,000 (reopened); A5 won 2,000 (no history).
    expect(a.closedWon).toBe(17000);
    expect([a.won, a.lost]).toEqual([3, 1]);
    expect(a.attainment).toBeCloseTo(17000 / 30000, 10);
    expect(a.winRate).toBe(0.75);
    expect(a.winRateValue).toBeCloseTo(17000 / 21000, 10);
    expect(a.avgDealSize).toBeCloseTo(17000 / 3, 10);
    // Cycles: A1 2025-12-01→2026-02-10 = 71; A3 2025-11-01→2026-03-10 = 129; A5 01-20→03-05 = 44 → median 71.
    expect(a.medianCycleDays).toBe(71);
    // A4 is won on 03-20, after the as-of date: open (Proposal 7,000, closing 03-31).
    expect([a.openPipeline, a.openDeals]).toEqual([7000, 1]);
    expect(a.remainingQuota).toBe(13000); // 30,000 − 17,000
    expect(a.coverage).toBeCloseTo(7000 / 13000, 10);
    // Created in Q1 and not after 03-15: A2 4,000 + A4 7,000 + A5 2,000 (F1 is created on 03-20).
    expect(a.pipelineCreated).toBe(13000);
    expect(a.slipped).toEqual({ count: 0, amount: 0 });
    expect(a.requiredCoverage).toBeNull(); // nothing closed in the four quarters before
    expect(a.velocity).toBeCloseTo((1 * (17000 / 3) * 0.75) / 71, 10);
    expect(a.pace).toBeCloseTo(17000 / 30000 / elapsed, 10);
  });

  it('computes rep B: multi-currency win, null amount, slipped deal', () => {
    const b = rep(users.B);
    expect(b.quota).toBe(60000);
    expect(b.closedWon).toBe(10000); // B1: 8,000 EUR / 0.8 EUR per USD
    expect([b.won, b.lost]).toEqual([1, 0]);
    expect(b.medianCycleDays).toBe(49); // 2026-01-02 → 02-20
    // Open with a close date in Q1: B2 (null amount counts 0) and B4 (7,500); B3 now closes 05-15.
    expect([b.openPipeline, b.openDeals]).toEqual([7500, 2]);
    expect(b.coverage).toBeCloseTo(7500 / 50000, 10);
    // Created in Q1: B1 10,000 + B2 0 + B3 8,000 (as of 03-15, after the cut) + B4 7,500.
    expect(b.pipelineCreated).toBe(25500);
    // B3's close date was 02-28 and 03-15 (in Q1), now 05-15.
    expect(b.slipped).toEqual({ count: 1, amount: 8000 });
    expect(b.velocity).toBeCloseTo((2 * 10000 * 1) / 49, 10);
    expect(b.pace).toBeCloseTo(10000 / 60000 / elapsed, 10);
  });

  it('computes rep C with required coverage from the previous four quarters, and rep D without quota', () => {
    const c = rep(users.C);
    expect([c.quota, c.closedWon, c.openPipeline]).toEqual([45000, 15000, 30000]);
    expect(c.medianCycleDays).toBe(20);
    expect(c.coverage).toBe(1); // 30,000 / (45,000 − 15,000)
    // FY2025: C1 won 20,000 and C2 lost 10,000 → win rate by value 2/3 → required coverage 1.5.
    expect(c.requiredCoverage).toBeCloseTo(1.5, 10);
    const d = rep(users.D);
    expect([d.quota, d.attainment, d.remainingQuota, d.coverage, d.pace]).toEqual([null, null, null, null, null]);
    expect([d.closedWon, d.winRate, d.medianCycleDays, d.velocity]).toEqual([3000, 1, 43, 0]);
    // E left; nothing of theirs counts in Q1, so no row, but their FY2025 win counts for the team and org.
    expect(report.reps.map((r) => r.repId)).not.toContain(users.E);
    expect(report.reps).toHaveLength(4);
  });

  it('sums teams and the org first and recomputes ratios from the sums', () => {
    const east = team(roles.mgrEast);
    expect([east.quota, east.closedWon, east.won, east.lost, east.reps]).toEqual([90000, 27000, 4, 1, 2]);
    expect(east.attainment).toBeCloseTo(0.3, 10);
    const west = team(roles.mgrWest);
    expect([west.quota, west.closedWon]).toEqual([45000, 18000]);
    // C1 20,000 won + E1 5,000 won over C1 + C2 + E1 = 35,000 closed → 25/35 → 1.4.
    expect(west.requiredCoverage).toBeCloseTo(1.4, 10);
    const org = report.org;
    expect(org.quota).toBe(135000);
    expect(org.closedWon).toBe(45000);
    expect(org.winRate).toBeCloseTo(6 / 7, 10);
    expect(org.winRateValue).toBeCloseTo(45000 / 49000, 10);
    expect(org.avgDealSize).toBe(7500);
    expect(org.medianCycleDays).toBe(46.5); // [20, 43, 44, 49, 71, 129]
    expect([org.openPipeline, org.openDeals]).toEqual([44500, 4]);
    expect(org.coverage).toBeCloseTo(44500 / 90000, 10);
    expect(org.pipelineCreated).toBe(56500);
    expect(org.requiredCoverage).toBeCloseTo(1.4, 10);
    expect(org.velocity).toBeCloseTo((4 * 7500 * (6 / 7)) / 46.5, 10);
    // The VP's role is the root of the hierarchy: the org, never also a team.
    expect(report.teams.map((t) => t.name)).toEqual(['Max East (Manager East)', 'Wanda West (Manager West)']);
    expect(report.teams.map((t) => [t.depth, t.parentId])).toEqual([
      [1, null],
      [1, null],
    ]);
  });

  it('gives undefined ratios, not zeros or NaN, for a period without deals or quotas', () => {
    const empty = computePerformance(snapshot, {
      period: snapshot.calendar.periodByLabel('FY2030-Q1')!,
      asOf: '2026-03-15',
    });
    expect(empty.reps).toEqual([]);
    expect(empty.org).toMatchObject({
      quota: null,
      closedWon: 0,
      attainment: null,
      winRate: null,
      avgDealSize: null,
      medianCycleDays: null,
      coverage: null,
      pace: null,
    });
  });
});
