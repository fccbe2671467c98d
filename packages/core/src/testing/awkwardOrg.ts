import { OpportunityHistoryTable, type OrgData } from '../snapshot/index.js';
import { deals, smallOrg } from './smallOrg.js';

/**
 * The small org plus the awkward cases replays must get right: history rows without a close date, rows in a stage
 * no longer listed, and A1 reopened after it was won (2026-04-02, Proposal, close date pushed to 2026-06-30).
 */
export function awkwardOrg(): OrgData {
  const base = smallOrg();
  const history = base.opportunityHistory.rows().map((h, i) => {
    if (i % 7 === 3) return { ...h, CloseDate: null };
    if (i % 11 === 5) return { ...h, StageName: 'Retired stage' };
    return h;
  });
  const a1 = base.opportunityHistory.rows().filter((h) => h.OpportunityId === deals.A1);
  const last = a1[a1.length - 1];
  const reopened = last
    ? [{ ...last, StageName: 'Proposal', CloseDate: '2026-06-30', CreatedDate: '2026-04-02T10:00:00.000Z' }]
    : [];
  return { ...base, opportunityHistory: OpportunityHistoryTable.of([...history, ...reopened]) };
}
