import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import type { Lead } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';

/** What became of one lead as of the as-of date: its conversion and, when it has one, its opportunity's state. */
export interface LeadOutcome {
  readonly lead: Lead;
  /** Org-local creation date. */
  readonly createdOn: IsoDate;
  /** Converted on or before the as-of date. */
  readonly converted: boolean;
  /** Converted into an opportunity that exists as of the as-of date. */
  readonly opportunity: boolean;
  readonly won: boolean;
  readonly lost: boolean;
  /** Won amount in the corporate currency (0 unless won; a null amount counts as 0). */
  readonly wonAmount: number;
}

/**
 * The leads created in `period` up to `asOf` (a lead created later does not exist yet), each with its outcome as of
 * `asOf`: converted (`ConvertedDate` ≤ as-of; a conversion is never undone), the converted opportunity replayed to
 * the as-of date (a reopened deal counts as open again), won or lost, and the won amount converted at its close date.
 *
 * @example
 * leadCohort(snapshot, period, '2026-11-16').filter((o) => o.converted).length;
 */
export function leadCohort(snapshot: OrgSnapshot, period: FiscalPeriod, asOf: IsoDate): LeadOutcome[] {
  const outcomes: LeadOutcome[] = [];
  for (const lead of snapshot.data.leads) {
    const createdOn = snapshot.localDateOf(lead.CreatedDate);
    if (createdOn < period.start || createdOn > period.end || createdOn > asOf) continue;
    outcomes.push(leadOutcome(snapshot, lead, createdOn, asOf));
  }
  return outcomes;
}

function leadOutcome(snapshot: OrgSnapshot, lead: Lead, createdOn: IsoDate, asOf: IsoDate): LeadOutcome {
  const converted = lead.IsConverted && lead.ConvertedDate !== null && lead.ConvertedDate <= asOf;
  const deal =
    converted && lead.ConvertedOpportunityId ? snapshot.opportunitiesById.get(lead.ConvertedOpportunityId) : undefined;
  const state = deal ? snapshot.dealAsOf(deal, asOf) : null;
  const won = state !== null && state.IsClosed && state.IsWon;
  return {
    lead,
    createdOn,
    converted,
    opportunity: state !== null,
    won,
    lost: state !== null && state.IsClosed && !state.IsWon,
    wonAmount: won && deal ? (snapshot.toCorporate(state.Amount, deal.CurrencyIsoCode, state.CloseDate) ?? 0) : 0,
  };
}
