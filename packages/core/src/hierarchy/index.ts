export * from './teamHierarchy.js';
export * from './rollupTotals.js';
