import { dayNumber, type FiscalCalendar, type FiscalPeriod } from '../calendar/index.js';
import type { RevOpsPlan } from './revopsPlan.js';

export interface PeriodSalesCost {
  /** The plan's sales cost for the period; null when the plan does not cover every day of it. */
  readonly amount: number | null;
  /** Days of the period no plan entry covers (0 when covered). */
  readonly uncoveredDays: number;
}

/**
 * The sales cost of a period from the plan: each entry's amount spread evenly over its days, the days inside the
 * period summed (a yearly cost gives a quarter its share). A period some day of which no entry covers has no cost
 * (null, never a partial sum); two entries covering the same day are an error in the plan.
 *
 * @example
 * periodSalesCost(plan, calendar, calendar.periodByLabel('FY2026-Q4')!); // { amount: 250000, uncoveredDays: 0 }
 */
export function periodSalesCost(plan: RevOpsPlan, calendar: FiscalCalendar, period: FiscalPeriod): PeriodSalesCost {
  const first = dayNumber(period.start);
  const last = dayNumber(period.end);
  const covered = new Uint8Array(last - first + 1);
  let amount = 0;
  plan.salesCost.forEach((entry, index) => {
    const range =
      entry.period !== undefined ? calendar.periodByLabel(entry.period) : { start: entry.start!, end: entry.end! };
    if (range === null)
      throw new RangeError(`salesCost[${index}].period ${entry.period} is not a period of the org's calendar`);
    const from = dayNumber(range.start);
    const to = dayNumber(range.end);
    const inside = Math.min(to, last) - Math.max(from, first) + 1;
    if (inside <= 0) return;
    for (let d = Math.max(from, first); d <= Math.min(to, last); d++) {
      if (covered[d - first]) throw new RangeError(`salesCost[${index}] covers days another entry already covers`);
      covered[d - first] = 1;
    }
    amount += (entry.amount * inside) / (to - from + 1);
  });
  const uncoveredDays = covered.length - covered.reduce((s, c) => s + c, 0);
  return { amount: uncoveredDays === 0 ? amount : null, uncoveredDays };
}
