export * from './files/readDataDir.js';
