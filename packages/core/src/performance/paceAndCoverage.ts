import { teamChain, teamHierarchy } from '../hierarchy/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { performanceMetrics, type Performance } from './performanceMetrics.js';
import { addSums, emptySums, type PerformanceSums } from './performanceSums.js';
import { ownerPerformanceSums } from './ownerPerformanceSums.js';
import type { PeriodAsOf } from './performanceSumsBy.js';

/** The figures of a scope that say whether it is on track and how much pipeline it needs (metrics.md "Performance"). */
export type PaceAndCoverageFigures = Pick<
  Performance,
  'quota' | 'closedWon' | 'attainment' | 'pace' | 'openPipeline' | 'remainingQuota' | 'coverage' | 'requiredCoverage'
>;

/** Per rep (owner), per team of `teamHierarchy` and for the org. */
export interface PaceAndCoverage {
  /** Any owner's figures (no quota and no deal closing in the periods read: the figures of nothing). */
  rep(userId: string): PaceAndCoverageFigures;
  /** Every team, even one with nothing in the period. */
  readonly byTeam: ReadonlyMap<string, PaceAndCoverageFigures>;
  readonly org: PaceAndCoverageFigures;
}

function figures(sums: PerformanceSums, progress: { elapsedDays: number; totalDays: number }): PaceAndCoverageFigures {
  const p = performanceMetrics(sums, progress);
  return {
    quota: p.quota,
    closedWon: p.closedWon,
    attainment: p.attainment,
    pace: p.pace,
    openPipeline: p.openPipeline,
    remainingQuota: p.remainingQuota,
    coverage: p.coverage,
    requiredCoverage: p.requiredCoverage,
  };
}

/**
 * The pace, open pipeline and coverage figures `computePerformance` reports for every rep, team and the org, from the
 * deals closing in the period and the earlier periods behind required coverage only (`performanceSumsBy`'s
 * `closingOnly`), so a forecast run stores them without replaying the org's whole history. Same sums, same
 * `performanceMetrics`: the same numbers, to the cent.
 *
 * @example
 * paceAndCoverage(snapshot, { period, asOf: '2026-11-16' }).byTeam.get(roleId)?.pace; // 0.96
 */
export function paceAndCoverage(snapshot: OrgSnapshot, options: PeriodAsOf): PaceAndCoverage {
  const { sums, progress } = ownerPerformanceSums(snapshot, options, { closingOnly: true });
  const hierarchy = teamHierarchy(snapshot);
  const teamSums = new Map(hierarchy.teams.map((t) => [t.id, emptySums()]));
  const orgSums = emptySums();
  const byRep = new Map<string, PaceAndCoverageFigures>();
  for (const [ownerId, s] of sums) {
    byRep.set(ownerId, figures(s, progress));
    addSums(orgSums, s);
    for (const team of teamChain(hierarchy, ownerId)) {
      const t = teamSums.get(team.id);
      if (t) addSums(t, s);
    }
  }
  const byTeam = new Map([...teamSums].map(([id, s]) => [id, figures(s, progress)]));
  const none = figures(emptySums(), progress);
  return { rep: (userId) => byRep.get(userId) ?? none, byTeam, org: figures(orgSums, progress) };
}
