import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../model/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { stageCell } from './stageCell.js';
import { stageObservations } from './stageObservations.js';
import { stageWinRates } from './stageWinRates.js';

const deal = (Type: string | null) => ({ Type }) as Opportunity;

describe('stageCell', () => {
  it('gives renewals (Renewal, Downgrade, Replacement) cells of their own and keeps every other deal in its stage', () => {
    const renewal = stageCell(deal('Existing Customer - Renewal'), 'Proposal');
    expect(renewal).not.toBe('Proposal');
    expect(stageCell(deal('Existing Customer - Downgrade'), 'Proposal')).toBe(renewal);
    expect(stageCell(deal('Existing Customer - Replacement'), 'Proposal')).toBe(renewal);
    expect(stageCell(deal('Existing Customer - Renewal'), 'Negotiation')).not.toBe(renewal);
    for (const type of ['New Business', 'Existing Customer - Upgrade', 'Partner deal', null]) {
      expect(stageCell(deal(type), 'Proposal')).toBe('Proposal');
    }
  });

  it('learns a renewal’s rate from past renewals only (hand-built org, FY2026-Q1 as of 2026-03-15)', () => {
    const data = smallOrg();
    // C1 (won in FY2025-Q4 from Prospecting and Negotiation) becomes a renewal; every other deal stays as it was.
    const org = {
      ...data,
      opportunities: data.opportunities.map((o) =>
        o.Name === 'C1' ? { ...o, Type: 'Existing Customer - Renewal' } : o,
      ),
    };
    const original = createOrgSnapshot(data);
    const before = stageObservations(original, original.calendar.periodByLabel('FY2026-Q1')!, '2026-03-15');
    const snapshot = createOrgSnapshot(org);
    const after = stageObservations(snapshot, snapshot.calendar.periodByLabel('FY2026-Q1')!, '2026-03-15');
    const c1 = after.observations.filter((o) => o.opportunity.Name === 'C1');
    expect(c1.length).toBeGreaterThan(0);
    expect(
      c1.every(
        (o) =>
          o.stage === stageCell(o.opportunity, 'Negotiation') || o.stage === stageCell(o.opportunity, 'Prospecting'),
      ),
    ).toBe(true);
    // The Negotiation cell at 15–30 days left loses C1's win to the renewal cell: one deal fewer, one win fewer.
    const cell = (rates: ReturnType<typeof stageWinRates>, stage: string) => rates.probability(stage, 20, 0.5);
    const was = cell(stageWinRates(before), 'Negotiation');
    const now = cell(stageWinRates(after), 'Negotiation');
    expect([now.deals, now.won]).toEqual([was.deals - 1, was.won - 1]);
    expect(cell(stageWinRates(after), stageCell(deal('Existing Customer - Renewal'), 'Negotiation'))).toMatchObject({
      deals: 1,
      won: 1,
    });
  });
});
