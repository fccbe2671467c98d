export * from './isoDate.js';
export * from './fiscalPeriod.js';
export * from './fiscalCalendar.js';
export * from './parsePeriodSpec.js';
