export * from './sample-data/index.js';
export * from './server/index.js';
