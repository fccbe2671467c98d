import type { Row } from './catalog.js';
import { isoOf, monthStartDay } from './orgTime.js';
import type { Random } from './random.js';
import type { KeyPrefixObject } from './salesforceId.js';

/** Campaign types by the lead source they bring in, with the cost of one lead in US dollars. */
export const CAMPAIGN_KINDS = {
  Web: [
    { type: 'Advertisement', costPerLead: 120 },
    { type: 'Email', costPerLead: 35 },
    { type: 'Banner Ads', costPerLead: 90 },
  ],
  'Trade Show': [
    { type: 'Trade Show', costPerLead: 450 },
    { type: 'Conference', costPerLead: 380 },
  ],
  Webinar: [{ type: 'Webinar', costPerLead: 70 }],
  'Purchased List': [
    { type: 'Direct Mail', costPerLead: 60 },
    { type: 'Telemarketing', costPerLead: 80 },
  ],
} as const;
export type CampaignSource = keyof typeof CAMPAIGN_KINDS;
export const CAMPAIGN_SOURCES = Object.keys(CAMPAIGN_KINDS) as CampaignSource[];

export interface SampleCampaign {
  readonly id: string;
  readonly source: CampaignSource;
  readonly startDay: number;
  readonly endDay: number;
}

export interface CampaignPlan {
  readonly rows: Row[];
  /** A campaign of `source` running on `day` (drawn among those running), or null when none runs then. */
  runningOn(source: CampaignSource, day: number, random: Random): SampleCampaign | null;
}

/**
 * Marketing campaigns over the data window: for each month and lead source, one or more campaigns of the source's
 * types, lasting two to ten weeks. Budgets follow the leads a campaign is expected to bring (`leadsPerMonth` of the
 * source spread over its campaigns, times the type's cost per lead); actual cost lands within -20 % / +15 % of the
 * budget once a campaign has ended, is still accruing for running ones and is missing (null) for one campaign in 15.
 */
export function buildCampaigns(options: {
  readonly random: Random;
  readonly windowStart: number;
  readonly anchor: number;
  /** Expected campaign-sourced leads per month, by source. */
  readonly leadsPerMonth: Readonly<Record<CampaignSource, number>>;
  readonly ownerIds: readonly string[];
  readonly newId: (object: KeyPrefixObject) => string;
}): CampaignPlan {
  const { random, anchor } = options;
  const rows: Row[] = [];
  /** Campaigns by source and start month: a lead looks only at the few that can be running on its day. */
  const byStartMonth = new Map<string, SampleCampaign[]>();
  let number = 0;
  for (let month = monthStartDay(options.windowStart); month <= anchor; month = monthStartDay(month, 1)) {
    for (const source of CAMPAIGN_SOURCES) {
      const expected = options.leadsPerMonth[source];
      const count = Math.max(1, Math.min(12, Math.round(expected / 150)));
      for (let c = 0; c < count; c++) {
        const kind = random.pick<{ type: string; costPerLead: number }>(CAMPAIGN_KINDS[source]);
        const startDay = month + random.int(0, 27);
        const endDay = startDay + random.int(14, 70);
        const budget = Math.round(((expected / count) * kind.costPerLead * random.between(0.8, 1.3)) / 100) * 100;
        const ended = endDay < anchor;
        const started = startDay <= anchor;
        const actual = !started
          ? null
          : random.chance(1 / 15)
            ? null
            : Math.round(budget * (ended ? random.between(0.8, 1.15) : (anchor - startDay) / (endDay - startDay)));
        const campaign: SampleCampaign = { id: options.newId('Campaign'), source, startDay, endDay };
        const key = `${source}|${month}`;
        byStartMonth.set(key, [...(byStartMonth.get(key) ?? []), campaign]);
        number++;
        rows.push({
          Id: campaign.id,
          Name: `${isoOf(startDay).slice(0, 7)} ${kind.type} ${number}`,
          Type: kind.type,
          Status: ended ? 'Completed' : started ? 'In Progress' : 'Planned',
          StartDate: isoOf(startDay),
          EndDate: isoOf(endDay),
          BudgetedCost: budget,
          ActualCost: actual,
          IsActive: !ended,
          OwnerId: random.pick(options.ownerIds),
        });
      }
    }
  }
  return {
    rows,
    runningOn(source, day, r) {
      const running: SampleCampaign[] = [];
      // A campaign lasts at most 70 days from a start within its month's first 28: it started 0–3 months before.
      for (let back = 0; back <= 3; back++) {
        for (const c of byStartMonth.get(`${source}|${monthStartDay(day, -back)}`) ?? []) {
          if (c.startDay <= day && day <= c.endDay) running.push(c);
        }
      }
      return running.length > 0 ? r.pick(running) : null;
    },
  };
}
