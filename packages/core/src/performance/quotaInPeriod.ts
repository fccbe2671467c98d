import type { FiscalPeriod } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { corporateCents } from './dealFacts.js';

/**
 * A rep's quota for a period in corporate cents (metrics.md "Performance": quota): Σ ForecastingQuota amounts of
 * the active amount-based forecast type whose StartDate falls in the period, converted at the rate on their start
 * date; in an org without ForecastingQuota, Σ SalesOps_Quota__c amounts whose Period_Start__c falls in the period.
 * Null (not 0) when the rep has no quota record in the period.
 *
 * @example
 * quotaInPeriod(snapshot, '005…', calendar.periodByLabel('FY2027-Q4')!); // 13500000 (= 135,000.00)
 */
export function quotaInPeriod(snapshot: OrgSnapshot, userId: string, period: FiscalPeriod): number | null {
  let total: number | null = null;
  if (snapshot.quotaSource === 'ForecastingQuota') {
    for (const q of snapshot.repQuotas.get(userId) ?? []) {
      if (q.StartDate < period.start || q.StartDate > period.end) continue;
      total = (total ?? 0) + (corporateCents(snapshot, q.QuotaAmount, q.CurrencyIsoCode, q.StartDate) ?? 0);
    }
  } else if (snapshot.quotaSource === 'SalesOps_Quota__c') {
    for (const q of snapshot.salesOpsQuotas.get(userId) ?? []) {
      if (q.Period_Start__c < period.start || q.Period_Start__c > period.end) continue;
      total = (total ?? 0) + Math.round((q.Amount__c ?? 0) * 100);
    }
  }
  return total;
}

/** Territory quota in corporate cents: Σ ForecastingQuota with this Territory2Id starting in the period. */
export function territoryQuotaInPeriod(
  snapshot: OrgSnapshot,
  territoryId: string,
  period: FiscalPeriod,
): number | null {
  let total: number | null = null;
  for (const q of snapshot.territoryQuotas.get(territoryId) ?? []) {
    if (q.StartDate < period.start || q.StartDate > period.end) continue;
    total = (total ?? 0) + (corporateCents(snapshot, q.QuotaAmount, q.CurrencyIsoCode, q.StartDate) ?? 0);
  }
  return total;
}
