export * from './dataGaps.js';
export * from './loginVisibility.js';
export * from './revopsGaps.js';
