export * from './files/readDataDir.js';
export * from './files/readCompPlan.js';
