import { addDays } from '../calendar/index.js';
import { OpportunityHistoryTable, type OrgData } from '../snapshot/index.js';

/** A datetime or date moved by `days` (the time of day kept). */
const moved = (date: string, days: number) => addDays(date.slice(0, 10), days) + date.slice(10);

/**
 * An org whose deals and their history are `base`'s repeated `copies` times, copy k moved k × `step` days back (Ids
 * suffixed by k): the same awkward cases (null amounts, EUR deals, retired stages, reopened deals) in many past
 * periods, for tests of what looks at a run of past periods.
 *
 * @example
 * repeatedOrg(awkwardOrg(), 8, 91).opportunities.length; // 8 × the awkward org's deals
 */
export function repeatedOrg(base: OrgData, copies: number, step: number): OrgData {
  const opportunities = [];
  const history = [];
  for (let k = 0; k < copies; k++) {
    const days = -k * step;
    const id = (dealId: string) => (k === 0 ? dealId : `${dealId}${k}`);
    for (const o of base.opportunities) {
      opportunities.push({
        ...o,
        Id: id(o.Id),
        CreatedDate: moved(o.CreatedDate, days),
        CloseDate: moved(o.CloseDate, days),
      });
    }
    for (const h of base.opportunityHistory.rows()) {
      history.push({
        ...h,
        OpportunityId: id(h.OpportunityId),
        CreatedDate: moved(h.CreatedDate, days),
        CloseDate: h.CloseDate === null ? null : moved(h.CloseDate, days),
      });
    }
  }
  return { ...base, opportunities, opportunityHistory: OpportunityHistoryTable.of(history) };
}
