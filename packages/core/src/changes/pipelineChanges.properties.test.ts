import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index.js';
import type { Opportunity, OpportunityHistory } from '../model/index.js';
import { createOrgSnapshot, OpportunityHistoryTable, type OrgSnapshot } from '../snapshot/index.js';
import { smallOrg, users } from '../testing/smallOrg.js';
import { CHANGE_BUCKETS } from './changeBucket.js';
import { pipelineChanges } from './pipelineChanges.js';

const base = smallOrg();
const owners = [users.A, users.B, users.C, users.D];
const stages = ['Prospecting', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'] as const;
const DAY0 = '2025-06-01';

/** One change of a generated deal: days after the previous one, and the state after it. */
const change = fc.record({
  gap: fc.integer({ min: 0, max: 60 }),
  stage: fc.constantFrom(...stages),
  amount: fc.option(
    fc.integer({ min: 0, max: 200_000 }).map((c) => c / 4),
    { nil: null, freq: 8 },
  ),
  close: fc.integer({ min: -30, max: 400 }),
});
const deal = fc.record({
  created: fc.integer({ min: 0, max: 300 }),
  owner: fc.constantFrom(...owners),
  currency: fc.constantFrom('USD', 'EUR'),
  changes: fc.array(change, { minLength: 0, maxLength: 6 }),
  amount: fc.integer({ min: 1, max: 100_000 }),
  close: fc.integer({ min: 0, max: 400 }),
});

type GeneratedDeal = typeof deal extends fc.Arbitrary<infer V> ? V : never;

/** An org of generated deals (a deal without changes has no history rows: its record is its state). */
function generatedSnapshot(generated: readonly GeneratedDeal[]): OrgSnapshot {
  const stageOf = new Map(base.opportunityStages.map((s) => [s.MasterLabel, s]));
  const opportunities: Opportunity[] = [];
  const history: OpportunityHistory[] = [];
  generated.forEach((g, i) => {
    const id = `006G${String(i).padStart(11, '0')}AAA`;
    let day = g.created;
    let last = { stage: 'Prospecting' as string, amount: g.amount as number | null, close: addDays(DAY0, g.close) };
    g.changes.forEach((c, k) => {
      if (k > 0) day += c.gap;
      last = { stage: c.stage, amount: c.amount, close: addDays(DAY0, day + c.close) };
      const stage = stageOf.get(c.stage);
      history.push({
        OpportunityId: id,
        CreatedDate: `${addDays(DAY0, day)}T${String(10 + (k % 12)).padStart(2, '0')}:00:00.000Z`,
        StageName: c.stage,
        Amount: c.amount,
        CloseDate: last.close,
        Probability: stage?.DefaultProbability ?? null,
        ForecastCategory:
          stage?.ForecastCategoryName === 'Best Case' ? 'BestCase' : (stage?.ForecastCategoryName ?? null),
      });
    });
    const stage = stageOf.get(last.stage);
    opportunities.push({
      Id: id,
      Name: `G${i}`,
      AccountId: null,
      OwnerId: g.owner,
      Amount: last.amount,
      Probability: stage?.DefaultProbability ?? null,
      StageName: last.stage,
      ForecastCategoryName: stage?.ForecastCategoryName ?? null,
      CloseDate: last.close,
      CreatedDate: `${addDays(DAY0, g.created)}T10:00:00.000Z`,
      IsClosed: stage?.IsClosed ?? false,
      IsWon: stage?.IsWon ?? false,
      Type: null,
      LeadSource: null,
      CampaignId: null,
      NextStep: null,
      LastActivityDate: null,
      Territory2Id: null,
      CurrencyIsoCode: g.currency,
    });
  });
  return createOrgSnapshot({
    ...base,
    opportunities,
    opportunityHistory: OpportunityHistoryTable.of(history),
    opportunityLineItems: [],
    datedConversionRates: [
      { Id: null, IsoCode: 'EUR', ConversionRate: 0.8, StartDate: '2025-01-01', NextStartDate: '2026-01-15' },
      { Id: null, IsoCode: 'EUR', ConversionRate: 0.93, StartDate: '2026-01-15', NextStartDate: '2026-05-01' },
      { Id: null, IsoCode: 'EUR', ConversionRate: 0.71, StartDate: '2026-05-01', NextStartDate: null },
    ],
  });
}

const cents = (v: number) => Math.round(v * 100);

/** Open pipeline in the period as of a date, the plain way: each deal's replayed state, converted on its own. */
function openCents(snapshot: OrgSnapshot, start: string, end: string, asOf: string): number {
  let sum = 0;
  for (const o of snapshot.data.opportunities) {
    const s = snapshot.dealAsOf(o, asOf);
    if (!s || s.IsClosed || s.CloseDate < start || s.CloseDate > end) continue;
    sum += Math.round((snapshot.toCorporate(s.Amount, o.CurrencyIsoCode, s.CloseDate) ?? 0) * 100);
  }
  return sum;
}

describe('pipeline changes properties', () => {
  it('start + Σ buckets = end exactly, start and end are the open pipeline at a and b, every deal once', () => {
    fc.assert(
      fc.property(
        fc.array(deal, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 420 }),
        fc.integer({ min: 0, max: 90 }),
        fc.constantFrom('Month' as const, 'Quarter' as const, 'Year' as const),
        fc.integer({ min: -120, max: 120 }),
        (generated, aOffset, length, type, shift) => {
          const snapshot = generatedSnapshot(generated);
          const since = addDays(DAY0, aOffset);
          const asOf = addDays(since, length);
          const period = snapshot.calendar.periodOf(addDays(asOf, shift), type);
          const report = pipelineChanges(snapshot, { period, since, asOf, scopes: [] });
          const { org } = report;
          const sum = CHANGE_BUCKETS.reduce((s, b) => s + cents(org.amounts[b]), 0);
          expect(cents(org.start) + sum).toBe(cents(org.end));
          expect(cents(org.start)).toBe(openCents(snapshot, period.start, period.end, since));
          expect(cents(org.end)).toBe(openCents(snapshot, period.start, period.end, asOf));
          const ids = report.deals.map((d) => d.opportunityId);
          expect(new Set(ids).size).toBe(ids.length);
          const inEither = snapshot.data.opportunities.filter((o) =>
            [since, asOf].some((date) => {
              const s = snapshot.dealAsOf(o, date);
              return s !== null && !s.IsClosed && s.CloseDate >= period.start && s.CloseDate <= period.end;
            }),
          );
          expect(ids.sort()).toEqual(inEither.map((o) => o.Id).sort());
          expect(CHANGE_BUCKETS.reduce((s, b) => s + org.counts[b], 0)).toBe(ids.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
