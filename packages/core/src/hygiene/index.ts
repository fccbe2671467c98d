export * from './wonDealPatterns.js';
export * from './pipelineHygiene.js';
