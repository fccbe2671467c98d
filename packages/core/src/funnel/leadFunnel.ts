import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { Lead } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { ratio } from '../stats/index.js';
import { leadCohort, type LeadOutcome } from './leadCohort.js';

export type FunnelDimension = 'rep' | 'source' | 'campaign' | 'cohort';

/** The additive counts of a funnel row: they add up over reps, sources and cohorts. */
export interface FunnelCounts {
  /** Leads created in the period (up to the as-of date). */
  leads: number;
  /** Leads converted in the period (`ConvertedDate` in it), whenever they were created. */
  converted: number;
  /** Of the period's leads, those converted by the as-of date. */
  cohortConverted: number;
  /** Of the period's leads, those converted into an opportunity. */
  opportunities: number;
  /** Of those opportunities, won and lost as of the as-of date. */
  won: number;
  lost: number;
  /** Won amount of those opportunities in the corporate currency. */
  wonAmount: number;
}

export interface FunnelRow extends FunnelCounts {
  /** The rep's (or queue's) Id, the lead source, the campaign Id or the creation month's first day; null: none. */
  readonly key: string | null;
  readonly name: string;
  /** cohortConverted / leads (metrics.md: converted over the leads of the same creation cohort). */
  leadToOpp: number | null;
  /** won / (won + lost) over the opportunities of the period's converted leads. */
  oppToWin: number | null;
}

export const FUNNEL_COUNTS = [
  'leads',
  'converted',
  'cohortConverted',
  'opportunities',
  'won',
  'lost',
  'wonAmount',
] as const;

function emptyRow(key: string | null, name: string): FunnelRow {
  return {
    key,
    name,
    leads: 0,
    converted: 0,
    cohortConverted: 0,
    opportunities: 0,
    won: 0,
    lost: 0,
    wonAmount: 0,
    leadToOpp: null,
    oppToWin: null,
  };
}

function addOutcome(row: FunnelRow, o: LeadOutcome): void {
  row.leads++;
  if (o.converted) row.cohortConverted++;
  if (o.opportunity) row.opportunities++;
  if (o.won) row.won++;
  if (o.lost) row.lost++;
  row.wonAmount += o.wonAmount;
}

function finish(row: FunnelRow): FunnelRow {
  row.leadToOpp = ratio(row.cohortConverted, row.leads);
  row.oppToWin = ratio(row.won, row.won + row.lost);
  return row;
}

export interface LeadFunnel {
  readonly byRep: FunnelRow[];
  readonly bySource: FunnelRow[];
  /** A lead in several campaigns counts in each: these rows can add up to more than the total. */
  readonly byCampaign: FunnelRow[];
  readonly byCohort: FunnelRow[];
  readonly totals: FunnelRow;
}

/**
 * The lead funnel of a period as of a date: leads → converted → opportunity → won, per owner (rep or queue), lead
 * source, campaign (CampaignMember) and creation month, with a totals row over every lead.
 *
 * @example
 * leadFunnel(snapshot, period, '2026-11-16').totals.leadToOpp; // 0.25
 */
export function leadFunnel(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  /** `leadCohort(snapshot, period, asOf)`, when the caller has it already. */
  cohort: readonly LeadOutcome[] = leadCohort(snapshot, period, asOf),
): LeadFunnel {
  const campaignsOf = leadCampaigns(snapshot);
  const keysOf: Record<FunnelDimension, (lead: Lead, createdOn: IsoDate) => ReadonlyArray<string | null>> = {
    rep: (lead) => [lead.OwnerId],
    source: (lead) => [lead.LeadSource],
    campaign: (lead) => campaignsOf.get(lead.Id) ?? [null],
    cohort: (_, createdOn) => [snapshot.calendar.periodOf(createdOn, 'Month').start],
  };
  const nameOf: Record<FunnelDimension, (key: string) => string> = {
    rep: (id) => snapshot.usersById.get(id)?.Name ?? id,
    source: (source) => source,
    campaign: (id) => snapshot.data.campaigns.find((c) => c.Id === id)?.Name ?? id,
    cohort: (start) => snapshot.calendar.periodOf(start, 'Month').label,
  };
  const tables = {} as Record<FunnelDimension, Map<string | null, FunnelRow>>;
  const rowOf = (dimension: FunnelDimension, key: string | null): FunnelRow => {
    const table = (tables[dimension] ??= new Map());
    let row = table.get(key);
    if (!row) table.set(key, (row = emptyRow(key, key === null ? '' : nameOf[dimension](key))));
    return row;
  };
  const totals = emptyRow(null, '');
  for (const o of cohort) {
    addOutcome(totals, o);
    for (const dimension of Object.keys(keysOf) as FunnelDimension[]) {
      for (const key of keysOf[dimension](o.lead, o.createdOn)) addOutcome(rowOf(dimension, key), o);
    }
  }
  for (const lead of snapshot.data.leads) {
    if (!lead.IsConverted || lead.ConvertedDate === null) continue;
    const d = lead.ConvertedDate;
    if (d < period.start || d > period.end || d > asOf) continue;
    totals.converted++;
    const createdOn = snapshot.localDateOf(lead.CreatedDate);
    for (const dimension of Object.keys(keysOf) as FunnelDimension[]) {
      for (const key of keysOf[dimension](lead, createdOn)) rowOf(dimension, key).converted++;
    }
  }
  const sorted = (dimension: FunnelDimension) =>
    [...(tables[dimension]?.values() ?? [])]
      .map(finish)
      .sort((a, b) =>
        a.key === null
          ? 1
          : b.key === null
            ? -1
            : dimension === 'cohort'
              ? a.key < b.key
                ? -1
                : 1
              : b.leads - a.leads || a.name.localeCompare(b.name),
      );
  return {
    byRep: sorted('rep'),
    bySource: sorted('source'),
    byCampaign: sorted('campaign'),
    byCohort: sorted('cohort'),
    totals: finish(totals),
  };
}

const campaignsCache = new WeakMap<OrgSnapshot, ReadonlyMap<string, readonly string[]>>();

/**
 * Each lead's campaigns (CampaignMember), in member order, each once. Built once per snapshot: the funnel's rows and
 * the campaigns' lead counts both need it, and a million-deal org has well over a million members.
 */
export function leadCampaigns(snapshot: OrgSnapshot): ReadonlyMap<string, readonly string[]> {
  const cached = campaignsCache.get(snapshot);
  if (cached) return cached;
  const map = new Map<string, string[]>();
  for (const m of snapshot.data.campaignMembers) {
    if (m.LeadId === null) continue;
    const list = map.get(m.LeadId);
    if (!list) map.set(m.LeadId, [m.CampaignId]);
    else if (!list.includes(m.CampaignId)) list.push(m.CampaignId);
  }
  campaignsCache.set(snapshot, map);
  return map;
}
