import { describe, expect, it } from 'vitest';
import { DATA_GAP_AFFECTS, type FiscalPeriod } from '@salesops/core';
import { gapWarning, visibilityWarning, visibleToLabel, warnAbout } from './dataWarnings.js';

const period = { label: 'FY2027-Q4', start: '2026-11-01', end: '2027-01-31' } as FiscalPeriod;

describe('data warnings', () => {
  it('words each gap with the figures it affects', () => {
    const quota = gapWarning(
      { code: 'NO_QUOTAS_IN_PERIOD', affects: DATA_GAP_AFFECTS.NO_QUOTAS_IN_PERIOD },
      { period, asOf: '2026-11-16' },
    );
    expect(quota).toEqual({
      code: 'NO_QUOTAS_IN_PERIOD',
      message:
        'No quota starts in FY2027-Q4 (2026-11-01..2027-01-31): quota, attainment, remainingQuota, coverage, pace, ' +
        'rank, percentile, peer groups are empty (—) for this period. Load its quotas, or choose a period that has ' +
        'them with --period.',
      affects: DATA_GAP_AFFECTS.NO_QUOTAS_IN_PERIOD,
    });
    const late = gapWarning(
      { code: 'AS_OF_AFTER_DATA', affects: ['every figure'], lastDataDate: '2026-03-20' },
      { period, asOf: '2026-11-16' },
    );
    expect(late.message).toBe(
      "The as-of date 2026-11-16 is more than one period after the data's last date, 2026-03-20: nothing happened in " +
        'between as far as the data knows, which costs every figure. Is the export old? Give --as-of 2026-03-20, or ' +
        'read a newer export.',
    );
  });

  it('names the login, its role and what it cannot see; nothing when it sees everything', () => {
    const warning = visibilityWarning({
      full: false,
      name: 'Ana Silva',
      role: 'AE East',
      visibleUsers: 1,
      hiddenUsers: 45,
    });
    expect(warning?.code).toBe('PARTIAL_VISIBILITY');
    expect(warning?.message).toMatch(
      /^Ana Silva \(AE East\) has neither View All Data nor the top role of the role hierarchy: the figures cover only the records of 1 of 46 users .* the deals of the other 45 users are missing .* totals are those visible to Ana Silva\./,
    );
    expect(visibilityWarning({ full: true, name: 'Vera', role: 'VP', visibleUsers: 46, hiddenUsers: 0 })).toBeNull();
    expect(visibleToLabel('Total', 'Ana Silva')).toBe('Total visible to Ana Silva');
  });

  it('hands sf a structured warning named by its code', () => {
    const seen: unknown[] = [];
    warnAbout({ warn: (w) => seen.push(w) }, { code: 'NO_QUOTAS', message: 'm', affects: ['quota'] });
    expect(seen).toEqual([{ name: 'NO_QUOTAS', code: 'NO_QUOTAS', message: 'm', affects: ['quota'] }]);
  });
});
