export * from './orgData.js';
export * from './opportunityHistoryTable.js';
export * from './orgDataRecords.js';
export * from './localDateOf.js';
export * from './forecastCategory.js';
export * from './dealState.js';
export * from './orgSnapshot.js';
