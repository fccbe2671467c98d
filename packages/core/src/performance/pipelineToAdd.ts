import type { Performance } from './performanceMetrics.js';

/**
 * Pipeline still to add so that the open pipeline reaches the required coverage of the quota left
 * (requiredCoverage × remainingQuota − openPipeline, never below 0); null when the quota is met or a figure is
 * unknown. The widgets' "Add $706K of pipeline" and the report's low-coverage action item.
 *
 * @example
 * pipelineToAdd({ requiredCoverage: 3, remainingQuota: 100, openPipeline: 180 }); // 120
 */
export function pipelineToAdd(p: {
  readonly requiredCoverage: Performance['requiredCoverage'];
  readonly remainingQuota: Performance['remainingQuota'];
  readonly openPipeline: number | null;
}): number | null {
  if (p.requiredCoverage === null || p.remainingQuota === null || p.openPipeline === null) return null;
  if (p.remainingQuota <= 0) return null;
  return Math.max(p.requiredCoverage * p.remainingQuota - p.openPipeline, 0);
}
