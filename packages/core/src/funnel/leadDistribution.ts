import { addDays, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { gini } from '../stats/index.js';
import { leadCohort, type LeadOutcome } from './leadCohort.js';

export interface RepLeadShare {
  readonly repId: string;
  readonly name: string;
  readonly leads: number;
  /** Of those leads, converted by the as-of date. */
  readonly converted: number;
  /** leads − the fair share (the pool's leads / its reps): negative for a rep who got fewer. */
  readonly deviation: number;
}

export interface LeadDistribution {
  /** Gini of the period's leads over the active reps in the pool (0 = perfectly even); null without leads. */
  readonly leadsGini: number | null;
  /** Gini of the converted leads over the same reps. */
  readonly convertedGini: number | null;
  /** Leads per rep if they were spread evenly over the pool. */
  readonly fairShare: number | null;
  /** Every rep of the pool, the furthest from fair first. */
  readonly reps: RepLeadShare[];
  /** The three reps furthest from their fair share. */
  readonly furthestFromFair: RepLeadShare[];
  /** Leads of the period still owned by a queue or another non-user owner (not yet distributed). */
  readonly queueLeads: number;
  /** Leads of the period owned by users who have left (outside the pool). */
  readonly inactiveOwnerLeads: number;
}

/**
 * How evenly the period's leads went to the reps (round-robin fairness). The pool is the active users who own a lead
 * created in the period or in the 365 days before its end, so a rep who got none this period counts with 0 instead
 * of disappearing; queues and users who left are outside it and reported on their own.
 *
 * @example
 * leadDistribution(snapshot, period, '2026-11-16').furthestFromFair[0]?.name;
 */
export function leadDistribution(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  cohort: readonly LeadOutcome[] = leadCohort(snapshot, period, asOf),
): LeadDistribution {
  const poolStart = addDays(period.end, -365) < period.start ? addDays(period.end, -365) : period.start;
  const pool = new Map<string, { leads: number; converted: number }>();
  for (const lead of snapshot.data.leads) {
    if (pool.has(lead.OwnerId) || !snapshot.usersById.get(lead.OwnerId)?.IsActive) continue;
    const createdOn = snapshot.localDateOf(lead.CreatedDate);
    if (createdOn >= poolStart && createdOn <= period.end && createdOn <= asOf)
      pool.set(lead.OwnerId, { leads: 0, converted: 0 });
  }
  let queueLeads = 0;
  let inactiveOwnerLeads = 0;
  for (const o of cohort) {
    const rep = pool.get(o.lead.OwnerId);
    if (rep) {
      rep.leads++;
      if (o.converted) rep.converted++;
    } else if (snapshot.usersById.has(o.lead.OwnerId)) inactiveOwnerLeads++;
    else queueLeads++;
  }
  const counts = [...pool.values()];
  const total = counts.reduce((s, c) => s + c.leads, 0);
  const fairShare = pool.size === 0 ? null : total / pool.size;
  const reps = [...pool].map(([repId, c]) => ({
    repId,
    name: snapshot.usersById.get(repId)?.Name ?? repId,
    leads: c.leads,
    converted: c.converted,
    deviation: c.leads - (fairShare ?? 0),
  }));
  reps.sort((a, b) => Math.abs(b.deviation) - Math.abs(a.deviation) || a.name.localeCompare(b.name));
  return {
    leadsGini: gini(counts.map((c) => c.leads)),
    convertedGini: gini(counts.map((c) => c.converted)),
    fairShare,
    reps,
    furthestFromFair: reps.slice(0, 3),
    queueLeads,
    inactiveOwnerLeads,
  };
}
