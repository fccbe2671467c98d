import type { IsoDate } from '../calendar/index.js';
import { teamChain, teamHierarchy } from '../hierarchy/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { performanceMetrics, type Performance } from './performanceMetrics.js';
import { addSums, emptySums, type PerformanceSums } from './performanceSums.js';
import { ownerPerformanceSums } from './ownerPerformanceSums.js';
import type { PeriodAsOf } from './performanceSumsBy.js';

export interface RepPerformance extends Performance {
  readonly repId: string;
  readonly name: string;
  readonly isActive: boolean;
  readonly roleId: string | null;
}

/** A team of `teamHierarchy`: a manager and everyone in the role subtree below. */
export interface TeamPerformance extends Performance {
  /** The team level's role (the team's id). */
  readonly roleId: string;
  readonly roleName: string;
  /** `Manager Name (Role Name)`. */
  readonly name: string;
  readonly managerId: string;
  readonly depth: number;
  readonly parentId: string | null;
  /** Reps counted in the team. */
  readonly reps: number;
}

export interface PerformanceReport {
  readonly period: { readonly label: string; readonly start: IsoDate; readonly end: IsoDate };
  readonly asOf: IsoDate;
  readonly currency: string;
  readonly reps: readonly RepPerformance[];
  readonly teams: readonly TeamPerformance[];
  readonly org: Performance;
  /** The additive figures per rep, for roll-ups of other groupings (territories, peer groups). */
  readonly sumsByRep: ReadonlyMap<string, PerformanceSums>;
}

/**
 * Performance per rep, per team (`teamHierarchy`) and for the org, for a period as of a date (metrics.md
 * "Performance"). A rep appears when a deal of theirs counts in the period (closed or open with a close date in
 * it, created in it, or slipped out of it) or when they carry a quota in it. Team and org figures are sums over
 * their reps; ratios are recomputed from the sums.
 *
 * @example
 * const report = computePerformance(snapshot, { period: calendar.periodByLabel('FY2027-Q4')!, asOf: '2026-11-16' });
 * report.org.attainment;
 */
export function computePerformance(snapshot: OrgSnapshot, options: PeriodAsOf): PerformanceReport {
  const { period, asOf } = options;
  const { sums, listed: repIds, progress } = ownerPerformanceSums(snapshot, options);
  const reps: RepPerformance[] = [];
  const sumsByRep = new Map<string, PerformanceSums>();
  const hierarchy = teamHierarchy(snapshot);
  const teamSums = new Map(hierarchy.teams.map((t) => [t.id, { sums: emptySums(), reps: 0 }]));
  const orgSums = emptySums();
  // Every owner's figures count for their teams and the org, including owners who only closed deals in the
  // earlier periods behind required coverage (reps who left); only reps active in the period get a row.
  for (const ownerId of new Set([...repIds, ...sums.keys()])) {
    const s = sums.get(ownerId) ?? emptySums();
    const listed = repIds.has(ownerId);
    const user = snapshot.usersById.get(ownerId);
    if (listed) {
      sumsByRep.set(ownerId, s);
      reps.push({
        repId: ownerId,
        name: user?.Name ?? ownerId,
        isActive: user?.IsActive ?? false,
        roleId: user?.UserRoleId ?? null,
        ...performanceMetrics(s, progress),
      });
    }
    addSums(orgSums, s);
    for (const team of teamChain(hierarchy, ownerId)) {
      const t = teamSums.get(team.id);
      if (!t) continue;
      addSums(t.sums, s);
      if (listed) t.reps++;
    }
  }
  reps.sort((a, b) => a.name.localeCompare(b.name) || (a.repId < b.repId ? -1 : 1));

  // Every team of the hierarchy, parents first, even one with nothing in the period (its figures are then 0 or null).
  const teams: TeamPerformance[] = hierarchy.teams.map((team) => {
    const t = teamSums.get(team.id) ?? { sums: emptySums(), reps: 0 };
    return {
      roleId: team.id,
      roleName: team.roleName,
      name: team.name,
      managerId: team.managerId,
      depth: team.depth,
      parentId: team.parentId,
      reps: t.reps,
      ...performanceMetrics(t.sums, progress),
    };
  });

  return {
    period: { label: period.label, start: period.start, end: period.end },
    asOf,
    currency: snapshot.corporateCurrency,
    reps,
    teams,
    org: performanceMetrics(orgSums, progress),
    sumsByRep,
  };
}
