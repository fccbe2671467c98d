export * from './ratio.js';
export * from './median.js';
export * from './populationStdDev.js';
export * from './gini.js';
export * from './wilsonInterval.js';
export * from './rankings.js';
export * from './pooledShrinkage.js';
export * from './sortedBounds.js';
