import type { IsoDate } from './isoDate.js';

export type FiscalPeriodType = 'Year' | 'Quarter' | 'Month' | 'Custom';

/** A fiscal period with inclusive start and end dates. */
export interface FiscalPeriod {
  /** `FY2026`, `FY2026-Q4`, `FY2026-M11`, or `2026-01-01..2026-03-31` for a custom range. */
  readonly label: string;
  readonly type: FiscalPeriodType;
  /** Fiscal year name (null for a custom range). */
  readonly fiscalYear: number | null;
  /** Quarter 1-4 or month 1-12 within the fiscal year; null for years and ranges. */
  readonly number: number | null;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The label of a fiscal period. */
export function fiscalLabel(fiscalYear: number, type: 'Year' | 'Quarter' | 'Month', number: number | null): string {
  if (type === 'Year') return `FY${fiscalYear}`;
  return `FY${fiscalYear}-${type === 'Quarter' ? 'Q' : 'M'}${number}`;
}
