import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import { dealFactsClosingIn } from '../performance/index.js';
import { createOrgSnapshot, type OrgSnapshot } from '../snapshot/index.js';
import { awkwardOrg } from '../testing/awkwardOrg.js';
import { repeatedOrg } from '../testing/repeatedOrg.js';
import { smallOrg } from '../testing/smallOrg.js';
import { periodDeals } from './periodDeals.js';
import { periodFactor } from './periodFactor.js';
import { stageHistoryForecast } from './stageHistoryForecast.js';
import { stageObservations } from './stageObservations.js';
import { stageWinRates } from './stageWinRates.js';

/** periodFactor as first defined: over replayed selections of the past periods, won deals matched by Id. */
function factorByReplay(snapshot: OrgSnapshot, period: FiscalPeriod, asOf: IsoDate) {
  const learnt = stageObservations(snapshot, period, asOf, 8);
  const rates = stageWinRates(learnt);
  const daysLeft = Math.max(0, daysBetween(asOf, period.end));
  const seen: { e: number; v: number; a: number }[] = [];
  const amountRatios: number[] = [];
  for (const q of learnt.periods) {
    const deals = periodDeals(snapshot, q, addDays(q.end, -daysLeft));
    if (deals.open.length === 0) continue;
    const wonAmounts = new Map<string, number>();
    for (const f of dealFactsClosingIn(snapshot, q.end, q.start, q.end, { wonOnly: true })) {
      wonAmounts.set(f.opportunity.Id, f.amountCents === null ? 0 : f.amountCents / 100);
    }
    for (const deal of deals.open) {
      const w = wonAmounts.get(deal.opportunity.Id);
      if (w !== undefined && deal.amount > 0) amountRatios.push(w / deal.amount);
    }
    const { probabilities } = stageHistoryForecast(deals, rates, snapshot);
    let e = 0;
    let v = 0;
    let a = 0;
    deals.open.forEach((deal, i) => {
      const p = probabilities[i]!;
      e += deal.amount * p;
      v += deal.amount * deal.amount * p * (1 - p);
      if (wonAmounts.has(deal.opportunity.Id)) a += deal.amount;
    });
    if (e > 0) seen.push({ e, v, a });
  }
  if (seen.length < 2) return { mean: 1, sd: 0, periods: seen.length, amountRatios };
  const mean = seen.reduce((s, x) => s + x.a, 0) / seen.reduce((s, x) => s + x.e, 0);
  const spread = seen.reduce((s, x) => s + (x.a - mean * x.e) ** 2, 0);
  const coins = seen.reduce((s, x) => s + x.v, 0);
  const sumE2 = seen.reduce((s, x) => s + x.e * x.e, 0);
  const tau2 = Math.max(0, ((spread * seen.length) / (seen.length - 1) - coins) / sumE2);
  const sd = mean > 0 ? Math.sqrt(Math.log(1 + tau2 / (mean * mean))) : 0;
  return { mean, sd, periods: seen.length, amountRatios };
}

describe('periodFactor', () => {
  for (const [name, data, estimated] of [
    ['the small org', smallOrg(), 0],
    ['the awkward org repeated', repeatedOrg(awkwardOrg(), 8, 37), 4],
  ] as const) {
    const snapshot = createOrgSnapshot(data);
    it(`learns from the same past deals as a replay of each past period (${name})`, () => {
      let factors = 0;
      for (const asOf of ['2026-02-10', '2026-03-20', '2026-04-15', '2026-06-30'] as const) {
        for (const type of ['Month', 'Quarter'] as const) {
          const period = snapshot.calendar.periodOf(asOf, type);
          const factor = periodFactor(snapshot, period, asOf);
          expect(factor).toEqual(factorByReplay(snapshot, period, asOf));
          if (factor.periods >= 2 && factor.sd > 0 && factor.amountRatios.length > 0) factors++;
        }
      }
      // Enough past periods with open deals that the factor is estimated, not its default.
      expect(factors).toBeGreaterThanOrEqual(estimated);
    });
  }
});
