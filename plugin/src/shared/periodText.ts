import { outputMessages as messages } from './pluralMessage.js';

/**
 * A period as people read it, its dates given once: `FY2027-Q4 (2026-11-01..2027-01-31)`, and a date range
 * (whose label already is its dates) just `2026-01-01..2026-03-31`.
 */
export function periodText(period: { readonly label: string; readonly start: string; readonly end: string }): string {
  if (period.label === `${period.start}..${period.end}`) return period.label;
  return messages.getMessage('period.range', [period.label, period.start, period.end]);
}
