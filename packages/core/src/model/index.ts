export * from './wireValue.js';
export * from './field.js';
export * from './sobjects.js';
export * from './revopsObjects.js';
export * from './results.js';
export * from './recordParser.js';
