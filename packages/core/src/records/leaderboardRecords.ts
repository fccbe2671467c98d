import type { RepComparison } from '../comparison/index.js';
import { LeaderboardRecord } from '../model/index.js';
import type { PerformanceReport } from '../performance/index.js';
import { resultKey } from './resultKey.js';
import { runFields } from './runFields.js';
import { roundTo } from './roundTo.js';

/** The reps of each peer group in leaderboard order: rank by attainment (unranked last), closed won, name. */
export function leaderboardOrder(comparison: readonly RepComparison[]): Map<string, RepComparison[]> {
  const groups = new Map<string, RepComparison[]>();
  for (const row of comparison) {
    if (row.peerGroup === null || !row.performance.isActive) continue;
    const list = groups.get(row.peerGroup.key) ?? [];
    list.push(row);
    groups.set(row.peerGroup.key, list);
  }
  for (const list of groups.values()) {
    list.sort(
      (a, b) =>
        (a.metrics.attainment.rank ?? Infinity) - (b.metrics.attainment.rank ?? Infinity) ||
        b.performance.closedWon - a.performance.closedWon ||
        a.name.localeCompare(b.name) ||
        a.repId.localeCompare(b.repId),
    );
  }
  return groups;
}

/** Each ranked rep's row on their peer group's leaderboard (1-based), by rep Id. */
export function leaderboardPositions(comparison: readonly RepComparison[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (const list of leaderboardOrder(comparison).values()) list.forEach((row, i) => positions.set(row.repId, i + 1));
  return positions;
}

/**
 * One `SalesOps_Leaderboard__c` record per active rep in a peer group: what the leaderboard widget shows to every
 * viewer. Names and rep Ids are stored only with `names` (the admin's choice): the rows are readable by all internal
 * users, a rep's own scorecard (readable by the rep) says which row is theirs.
 *
 * @example
 * leaderboardRecords(report, compareReps(snapshot, report, options), { runId, names: false });
 */
export function leaderboardRecords(
  report: PerformanceReport,
  comparison: readonly RepComparison[],
  { runId, names }: { runId: string; names: boolean },
): LeaderboardRecord[] {
  const records: LeaderboardRecord[] = [];
  for (const [key, list] of leaderboardOrder(comparison)) {
    list.forEach((row, i) =>
      records.push(
        LeaderboardRecord.parse({
          Key__c: resultKey('leaderboard', report.period.label, key, String(i + 1)),
          ...runFields(report, runId),
          Currency__c: report.currency,
          Peer_Group_Key__c: key,
          Peer_Group__c: row.peerGroup?.name ?? null,
          Position__c: i + 1,
          Rank__c: row.metrics.attainment.rank,
          Rep__c: names ? row.repId : null,
          Rep_Name__c: names ? row.name.slice(0, 121) : null,
          Attainment__c: roundTo(row.performance.attainment, 6),
          Percentile__c: roundTo(row.metrics.attainment.percentile, 4),
          Win_Rate_Shrunk__c: roundTo(row.winRateShrunk, 6),
          Closed_Won__c: roundTo(row.performance.closedWon, 2),
        }),
      ),
    );
  }
  return records;
}
