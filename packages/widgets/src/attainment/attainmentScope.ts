import {
  computeForecast,
  computePerformance,
  type FiscalPeriod,
  type ForecastScope,
  type OrgSnapshot,
  type Performance,
} from '@salesops/core';

/** Whose figures an attainment card shows: the rep's own, a manager's team's, or the whole org's (the VP). */
export interface AttainmentScope {
  readonly type: 'rep' | 'team' | 'org';
  readonly id: string;
  /** The rep's, the manager's or the org's name. */
  readonly name: string;
  readonly performance: Performance;
  readonly commit: number | null;
  readonly bestCase: number | null;
}

/**
 * The viewer's figures: a rep's own; for a manager (no quota and no deals of their own) the team they lead; for the
 * top of the role hierarchy the org. Null when the user has none of these.
 */
export function attainmentScope(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: string,
  userId: string,
): AttainmentScope | null {
  const report = computePerformance(snapshot, { period, asOf });
  const rep = report.reps.find((r) => r.repId === userId);
  const user = snapshot.usersById.get(userId);
  const team = report.teams.find((t) => t.managerId === userId);
  const role = user?.UserRoleId ? snapshot.rolesById.get(user.UserRoleId) : undefined;
  let chosen: { scope: ForecastScope; performance: Performance } | null = null;
  if (rep && (rep.quota !== null || rep.closedWon > 0 || rep.openDeals > 0)) {
    chosen = { scope: { type: 'rep', id: rep.repId, name: rep.name }, performance: rep };
  } else if (team) {
    const name = snapshot.usersById.get(team.managerId)?.Name ?? team.name;
    chosen = { scope: { type: 'team', id: team.roleId, name }, performance: team };
  } else if (role && (role.ParentRoleId === null || !snapshot.rolesById.has(role.ParentRoleId))) {
    const org = snapshot.data.organization;
    chosen = { scope: { type: 'org', id: org.Id, name: org.Name ?? org.Id }, performance: report.org };
  }
  if (chosen === null) return null;
  const forecast = computeForecast(snapshot, {
    period,
    asOf,
    scopes: [chosen.scope],
    methods: ['commit', 'bestCase'],
    backtest: false,
  }).scopes[0];
  return {
    type: chosen.scope.type as AttainmentScope['type'],
    id: chosen.scope.id,
    name: chosen.scope.name,
    performance: chosen.performance,
    commit: forecast?.methods.commit?.forecast ?? null,
    bestCase: forecast?.methods.bestCase?.forecast ?? null,
  };
}

/**
 * Pipeline still to add so that the open pipeline reaches the required coverage of the quota left
 * (requiredCoverage × remainingQuota − openPipeline, never below 0); null when the quota is met or either figure is
 * unknown.
 *
 * @example
 * pipelineToAdd({ requiredCoverage: 3, remainingQuota: 100, openPipeline: 180 }); // 120
 */
export function pipelineToAdd(
  p: Pick<Performance, 'requiredCoverage' | 'remainingQuota' | 'openPipeline'>,
): number | null {
  if (p.requiredCoverage === null || p.remainingQuota === null || p.remainingQuota <= 0) return null;
  return Math.max(p.requiredCoverage * p.remainingQuota - p.openPipeline, 0);
}
