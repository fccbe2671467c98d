import type { OrgSnapshot } from '../snapshot/index.js';

/** What the funnel and retention figures lack (metrics.md "Data completeness"); the plugin words each code. */
export type RevOpsGapCode =
  'NO_LEADS' | 'NO_LEAD_ACTIVITY' | 'NO_CAMPAIGNS' | 'NO_SALES_COST' | 'NO_OPPORTUNITY_TYPES' | 'NO_GROSS_MARGIN';

/** The figures each gap leaves not computed (null, never 0), by the names metrics.md and the commands use. */
export const REVOPS_GAP_AFFECTS: Readonly<Record<RevOpsGapCode, readonly string[]>> = {
  NO_LEADS: ['leads', 'converted', 'leadToOpp', 'oppToWin', 'speedToLead', 'leadsPerRep balance'],
  NO_LEAD_ACTIVITY: ['speedToLead'],
  NO_CAMPAIGNS: ['campaignROI', 'campaign rows', 'CAC'],
  NO_SALES_COST: ['CAC'],
  NO_OPPORTUNITY_TYPES: ['GRR', 'NRR', 'churned accounts', 'contracted accounts', 'CLV'],
  NO_GROSS_MARGIN: ['CLV'],
};

export interface RevOpsGap {
  readonly code: RevOpsGapCode;
  readonly affects: readonly string[];
}

export function revOpsGap(code: RevOpsGapCode): RevOpsGap {
  return { code, affects: REVOPS_GAP_AFFECTS[code] };
}

/**
 * The funnel's gaps in an org's data: no Lead records; leads but no Task, Event or LeadHistory Status change to time
 * a first touch; no Campaign records.
 *
 * @example
 * funnelGaps(snapshot).map((g) => g.code); // ['NO_CAMPAIGNS']
 */
export function funnelGaps(snapshot: OrgSnapshot): RevOpsGap[] {
  const { data } = snapshot;
  const gaps: RevOpsGap[] = [];
  if (data.leads.length === 0) gaps.push(revOpsGap('NO_LEADS'));
  else if (data.tasks.length === 0 && data.events.length === 0 && !data.leadHistory.some((h) => h.Field === 'Status')) {
    gaps.push(revOpsGap('NO_LEAD_ACTIVITY'));
  }
  if (data.campaigns.length === 0) gaps.push(revOpsGap('NO_CAMPAIGNS'));
  return gaps;
}
