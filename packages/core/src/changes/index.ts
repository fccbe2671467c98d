export * from './changeBucket.js';
export * from './pipelineChanges.js';
export * from './quarterToDate.js';
export * from './waterfallSteps.js';
