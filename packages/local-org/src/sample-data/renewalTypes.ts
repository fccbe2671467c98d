/** Opportunity `Type` values of the sample org (the standard picklist's customer types, with a renewal value). */
export const OPPORTUNITY_TYPES = {
  newBusiness: 'New Business',
  renewal: 'Existing Customer - Renewal',
  upgrade: 'Existing Customer - Upgrade',
  downgrade: 'Existing Customer - Downgrade',
} as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[keyof typeof OPPORTUNITY_TYPES];

/** A deal as the renewal ledger sees it: its account, the fiscal year it closes in, outcome and amount. */
export interface LedgerDeal {
  readonly accountIndex: number;
  /** Fiscal year of the close date, counted from the ledger's first year (0, 1, 2, …). */
  readonly year: number;
  readonly isWon: boolean;
  /** Corporate-currency amount; null when the deal has none. */
  readonly amount: number | null;
}

/** Fiscal years the ledger holds per account: the data window's three, the next, and spare. */
const YEARS = 6;

/**
 * Labels deals with their customer type from each account's yearly recurring bookings, as the retention figures read
 * them (metrics.md "GRR / NRR"). In a fiscal year after one with recurring bookings, won deals renew them until they
 * add up to last year's (the first is a Downgrade when it alone is smaller, else a Renewal) and any further deal is an
 * Upgrade (expansion); in a year after none, the first won deal is New Business and further ones are Upgrades. A lost
 * deal gets the label it would have had. An account with recurring bookings one year and no won deal the next has
 * churned. State: two numbers per account and year, whatever the number of deals.
 */
export class RenewalLedger {
  /** Recurring bookings (New Business + renewals) of account a in year y at [a * YEARS + y]; NaN when none. */
  private readonly booked: Float64Array;

  constructor(accounts: number) {
    this.booked = new Float64Array(accounts * YEARS).fill(Number.NaN);
  }

  /** The deal's type; adds a won recurring deal to the account's bookings of the year. */
  label(deal: LedgerDeal): OpportunityType {
    const year = Math.max(0, Math.min(YEARS - 1, deal.year));
    const at = deal.accountIndex * YEARS + year;
    const booked = this.booked[at] as number;
    const lastYear = year > 0 ? (this.booked[at - 1] as number) : Number.NaN;
    const amount = deal.amount ?? 0;
    let type: OpportunityType;
    if (Number.isNaN(lastYear)) type = Number.isNaN(booked) ? OPPORTUNITY_TYPES.newBusiness : OPPORTUNITY_TYPES.upgrade;
    else if (Number.isNaN(booked)) type = amount < lastYear ? OPPORTUNITY_TYPES.downgrade : OPPORTUNITY_TYPES.renewal;
    else type = booked < lastYear ? OPPORTUNITY_TYPES.renewal : OPPORTUNITY_TYPES.upgrade;
    if (deal.isWon && type !== OPPORTUNITY_TYPES.upgrade)
      this.booked[at] = (Number.isNaN(booked) ? 0 : booked) + amount;
    return type;
  }
}
