import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { awkwardOrg } from '../testing/awkwardOrg.js';
import { deals, smallOrg } from '../testing/smallOrg.js';
import { dealFactsAsOf, type DealFact } from './dealFacts.js';
import { dealFactsClosingIn } from './dealFactsClosingIn.js';

const key = (f: DealFact) =>
  `${f.opportunity.Id}|${f.state.StageName}|${f.state.CloseDate}|${f.amountCents}|${f.isWon}|${f.isClosed}`;

describe('dealFactsClosingIn', () => {
  for (const [name, data] of [
    ['the small org', smallOrg()],
    ['the small org with awkward history', awkwardOrg()],
  ] as const) {
    const snapshot = createOrgSnapshot(data);
    it(`equals the full replay restricted to the window, in order (${name})`, () => {
      const day = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2024-07-01', n));
      fc.assert(
        fc.property(
          day,
          day,
          fc.integer({ min: 0, max: 200 }),
          fc.boolean(),
          fc.boolean(),
          (asOf, from, length, wonOnly, withoutLost) => {
            const to = addDays(from, length);
            const expected = dealFactsAsOf(snapshot, asOf)
              .filter((f) => f.state.CloseDate >= from && f.state.CloseDate <= to)
              .filter((f) => (!wonOnly || f.isWon) && (!withoutLost || f.isWon || !f.isClosed))
              .map(key);
            expect(dealFactsClosingIn(snapshot, asOf, from, to, { wonOnly, withoutLost }).map(key)).toEqual(expected);
          },
        ),
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
