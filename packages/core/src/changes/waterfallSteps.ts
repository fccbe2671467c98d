import { CHANGE_BUCKETS, type ChangeBucket } from './changeBucket.js';
import type { ScopeWaterfall } from './pipelineChanges.js';

/** One bar of a waterfall chart: the start, each bucket that moves money, or the end. */
export interface WaterfallStep {
  readonly key: 'start' | Exclude<ChangeBucket, 'unchanged'> | 'end';
  readonly deals: number;
  /** The step's amount: the start or end level, or the bucket's signed change. */
  readonly amount: number;
  /** Where the bar runs from and to on the money axis (a level bar runs from 0). */
  readonly from: number;
  readonly to: number;
}

/**
 * A scope's waterfall as the bars of a waterfall chart, in the order the identity reads (start, created, pulled in,
 * pushed in, reopened, increased, decreased, pushed out, pulled out earlier, won, lost, end): each bucket's bar runs
 * from the running total before it to the one after it, so the last bucket ends where the end bar does.
 *
 * @example
 * waterfallSteps(report.org).map((s) => [s.key, s.from, s.to]);
 * // [['start', 0, 43600], ['created', 43600, 45600], …, ['end', 0, 40150]]
 */
export function waterfallSteps(w: ScopeWaterfall): WaterfallStep[] {
  const buckets = CHANGE_BUCKETS.filter((b) => b !== 'unchanged');
  const steps: WaterfallStep[] = [{ key: 'start', deals: w.startDeals, amount: w.start, from: 0, to: w.start }];
  let cents = Math.round(w.start * 100);
  for (const key of buckets) {
    const before = cents;
    cents += Math.round(w.amounts[key] * 100);
    steps.push({ key, deals: w.counts[key], amount: w.amounts[key], from: before / 100, to: cents / 100 });
  }
  steps.push({ key: 'end', deals: w.endDeals, amount: w.end, from: 0, to: w.end });
  return steps;
}
