export * from './orgData.js';
export * from './localDateOf.js';
export * from './forecastCategory.js';
export * from './dealState.js';
export * from './orgSnapshot.js';
