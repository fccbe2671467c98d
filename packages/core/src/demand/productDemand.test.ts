import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { productDemand } from './productDemand.js';

describe('productDemand on the hand-built org', () => {
  it('sums won and open line items per family, with the previous period', () => {
    const snapshot = createOrgSnapshot(smallOrg());
    const demand = productDemand(snapshot, {
      period: snapshot.calendar.periodByLabel('FY2026-Q1')!,
      asOf: '2026-03-15',
    });
    expect(demand).toEqual([
      // Won in Q1: A1 4,000 + B1 8,000 EUR / 0.8 = 14,000 (6 units); open: A4 7,000 (won only on 03-20).
      { family: 'Software', won: 14000, wonUnits: 6, wonPrevious: 0, openPipeline: 7000, openUnits: 7 },
      // Won in Q1: A1 2,000; in FY2025-Q4: C1 20,000.
      { family: 'Services', won: 2000, wonUnits: 1, wonPrevious: 20000, openPipeline: 0, openUnits: 0 },
    ]);
  });
});
