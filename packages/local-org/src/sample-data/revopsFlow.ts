import type { AccountPlan } from './accounts.js';
import { CAMPAIGN_SOURCES, type CampaignPlan, type CampaignSource } from './campaigns.js';
import type { Row } from './catalog.js';
import type { DealSlot } from './dealFlow.js';
import type { LeadRouter } from './leadAssignment.js';
import { simulateLead, type SimulatedLead } from './leadSimulator.js';
import { pickWeighted, type Random } from './random.js';
import { OPPORTUNITY_TYPES } from './renewalTypes.js';
import type { RepProfile } from './salesTeam.js';
import type { KeyPrefixObject } from './salesforceId.js';

/** Lead sources: share of all leads, and how much more often than average a lead of the source converts. */
const LEAD_SOURCES: ReadonlyArray<readonly [source: string, share: number, conversion: number]> = [
  ['Web', 0.3, 1.0],
  ['Webinar', 0.12, 1.1],
  ['Trade Show', 0.1, 1.4],
  ['Purchased List', 0.16, 0.35],
  ['Phone Inquiry', 0.08, 1.6],
  ['Partner Referral', 0.12, 1.8],
  ['Employee Referral', 0.06, 2.2],
  ['Other', 0.06, 0.6],
];
/** Leads that do not become deals, per deal (uniform 1–4). */
const OPEN_LEADS_PER_DEAL = 2.5;
/** Share of New Business deals that come from a converted lead. */
const DEALS_FROM_LEADS = 0.8;
/** Share of campaign-type leads that responded to a running campaign. */
const CAMPAIGN_MEMBERS = 0.9;
const LAST_NAMES = ['Adams', 'Baker', 'Chen', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen'];
const COMPANY_WORDS = ['Labs', 'Group', 'Systems', 'Holdings', 'Partners', 'Works', 'Digital', 'Logistics'];

function cumulative(weights: readonly number[]): number[] {
  const sums: number[] = [];
  weights.reduce((sum, w, i) => (sums[i] = sum + w), 0);
  return sums;
}
const CONVERTED_SOURCES = cumulative(LEAD_SOURCES.map(([, share, conversion]) => share * conversion));
const OPEN_SOURCES = cumulative(LEAD_SOURCES.map(([, share]) => share));

/** Expected campaign-sourced leads per month by campaign source, for campaign budgets. */
export function campaignLeadsPerMonth(opportunities: number, months: number): Record<CampaignSource, number> {
  const leadsPerMonth = (opportunities * (OPEN_LEADS_PER_DEAL + 0.5)) / Math.max(1, months);
  const shares = new Map(LEAD_SOURCES.map(([source, share]) => [source, share]));
  return Object.fromEntries(
    CAMPAIGN_SOURCES.map((s) => [s, leadsPerMonth * (shares.get(s) ?? 0) * CAMPAIGN_MEMBERS]),
  ) as Record<CampaignSource, number>;
}

export interface RevopsFlowOptions {
  readonly random: Random;
  readonly accounts: AccountPlan;
  readonly campaigns: CampaignPlan;
  readonly router: LeadRouter;
  readonly windowStart: number;
  readonly anchor: number;
  readonly newId: (object: KeyPrefixObject) => string;
  /** Receives each lead with its history, activities and campaign membership, in order. */
  readonly write: (lead: SimulatedLead) => Promise<void>;
}

/**
 * The lead side of the deal stream, one deal slot at a time (state: the round robin's position): gives a New
 * Business deal its converted lead (most of them; the lead's source and campaign become the deal's `LeadSource` and
 * `CampaignId`), and adds the leads that arrived around the slot's day and never converted, routed by the (bent)
 * round robin.
 */
export class RevopsFlow {
  private leadNumber = 0;

  constructor(private readonly options: RevopsFlowOptions) {}

  /** Sets the LeadSource and CampaignId of a deal whose Type is set (before it is written); writes its leads. */
  async addDeal(opportunity: Row, slot: DealSlot): Promise<void> {
    const { random } = this.options;
    opportunity['CampaignId'] = null;
    if (opportunity['Type'] !== OPPORTUNITY_TYPES.newBusiness) opportunity['LeadSource'] = null;
    else if (random.chance(DEALS_FROM_LEADS)) {
      const source = LEAD_SOURCES[pickWeighted(CONVERTED_SOURCES, random)]?.[0] as string;
      const leadDay = slot.createdDay - Math.max(1, Math.round(random.logNormal(10, 0.9)));
      const campaignId = this.campaignOf(source, leadDay);
      opportunity['LeadSource'] = source;
      opportunity['CampaignId'] = campaignId;
      await this.lead(slot.rep, source, leadDay, campaignId, slot.account.name, slot.account.country, {
        opportunityId: String(opportunity['Id']),
        accountId: slot.account.id,
        day: slot.createdDay,
        createdDate: String(opportunity['CreatedDate']),
      });
    }
    await this.addOpenLeads(slot);
  }

  /** Writes the 1–4 leads that arrived around the slot's day and did not convert (for every slot, renewals too). */
  async addOpenLeads(slot: DealSlot): Promise<void> {
    const { random } = this.options;
    const regionAccounts = this.options.accounts.byRegion.get(slot.rep.region) ?? [];
    for (let n = random.int(1, 4); n > 0; n--) {
      const day = Math.max(this.options.windowStart, slot.createdDay - random.int(0, 30));
      const owner = this.options.router.ownerFor(slot.rep.team, day) ?? slot.rep;
      const source = LEAD_SOURCES[pickWeighted(OPEN_SOURCES, random)]?.[0] as string;
      const near = regionAccounts.length > 0 ? random.pick(regionAccounts) : slot.accountIndex;
      const country = this.options.accounts.accounts[near]?.country ?? slot.account.country;
      const company = `${random.pick(LAST_NAMES)} ${random.pick(COMPANY_WORDS)} ${++this.leadNumber}`;
      await this.lead(owner, source, day, this.campaignOf(source, day), company, country, null);
    }
  }

  private campaignOf(source: string, day: number): string | null {
    const { random, campaigns } = this.options;
    if (!(CAMPAIGN_SOURCES as string[]).includes(source) || !random.chance(CAMPAIGN_MEMBERS)) return null;
    return campaigns.runningOn(source as CampaignSource, day, random)?.id ?? null;
  }

  private async lead(
    owner: RepProfile,
    source: string,
    day: number,
    campaignId: string | null,
    company: string,
    country: string,
    conversion: Parameters<typeof simulateLead>[0]['conversion'],
  ): Promise<void> {
    const { random, anchor, newId } = this.options;
    const minute = day * 1440 + (random.chance(0.7) ? random.int(480, 1079) : random.int(0, 1439));
    const lastDay = owner.leaveDay === null ? anchor : Math.min(anchor, owner.leaveDay - 1);
    const lead = simulateLead(
      {
        ownerId: owner.id,
        ownerSpeed: owner.speed,
        source,
        createdMinute: minute,
        lastName: random.pick(LAST_NAMES),
        company,
        country,
        campaignId,
        conversion,
        endMinute: (lastDay + 1) * 1440 - 1,
      },
      random,
      newId,
    );
    await this.options.write(lead);
  }
}
