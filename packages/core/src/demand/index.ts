export * from './productDemand.js';
