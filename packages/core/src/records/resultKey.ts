/**
 * The deterministic external ID of a result record (`Key__c`): kind, period label and scope, joined by `|`
 * (e.g. `scorecard|FY2026-Q4|005…`). Upserting on it makes a rerun update, never duplicate.
 *
 * @example
 * resultKey('scorecard', 'FY2026-Q4', '005000000000001AAA'); // 'scorecard|FY2026-Q4|005000000000001AAA'
 */
export function resultKey(kind: string, periodLabel: string, ...scope: string[]): string {
  return [kind, periodLabel, ...scope].join('|');
}
