import type { ReadObjectName } from '@salesops/core';

/** Why objects read as empty, one code each; the caller words them (plugin/messages/dataCompleteness.md). */
export const ABSENCE_REASONS = [
  /** Territory2Model, Territory2 and their associations: Enterprise Territory Management is off or not readable. */
  'TERRITORY_MANAGEMENT_OFF',
  /** ForecastingQuota: Collaborative Forecasts off, or the user lacks "View All Forecasts". */
  'FORECASTING_QUOTA_UNREADABLE',
  /** SalesOps_Quota__c: the SalesOps package objects are not deployed or not readable. */
  'PACKAGE_OBJECTS_MISSING',
  /** CurrencyType: a single-currency org, or not readable. */
  'NO_CURRENCY_TYPES',
  /** DatedConversionRate: single currency, or advanced currency management off. */
  'NO_DATED_RATES',
  /** FiscalYearSettings: not readable; the Organization's standard fiscal year is used. */
  'FISCAL_YEAR_SETTINGS_UNREADABLE',
  /** Period: not readable; fiscal periods are derived from the Organization's settings. */
  'PERIOD_UNREADABLE',
  /** Any other object: not in this org, or not available to this user. */
  'OBJECT_UNAVAILABLE',
] as const;

export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/**
 * What the org read fell back on, as codes and data (no sentences):
 * - `OBJECTS_ABSENT`: `objects` read as empty for `reason`; `refusedWith` is the API error code when the org refused
 *   the query (`INSUFFICIENT_ACCESS`, …), null when describe showed the object missing or unreadable;
 * - `FIELDS_HIDDEN`: optional `fields` of `sobject` the user cannot see (field-level security, or not in this org),
 *   read as null;
 * - `SINGLE_CURRENCY`: no CurrencyIsoCode or CurrencyType: amounts are in the corporate currency.
 */
export type ReadWarning =
  | {
      readonly code: 'OBJECTS_ABSENT';
      readonly reason: AbsenceReason;
      readonly objects: readonly string[];
      readonly refusedWith: string | null;
    }
  | { readonly code: 'FIELDS_HIDDEN'; readonly sobject: string; readonly fields: readonly string[] }
  | { readonly code: 'SINGLE_CURRENCY' };

export type ReadWarningCode = ReadWarning['code'];

/** Every `ReadWarning` code, for callers that check they word each one. */
export const READ_WARNING_CODES: readonly ReadWarningCode[] = ['OBJECTS_ABSENT', 'FIELDS_HIDDEN', 'SINGLE_CURRENCY'];

const ABSENCE: Partial<Record<ReadObjectName, AbsenceReason>> = {
  Territory2Model: 'TERRITORY_MANAGEMENT_OFF',
  Territory2: 'TERRITORY_MANAGEMENT_OFF',
  UserTerritory2Association: 'TERRITORY_MANAGEMENT_OFF',
  ObjectTerritory2Association: 'TERRITORY_MANAGEMENT_OFF',
  ForecastingQuota: 'FORECASTING_QUOTA_UNREADABLE',
  SalesOps_Quota__c: 'PACKAGE_OBJECTS_MISSING',
  CurrencyType: 'NO_CURRENCY_TYPES',
  DatedConversionRate: 'NO_DATED_RATES',
  FiscalYearSettings: 'FISCAL_YEAR_SETTINGS_UNREADABLE',
  Period: 'PERIOD_UNREADABLE',
};

/**
 * Why `sobject` may be absent from an org.
 *
 * @example
 * absenceReason('Territory2'); // 'TERRITORY_MANAGEMENT_OFF'
 */
export function absenceReason(sobject: ReadObjectName): AbsenceReason {
  return ABSENCE[sobject] ?? 'OBJECT_UNAVAILABLE';
}
