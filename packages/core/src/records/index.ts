export * from './roundTo.js';
export * from './resultKey.js';
export * from './scorecardRecords.js';
export * from './territoryCoverageRecords.js';
export * from './forecastRecords.js';
export * from './csvField.js';
export * from './quotaKey.js';
export * from './revopsRecords.js';
