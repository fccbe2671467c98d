import { dayNumber, isoDateOfDay, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';

/** What the data lacks (metrics.md "Data completeness"); the plugin words each code. */
export type DataGapCode =
  'NO_OPPORTUNITY_HISTORY' | 'NO_OPPORTUNITY_STAGE' | 'NO_QUOTAS' | 'NO_QUOTAS_IN_PERIOD' | 'AS_OF_AFTER_DATA';

/** The figures each gap degrades, by the names metrics.md and the commands use. */
export const DATA_GAP_AFFECTS: Readonly<Record<DataGapCode, readonly string[]>> = {
  NO_OPPORTUNITY_HISTORY: [
    'as-of replay before today',
    'backtests',
    'stageHistory',
    'monteCarlo',
    'STALE_STAGE',
    'PUSHED',
    'AMOUNT_DROPPED',
    'funnels',
    'slipped',
    'pipeline changes',
  ],
  NO_OPPORTUNITY_STAGE: ['stage order', 'stage defaults', 'PROBABILITY_MISMATCH', 'COMMIT_TOO_EARLY', 'funnels'],
  NO_QUOTAS: ['quota', 'attainment', 'remainingQuota', 'coverage', 'pace', 'rank', 'percentile', 'peer groups'],
  NO_QUOTAS_IN_PERIOD: [
    'quota',
    'attainment',
    'remainingQuota',
    'coverage',
    'pace',
    'rank',
    'percentile',
    'peer groups',
  ],
  AS_OF_AFTER_DATA: ['every figure'],
};

export interface DataGap {
  readonly code: DataGapCode;
  readonly affects: readonly string[];
  /** AS_OF_AFTER_DATA: the data's last date (latest deal creation, history row or close of a closed deal). */
  readonly lastDataDate?: IsoDate;
}

/**
 * The data-completeness gaps of an org for a period as of a date: no OpportunityHistory rows (with deals), no
 * OpportunityStage records, no quotas at all or none starting in the period, and an as-of date more than one period
 * (the period's own length in days) after the data's last date.
 *
 * @example
 * dataGaps(snapshot, { period, asOf: '2026-11-16' }); // [{ code: 'NO_OPPORTUNITY_HISTORY', affects: [...] }]
 */
export function dataGaps(snapshot: OrgSnapshot, { period, asOf }: { period: FiscalPeriod; asOf: IsoDate }): DataGap[] {
  const gaps: DataGap[] = [];
  const gap = (code: DataGapCode, extra: Partial<DataGap> = {}) =>
    gaps.push({ code, affects: DATA_GAP_AFFECTS[code], ...extra });
  const { data } = snapshot;
  if (data.opportunities.length > 0 && data.opportunityHistory.length === 0) gap('NO_OPPORTUNITY_HISTORY');
  if (data.opportunityStages.length === 0) gap('NO_OPPORTUNITY_STAGE');
  if (snapshot.quotaSource === 'none') gap('NO_QUOTAS');
  else if (!hasQuotaIn(snapshot, period)) gap('NO_QUOTAS_IN_PERIOD');
  const last = lastDataDay(snapshot);
  const periodDays = dayNumber(period.end) - dayNumber(period.start) + 1;
  if (last !== null && dayNumber(asOf) - last > periodDays) {
    gap('AS_OF_AFTER_DATA', { lastDataDate: isoDateOfDay(last) });
  }
  return gaps;
}

function hasQuotaIn(snapshot: OrgSnapshot, period: FiscalPeriod): boolean {
  const inPeriod = (date: string) => date >= period.start && date <= period.end;
  if (snapshot.quotaSource === 'ForecastingQuota') {
    for (const quotas of snapshot.repQuotas.values()) if (quotas.some((q) => inPeriod(q.StartDate))) return true;
    for (const quotas of snapshot.territoryQuotas.values()) if (quotas.some((q) => inPeriod(q.StartDate))) return true;
    return false;
  }
  return snapshot.data.salesOpsQuotas.some((q) => inPeriod(q.Period_Start__c));
}

/** The latest day the data knows of: a deal created, a history row written, a closed deal's close date. */
function lastDataDay(snapshot: OrgSnapshot): number | null {
  let last = -Infinity;
  let lastClose = ''; // ISO dates compare as strings: only the latest close date is parsed, not a million
  for (const deal of snapshot.deals) {
    if (deal.createdDay > last) last = deal.createdDay;
    const days = deal.history?.days;
    const latest = days && days.length > 0 ? (days[days.length - 1] as number) : -Infinity;
    if (latest > last) last = latest;
    if (deal.opportunity.IsClosed && deal.opportunity.CloseDate > lastClose) lastClose = deal.opportunity.CloseDate;
  }
  if (lastClose !== '') last = Math.max(last, dayNumber(lastClose));
  return Number.isFinite(last) ? last : null;
}
