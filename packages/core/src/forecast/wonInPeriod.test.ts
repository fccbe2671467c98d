import { describe, expect, it } from 'vitest';
import { dealFactsClosingIn } from '../performance/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { awkwardOrg } from '../testing/awkwardOrg.js';
import { repeatedOrg } from '../testing/repeatedOrg.js';
import { smallOrg } from '../testing/smallOrg.js';
import { wonInPeriod } from './wonInPeriod.js';

describe('wonInPeriod', () => {
  for (const [name, data] of [
    ['the small org', smallOrg()],
    ['the awkward org repeated', repeatedOrg(awkwardOrg(), 6, 40)],
  ] as const) {
    const snapshot = createOrgSnapshot(data);
    it(`gives the won facts of the period as of its last day, by index (${name})`, () => {
      for (const type of ['Month', 'Quarter'] as const) {
        for (const q of snapshot.calendar.previousPeriods(snapshot.calendar.periodOf('2026-07-01', type), 30)) {
          const facts = dealFactsClosingIn(snapshot, q.end, q.start, q.end, { wonOnly: true });
          const won = wonInPeriod(snapshot, q);
          const read = Array.from(won.deals, (i, k) => ({
            opportunity: snapshot.deals[i]!.opportunity,
            amount: won.amounts[k],
            closed: won.closed[k] === 1,
          }));
          expect(read).toEqual(
            facts.map((f) => ({
              opportunity: f.opportunity,
              amount: f.amountCents === null ? 0 : f.amountCents / 100,
              closed: f.isClosed,
            })),
          );
        }
      }
    });
  }

  it('is kept per period', () => {
    const snapshot = createOrgSnapshot(smallOrg());
    const q = snapshot.calendar.periodByLabel('FY2026-Q1')!;
    expect(wonInPeriod(snapshot, q)).toBe(wonInPeriod(snapshot, q));
    expect(wonInPeriod(snapshot, q).deals.length).toBeGreaterThan(0);
  });
});
