import { describe, expect, it } from 'vitest';
import { computePerformance } from '../performance/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { deals, roles, smallOrg, territories, users } from '../testing/smallOrg.js';
import { compareReps } from './compareReps.js';
import { funnelBottlenecks } from './funnelBottlenecks.js';
import { createStageFunnel } from './stageFunnel.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const asOf = '2026-03-15';
const report = computePerformance(snapshot, { period, asOf });

describe('compareReps on the hand-built org', () => {
  const table = compareReps(snapshot, report, { period, asOf });
  const row = (id: string) => table.find((r) => r.repId === id)!;

  it('groups active quota carriers by parent role and ranks within the group', () => {
    const [a, b, c, d] = [row(users.A), row(users.B), row(users.C), row(users.D)];
    expect(a.peerGroup).toMatchObject({ key: roles.mgrEast, size: 2 });
    expect(c.peerGroup).toMatchObject({ key: roles.mgrWest, size: 1 });
    expect(d.peerGroup).toBeNull(); // no quota in the period
    expect(d.metrics.attainment).toEqual({ value: null, rank: null, percentile: null, zScore: null });
    // East attainment: A 17,000/30,000 = 0.567, B 10,000/60,000 = 0.167 → mean 0.367, sd 0.2.
    expect([a.metrics.attainment.rank, b.metrics.attainment.rank]).toEqual([1, 2]);
    expect([a.metrics.attainment.percentile, b.metrics.attainment.percentile]).toEqual([75, 25]);
    expect(a.metrics.attainment.zScore).toBeCloseTo(1, 10);
    // Cycle days: lower is better. A 71, B 49 → B first.
    expect([a.metrics.medianCycleDays.rank, b.metrics.medianCycleDays.rank]).toEqual([2, 1]);
    // Slipped count: A 0, B 1 → A first.
    expect([a.metrics.slipped.rank, b.metrics.slipped.rank]).toEqual([1, 2]);
    // Alone in the group: rank 1, percentile 50, no spread for a z-score.
    expect(c.metrics.attainment).toMatchObject({ rank: 1, percentile: 50, zScore: null });
  });

  it('shrinks win rates toward the pooled rate of all compared reps when the peer group is too small', () => {
    // East (A 3/4, B 1/1) has 2 reps with closed deals, fewer than 3: μ and s of all compared reps A, B, C (C 1/1):
    // μ = (3 + 1 + 1) / (4 + 1 + 1) = 5/6, s = max(2, median(4, 1, 1) = 1) = 2.
    expect(row(users.A).winRateShrunk).toBeCloseTo((3 + (5 / 6) * 2) / (4 + 2), 12); // 0.7778
    expect(row(users.B).winRateShrunk).toBeCloseTo((1 + (5 / 6) * 2) / (1 + 2), 12); // 0.8889, not 100%
    expect(row(users.C).winRateShrunk).toBeCloseTo((1 + (5 / 6) * 2) / (1 + 2), 12);
    // Outside every peer group (no quota, inactive): no shrunk rate.
    expect(row(users.D).winRateShrunk).toBeNull();
    // The same value whichever peer group: with --peer-group all the group has 3 reps with closed deals.
    const all = compareReps(snapshot, report, { period, asOf, peerGroup: 'all' });
    expect(all.find((r) => r.repId === users.B)!.winRateShrunk).toBeCloseTo((1 + (5 / 6) * 2) / 3, 12);
  });

  it("builds each rep's stage funnel from history, a reopened deal converting from Qualification", () => {
    // A's deals closed in FY2025-Q2..FY2026-Q1: A1 Prospecting → Proposal → Won; A2 Prospecting → Lost;
    // A3 Qualification → Lost → Negotiation → Won; A5 has no history.
    expect(row(users.A).funnel).toEqual([
      { stage: 'Prospecting', reached: 2, converted: 1 },
      { stage: 'Qualification', reached: 1, converted: 1 },
      { stage: 'Proposal', reached: 1, converted: 1 },
      { stage: 'Negotiation', reached: 1, converted: 1 },
    ]);
    expect(row(users.A).bottlenecks).toEqual([]);
  });

  it('compares by territory or across everyone on request', () => {
    const byTerritory = compareReps(snapshot, report, { period, asOf, peerGroup: 'territory' });
    // A, B, C all have East as their first territory by name.
    expect(byTerritory.find((r) => r.repId === users.C)?.peerGroup).toMatchObject({ key: territories.east, size: 3 });
    const all = compareReps(snapshot, report, { period, asOf, peerGroup: 'all' });
    // Attainment A 0.567, C 0.333, B 0.167 → percentiles 83.3, 50, 16.7.
    expect(all.map((r) => [r.name, r.metrics.attainment.percentile])).toEqual([
      ['Ann A', 250 / 3],
      ['Bob B', 50 / 3],
      ['Cy C', 50],
      ['Dee D', null],
    ]);
  });
});

describe('funnel and bottlenecks', () => {
  it('counts a stage once per deal and ignores history after the as-of date', () => {
    const funnel = createStageFunnel(snapshot.stageOrder);
    const a4 = snapshot.historyByOpportunity.get(deals.A4);
    // As of 03-15 A4 is still in Proposal: reached, not converted.
    funnel.add(a4, '2026-03-15');
    expect(funnel.counts().get('Proposal')).toEqual({ stage: 'Proposal', reached: 1, converted: 0 });
    funnel.add(a4, '2026-03-31');
    expect(funnel.counts().get('Proposal')).toEqual({ stage: 'Proposal', reached: 2, converted: 1 });
    // A3 reached Qualification, was lost, reopened into Negotiation and won: Qualification converted once.
    funnel.add(snapshot.historyByOpportunity.get(deals.A3), '2026-03-15');
    expect(funnel.counts().get('Qualification')).toEqual({ stage: 'Qualification', reached: 1, converted: 1 });
  });

  it('flags a stage only when the Wilson intervals do not overlap', () => {
    const stage = (reached: number, converted: number) =>
      new Map([['Proposal', { stage: 'Proposal', reached, converted }]]);
    // Rep 2/20 = 10 % [0.028, 0.301]; peers 120/200 = 60 % [0.531, 0.665] → a bottleneck.
    const found = funnelBottlenecks(stage(20, 2), stage(200, 120), ['Proposal']);
    expect(found).toHaveLength(1);
    expect(found[0]?.interval.upper).toBeLessThan(found[0]!.peerInterval.lower);
    // Rep 4/10 = 40 % [0.168, 0.687] overlaps the peers' interval → none.
    expect(funnelBottlenecks(stage(10, 4), stage(200, 120), ['Proposal'])).toEqual([]);
  });
});
