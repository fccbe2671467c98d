import { dayNumber, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { DealHistory } from '../snapshot/index.js';

/**
 * True when a deal whose close date (as of `asOf`) is after the period had a close date inside the period at some
 * time up to `asOf`, read from its history (metrics.md "Performance": slipped). A deal without history rows cannot
 * be shown to have slipped.
 *
 * @example
 * slippedFromPeriod('2027-02-15', history, quarter, '2026-11-16'); // true if a row had CloseDate in the quarter
 */
export function slippedFromPeriod(
  closeDateAsOf: IsoDate,
  history: DealHistory | undefined,
  period: FiscalPeriod,
  asOf: IsoDate,
): boolean {
  if (closeDateAsOf <= period.end || !history) return false;
  const asOfDay = dayNumber(asOf);
  for (let i = 0; i < history.days.length; i++) {
    if ((history.days[i] as number) > asOfDay) break;
    const close = history.table.closeDate(history.first + i);
    if (close != null && close >= period.start && close <= period.end) return true;
  }
  return false;
}
