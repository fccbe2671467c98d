export * from './dataGaps.js';
export * from './loginVisibility.js';
