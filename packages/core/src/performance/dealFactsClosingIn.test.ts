import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index.js';
import type { OrgData } from '../snapshot/index.js';
import { createOrgSnapshot, OpportunityHistoryTable } from '../snapshot/index.js';
import { deals, smallOrg } from '../testing/smallOrg.js';
import { dealFactsAsOf, type DealFact } from './dealFacts.js';
import { dealFactsClosingIn } from './dealFactsClosingIn.js';

/** The small org plus the awkward cases: history rows without a close date, in a stage no longer listed, reopened. */
function awkwardOrg(): OrgData {
  const base = smallOrg();
  const history = base.opportunityHistory.rows().map((h, i) => {
    if (i % 7 === 3) return { ...h, CloseDate: null };
    if (i % 11 === 5) return { ...h, StageName: 'Retired stage' };
    return h;
  });
  const a1 = base.opportunityHistory.rows().filter((h) => h.OpportunityId === deals.A1);
  const last = a1[a1.length - 1];
  // A1 reopened after it was won, with its close date pushed a quarter out.
  const reopened = last
    ? [{ ...last, StageName: 'Proposal', CloseDate: '2026-06-30', CreatedDate: '2026-04-02T10:00:00.000Z' }]
    : [];
  return { ...base, opportunityHistory: OpportunityHistoryTable.of([...history, ...reopened]) };
}

const key = (f: DealFact) =>
  `${f.opportunity.Id}|${f.state.StageName}|${f.state.CloseDate}|${f.amountCents}|${f.isWon}`;

describe('dealFactsClosingIn', () => {
  for (const [name, data] of [
    ['the small org', smallOrg()],
    ['the small org with awkward history', awkwardOrg()],
  ] as const) {
    const snapshot = createOrgSnapshot(data);
    it(`equals the full replay restricted to the window, in order (${name})`, () => {
      const day = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2024-07-01', n));
      fc.assert(
        fc.property(day, day, fc.integer({ min: 0, max: 200 }), fc.boolean(), (asOf, from, length, wonOnly) => {
          const to = addDays(from, length);
          const expected = dealFactsAsOf(snapshot, asOf)
            .filter((f) => f.state.CloseDate >= from && f.state.CloseDate <= to && (!wonOnly || f.isWon))
            .map(key);
          expect(dealFactsClosingIn(snapshot, asOf, from, to, { wonOnly }).map(key)).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('finds a deal by a close date it had only in the past', () => {
    const snapshot = createOrgSnapshot(awkwardOrg());
    // As of 2026-04-10 A1 is open again and closes 2026-06-30; as of 2026-03-31 it was won in Q1.
    expect(
      dealFactsClosingIn(snapshot, '2026-04-10', '2026-04-01', '2026-06-30').map((f) => f.opportunity.Id),
    ).toContain(deals.A1);
    const won = dealFactsClosingIn(snapshot, '2026-04-10', '2024-01-01', '2026-03-31', { wonOnly: true });
    expect(won.map((f) => f.opportunity.Id)).not.toContain(deals.A1);
  });
});
