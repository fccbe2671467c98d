export * from './territoryAssignment.js';
export * from './territoryCoverage.js';
export * from './territoryTree.js';
