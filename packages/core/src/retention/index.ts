export * from './accountSegment.js';
export * from './recurringBookings.js';
export * from './revenueRetention.js';
