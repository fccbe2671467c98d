import {
  compareReps,
  computeForecast,
  computePerformance,
  createOrgSnapshot,
  forecastRecords,
  forecastScopes,
  leaderboardRecords,
  parsePeriodSpec,
  scopeQuotas,
  scorecardRecords,
  territoryCoverage,
  territoryCoverageRecords,
  type OrgData,
} from '@salesops/core';
import type { StoredRecord } from '../data/client.js';

/**
 * What the CLI's `--write` runs store for `data` as of a date, made by the same writers (`reps compare`,
 * `forecast --group-by rep|team|territory|org` with its defaults: auto, seed 42, `territory coverage`), with the
 * records the elements read live beside them (User roles and their parents, account territories).
 */
export function storedResultsOf(data: OrgData, asOf: string, { names = true } = {}): Record<string, StoredRecord[]> {
  const snapshot = createOrgSnapshot(data);
  const period = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf });
  const report = computePerformance(snapshot, { period, asOf });
  const comparison = compareReps(snapshot, report, { period, asOf, peerGroup: 'role' });
  const quotas = scopeQuotas(snapshot, period, asOf);
  const roleParent = new Map(data.userRoles.map((r) => [r.Id, r.ParentRoleId ?? null]));
  const forecasts = (['rep', 'team', 'territory', 'org'] as const).flatMap((type) =>
    forecastRecords(computeForecast(snapshot, { period, asOf, seed: 42, scopes: forecastScopes(snapshot, [type]) }), {
      runId: 'run-1',
      quotas,
      methods: ['auto'],
    }),
  );
  return {
    SalesOps_Rep_Scorecard__c: scorecardRecords(report, comparison, { runId: 'run-1' }),
    SalesOps_Leaderboard__c: leaderboardRecords(report, comparison, { runId: 'run-1', names }),
    SalesOps_Forecast__c: forecasts,
    SalesOps_Territory_Coverage__c: territoryCoverageRecords(territoryCoverage(snapshot, { period, asOf }), {
      runId: 'run-1',
    }),
    User: data.users.map((u) => ({
      Id: u.Id,
      UserRoleId: u.UserRoleId ?? null,
      // The relationship as the REST API returns `UserRole.ParentRoleId` (null without a role).
      UserRole: u.UserRoleId ? { ParentRoleId: roleParent.get(u.UserRoleId) ?? null } : null,
    })),
    ObjectTerritory2Association: data.accountTerritories.map((a) => ({
      ObjectId: a.ObjectId,
      Territory2Id: a.Territory2Id,
    })),
  };
}
