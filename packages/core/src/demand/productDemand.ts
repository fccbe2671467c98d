import type { FiscalPeriod, IsoDate } from '../calendar/index.js';
import { corporateCents, dealFactsAsOf } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';

/** Demand for one product family in a period: what was won and what is in the open pipeline. */
export interface FamilyDemand {
  readonly family: string;
  /** Σ line item totals of deals won (as of the date) with a close date in the period, corporate currency. */
  readonly won: number;
  readonly wonUnits: number;
  /** The same for the period before, for the trend. */
  readonly wonPrevious: number;
  /** Σ line item totals of deals open (as of the date) with a close date in the period. */
  readonly openPipeline: number;
  readonly openUnits: number;
}

/**
 * Product demand for the S&OP review: per product family, won and open line-item amounts and units for the period,
 * and the won amount of the period before. Line totals convert at the rate on the deal's close date (as of the date)
 * and round to the cent per line. Lines without a product family count under "(none)".
 *
 * @example
 * productDemand(snapshot, { period, asOf: '2026-11-16' })[0]; // { family: 'Software', won: 812345.5, … }
 */
export function productDemand(
  snapshot: OrgSnapshot,
  { period, asOf }: { period: FiscalPeriod; asOf: IsoDate },
): FamilyDemand[] {
  const previous = snapshot.calendar.previous(period);
  const familyOf = new Map(snapshot.data.products.map((p) => [p.Id, p.Family ?? '(none)']));
  const rows = new Map<
    string,
    { won: number; wonUnits: number; wonPrevious: number; open: number; openUnits: number }
  >();
  const row = (family: string) => {
    let r = rows.get(family);
    if (!r) rows.set(family, (r = { won: 0, wonUnits: 0, wonPrevious: 0, open: 0, openUnits: 0 }));
    return r;
  };
  for (const fact of dealFactsAsOf(snapshot, asOf)) {
    const { state, opportunity } = fact;
    const close = state.CloseDate;
    const inPeriod = close >= period.start && close <= period.end;
    const inPrevious = close >= previous.start && close <= previous.end;
    const won = state.IsWon && (inPeriod || inPrevious);
    const open = !state.IsClosed && inPeriod;
    if (!won && !open) continue;
    for (const line of snapshot.lineItemsByOpportunity.get(opportunity.Id) ?? []) {
      const cents = corporateCents(snapshot, line.TotalPrice, opportunity.CurrencyIsoCode, close) ?? 0;
      const r = row(line.Product2Id === null ? '(none)' : (familyOf.get(line.Product2Id) ?? '(none)'));
      const units = line.Quantity ?? 0;
      if (won && inPeriod) {
        r.won += cents;
        r.wonUnits += units;
      } else if (won) {
        r.wonPrevious += cents;
      } else {
        r.open += cents;
        r.openUnits += units;
      }
    }
  }
  return [...rows]
    .map(([family, r]) => ({
      family,
      won: r.won / 100,
      wonUnits: r.wonUnits,
      wonPrevious: r.wonPrevious / 100,
      openPipeline: r.open / 100,
      openUnits: r.openUnits,
    }))
    .sort((a, b) => b.won + b.openPipeline - (a.won + a.openPipeline) || a.family.localeCompare(b.family));
}
