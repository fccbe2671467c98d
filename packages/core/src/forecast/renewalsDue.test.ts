import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { users as u } from '../testing/smallOrg.js';
import { revopsOrg } from '../testing/revopsOrg.js';
import { renewalsDue } from './renewalsDue.js';

// Worked out by hand from the tables in testing/revopsOrg.ts (fiscal year = calendar year).
const snapshot = createOrgSnapshot(revopsOrg());
const q1 = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const q2 = snapshot.calendar.periodByLabel('FY2026-Q2')!;
const ownedBy = (owner: string) => (o: { OwnerId: string | null }) => o.OwnerId === owner;

describe('renewalsDue: the contracts due whose renewal is not opened yet', () => {
  it('takes the base of revenue retention and leaves out the accounts with a renewal opened', () => {
    // Due in FY2026-Q1: the recurring wins of FY2025-Q1, P1 (R1) 12,000, P2 (R2) 20,000, P3 (R3) 30,000 and P5 (R5)
    // 5,000 EUR = 6,250. As of 2026-01-05 R2's downgrade N3 (created 2025-12-20, close 01-20) is open: P2 is seen.
    // N1, N4 and N5 are created later. Before FY2026-Q1 no account renewed a year's bookings: no law, nothing drawn.
    const due = renewalsDue(snapshot, q1, '2026-01-05');
    expect([...due.amounts].sort((a, b) => a - b)).toEqual([6250, 12000, 30000]);
    expect(due.law).toBeNull();
    // A scope holds the contracts its deals booked: C booked P3; E (who left) P5.
    expect(renewalsDue(snapshot, q1, '2026-01-05', ownedBy(u.C)).amounts).toEqual([30000]);
    expect(renewalsDue(snapshot, q1, '2026-01-05', ownedBy(u.B)).amounts).toEqual([]);
  });

  it('learns the win rate and the amount ratios from the renewals of the past periods', () => {
    // Due in FY2026-Q2: FY2025-Q2's Y1 (R1, 1,000); R1 has no renewal with a close date from 04-01 on: unopened.
    const due = renewalsDue(snapshot, q2, '2026-04-05');
    expect(due.amounts).toEqual([1000]);
    // Contracts of the past periods not opened 4 days in (FY2024-Q2 … FY2026-Q1; only FY2026-Q1 has a base, FY2025-Q1):
    // at 01-05 R2's N3 is open; P1 (R1), P3 (R3), P5 (R5) are not. Created later and won in FY2026-Q1 as of 04-05:
    // R1's N1 and R5's N5; R3's N4 was won, then reopened. Renewed 2 of 3.
    expect(due.law?.winRate).toEqual({ alpha: 2, beta: 1 });
    // FY2026-Q1 renewals / FY2025-Q1 bookings: R1 12,000 / 12,000, R2 15,000 / 20,000, R5 5,000 / 6,250; R3 none.
    expect([...due.law!.ratios].sort((a, b) => a - b)).toEqual([0.75, 0.8, 1]);
  });
});
