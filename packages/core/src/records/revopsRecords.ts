import type { FunnelReport, FunnelRow } from '../funnel/index.js';
import { FunnelRecord, RetentionRecord } from '../model/index.js';
import type { RetentionReport, RetentionRow } from '../retention/index.js';
import { resultKey } from './resultKey.js';
import { runFields } from './runFields.js';
import { roundTo } from './roundTo.js';

/** The key part of a row without a value (no source, no campaign, accounts without a segment). */
const NONE = '(none)';

/**
 * One `SalesOps_Funnel__c` record per funnel row: the org, each owner, source, campaign and creation cohort. Keys
 * are `funnel|<period>|<dimension>|<key>` (`funnel|FY2026-Q4|org` for the org); rep rows of a user carry `Rep__c`.
 * Nothing is written when the org has no leads (the figures are not computed).
 *
 * @example
 * funnelRecords(funnelReport(snapshot, options), { runId }).length;
 */
export function funnelRecords(report: FunnelReport, { runId }: { runId: string }): FunnelRecord[] {
  const funnel = report.funnel;
  if (!funnel) return [];
  const speed = new Map((report.speedToLead?.byOwner ?? []).map((r) => [r.ownerId, r.medianHours]));
  const record = (dimension: string, row: FunnelRow, key: string, extra: Partial<FunnelRecord> = {}) =>
    FunnelRecord.parse({
      Key__c: key,
      ...runFields(report, runId),
      Dimension__c: dimension,
      Dimension_Key__c: row.key,
      Dimension_Name__c: row.key === null ? null : row.name,
      Rep__c: null,
      Leads__c: row.leads,
      Converted__c: row.converted,
      Cohort_Converted__c: row.cohortConverted,
      Opportunities__c: row.opportunities,
      Won__c: row.won,
      Lost__c: row.lost,
      Won_Amount__c: roundTo(row.wonAmount, 2),
      Lead_To_Opp__c: roundTo(row.leadToOpp, 4),
      Opp_To_Win__c: roundTo(row.oppToWin, 4),
      Speed_To_Lead_Hours__c: null,
      ...extra,
    });
  const rows = (
    dimension: string,
    list: readonly FunnelRow[],
    extra: (row: FunnelRow) => Partial<FunnelRecord> = () => ({}),
  ) =>
    list.map((row) =>
      record(
        dimension,
        row,
        resultKey('funnel', report.period.label, dimension.toLowerCase(), row.key ?? NONE),
        extra(row),
      ),
    );
  return [
    record('Org', funnel.totals, resultKey('funnel', report.period.label, 'org'), {
      Speed_To_Lead_Hours__c: roundTo(report.speedToLead?.totals.medianHours ?? null, 2),
    }),
    ...rows('Rep', funnel.byRep, (row) => ({
      Rep__c: row.key?.startsWith('005') ? row.key : null,
      Speed_To_Lead_Hours__c: roundTo(speed.get(row.key) ?? null, 2),
    })),
    ...rows('Source', funnel.bySource),
    ...rows('Campaign', funnel.byCampaign),
    ...rows('Cohort', funnel.byCohort),
  ];
}

/**
 * One `SalesOps_Retention__c` record per segment of the period and one for every account (`Is_Total__c`). Keys are
 * `retention|<period>|<segment field>|<segment>` and `retention|<period>|org`.
 *
 * @example
 * retentionRecords(revenueRetention(snapshot, options), { runId }).length;
 */
export function retentionRecords(report: RetentionReport, { runId }: { runId: string }): RetentionRecord[] {
  const record = (row: RetentionRow, segment: string | null, total: boolean) =>
    RetentionRecord.parse({
      Key__c: total
        ? resultKey('retention', report.period.label, 'org')
        : resultKey('retention', report.period.label, report.segmentField, segment ?? NONE),
      ...runFields(report, runId),
      Segment_Field__c: report.segmentField,
      Segment__c: segment,
      Is_Total__c: total,
      Base_Period_Label__c: report.basePeriod.label,
      Base_Accounts__c: row.baseAccounts,
      Prior_Bookings__c: roundTo(row.priorBookings, 2),
      Renewed__c: roundTo(row.renewed, 2),
      Expansion__c: roundTo(row.expansion, 2),
      GRR__c: roundTo(row.grr, 4),
      NRR__c: roundTo(row.nrr, 4),
      Churned_Accounts__c: row.churnedAccounts,
      Churned_Bookings__c: roundTo(row.churnedBookings, 2),
      Contracted_Accounts__c: row.contractedAccounts,
      Contraction__c: roundTo(row.contraction, 2),
      CLV__c: roundTo(row.clv, 2),
    });
  return [record(report.totals, null, true), ...report.bySegment.map((s) => record(s, s.segment, false))];
}
