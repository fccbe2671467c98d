import { CORPORATE_CURRENCY, SAMPLE_CURRENCIES, type Row } from './catalog.js';
import { fiscalQuarterStart } from './fiscalYears.js';
import { isoOf, monthStartDay } from './orgTime.js';
import type { Random } from './random.js';

/** Quarterly dated rates drifting a little around each currency's rate, open-ended at the last quarter. */
export function datedRates(
  random: Random,
  from: number,
  to: number,
  newId: (object: 'DatedConversionRate') => string,
): Row[] {
  const rows: Row[] = [];
  const quarters: number[] = [];
  for (let q = fiscalQuarterStart(from); q <= to; q = monthStartDay(q, 3)) quarters.push(q);
  for (const currency of SAMPLE_CURRENCIES) {
    if (currency.isoCode === CORPORATE_CURRENCY) continue;
    let rate = currency.rate;
    quarters.forEach((start, i) => {
      rate *= 1 + random.normal() * 0.02;
      const rounded = Number(rate.toFixed(currency.decimals === 0 ? 2 : 4));
      rows.push({
        Id: newId('DatedConversionRate'),
        IsoCode: currency.isoCode,
        ConversionRate: rounded,
        StartDate: isoOf(start),
        NextStartDate: i === quarters.length - 1 ? null : isoOf(quarters[i + 1] as number),
      });
    });
  }
  return rows;
}
