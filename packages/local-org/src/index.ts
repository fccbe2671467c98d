export * from './sample-data/index.js';
