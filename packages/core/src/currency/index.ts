export * from './currencyConverter.js';
