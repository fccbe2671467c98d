export * from './compPlan.js';
export * from './payoutCurve.js';
export * from './compPayouts.js';
