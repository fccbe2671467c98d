import type { RepComparison } from '../comparison/index.js';
import { RepScorecardRecord } from '../model/index.js';
import type { PerformanceReport } from '../performance/index.js';
import { leaderboardPositions } from './leaderboardRecords.js';
import { resultKey } from './resultKey.js';
import { runFields } from './runFields.js';
import { roundTo } from './roundTo.js';

/**
 * One `SalesOps_Rep_Scorecard__c` record per compared rep, rounded to the fields' scales and validated against the
 * schema the `force-app/` metadata comes from. Flags__c holds one line per flag (top, bottom, each bottleneck).
 *
 * @example
 * scorecardRecords(report, compareReps(snapshot, report, options), { runId: 'run-2026-11-16T10:00:00Z' });
 */
export function scorecardRecords(
  report: PerformanceReport,
  comparison: readonly RepComparison[],
  { runId }: { runId: string },
): RepScorecardRecord[] {
  const positions = leaderboardPositions(comparison);
  return comparison.map((row) => {
    const p = row.performance;
    const flags = [
      ...row.flags,
      ...row.bottlenecks.map(
        (b) => `bottleneck: ${b.stage} ${(100 * b.rate).toFixed(0)}% vs peers ${(100 * b.peerRate).toFixed(0)}%`,
      ),
    ];
    return RepScorecardRecord.parse({
      Key__c: resultKey('scorecard', report.period.label, row.repId),
      ...runFields(report, runId),
      Currency__c: report.currency,
      Rep__c: row.repId,
      Quota__c: roundTo(p.quota, 2),
      Closed_Won__c: roundTo(p.closedWon, 2),
      Attainment__c: roundTo(p.attainment, 6),
      Win_Rate__c: roundTo(p.winRate, 6),
      Win_Rate_Value__c: roundTo(p.winRateValue, 6),
      Avg_Deal_Size__c: roundTo(p.avgDealSize, 2),
      Median_Cycle_Days__c: roundTo(p.medianCycleDays, 1),
      Open_Pipeline__c: roundTo(p.openPipeline, 2),
      Coverage__c: roundTo(p.coverage, 6),
      Required_Coverage__c: roundTo(p.requiredCoverage, 6),
      Pace__c: roundTo(p.pace, 6),
      Pipeline_Created__c: roundTo(p.pipelineCreated, 2),
      Rank__c: row.metrics.attainment.rank,
      Percentile__c: roundTo(row.metrics.attainment.percentile, 4),
      Peer_Group__c: row.peerGroup?.name ?? null,
      Peer_Group_Key__c: row.peerGroup?.key ?? null,
      Leaderboard_Position__c: positions.get(row.repId) ?? null,
      Flags__c: flags.length > 0 ? flags.join('\n') : null,
    });
  });
}
