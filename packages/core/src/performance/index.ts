export * from './dealFacts.js';
export * from './performanceSums.js';
export * from './performanceMetrics.js';
export * from './performanceSumsBy.js';
export * from './quotaInPeriod.js';
export * from './slippedFromPeriod.js';
export * from './computePerformance.js';
