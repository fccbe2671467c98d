import { describe, expect, it } from 'vitest';
import { dealHistoryRows, createOrgSnapshot } from '../snapshot/index.js';
import { deals, smallOrg } from '../testing/smallOrg.js';
import { dealHealth, oneDealSnapshot } from './dealHealth.js';
import { pipelineHygiene } from './pipelineHygiene.js';
import { stageBenchmarks } from './stageBenchmarks.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const asOf = '2026-03-15';
const benchmarks = stageBenchmarks(snapshot, asOf);
const stage = (name: string) => benchmarks.stages.find((s) => s.stage === name);

/** What the widget reads: the deal, its history rows and owner, and the stored benchmarks. */
function oneDeal(id: string) {
  const opportunity = snapshot.opportunitiesById.get(id)!;
  const history = snapshot.historyByOpportunity.get(id);
  return oneDealSnapshot({
    benchmarks,
    timeZone: snapshot.timeZone,
    corporateCurrency: snapshot.corporateCurrency,
    opportunity,
    history: history ? dealHistoryRows(history) : [],
    owner: snapshot.usersById.get(opportunity.OwnerId) ?? null,
  });
}

describe('stage benchmarks', () => {
  it('counts, per stage, the closed deals whose history reached it up to the date and the won ones', () => {
    // Closed by 03-15 with history: A1 W, A2 L, A3 W (via Lost), B1 W, C1 W, C2 L, C4 W, D1 W, E1 W; A4 wins after.
    expect(stage('Prospecting')).toMatchObject({ closedDeals: 8, wonDeals: 6, winChance: 0.75 }); // not A3
    expect(stage('Qualification')).toMatchObject({ closedDeals: 1, wonDeals: 1, winChance: 1 }); // A3
    expect(stage('Proposal')).toMatchObject({ closedDeals: 3, wonDeals: 3 }); // A1, C4, E1 (A4 still open)
    expect(stage('Negotiation')).toMatchObject({ closedDeals: 4, wonDeals: 4 }); // A3, B1, C1, D1
    expect(stage('Closed Lost')).toMatchObject({ closedDeals: 3, wonDeals: 1, winChance: 1 / 3 }); // A2, C2, A3
  });

  it("carries the won deals' medians the hygiene rules use, and each stage's settings", () => {
    expect(stage('Prospecting')?.typicalDaysInStage).toBe(37.5);
    expect(stage('Negotiation')).toMatchObject({ typicalDaysInStage: 12.5, sortOrder: 4, defaultProbability: 80 });
    expect(stage('Closed Won')?.typicalDaysInStage).toBeNull();
    expect(benchmarks.medianWinningStageOrder).toBe(4);
  });

  it('has no win chance for a stage no closed deal reached', () => {
    const empty = stageBenchmarks(snapshot, '2025-01-01');
    expect(empty.stages.every((s) => s.closedDeals === 0 && s.winChance === null)).toBe(true);
    expect(empty.medianWinningStageOrder).toBeNull();
  });
});

describe('deal health of one deal from its own records and the stored benchmarks', () => {
  const full = pipelineHygiene(snapshot, { period, asOf });

  it('flags every deal exactly as pipeline hygiene over the whole org does', () => {
    for (const id of Object.values(deals)) {
      const health = dealHealth(oneDeal(id), { opportunityId: id, period, asOf, benchmarks });
      const expected = full.deals.find((d) => d.opportunityId === id)?.flags ?? [];
      expect(health?.flags ?? [], id).toEqual(expected);
    }
    // The check covers flagged deals of every kind, the inactive owner's included.
    expect(full.deals.length).toBeGreaterThan(3);
  });

  it("gives a pushed deal's pushes, days in stage against the typical days, and the win chance at its stage", () => {
    const b3 = dealHealth(oneDeal(deals.B3), { opportunityId: deals.B3, period, asOf, benchmarks });
    // B3: Proposal since 01-20 (created), pushed 02-28 → 03-15 → 05-15; won deals spend 31 days in Proposal.
    expect(b3).toMatchObject({ stage: 'Proposal', pushes: 2, daysInStage: 54, typicalDaysInStage: 31, winChance: 1 });
    expect(b3).toMatchObject({ amount: 8000, currency: 'USD', isClosed: false, closedDealsAtStage: 3 });
  });

  it('shows a deal as it stood on the date: A4 is open on 03-15, won on 03-20; F1 does not exist yet', () => {
    const a4 = dealHealth(oneDeal(deals.A4), { opportunityId: deals.A4, period, asOf, benchmarks });
    expect(a4).toMatchObject({ isClosed: false, stage: 'Proposal', closeDate: '2026-03-31' });
    expect(dealHealth(oneDeal(deals.F1), { opportunityId: deals.F1, period, asOf, benchmarks })).toBeNull();
    const b1 = dealHealth(oneDeal(deals.B1), { opportunityId: deals.B1, period, asOf, benchmarks });
    // A closed deal carries no flags; its amount stays in its own currency (EUR).
    expect(b1).toMatchObject({ isClosed: true, isWon: true, flags: [], currency: 'EUR', amount: 8000 });
  });
});
