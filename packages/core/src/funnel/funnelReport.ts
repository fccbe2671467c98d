import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import { funnelGaps, revOpsGap, type RevOpsGap } from '../completeness/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { customerAcquisitionCost, type CustomerAcquisitionCost } from './customerAcquisitionCost.js';
import { leadCohort } from './leadCohort.js';
import { leadDistribution, type LeadDistribution } from './leadDistribution.js';
import { FUNNEL_COUNTS, leadFunnel, type LeadFunnel } from './leadFunnel.js';
import { marketingContribution, type MarketingContribution } from './marketingContribution.js';
import { DEFAULT_MARKETING_SOURCES, type RevOpsPlan } from './revopsPlan.js';
import { periodSalesCost } from './salesCost.js';
import { speedToLead, type SpeedToLeadRow } from './speedToLead.js';

export interface FunnelReport {
  readonly period: { label: string; start: IsoDate; end: IsoDate };
  readonly asOf: IsoDate;
  readonly currency: string;
  /** Null when the org has no leads (NO_LEADS): not computed, never zeros. */
  readonly funnel: LeadFunnel | null;
  readonly speedToLead: { byOwner: SpeedToLeadRow[]; totals: SpeedToLeadRow } | null;
  readonly distribution: LeadDistribution | null;
  readonly marketing: MarketingContribution & { readonly marketingLeadSources: readonly string[] };
  /** Null without campaigns (NO_CAMPAIGNS); its `cac` is null without a sales cost (NO_SALES_COST). */
  readonly cac: CustomerAcquisitionCost | null;
  /** Rows that do not add up to the totals, with the difference and why (campaign rows: leads in several campaigns). */
  readonly reconciliation: ReadonlyArray<{ rows: string; figure: string; difference: number; reason: string }>;
  readonly gaps: readonly RevOpsGap[];
}

/**
 * Every funnel figure of a period as of a date (metrics.md "Funnel and revenue operations"). Figures resting on data
 * the org lacks are null with a gap naming what is missing.
 *
 * @example
 * funnelReport(snapshot, { period, asOf: '2026-11-16', plan }).funnel?.totals.leadToOpp;
 */
export function funnelReport(
  snapshot: OrgSnapshot,
  { period, asOf, plan }: { period: FiscalPeriod; asOf: IsoDate; plan?: RevOpsPlan },
): FunnelReport {
  const gaps = funnelGaps(snapshot);
  const has = (code: RevOpsGap['code']) => gaps.some((g) => g.code === code);
  const cohort = has('NO_LEADS') ? [] : leadCohort(snapshot, period, asOf);
  const funnel = has('NO_LEADS') ? null : leadFunnel(snapshot, period, asOf, cohort);
  const speed = has('NO_LEADS') || has('NO_LEAD_ACTIVITY') ? null : speedToLead(snapshot, period, asOf, cohort);
  const sources = plan?.marketingLeadSources ?? DEFAULT_MARKETING_SOURCES;
  const salesCost = plan ? periodSalesCost(plan, snapshot.calendar, period) : null;
  if (salesCost?.amount == null) gaps.push(revOpsGap('NO_SALES_COST'));
  const reconciliation = [];
  if (funnel) {
    for (const figure of FUNNEL_COUNTS) {
      const sum = funnel.byCampaign.reduce((s, r) => s + r[figure], 0);
      const difference = sum - funnel.totals[figure];
      if (Math.abs(difference) > 1e-6) {
        reconciliation.push({ rows: 'byCampaign', figure, difference, reason: 'LEADS_IN_SEVERAL_CAMPAIGNS' });
      }
    }
  }
  return {
    period: { label: period.label, start: period.start, end: period.end },
    asOf,
    currency: snapshot.corporateCurrency,
    funnel,
    speedToLead: speed,
    distribution: funnel ? leadDistribution(snapshot, period, asOf, cohort) : null,
    marketing: { ...marketingContribution(snapshot, period, asOf, new Set(sources)), marketingLeadSources: sources },
    cac: has('NO_CAMPAIGNS') ? null : customerAcquisitionCost(snapshot, period, asOf, salesCost),
    reconciliation,
    gaps,
  };
}
