import { TerritoryCoverageRecord } from '../model/index.js';
import type { TerritoryCoverageReport } from '../territory/index.js';
import { resultKey } from './resultKey.js';
import { runFields } from './runFields.js';
import { roundTo } from './roundTo.js';

/** Where the territories come from: `Territory2` (Enterprise Territory Management) or `Account.<field>`. */
function territorySource(report: TerritoryCoverageReport): string {
  return report.territoryField === null ? 'Territory2' : `Account.${report.territoryField}`;
}

/**
 * The key of a territory's coverage record. Territory2 Ids keep the key they always had; territories taken from an
 * Account field carry the field, so BillingState "Georgia" and BillingCountry "Georgia" are two records.
 *
 * @example
 * coverageKey(report, 'Georgia'); // 'coverage|FY2026-Q4|Account.BillingState|Georgia'
 */
export function coverageKey(report: TerritoryCoverageReport, territoryId: string): string {
  return report.territoryField === null
    ? resultKey('coverage', report.period.label, territoryId)
    : resultKey('coverage', report.period.label, territorySource(report), territoryId);
}

/**
 * One `SalesOps_Territory_Coverage__c` record per territory, rounded and validated like the scorecards.
 *
 * @example
 * territoryCoverageRecords(territoryCoverage(snapshot, options), { runId });
 */
export function territoryCoverageRecords(
  report: TerritoryCoverageReport,
  { runId }: { runId: string },
): TerritoryCoverageRecord[] {
  return report.territories.map((t) =>
    TerritoryCoverageRecord.parse({
      Key__c: coverageKey(report, t.territoryId),
      ...runFields(report, runId),
      Currency__c: report.currency,
      Territory_Id__c: t.territoryId,
      Territory_Source__c: territorySource(report),
      Territory_Name__c: t.name,
      Accounts__c: t.accounts,
      Covered_Accounts__c: t.coveredAccounts,
      Whitespace_Accounts__c: t.whitespaceAccounts,
      Reps__c: t.reps,
      Quota__c: roundTo(t.quota, 2),
      Closed_Won__c: roundTo(t.closedWon, 2),
      Open_Pipeline__c: roundTo(t.openPipeline, 2),
      Coverage__c: roundTo(t.coverage, 6),
      Potential__c: roundTo(t.potential, 2),
    }),
  );
}
