import type { FiscalPeriod } from '../calendar/index.js';
import { teamChain, teamHierarchy } from '../hierarchy/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { quotaInPeriod } from './quotaInPeriod.js';

/** Quotas of a period in corporate cents: per rep, per team of `teamHierarchy` and for the org. */
export interface QuotaRollup {
  /** Users with a quota record in the period, in `data.users` order. */
  readonly byRep: ReadonlyMap<string, number>;
  /** Every team: Σ of its reps' quotas (the team's own subtree); null when none of them has one. */
  readonly byTeam: ReadonlyMap<string, number | null>;
  /** Σ of every rep's quota; null when nobody has one. */
  readonly org: number | null;
}

/**
 * The quotas `computePerformance` reports (metrics.md "Performance": quota), without replaying a single deal: a rep's
 * from `quotaInPeriod`, a team's and the org's as sums over the reps below (cents are whole numbers: sums are exact
 * in any order).
 *
 * @example
 * quotaRollup(snapshot, calendar.periodByLabel('FY2027-Q4')!).byTeam.get(roleId); // 135000000
 */
export function quotaRollup(snapshot: OrgSnapshot, period: FiscalPeriod): QuotaRollup {
  const hierarchy = teamHierarchy(snapshot);
  const byRep = new Map<string, number>();
  const byTeam = new Map<string, number | null>(hierarchy.teams.map((t) => [t.id, null]));
  let org: number | null = null;
  for (const user of snapshot.data.users) {
    const quota = quotaInPeriod(snapshot, user.Id, period);
    if (quota === null) continue;
    byRep.set(user.Id, quota);
    org = (org ?? 0) + quota;
    for (const team of teamChain(hierarchy, user.Id)) {
      if (byTeam.has(team.id)) byTeam.set(team.id, (byTeam.get(team.id) ?? 0) + quota);
    }
  }
  return { byRep, byTeam, org };
}
