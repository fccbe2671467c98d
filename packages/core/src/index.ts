export * from './model/index.js';
export * from './calendar/index.js';
export * from './currency/index.js';
export * from './snapshot/index.js';
export * from './stats/index.js';
export * from './performance/index.js';
export * from './comparison/index.js';
export * from './territory/index.js';
