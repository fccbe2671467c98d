import { TerritoryCoverageRecord } from '../model/index.js';
import type { TerritoryCoverageReport } from '../territory/index.js';
import { resultKey } from './resultKey.js';
import { roundTo } from './roundTo.js';

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
      Key__c: resultKey('coverage', report.period.label, t.territoryId),
      Run_Id__c: runId,
      Period_Label__c: report.period.label,
      Period_Start__c: report.period.start,
      Period_End__c: report.period.end,
      As_Of__c: report.asOf,
      Territory_Id__c: t.territoryId,
      Territory_Name__c: t.name,
      Accounts__c: t.accounts,
      Covered_Accounts__c: t.coveredAccounts,
      Whitespace_Accounts__c: t.whitespaceAccounts,
      Reps__c: t.reps,
      Quota__c: roundTo(t.quota, 2),
      Closed_Won__c: roundTo(t.closedWon, 2),
      Open_Pipeline__c: roundTo(t.openPipeline, 2),
      Coverage__c: roundTo(t.coverage, 4),
      Potential__c: roundTo(t.potential, 2),
    }),
  );
}
