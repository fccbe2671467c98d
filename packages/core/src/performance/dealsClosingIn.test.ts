import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../calendar/index.js';
import { createOrgSnapshot, type DealRecord } from '../snapshot/index.js';
import { awkwardOrg } from '../testing/awkwardOrg.js';
import { smallOrg } from '../testing/smallOrg.js';
import { dealRowCents } from './dealFacts.js';
import { dealFactsClosingIn } from './dealFactsClosingIn.js';
import {
  dealRowAsOf,
  dealRowIsClosed,
  dealRowIsWon,
  dealRowOwnCloseDay,
  dealRowProbability,
  dealRowStageName,
} from './dealRowAsOf.js';
import { dealsClosingIn } from './dealsClosingIn.js';

describe('dealsClosingIn', () => {
  for (const [name, data] of [
    ['the small org', smallOrg()],
    ['the small org with awkward history', awkwardOrg()],
  ] as const) {
    const snapshot = createOrgSnapshot(data);
    it(`finds the deals dealFactsClosingIn replays, and their rows read as the facts (${name})`, () => {
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
            const facts = dealFactsClosingIn(snapshot, asOf, from, to, { wonOnly, withoutLost });
            const read = Array.from(dealsClosingIn(snapshot, asOf, from, to, { wonOnly, withoutLost }), (i) => {
              const deal = snapshot.deals[i] as DealRecord;
              const row = dealRowAsOf(deal.history, dayNumber(asOf));
              const stages = snapshot.stageOrder;
              return {
                id: deal.opportunity.Id,
                cents: dealRowCents(snapshot, deal, row),
                closeDay: dealRowOwnCloseDay(deal, row) ?? dayNumber(deal.opportunity.CloseDate),
                stage: dealRowStageName(deal, row),
                probability: dealRowProbability(deal, row),
                won: dealRowIsWon(deal, row, stages),
                closed: dealRowIsClosed(deal, row, stages),
              };
            });
            expect(read).toEqual(
              facts.map((f) => ({
                id: f.opportunity.Id,
                cents: f.amountCents,
                closeDay: f.closeDay,
                stage: f.state.StageName,
                probability: f.state.Probability,
                won: f.state.IsWon,
                closed: f.state.IsClosed,
              })),
            );
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('reads a null amount as null and a EUR amount in corporate cents', () => {
    const snapshot = createOrgSnapshot(smallOrg());
    const cents = Array.from(dealsClosingIn(snapshot, '2026-03-31', '2026-01-01', '2026-03-31'), (i) => {
      const deal = snapshot.deals[i] as DealRecord;
      return [deal.opportunity.Name, dealRowCents(snapshot, deal, dealRowAsOf(deal.history, dayNumber('2026-03-31')))];
    });
    expect(cents).toContainEqual(['B2', null]);
    expect(cents).toContainEqual(['B1', 1_000_000]); // 8,000 EUR at 0.8 EUR per USD
  });
});
