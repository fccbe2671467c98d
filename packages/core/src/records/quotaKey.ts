import type { SalesOpsQuota } from '../model/index.js';

/**
 * The `Key__c` of a `SalesOps_Quota__c` record: rep, territory and dates, so one rep (or territory) has at most one
 * quota per period. The object's validation rule `Key_Matches_Quota` computes the same text with a formula, so a
 * record entered by hand, by Data Loader or by this toolkit gets the same key, and the unique external ID refuses a
 * second quota for the same rep, territory and dates.
 *
 * @example
 * quotaKey({ Rep__c: '005000000000001AAA', Territory_Id__c: null, Period_Start__c: '2026-10-01', Period_End__c: '2026-12-31' });
 * // 'quota|005000000000001AAA||2026-10-01..2026-12-31'
 */
export function quotaKey(
  quota: Pick<SalesOpsQuota, 'Rep__c' | 'Territory_Id__c' | 'Period_Start__c' | 'Period_End__c'>,
): string {
  return `quota|${quota.Rep__c ?? ''}|${quota.Territory_Id__c ?? ''}|${quota.Period_Start__c}..${quota.Period_End__c ?? ''}`;
}

/** The validation rule's formula: true (an error) when `Key__c` is not {@link quotaKey} of the record. */
export const QUOTA_KEY_FORMULA =
  "Key__c <> 'quota|' & IF(ISBLANK(Rep__c), '', CASESAFEID(Rep__c)) & '|' & BLANKVALUE(Territory_Id__c, '') & '|' & " +
  "TEXT(Period_Start__c) & '..' & TEXT(Period_End__c)";
