import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { deals, smallOrg, users } from '../testing/smallOrg.js';
import { pipelineHygiene } from './pipelineHygiene.js';
import { wonDealPatterns } from './wonDealPatterns.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const asOf = '2026-03-15';

describe('pipeline hygiene on the hand-built org', () => {
  it('learns stage times and the winning stage from won deals', () => {
    const patterns = wonDealPatterns(snapshot, asOf);
    // Prospecting: A1 40, B1 39, C1 55, C4 10, D1 36, E1 30 → median (36 + 39) / 2.
    expect(patterns.medianDaysInStage.get('Prospecting')).toBe(37.5);
    expect(patterns.medianDaysInStage.get('Qualification')).toBe(49); // A3 before it was lost
    expect(patterns.medianDaysInStage.get('Proposal')).toBe(31); // A1 31, C4 10, E1 40
    expect(patterns.medianDaysInStage.get('Negotiation')).toBe(12.5); // A3 54, B1 10, C1 15, D1 7
    // Won from Proposal (3): A1, C4, E1; from Negotiation (4): A3, B1, C1, D1 → median 4.
    expect(patterns.medianWinningStageOrder).toBe(4);
  });

  const report = pipelineHygiene(snapshot, { period, asOf });
  const flagsOf = (id: string) => report.deals.find((d) => d.opportunityId === id)?.flags ?? [];

  it('flags each open deal with its evidence', () => {
    expect(flagsOf(deals.A4)).toEqual([
      { rule: 'COMMIT_TOO_EARLY', stage: 'Proposal', stageOrder: 3, medianWinningStageOrder: 4 },
    ]);
    expect(flagsOf(deals.B2)).toEqual([
      { rule: 'PAST_CLOSE_DATE', closeDate: '2026-03-10', daysPast: 5 },
      { rule: 'MISSING_AMOUNT', amount: null },
      { rule: 'NO_NEXT_STEP' },
    ]);
    expect(flagsOf(deals.B3)).toEqual([
      { rule: 'PUSHED', pushes: 2, closeDates: ['2026-02-28', '2026-03-15', '2026-05-15'] },
      { rule: 'AMOUNT_DROPPED', from: 12000, to: 8000, since: '2026-01-20', change: -1 / 3 },
    ]);
    // B4 has been in Negotiation since 01-08: 66 days > 2 × 12.5; probability 40 vs the stage's 80.
    expect(flagsOf(deals.B4)).toEqual([
      { rule: 'STALE_STAGE', stage: 'Negotiation', since: '2026-01-08', days: 66, wonMedianDays: 12.5 },
      { rule: 'NO_NEXT_STEP' },
      { rule: 'PROBABILITY_MISMATCH', probability: 40, stageDefault: 80 },
    ]);
    // C3 in Qualification since 2025-12-01: 104 days > 2 × 49.
    expect(flagsOf(deals.C3)).toEqual([
      { rule: 'STALE_STAGE', stage: 'Qualification', since: '2025-12-01', days: 104, wonMedianDays: 49 },
    ]);
  });

  it('orders deals and owners worst first and counts the rules', () => {
    expect(report.deals.map((d) => d.opportunityId)).toEqual([deals.B4, deals.B2, deals.B3, deals.C3, deals.A4]);
    expect(report.owners.map((o) => [o.ownerId, o.deals, o.flags, o.amount])).toEqual([
      [users.B, 3, 8, 15500],
      [users.C, 1, 1, 30000],
      [users.A, 1, 1, 7000],
    ]);
    expect(report.counts).toEqual({
      PAST_CLOSE_DATE: 1,
      PUSHED: 1,
      STALE_STAGE: 2,
      MISSING_AMOUNT: 1,
      NO_NEXT_STEP: 2,
      PROBABILITY_MISMATCH: 1,
      COMMIT_TOO_EARLY: 1,
      AMOUNT_DROPPED: 1,
      OWNER_INACTIVE: 0,
    });
    // Open as of 03-15: A4, B2, B3, B4, C3 (F1 does not exist yet).
    expect([report.checked, report.closingIn]).toEqual([5, null]);
  });

  it('with closingIn checks only the deals closing in that period', () => {
    // As of 03-15, B3 closes 05-15 (FY2026-Q2); A4 03-31, B2 03-10, B4 03-30 and C3 03-31 close in FY2026-Q1.
    const q1 = pipelineHygiene(snapshot, { period, asOf, closingIn: period });
    expect(q1.closingIn).toEqual({ label: 'FY2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    expect(q1.checked).toBe(4);
    expect(q1.deals.map((d) => d.opportunityId)).toEqual([deals.B4, deals.B2, deals.C3, deals.A4]);
    const q2 = pipelineHygiene(snapshot, { period, asOf, closingIn: snapshot.calendar.periodByLabel('FY2026-Q2')! });
    expect([q2.checked, q2.deals.map((d) => d.opportunityId)]).toEqual([1, [deals.B3]]);
  });

  it('flags the open deals of an inactive owner', () => {
    const data = smallOrg();
    const left = createOrgSnapshot({
      ...data,
      users: data.users.map((u) => (u.Id === users.B ? { ...u, IsActive: false } : u)),
    });
    const r = pipelineHygiene(left, { period, asOf });
    // B's open deals B2, B3, B4; A's and C's are untouched.
    expect(r.counts.OWNER_INACTIVE).toBe(3);
    for (const id of [deals.B2, deals.B3, deals.B4]) {
      expect(r.deals.find((d) => d.opportunityId === id)?.flags).toContainEqual({
        rule: 'OWNER_INACTIVE',
        owner: 'Bob B',
      });
    }
    expect(r.deals.find((d) => d.opportunityId === deals.C3)?.flags.map((f) => f.rule)).toEqual(['STALE_STAGE']);
  });

  it('never flags a deal that is closed as of the date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 260 }), (offset) => {
        const day = addDays('2025-09-01', offset);
        const r = pipelineHygiene(snapshot, { period: snapshot.calendar.periodOf(day, 'Quarter'), asOf: day });
        return r.deals.every((d) => {
          const state = snapshot.dealAsOf(snapshot.opportunitiesById.get(d.opportunityId)!, day);
          return state !== null && !state.IsClosed;
        });
      }),
      { numRuns: 60 },
    );
  });
});
