import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../model/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg, users } from '../testing/smallOrg.js';
import { daysLeftBucket, daysLeftBucketLabel } from './daysLeftBucket.js';
import { scopeMembership } from './forecastScope.js';
import { historicalNewBusiness } from './historicalNewBusiness.js';
import { periodDeals } from './periodDeals.js';
import { stageHistoryForecast } from './stageHistoryForecast.js';
import { prepareStageObservations, stageObservations, type StageObservation } from './stageObservations.js';
import { borrowedShare, stageWinRates } from './stageWinRates.js';

const snapshot = createOrgSnapshot(smallOrg());
const q1 = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const asOf = '2026-03-15';

describe('days-left buckets', () => {
  it('0–7, 8–14, 15–30, 31–60, 61–90, 91+', () => {
    expect([0, 7, 8, 14, 15, 30, 31, 60, 61, 90, 91, 400].map(daysLeftBucket)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
    expect([0, 1, 2, 3, 4, 5].map(daysLeftBucketLabel)).toEqual(['0–7', '8–14', '15–30', '31–60', '61–90', '91+']);
  });
});

describe('borrowedShare', () => {
  it('borrows the missing deals of a sparse cell at the prior', () => {
    expect(borrowedShare(3, 4, 0.5, 10)).toBeCloseTo(0.6, 12); // (3 + 6 × 0.5) / 10
    expect(borrowedShare(0, 0, 0.25, 10)).toBe(0.25); // nothing seen: the prior
    expect(borrowedShare(7, 10, 0.1, 10)).toBe(0.7); // enough deals: their own share
    expect(borrowedShare(9, 30, 0.9, 10)).toBe(0.3);
  });
});

describe('stageWinRates on synthetic observations', () => {
  const o = (owner: string, stage: string, bucket: number, won: boolean): StageObservation => ({
    opportunity: { OwnerId: owner } as Opportunity,
    period: 'P',
    stage,
    bucket,
    won,
  });
  // Org: Commit-stage "Neg" in bucket 2 (15–30 days left): 12 deals, 9 won (A: 4 deals, 3 won; B: 8 deals, 6 won).
  // "Neg" in bucket 0: 2 deals of B, 1 won. "Prop": never seen.
  const observations = [
    ...Array.from({ length: 4 }, (_, i) => o('A', 'Neg', 2, i < 3)),
    ...Array.from({ length: 8 }, (_, i) => o('B', 'Neg', 2, i < 6)),
    o('B', 'Neg', 0, true),
    o('B', 'Neg', 0, false),
  ];

  it('a full org cell uses its own share; a sparse one borrows from the stage over all buckets', () => {
    const org = stageWinRates(observations);
    // Bucket 2: 12 ≥ 10 deals → 9 / 12.
    expect(org.probability('Neg', 20, 0.8)).toEqual({ probability: 0.75, deals: 12, won: 9, source: 'scope' });
    // Bucket 0: 2 deals, 1 won; the stage: 14 deals, 10 won → 10 / 14 (≥ 10 deals).
    // (1 + 8 × 10/14) / 10 = (1 + 5.714285…) / 10.
    expect(org.probability('Neg', 3, 0.8).probability).toBeCloseTo((1 + (8 * 10) / 14) / 10, 12);
    // A stage never seen: the fallback.
    expect(org.probability('Prop', 20, 0.6)).toEqual({ probability: 0.6, deals: 0, won: 0, source: 'borrowed' });
  });

  it("a scope's sparse cell borrows from the org estimate", () => {
    const repA = stageWinRates(observations, (op) => op.OwnerId === 'A');
    // A: 4 deals, 3 won in bucket 2; the org cell is 0.75 → (3 + 6 × 0.75) / 10 = 0.75.
    expect(repA.probability('Neg', 20, 0.8).probability).toBeCloseTo(0.75, 12);
    // With a minimum of 4 deals A's own share counts: 3 / 4.
    expect(stageWinRates(observations, (op) => op.OwnerId === 'A', 4).probability('Neg', 20, 0.8)).toMatchObject({
      probability: 0.75,
      source: 'scope',
    });
    // B in bucket 0: 2 deals, 1 won → (1 + 8 × org) / 10 with org = (1 + 8 × 10/14) / 10.
    const org0 = (1 + (8 * 10) / 14) / 10;
    const repB = stageWinRates(observations, (op) => op.OwnerId === 'B');
    expect(repB.probability('Neg', 0, 0.8).probability).toBeCloseTo((1 + 8 * org0) / 10, 12);
  });
});

describe('stageObservations rebuilt from history (hand-built org, FY2026-Q1 as of 2026-03-15)', () => {
  const { periods, observations } = stageObservations(snapshot, q1, asOf);
  const seen = (name: string) =>
    observations
      .filter((o) => o.opportunity.Name === name)
      .map((o) => `${o.stage}:${daysLeftBucketLabel(o.bucket)}:${o.won ? 'won' : 'lost'}`)
      .sort();

  it('learns from the 8 quarters before FY2026-Q1', () => {
    expect(periods.map((p) => p.label)).toEqual([
      'FY2025-Q4',
      'FY2025-Q3',
      'FY2025-Q2',
      'FY2025-Q1',
      'FY2024-Q4',
      'FY2024-Q3',
      'FY2024-Q2',
      'FY2024-Q1',
    ]);
  });

  it('sees each deal once per stage and days-left bucket it was in, with its outcome in the period', () => {
    // FY2025-Q4 ends 2025-12-31. C1: Prospecting 10-01…11-24 (91…37 days left), Negotiation 11-25…12-09
    // (36…22 days left), won 12-10.
    expect(seen('C1')).toEqual([
      'Negotiation:15–30:won',
      'Negotiation:31–60:won',
      'Prospecting:31–60:won',
      'Prospecting:61–90:won',
      'Prospecting:91+:won',
    ]);
    // C2: Prospecting 10-15…11-19 (77…42 days left), lost 11-20.
    expect(seen('C2')).toEqual(['Prospecting:31–60:lost', 'Prospecting:61–90:lost']);
    // E1: Proposal 10-01…11-09 (91…52 days left) — in Q3 its close date (11-15) was outside the quarter.
    expect(seen('E1')).toEqual(['Proposal:31–60:won', 'Proposal:61–90:won', 'Proposal:91+:won']);
    // A3: Qualification 11-01…12-19 (60…12 days left), lost 12-20 (reopened only in 2026).
    expect(seen('A3')).toEqual(['Qualification:15–30:lost', 'Qualification:31–60:lost', 'Qualification:8–14:lost']);
    expect(observations).toHaveLength(13);
  });

  it('stageHistory: closedWon + Σ amount × p(stage, 16 days left), with sparse cells borrowing', () => {
    const deals = periodDeals(snapshot, q1, asOf);
    const sh = stageHistoryForecast(deals, stageWinRates(observations), snapshot);
    expect(sh.daysLeft).toBe(16); // 03-16 … 03-31: bucket 15–30
    // Proposal (A4 7,000): stage 3 deals, 3 won → (3 + 7 × 0.6) / 10 = 0.72; its 15–30 cell is empty → 0.72.
    // Negotiation (B4 7,500): stage 2/2 → (2 + 8 × 0.8) / 10 = 0.84; cell 1/1 → (1 + 9 × 0.84) / 10 = 0.856.
    // Qualification (C3 30,000): stage 0/3 → (0 + 7 × 0.2) / 10 = 0.14; cell 0/1 → (0 + 9 × 0.14) / 10 = 0.126.
    // 45,000 + 7,000 × 0.72 + 7,500 × 0.856 + 30,000 × 0.126 = 45,000 + 5,040 + 6,420 + 3,780.
    expect(sh.forecast).toBeCloseTo(60240, 6);
    const byName = Object.fromEntries(deals.open.map((d, i) => [d.opportunity.Name, sh.probabilities[i]]));
    expect(byName['A4']).toBeCloseTo(0.72, 12);
    expect(byName['B4']).toBeCloseTo(0.856, 12);
    expect(byName['C3']).toBeCloseTo(0.126, 12);
  });

  it('counts the columns by key and cell number as the plain definition counts the objects', () => {
    // The window's columns take the typed tally (per owner, by cell number); a plain list of its objects, and a member
    // without a partition, take the per-observation one.
    const window = stageObservations(snapshot, q1, asOf);
    const plain = [...window.observations];
    const cells = [...new Set(plain.map((o) => o.stage))];
    expect(cells.length).toBeGreaterThan(1);
    for (const owner of [...Object.values(users), 'nobody']) {
      const partitioned = scopeMembership(snapshot, { type: 'rep', id: owner, name: owner });
      const fast = stageWinRates(window, partitioned);
      const slow = stageWinRates(plain, (o) => o.OwnerId === owner);
      for (const cell of cells) {
        for (const daysLeft of [0, 10, 20, 45, 75, 100]) {
          expect(fast.probability(cell, daysLeft, 0.3)).toEqual(slow.probability(cell, daysLeft, 0.3));
        }
      }
    }
    for (const cell of cells)
      expect(stageWinRates(window).probability(cell, 45, 0.3)).toEqual(stageWinRates(plain).probability(cell, 45, 0.3));
  });

  it("a rep's rate borrows from the org cell, which borrows from the org's stage rate", () => {
    const repC = stageWinRates(observations, (o) => o.OwnerId === users.C);
    // Prospecting, 31–60 days left: C has C1 (won) and C2 (lost) → 2 deals, 1 won. The org cell is the same two
    // deals, borrowing from the org's Prospecting rate over all buckets: 5 deals, 3 won → (3 + 5 × 0.1) / 10 = 0.35;
    // org cell (1 + 8 × 0.35) / 10 = 0.38; C's cell (1 + 8 × 0.38) / 10 = 0.404.
    expect(repC.probability('Prospecting', 45, 0.1).probability).toBeCloseTo(0.404, 12);
  });

  it('historical new business: deals created after the same point of the past quarters and won in them', () => {
    // 73 days into Q1 → 2025-10-01 + 73 = 12-13 in FY2025-Q4: nothing created after it was won in Q4. Only
    // FY2025-Q4 counts (no deal closed in the earlier quarters: the data starts there).
    // Deal flow as of 03-15: created 2025-09-14 … 03-14 (182 days) = every deal but E1 (09-01) and F1 (03-20): 14.
    // At FY2025-Q4's point (12-13) the window 06-14 … 12-12 holds E1, C1, C2, A3, A1, C3 = 6, but starts before the
    // first deal (E1, 09-01): that flow is not known in full, so the period is not scaled and the amounts are drawn.
    expect(historicalNewBusiness(snapshot, q1, asOf)).toEqual({
      mean: 0,
      periods: [{ label: 'FY2025-Q4', amount: 0, renewals: 0, exposure: 6, scaled: null }],
      exposure: 14,
      draws: [0],
      drawsWithoutRenewals: [0],
    });
    // FY2026-Q2 as of 2026-04-10 (9 days in): in FY2026-Q1 the point is 01-10; created after it and won in Q1: A4 7,000 (02-01 → 03-20), A5 2,000, C4 15,000, D1 3,000 = 27,000
    // (B1 was created 01-02, A1 12-01, A3 11-01). FY2025-Q4 (point 10-10): nothing.
    const q2 = snapshot.calendar.periodByLabel('FY2026-Q2')!;
    const nb = historicalNewBusiness(snapshot, q2, '2026-04-10');
    // Flow now: created 2025-10-10 … 04-09 = all but E1 and C1 (10-01): 14. Q1's point 01-10: 2025-07-12 … 01-09 =
    // E1, C1, C2, A3, A1, C3, B1 (01-02), A2 (01-05), B4 (01-08) = 9; Q4's (10-10): E1, C1 = 2. Both windows start
    // before E1: nothing is scaled.
    expect(nb.periods).toEqual([
      { label: 'FY2026-Q1', amount: 27000, renewals: 0, exposure: 9, scaled: null },
      { label: 'FY2025-Q4', amount: 0, renewals: 0, exposure: 2, scaled: null },
    ]);
    expect(nb.exposure).toBe(14);
    expect(nb.draws).toEqual([27000, 0]);
    expect(nb.drawsWithoutRenewals).toEqual([27000, 0]); // no deal of the small org is a renewal
    expect(nb.mean).toBe(13500);
  });
});

describe('prepareStageObservations', () => {
  it('gives each window what stageObservations gives it alone, in one pass', () => {
    const requests = ['FY2025-Q3', 'FY2025-Q4', 'FY2026-Q1'].flatMap((label) => {
      const period = snapshot.calendar.periodByLabel(label)!;
      return [7, 60].map((h) => ({
        period,
        asOf: new Date(Date.parse(period.start) + h * 86_400_000).toISOString().slice(0, 10),
        periods: 4,
      }));
    });
    const together = prepareStageObservations(createOrgSnapshot(smallOrg()), requests);
    const alone = requests.map((r) => stageObservations(createOrgSnapshot(smallOrg()), r.period, r.asOf, r.periods));
    // The observations, not their columns: a shared snapshot numbers its stage cells in another order than each alone.
    const seen = (windows: typeof together) => windows.map((w) => ({ periods: w.periods, byPeriod: w.byPeriod }));
    expect(seen(together)).toEqual(seen(alone));
    expect(together.some((w) => w.observations.length > 0)).toBe(true);
  });
});
