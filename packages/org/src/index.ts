export * from './files/readDataDir.js';
export * from './files/readCompPlan.js';
export * from './org/readOrgData.js';
export * from './writeback/upsertRecords.js';
