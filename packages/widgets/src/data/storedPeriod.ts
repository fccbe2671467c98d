import type { StoredRecord, StoredValue } from './client.js';

/** The period, date and currency of the stored results an element shows (from the records themselves). */
export interface StoredPeriod {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  /** The date the CLI computed the stored figures as of. */
  readonly asOf: string;
  /** The currency of the money fields (null: not recorded). */
  readonly currency: string | null;
}

/** The fields every stored read selects to know its period, date and currency. */
export const PERIOD_FIELDS = ['Period_Label__c', 'Period_Start__c', 'Period_End__c', 'As_Of__c', 'Currency__c'];

/** The shortest period containing the date first (a quarter before its year), then the latest run. */
export const PERIOD_ORDER = 'Period_Start__c DESC, Period_End__c ASC, As_Of__c DESC';

/**
 * The filter of the stored results for a period spec as of a date: `current` (or empty) is any stored period that
 * contains the date; anything else is a period label (`FY2026-Q4`). Only runs as of the date or earlier count, so a
 * page shows what the CLI knew on that date.
 */
export function periodWhere(spec: string | null, asOf: string): Record<string, StoredValue> {
  const run = { As_Of__c: { date: asOf, op: '<=' } } as const;
  if (!spec || spec === 'current') {
    return { Period_Start__c: { date: asOf, op: '<=' }, Period_End__c: { date: asOf, op: '>=' }, ...run };
  }
  return { Period_Label__c: spec, ...run };
}

/** The filter of the results of exactly one stored period and run (the companions of a record already read). */
export function samePeriodWhere(period: StoredPeriod): Record<string, StoredValue> {
  return {
    Period_Start__c: { date: period.start },
    Period_End__c: { date: period.end },
    As_Of__c: { date: period.asOf },
  };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The period of a stored record (null when it lacks one). */
export function storedPeriodOf(record: StoredRecord | undefined): StoredPeriod | null {
  if (!record) return null;
  const [label, start, end, asOf] = PERIOD_FIELDS.slice(0, 4).map((f) => text(record[f]));
  if (!label || !start || !end || !asOf) return null;
  return { label, start, end, asOf, currency: text(record['Currency__c']) };
}

/** A stored number (null when missing or not a number). */
export const storedNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** A stored text (null when missing or empty). */
export const storedText = text;
