export * from './territoryAssignment.js';
export * from './territoryCoverage.js';
