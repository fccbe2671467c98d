import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { Campaign, Opportunity } from '../model/index.js';
import { dealFactsAsOf } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { ratio } from '../stats/index.js';
import { leadCampaigns } from './leadFunnel.js';

export interface SourceRow {
  /** The deal's `LeadSource`; null for deals without one (marketing's through their campaign). */
  readonly source: string | null;
  readonly marketing: boolean;
  /** Σ amount (as of the as-of date) of the deals created in the period. */
  pipeline: number;
  /** Σ amount of the deals won with a close date in the period. */
  bookings: number;
}

export interface CampaignRow {
  readonly campaignId: string;
  readonly name: string;
  readonly type: string | null;
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  /** `ActualCost`; null when not recorded. */
  readonly actualCost: number | null;
  /** Lead members. */
  leads: number;
  /** Deals whose `CampaignId` is the campaign, created by the as-of date. */
  opportunities: number;
  /** Their open amount as of the as-of date. */
  openPipeline: number;
  /** Their won amount as of the as-of date, whatever the close date. */
  wonAmount: number;
  /** wonAmount / actualCost: bookings per unit of cost; null without a cost (or a zero cost). */
  roi: number | null;
}

export interface MarketingContribution {
  /** Σ amount of marketing's deals created in the period (`CampaignId` set or a marketing `LeadSource`). */
  readonly sourcedPipeline: number;
  /** Σ amount of marketing's deals won with a close date in the period. */
  readonly sourcedBookings: number;
  /** The same over every deal, for the shares. */
  readonly totalPipeline: number;
  readonly totalBookings: number;
  readonly pipelineShare: number | null;
  readonly bookingsShare: number | null;
  /** Per lead source, marketing's first. */
  readonly bySource: SourceRow[];
  /** Campaigns running in the period (started by its end, not ended before its start), with lifetime figures. */
  readonly campaigns: CampaignRow[];
}

/**
 * Marketing's contribution in a period as of a date: sourced pipeline and bookings (metrics.md), by lead source, and
 * each running campaign's ROI. Amounts are the deals' states as of the as-of date in the corporate currency.
 *
 * @example
 * marketingContribution(snapshot, period, asOf, new Set(['Web'])).sourcedBookings;
 */
export function marketingContribution(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  marketingSources: ReadonlySet<string>,
): MarketingContribution {
  const isMarketing = (o: Opportunity) =>
    o.CampaignId !== null || (o.LeadSource !== null && marketingSources.has(o.LeadSource));
  const sources = new Map<string | null, SourceRow>();
  const campaigns = new Map<string, CampaignRow>();
  for (const c of snapshot.data.campaigns) {
    if (runsIn(c, period)) campaigns.set(c.Id, campaignRow(c));
  }
  for (const campaignIds of leadCampaigns(snapshot).values()) {
    for (const id of campaignIds) {
      const row = campaigns.get(id);
      if (row) row.leads++;
    }
  }
  let sourcedPipeline = 0;
  let sourcedBookings = 0;
  let totalPipeline = 0;
  let totalBookings = 0;
  // The deals replayed once for the date (cached: the acquisition cost replays the same ones).
  for (const { opportunity: o, state, createdOn } of dealFactsAsOf(snapshot, asOf)) {
    const amount = snapshot.toCorporate(state.Amount, o.CurrencyIsoCode, state.CloseDate) ?? 0;
    const marketing = isMarketing(o);
    const created = createdOn >= period.start && createdOn <= period.end;
    const booked = state.IsWon && state.IsClosed && state.CloseDate >= period.start && state.CloseDate <= period.end;
    if (created || booked) {
      let row = sources.get(o.LeadSource);
      if (!row)
        sources.set(
          o.LeadSource,
          (row = {
            source: o.LeadSource,
            marketing: o.LeadSource !== null && marketingSources.has(o.LeadSource),
            pipeline: 0,
            bookings: 0,
          }),
        );
      if (created) row.pipeline += amount;
      if (booked) row.bookings += amount;
    }
    if (created) {
      totalPipeline += amount;
      if (marketing) sourcedPipeline += amount;
    }
    if (booked) {
      totalBookings += amount;
      if (marketing) sourcedBookings += amount;
    }
    const campaign = o.CampaignId === null ? undefined : campaigns.get(o.CampaignId);
    if (campaign) {
      campaign.opportunities++;
      if (!state.IsClosed) campaign.openPipeline += amount;
      else if (state.IsWon) campaign.wonAmount += amount;
    }
  }
  for (const c of campaigns.values()) c.roi = ratio(c.wonAmount, c.actualCost);
  return {
    sourcedPipeline,
    sourcedBookings,
    totalPipeline,
    totalBookings,
    pipelineShare: ratio(sourcedPipeline, totalPipeline),
    bookingsShare: ratio(sourcedBookings, totalBookings),
    bySource: [...sources.values()].sort(
      (a, b) =>
        Number(b.marketing) - Number(a.marketing) ||
        b.pipeline - a.pipeline ||
        String(a.source).localeCompare(String(b.source)),
    ),
    campaigns: [...campaigns.values()].sort((a, b) => b.wonAmount - a.wonAmount || a.name.localeCompare(b.name)),
  };
}

function runsIn(c: Campaign, period: FiscalPeriod): boolean {
  return (c.StartDate === null || c.StartDate <= period.end) && (c.EndDate === null || c.EndDate >= period.start);
}

function campaignRow(c: Campaign): CampaignRow {
  return {
    campaignId: c.Id,
    name: c.Name,
    type: c.Type,
    startDate: c.StartDate,
    endDate: c.EndDate,
    actualCost: c.ActualCost,
    leads: 0,
    opportunities: 0,
    openPipeline: 0,
    wonAmount: 0,
    roi: null,
  };
}
