import {
  compareReps,
  computeForecast,
  computePerformance,
  createOrgSnapshot,
  forecastRecords,
  forecastScopes,
  leaderboardRecords,
  paceAndCoverage,
  parsePeriodSpec,
  scopeQuotas,
  scorecardRecords,
  stageBenchmarkRecords,
  stageBenchmarks,
  territoryCoverage,
  territoryCoverageRecords,
  type OrgData,
} from '@salesops/core';
import type { StoredRecord } from '../data/client.js';

/**
 * What the CLI's `--write` runs store for `data` as of a date, made by the same writers (`reps compare`,
 * `forecast --group-by rep|team|territory|org` with its defaults: auto, seed 42, `territory coverage`), with the
 * records the elements read live beside them (User roles and their parents, account territories, the deals and their
 * history as the REST API returns them), and the stage benchmarks of `pipeline hygiene --write`.
 */
export function storedResultsOf(data: OrgData, asOf: string, { names = true } = {}): Record<string, StoredRecord[]> {
  const snapshot = createOrgSnapshot(data);
  const period = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf });
  const report = computePerformance(snapshot, { period, asOf });
  const comparison = compareReps(snapshot, report, { period, asOf, peerGroup: 'role' });
  const quotas = scopeQuotas(snapshot, period, asOf);
  const figures = paceAndCoverage(snapshot, { period, asOf });
  const roleParent = new Map(data.userRoles.map((r) => [r.Id, r.ParentRoleId ?? null]));
  const forecasts = (['rep', 'team', 'territory', 'org'] as const).flatMap((type) =>
    forecastRecords(computeForecast(snapshot, { period, asOf, seed: 42, scopes: forecastScopes(snapshot, [type]) }), {
      runId: 'run-1',
      quotas,
      figures,
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
    SalesOps_Stage_Benchmark__c: stageBenchmarkRecords(
      {
        period,
        asOf,
        currency: snapshot.corporateCurrency,
        timeZone: snapshot.timeZone,
        multiCurrency: data.currencyTypes.length > 0,
        benchmarks: stageBenchmarks(snapshot, asOf),
      },
      { runId: 'run-1' },
    ),
    Opportunity: data.opportunities.map((o) => {
      const owner = snapshot.usersById.get(o.OwnerId);
      return { ...o, Owner: owner ? { Name: owner.Name, IsActive: owner.IsActive } : null };
    }),
    OpportunityHistory: Array.from({ length: data.opportunityHistory.length }, (_, i) =>
      data.opportunityHistory.row(i),
    ),
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
