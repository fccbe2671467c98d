// The browser-safe part of the package (no Node imports): the org readers, for the widgets' bundle.
export * from './org/readOrgData.js';
export * from './org/readWarning.js';
export * from './org/readRequestEstimate.js';
export * from './org/readClosedWonTotals.js';
export * from './org/bulkQuery.js';
export * from './org/retry.js';
export * from './org/readLoginAccess.js';
export * from './defaultReadObjects.js';
