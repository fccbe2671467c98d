import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../calendar/index.js';
import { createOrgSnapshot, dealStateAsOf, type OrgData } from '../snapshot/index.js';
import { awkwardOrg } from '../testing/awkwardOrg.js';
import { deals, smallOrg } from '../testing/smallOrg.js';
import { dealCloseBounds, FINAL_LOST, FINAL_OPEN, FINAL_WON } from './dealCloseBounds.js';
import {
  dealRowAmount,
  dealRowAsOf,
  dealRowCloseDate,
  dealRowIsClosed,
  dealRowIsWon,
  dealRowStageName,
} from './dealRowAsOf.js';

/** The awkward org with the records of deals that went through the retired stage now in it, closed (won or lost). */
function retiredRecordsOrg(): OrgData {
  const data = awkwardOrg();
  const retired = new Set(
    data.opportunityHistory
      .rows()
      .filter((h) => h.StageName === 'Retired stage')
      .map((h) => h.OpportunityId),
  );
  let won = false;
  const opportunities = data.opportunities.map((o) => {
    if (!retired.has(o.Id)) return o;
    won = !won;
    return { ...o, StageName: 'Retired stage', IsClosed: true, IsWon: won };
  });
  return { ...data, opportunities };
}

const orgs = [
  ['the small org', smallOrg()],
  ['the awkward org', awkwardOrg()],
  ['the awkward org with records in a retired stage', retiredRecordsOrg()],
] as const;

describe('dealRowAsOf and the dealRow readers', () => {
  for (const [name, data] of orgs) {
    it(`read what dealStateAsOf replays, on every day (${name})`, () => {
      const snapshot = createOrgSnapshot(data);
      const context = { stagesByName: snapshot.stagesByName, stageList: snapshot.stageOrder };
      let compared = 0;
      for (let n = 0; n < 400; n++) {
        const asOf = addDays('2025-08-01', n);
        const asOfDay = dayNumber(asOf);
        for (const deal of snapshot.deals) {
          const state = dealStateAsOf(deal.opportunity, deal.createdOn, deal.history, asOf, context, asOfDay);
          if (!state) continue;
          const row = dealRowAsOf(deal.history, asOfDay);
          expect([
            dealRowStageName(deal, row),
            dealRowCloseDate(deal, row),
            dealRowIsClosed(deal, row, snapshot.stageOrder),
            dealRowIsWon(deal, row, snapshot.stageOrder),
            dealRowAmount(deal, row),
          ]).toEqual([state.StageName, state.CloseDate, state.IsClosed, state.IsWon, state.Amount]);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(4000);
    });
  }

  it('−1 without history rows; the last row of a day; the earliest row when every row comes later', () => {
    const snapshot = createOrgSnapshot(smallOrg());
    const deal = (id: string) => snapshot.deals.find((d) => d.opportunity.Id === id)!;
    expect(dealRowAsOf(deal(deals.A5).history, dayNumber('2026-03-31'))).toBe(-1);
    expect(dealRowAsOf(undefined, dayNumber('2026-03-31'))).toBe(-1);
    // B4: 03-12 14:00Z and 03-12 20:00Z are rows 1 and 2; 03-16 03:30Z is 03-15 local (row 3).
    const b4 = deal(deals.B4).history;
    expect(dealRowAsOf(b4, dayNumber('2026-03-12'))).toBe(2);
    expect(dealRowAsOf(b4, dayNumber('2026-03-14'))).toBe(2);
    expect(dealRowAsOf(b4, dayNumber('2026-03-15'))).toBe(3);
    expect(dealRowAsOf(b4, dayNumber('2025-01-01'))).toBe(0);
  });
});

describe('dealCloseBounds: final state', () => {
  for (const [name, data] of orgs) {
    it(`is the state replayed to the end of time (${name})`, () => {
      const snapshot = createOrgSnapshot(data);
      const context = { stagesByName: snapshot.stagesByName, stageList: snapshot.stageOrder };
      const { finalCloseDay, finalOutcome, settledDay } = dealCloseBounds(snapshot);
      snapshot.deals.forEach((deal, i) => {
        const state = dealStateAsOf(deal.opportunity, deal.createdOn, deal.history, '9999-12-31', context)!;
        const settled = dealStateAsOf(
          deal.opportunity,
          deal.createdOn,
          deal.history,
          addDays('1970-01-01', settledDay[i]!),
          context,
        )!;
        expect(settled).toEqual(state);
        expect(finalCloseDay[i]).toBe(dayNumber(state.CloseDate));
        expect(finalOutcome[i]).toBe(state.IsWon ? FINAL_WON : state.IsClosed ? FINAL_LOST : FINAL_OPEN);
      });
      expect(new Set(finalOutcome).size).toBe(3);
    });
  }
});
