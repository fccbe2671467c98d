import type { Row } from './catalog.js';
import { dayOfYmd, isoOf, ymdOf } from './orgTime.js';

/** The sample org's standard fiscal year: February to January, named by the calendar year it ends in. */
export const FISCAL_YEAR_START_MONTH = 2;

/** First day of the fiscal year that contains `day`. */
export function fiscalYearStart(day: number): number {
  const { year, month } = ymdOf(day);
  return dayOfYmd(month >= FISCAL_YEAR_START_MONTH ? year : year - 1, FISCAL_YEAR_START_MONTH, 1);
}

/** First day of the fiscal quarter that contains `day`. */
export function fiscalQuarterStart(day: number): number {
  const { year, month } = ymdOf(day);
  const offset = (month - FISCAL_YEAR_START_MONTH + 12) % 12;
  return dayOfYmd(year, month - (offset % 3), 1);
}

export interface FiscalRecords {
  readonly fiscalYearSettings: Row[];
  readonly periods: Row[];
  /** Month Period Id by the day number of the month's first day. */
  readonly monthPeriodIds: ReadonlyMap<number, string>;
}

/**
 * FiscalYearSettings and Period rows (Year, Quarter, Month) of the standard fiscal years from the one that
 * contains `fromDay` to the one that contains `toDay`, as Salesforce keeps them for a standard fiscal year.
 */
export function fiscalRecords(
  fromDay: number,
  toDay: number,
  newId: (object: 'FiscalYearSettings' | 'Period') => string,
): FiscalRecords {
  const fiscalYearSettings: Row[] = [];
  const periods: Row[] = [];
  const monthPeriodIds = new Map<number, string>();
  for (let start = fiscalYearStart(fromDay); start <= toDay;) {
    const { year } = ymdOf(start);
    const next = dayOfYmd(year + 1, FISCAL_YEAR_START_MONTH, 1);
    const name = String(year + 1);
    const fyId = newId('FiscalYearSettings');
    fiscalYearSettings.push({
      Id: fyId,
      Name: name,
      StartDate: isoOf(start),
      EndDate: isoOf(next - 1),
      IsStandardYear: true,
    });
    periods.push(period(newId('Period'), fyId, 'Year', start, next - 1, `FY ${name}`, 1));
    for (let q = 0; q < 4; q++) {
      const qStart = dayOfYmd(year, FISCAL_YEAR_START_MONTH + 3 * q, 1);
      const qEnd = dayOfYmd(year, FISCAL_YEAR_START_MONTH + 3 * q + 3, 1) - 1;
      periods.push(period(newId('Period'), fyId, 'Quarter', qStart, qEnd, `Q${q + 1} FY ${name}`, q + 1));
    }
    for (let m = 0; m < 12; m++) {
      const mStart = dayOfYmd(year, FISCAL_YEAR_START_MONTH + m, 1);
      const mEnd = dayOfYmd(year, FISCAL_YEAR_START_MONTH + m + 1, 1) - 1;
      const id = newId('Period');
      monthPeriodIds.set(mStart, id);
      periods.push(period(id, fyId, 'Month', mStart, mEnd, `M${m + 1} FY ${name}`, m + 1));
    }
    start = next;
  }
  return { fiscalYearSettings, periods, monthPeriodIds };
}

function period(id: string, fyId: string, type: string, start: number, end: number, label: string, n: number): Row {
  return {
    Id: id,
    FiscalYearSettingsId: fyId,
    Type: type,
    StartDate: isoOf(start),
    EndDate: isoOf(end),
    FullyQualifiedLabel: label,
    Number: n,
  };
}
