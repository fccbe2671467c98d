import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../model/index.js';
import { createOrgSnapshot, type DealState } from '../snapshot/index.js';
import { deals as dealIds, smallOrg, users } from '../testing/smallOrg.js';
import { categoryRollups } from './categoryRollups.js';
import { forecastScopes, scopeMembership } from './forecastScope.js';
import { periodDeals, type PeriodDeals } from './periodDeals.js';
import { weightedForecast } from './weightedForecast.js';

const snapshot = createOrgSnapshot(smallOrg());
const q1 = snapshot.calendar.periodByLabel('FY2026-Q1')!;

describe('periodDeals, category roll-ups and weighted on the hand-built org (FY2026-Q1)', () => {
  it('as of 2026-02-20: every category present', () => {
    const deals = periodDeals(snapshot, q1, '2026-02-20');
    // Won by 02-20: A1 6,000 (02-10) + A5 2,000 (no history: the record) + B1 8,000 EUR / 0.8 = 10,000 (02-20).
    expect(deals.closedWon).toBe(18000);
    expect(deals.won.map((d) => d.opportunity.Name).sort()).toEqual(['A1', 'A5', 'B1']);
    // Open with a close date in Q1: A3 A4 B2 B3 B4 C3 C4 D1 (A2 was lost on 02-01; C1, C2, E1 closed in 2025).
    expect(deals.open.map((d) => d.opportunity.Name).sort()).toEqual(['A3', 'A4', 'B2', 'B3', 'B4', 'C3', 'C4', 'D1']);
    // Commit: A3 10,000 + A4 7,000 + B4 5,000 + D1 3,000 = 25,000 → 18,000 + 25,000 = 43,000.
    // Best Case: B3 12,000 (close 02-28 then) + C4 15,000 = 27,000 → 70,000.
    // Pipeline: B2 0 (null amount) + C3 30,000 → 100,000.
    expect(categoryRollups(deals)).toEqual({ closedWon: 18000, commit: 43000, bestCase: 70000, pipeline: 100000 });
    // Weighted: 18,000 + A3 10,000 × 0.8 + A4 7,000 × 0.6 + B4 5,000 × 0.8 + D1 3,000 × 0.8 + B3 12,000 × 0.6
    //   + C4 15,000 × 0.6 + B2 0 + C3 30,000 × 0.2 = 18,000 + 8,000 + 4,200 + 4,000 + 2,400 + 7,200 + 9,000 + 6,000.
    expect(weightedForecast(deals, snapshot)).toBeCloseTo(58800, 9);
  });

  it('as of 2026-03-15: later changes on the same day count, deals created later do not exist', () => {
    const deals = periodDeals(snapshot, q1, '2026-03-15');
    // Won: A1 6,000 + A3 9,000 + A5 2,000 + B1 10,000 + C4 15,000 + D1 3,000 = 45,000.
    expect(deals.closedWon).toBe(45000);
    // Open: A4 7,000 Commit (60 %), B2 0 Pipeline (10 %), B4 7,500 Commit (40 %: 03-15 23:30 local), C3 30,000
    // Pipeline (20 %); F1 is created 03-20.
    expect(deals.open.map((d) => `${d.opportunity.Name}:${d.amount}`).sort()).toEqual([
      'A4:7000',
      'B2:0',
      'B4:7500',
      'C3:30000',
    ]);
    // commit 45,000 + 7,000 + 7,500 = 59,500; no Best Case; pipeline 59,500 + 30,000 = 89,500.
    expect(categoryRollups(deals)).toEqual({ closedWon: 45000, commit: 59500, bestCase: 59500, pipeline: 89500 });
    // 45,000 + 7,000 × 0.6 + 7,500 × 0.4 + 30,000 × 0.2 = 45,000 + 4,200 + 3,000 + 6,000.
    expect(weightedForecast(deals, snapshot)).toBeCloseTo(58200, 9);
  });

  it('scopes: a rep, a team (its manager and everyone below), a territory (Territory2Id first, else the account territory)', () => {
    const scopes = forecastScopes(snapshot);
    expect(scopes[0]).toMatchObject({ type: 'org', name: 'Small Org' });
    const team = scopes.find((s) => s.type === 'team' && s.name === 'Max East (Manager East)')!;
    const east = scopes.find((s) => s.type === 'territory' && s.name === 'East')!;
    const rep = { type: 'rep' as const, id: users.C, name: 'Cy C' };
    const names = (member: (o: Opportunity) => boolean) =>
      periodDeals(snapshot, q1, '2026-03-15', member)
        .open.map((d) => d.opportunity.Name)
        .sort();
    expect(names(scopeMembership(snapshot, team))).toEqual(['A4', 'B2', 'B4']);
    // C3's account is in West but its Territory2Id is East; B4's account has no territory.
    expect(names(scopeMembership(snapshot, east))).toEqual(['A4', 'B2', 'C3']);
    expect(names(scopeMembership(snapshot, rep))).toEqual(['C3']);
    expect(periodDeals(snapshot, q1, '2026-03-15', scopeMembership(snapshot, rep)).closedWon).toBe(15000);
    expect(dealIds.C3).toBeDefined();
  });
});

describe('category roll-up properties', () => {
  const category = fc.constantFrom('Pipeline', 'Best Case', 'Most Likely', 'Commit', 'Omitted', null);
  const deal = fc.record({ amount: fc.integer({ min: 0, max: 5_000_000 }), category });
  it('commit ≤ bestCase ≤ pipeline, and Omitted never counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(deal, { maxLength: 40 }), (closedWon, list) => {
        const deals = {
          period: q1,
          asOf: '2026-03-15',
          closedWon,
          won: [],
          open: list.map((d) => ({
            opportunity: {} as Opportunity,
            state: { ForecastCategoryName: d.category } as DealState,
            amount: d.amount / 100,
            createdOn: '2026-01-01',
          })),
        } satisfies PeriodDeals;
        const r = categoryRollups(deals);
        expect(r.closedWon).toBe(closedWon);
        expect(r.commit).toBeLessThanOrEqual(r.bestCase);
        expect(r.bestCase).toBeLessThanOrEqual(r.pipeline);
        const counted = list.filter((d) => d.category !== 'Omitted').reduce((s, d) => s + d.amount, 0);
        expect(Math.round(r.pipeline * 100)).toBe(closedWon * 100 + counted);
      }),
    );
  });
});
