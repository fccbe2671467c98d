import type { CalendarPeriodType, FiscalCalendar } from './fiscalCalendar.js';
import { range } from './fiscalCalendar.js';
import type { FiscalPeriod } from './fiscalPeriod.js';
import { isIsoDate, type IsoDate } from './isoDate.js';

export const ACCEPTED_PERIOD_FORMS = [
  'current, previous or next (the fiscal quarter containing, before or after the as-of date)',
  'FY2026 (a fiscal year)',
  'FY2026-Q4 (a fiscal quarter, Q1-Q4)',
  'FY2026-M11 (a fiscal month, M1-M12, M1 = first month of the fiscal year)',
  '2026-01-01..2026-03-31 (a date range, start ≤ end)',
] as const;

/** A period string that is not one of the accepted forms. */
export class PeriodSpecError extends Error {
  override readonly name = 'PeriodSpecError';
  readonly acceptedForms = ACCEPTED_PERIOD_FORMS;
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(`Unknown period ${JSON.stringify(value)}: ${reason}. Accepted forms: ${ACCEPTED_PERIOD_FORMS.join('; ')}.`);
  }
}

const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
const FY = /^FY\d{4}(?:-[QM]\d{1,2})?$/i;

/**
 * Parses a `--period` value relative to `asOf`.
 *
 * @example
 * parsePeriodSpec('previous', { calendar, asOf: '2026-11-16' }).label; // 'FY2027-Q3'
 */
export function parsePeriodSpec(
  spec: string,
  options: { calendar: FiscalCalendar; asOf: IsoDate; defaultType?: CalendarPeriodType },
): FiscalPeriod {
  const { calendar, asOf, defaultType = 'Quarter' } = options;
  const value = spec.trim();
  const lower = value.toLowerCase();
  if (lower === 'current') return calendar.periodOf(asOf, defaultType);
  if (lower === 'previous') return calendar.previous(calendar.periodOf(asOf, defaultType));
  if (lower === 'next') return calendar.next(calendar.periodOf(asOf, defaultType));
  const r = RANGE.exec(value);
  if (r) {
    const [, start = '', end = ''] = r;
    if (!isIsoDate(start)) throw new PeriodSpecError(spec, `${start} is not a calendar date`);
    if (!isIsoDate(end)) throw new PeriodSpecError(spec, `${end} is not a calendar date`);
    if (start > end) throw new PeriodSpecError(spec, 'the range ends before it starts');
    return range(start, end);
  }
  if (FY.test(value)) {
    const period = calendar.periodByLabel(value);
    if (period) return period;
    throw new PeriodSpecError(spec, 'no such fiscal year, quarter (Q1-Q4) or month (M1-M12)');
  }
  throw new PeriodSpecError(spec, 'not a period');
}
