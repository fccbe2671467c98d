import { describe, expect, it } from 'vitest';
import { dateLiteralRange, fiscalQuarterOf, fiscalYearOf, type CalendarSettings } from './dateLiterals.js';

// The sample org: today Monday 2026-11-16, fiscal year from February, named by the year it ends in.
const org: CalendarSettings = { today: '2026-11-16', fiscalYearStartMonth: 2, usesStartDateAsFiscalYearName: false };

describe('dateLiteralRange (hand-computed for 2026-11-16, FY from February)', () => {
  it.each([
    ['TODAY', 0, '2026-11-16', '2026-11-16'],
    ['YESTERDAY', 0, '2026-11-15', '2026-11-15'],
    ['TOMORROW', 0, '2026-11-17', '2026-11-17'],
    ['THIS_WEEK', 0, '2026-11-15', '2026-11-21'],
    ['LAST_WEEK', 0, '2026-11-08', '2026-11-14'],
    ['THIS_MONTH', 0, '2026-11-01', '2026-11-30'],
    ['LAST_MONTH', 0, '2026-10-01', '2026-10-31'],
    ['NEXT_MONTH', 0, '2026-12-01', '2026-12-31'],
    ['THIS_QUARTER', 0, '2026-10-01', '2026-12-31'],
    ['LAST_QUARTER', 0, '2026-07-01', '2026-09-30'],
    ['NEXT_QUARTER', 0, '2027-01-01', '2027-03-31'],
    ['THIS_YEAR', 0, '2026-01-01', '2026-12-31'],
    ['LAST_YEAR', 0, '2025-01-01', '2025-12-31'],
    ['NEXT_YEAR', 0, '2027-01-01', '2027-12-31'],
    ['THIS_FISCAL_QUARTER', 0, '2026-11-01', '2027-01-31'],
    ['LAST_FISCAL_QUARTER', 0, '2026-08-01', '2026-10-31'],
    ['NEXT_FISCAL_QUARTER', 0, '2027-02-01', '2027-04-30'],
    ['THIS_FISCAL_YEAR', 0, '2026-02-01', '2027-01-31'],
    ['LAST_FISCAL_YEAR', 0, '2025-02-01', '2026-01-31'],
    ['NEXT_FISCAL_YEAR', 0, '2027-02-01', '2028-01-31'],
    ['LAST_N_DAYS', 30, '2026-10-17', '2026-11-16'],
    ['NEXT_N_DAYS', 45, '2026-11-17', '2026-12-31'],
    ['LAST_90_DAYS', 0, '2026-08-18', '2026-11-16'],
    ['N_DAYS_AGO', 16, '2026-10-31', '2026-10-31'],
    ['LAST_N_MONTHS', 2, '2026-09-01', '2026-10-31'],
    ['NEXT_N_MONTHS', 2, '2026-12-01', '2027-01-31'],
    ['LAST_N_FISCAL_QUARTERS', 2, '2026-05-01', '2026-10-31'],
    ['NEXT_N_FISCAL_YEARS', 1, '2027-02-01', '2028-01-31'],
    ['N_FISCAL_QUARTERS_AGO', 4, '2025-11-01', '2026-01-31'],
  ])('%s:%d is %s..%s', (literal, n, start, end) => {
    expect(dateLiteralRange(literal, org, n)).toEqual({ start, end });
  });

  it('follows a calendar fiscal year when the org starts it in January', () => {
    const calendar = { ...org, fiscalYearStartMonth: 1 };
    expect(dateLiteralRange('THIS_FISCAL_QUARTER', calendar)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(fiscalYearOf('2026-11-16', calendar)).toBe(2026);
  });

  it('names and numbers fiscal periods as the org does', () => {
    expect(fiscalYearOf('2026-11-16', org)).toBe(2027);
    expect(fiscalYearOf('2026-01-31', org)).toBe(2026);
    expect(fiscalYearOf('2026-11-16', { ...org, usesStartDateAsFiscalYearName: true })).toBe(2026);
    expect(fiscalQuarterOf('2026-11-16', org)).toBe(4);
    expect(fiscalQuarterOf('2026-02-01', org)).toBe(1);
  });

  it('is undefined for a literal it does not know', () => {
    expect(dateLiteralRange('LAST_CENTURY', org)).toBeUndefined();
  });
});
