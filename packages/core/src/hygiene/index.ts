export * from './wonDealPatterns.js';
export * from './pipelineHygiene.js';
export * from './stageBenchmarks.js';
export * from './dealHealth.js';
