import type { IsoDate } from '../calendar/isoDate.js';

export interface CurrencyTypeInput {
  readonly IsoCode: string;
  readonly ConversionRate: number;
  readonly IsCorporate: boolean;
}

export interface DatedRateInput {
  readonly IsoCode: string;
  readonly ConversionRate: number;
  readonly StartDate: IsoDate;
  readonly NextStartDate: IsoDate | null;
}

/** A currency or date the org has no rate for. */
export class CurrencyError extends Error {
  override readonly name = 'CurrencyError';
  constructor(
    readonly currency: string,
    readonly date: IsoDate,
  ) {
    super(
      `No conversion rate for ${currency} on ${date}: add the currency (CurrencyType) or a dated rate ` +
        `(DatedConversionRate) that covers the date.`,
    );
  }
}

export interface CurrencyConverter {
  readonly corporateCurrency: string;
  /** `amount` in the corporate currency: amount / rate of `isoCode` in force on `onDate`; null stays null. */
  toCorporate(amount: number | null, isoCode: string | null | undefined, onDate: IsoDate): number | null;
}

interface DatedRates {
  starts: IsoDate[];
  ends: (IsoDate | null)[];
  rates: number[];
}

/**
 * Converts amounts to the corporate currency (metrics.md "Conventions"): the DatedConversionRate in force on the
 * date (StartDate ≤ date < NextStartDate) when the currency has dated rates, else CurrencyType.ConversionRate.
 *
 * @example
 * const fx = createCurrencyConverter({ corporateCurrency: 'USD', currencyTypes: [{ IsoCode: 'EUR', ConversionRate: 0.8, IsCorporate: false }] });
 * fx.toCorporate(100, 'EUR', '2026-01-31'); // 125
 */
export function createCurrencyConverter(input: {
  corporateCurrency: string;
  currencyTypes?: readonly CurrencyTypeInput[];
  datedRates?: readonly DatedRateInput[];
}): CurrencyConverter {
  const corporate = input.corporateCurrency;
  const staticRates = new Map((input.currencyTypes ?? []).map((c) => [c.IsoCode, c.ConversionRate]));
  const dated = new Map<string, DatedRates>();
  const sorted = [...(input.datedRates ?? [])].sort((a, b) =>
    a.StartDate < b.StartDate ? -1 : a.StartDate > b.StartDate ? 1 : 0,
  );
  for (const r of sorted) {
    let entry = dated.get(r.IsoCode);
    if (!entry) dated.set(r.IsoCode, (entry = { starts: [], ends: [], rates: [] }));
    entry.starts.push(r.StartDate);
    entry.ends.push(r.NextStartDate);
    entry.rates.push(r.ConversionRate);
  }

  function rateOf(isoCode: string, date: IsoDate): number {
    const entry = dated.get(isoCode);
    if (entry) {
      // Last rate starting on or before the date (binary search).
      let lo = 0;
      let hi = entry.starts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((entry.starts[mid] as string) <= date) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const end = found >= 0 ? entry.ends[found] : undefined;
      if (found >= 0 && (end === null || (end as string) > date)) return entry.rates[found] as number;
    }
    const rate = staticRates.get(isoCode);
    if (rate === undefined || !(rate > 0)) throw new CurrencyError(isoCode, date);
    return rate;
  }

  return {
    corporateCurrency: corporate,
    toCorporate(amount, isoCode, onDate) {
      if (amount === null) return null;
      if (isoCode == null || isoCode === corporate) return amount;
      return amount / rateOf(isoCode, onDate);
    },
  };
}

/**
 * True when the org has currencies other than the corporate one.
 *
 * @example
 * isMultiCurrency([{ IsoCode: 'USD', ConversionRate: 1, IsCorporate: true }]); // false
 */
export function isMultiCurrency(currencyTypes: readonly CurrencyTypeInput[]): boolean {
  return currencyTypes.some((c) => !c.IsCorporate);
}
