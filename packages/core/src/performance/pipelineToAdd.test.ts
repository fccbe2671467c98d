import { describe, expect, it } from 'vitest';
import { pipelineToAdd } from './pipelineToAdd.js';

describe('pipelineToAdd', () => {
  it('is required coverage × remaining quota − open pipeline, never below 0', () => {
    // C of the small org: 1.5 × 30,000 − 30,000.
    expect(pipelineToAdd({ requiredCoverage: 1.5, remainingQuota: 30000, openPipeline: 30000 })).toBe(15000);
    expect(pipelineToAdd({ requiredCoverage: 3, remainingQuota: 100, openPipeline: 400 })).toBe(0);
  });

  it('is null when the quota is met or a figure is unknown', () => {
    expect(pipelineToAdd({ requiredCoverage: 3, remainingQuota: 0, openPipeline: 0 })).toBeNull();
    expect(pipelineToAdd({ requiredCoverage: null, remainingQuota: 10, openPipeline: 0 })).toBeNull();
    expect(pipelineToAdd({ requiredCoverage: 2, remainingQuota: null, openPipeline: 0 })).toBeNull();
    expect(pipelineToAdd({ requiredCoverage: 2, remainingQuota: 10, openPipeline: null })).toBeNull();
  });
});
