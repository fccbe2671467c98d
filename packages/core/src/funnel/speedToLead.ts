import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { median } from '../stats/index.js';
import { leadCohort, type LeadOutcome } from './leadCohort.js';

export interface SpeedToLeadRow {
  /** The lead owner (rep or queue); null in the totals row. */
  readonly ownerId: string | null;
  readonly name: string;
  /** Leads created in the period. */
  readonly leads: number;
  /** Of them, touched by the as-of date (a Task or Event on the lead, or a Status change). */
  readonly touched: number;
  /** Median hours from creation to the first touch, over the touched leads; null when none was touched. */
  readonly medianHours: number | null;
}

const HOUR = 3_600_000;

/**
 * Speed to lead per owner: the median hours from `Lead.CreatedDate` to the lead's first touch, the earliest of a
 * Task or Event created on it (`WhoId`) and its first `LeadHistory` Status change, up to the end of the as-of day.
 * A touch stamped before the lead's creation (imported activity) is not a response to it and is left out; untouched
 * leads are counted, not given a time. The totals row takes the median over every lead, not of the owners' medians.
 *
 * @example
 * speedToLead(snapshot, period, '2026-11-16').totals.medianHours; // 3.5
 */
export function speedToLead(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  cohort: readonly LeadOutcome[] = leadCohort(snapshot, period, asOf),
): { byOwner: SpeedToLeadRow[]; totals: SpeedToLeadRow } {
  const created = new Map(cohort.map((o) => [o.lead.Id, Date.parse(o.lead.CreatedDate)]));
  const first = new Map<string, number>();
  const touch = (leadId: string | null, at: string) => {
    if (leadId === null) return;
    const start = created.get(leadId);
    if (start === undefined || snapshot.localDateOf(at) > asOf) return;
    const time = Date.parse(at);
    if (time < start) return;
    const known = first.get(leadId);
    if (known === undefined || time < known) first.set(leadId, time);
  };
  for (const t of snapshot.data.tasks) touch(t.WhoId, t.CreatedDate);
  for (const e of snapshot.data.events) touch(e.WhoId, e.CreatedDate);
  for (const h of snapshot.data.leadHistory) if (h.Field === 'Status') touch(h.LeadId, h.CreatedDate);

  const hoursByOwner = new Map<string, { leads: number; hours: number[] }>();
  const all: number[] = [];
  for (const o of cohort) {
    let entry = hoursByOwner.get(o.lead.OwnerId);
    if (!entry) hoursByOwner.set(o.lead.OwnerId, (entry = { leads: 0, hours: [] }));
    entry.leads++;
    const at = first.get(o.lead.Id);
    if (at === undefined) continue;
    const hours = (at - (created.get(o.lead.Id) as number)) / HOUR;
    entry.hours.push(hours);
    all.push(hours);
  }
  const byOwner = [...hoursByOwner].map(([ownerId, { leads, hours }]) => ({
    ownerId,
    name: snapshot.usersById.get(ownerId)?.Name ?? ownerId,
    leads,
    touched: hours.length,
    medianHours: median(hours),
  }));
  byOwner.sort((a, b) => (b.medianHours ?? Infinity) - (a.medianHours ?? Infinity) || a.name.localeCompare(b.name));
  return {
    byOwner,
    totals: { ownerId: null, name: '', leads: cohort.length, touched: all.length, medianHours: median(all) },
  };
}
