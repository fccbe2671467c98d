export * from './teamHierarchy.js';
