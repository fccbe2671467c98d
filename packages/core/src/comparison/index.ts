export * from './stageFunnel.js';
export * from './funnelBottlenecks.js';
export * from './peerGroups.js';
export * from './compareReps.js';
