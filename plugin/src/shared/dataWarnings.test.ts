import { describe, expect, it } from 'vitest';
import { DATA_GAP_AFFECTS, type FiscalPeriod } from '@salesops/core';
import { ABSENCE_REASONS, READ_WARNING_CODES, type ReadWarning } from '@salesops/org';
import {
  ABSENCE_AFFECTS,
  gapWarning,
  orgReadWarning,
  visibilityWarning,
  visibleToLabel,
  warnAbout,
} from './dataWarnings.js';

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

  it('words every reason an org read gives for absent objects, with what it costs', () => {
    expect(ABSENCE_REASONS.length).toBeGreaterThan(0);
    for (const reason of ABSENCE_REASONS) {
      const warning = orgReadWarning({ code: 'OBJECTS_ABSENT', reason, objects: ['Thing__c'], refusedWith: null });
      expect(warning.code).toBe(reason);
      expect(warning.message).toMatch(/^Thing__c read as empty: \S/);
      expect(warning.message).not.toMatch(/%s|undefined/);
      expect(warning.affects).toBe(ABSENCE_AFFECTS[reason]);
      const costs = ABSENCE_AFFECTS[reason].join(', ');
      if (costs) expect(warning.message, reason).toContain(costs);
    }
  });

  it('words every code of the org read', () => {
    const samples: Record<ReadWarning['code'], ReadWarning> = {
      OBJECTS_ABSENT: { code: 'OBJECTS_ABSENT', reason: 'OBJECT_UNAVAILABLE', objects: ['A', 'B'], refusedWith: null },
      FIELDS_HIDDEN: { code: 'FIELDS_HIDDEN', sobject: 'Opportunity', fields: ['NextStep', 'Territory2Id'] },
      SINGLE_CURRENCY: { code: 'SINGLE_CURRENCY' },
    };
    expect(Object.keys(samples).sort()).toEqual([...READ_WARNING_CODES].sort());
    for (const code of READ_WARNING_CODES) {
      const warning = orgReadWarning(samples[code]);
      expect(warning.message, code).toMatch(/\S/);
      expect(warning.message, code).not.toMatch(/%s|undefined/);
    }
    expect(orgReadWarning(samples.FIELDS_HIDDEN)).toEqual({
      code: 'FIELDS_HIDDEN',
      message:
        'Opportunity: NextStep, Territory2Id not visible to this user (field-level security, or not in this org); ' +
        'read as empty. Grant Read access to these fields to use them.',
      affects: ['Opportunity.NextStep', 'Opportunity.Territory2Id'],
    });
    expect(orgReadWarning(samples.SINGLE_CURRENCY)).toEqual({
      code: 'SINGLE_CURRENCY',
      message: 'Single-currency org (no CurrencyIsoCode or CurrencyType): amounts are in the corporate currency.',
      affects: [],
    });
  });

  it('names the objects, what their absence costs and the code the org refused the query with', () => {
    const warning = orgReadWarning({
      code: 'OBJECTS_ABSENT',
      reason: 'TERRITORY_MANAGEMENT_OFF',
      objects: ['Territory2Model', 'Territory2'],
      refusedWith: 'INSUFFICIENT_ACCESS',
    });
    expect(warning).toEqual({
      code: 'TERRITORY_MANAGEMENT_OFF',
      message:
        'Territory2Model, Territory2 read as empty: territory management (Enterprise Territory Management) is off ' +
        'or not readable by this user, which costs territory coverage, territory roll-ups, territory quotas. Turn on ' +
        'Enterprise Territory Management, or give the user read access to its objects. (The org refused the query ' +
        'with INSUFFICIENT_ACCESS.)',
      affects: ['territory coverage', 'territory roll-ups', 'territory quotas'],
    });
    const quotas = orgReadWarning({
      code: 'OBJECTS_ABSENT',
      reason: 'FORECASTING_QUOTA_UNREADABLE',
      objects: ['ForecastingQuota'],
      refusedWith: null,
    });
    expect(quotas.affects).toEqual(DATA_GAP_AFFECTS.NO_QUOTAS);
    expect(quotas.message).toMatch(
      /^ForecastingQuota read as empty: no access to ForecastingQuota .*SalesOps_Quota__c/,
    );
  });

  it('hands sf a structured warning named by its code', () => {
    const seen: unknown[] = [];
    warnAbout({ warn: (w) => seen.push(w) }, { code: 'NO_QUOTAS', message: 'm', affects: ['quota'] });
    expect(seen).toEqual([{ name: 'NO_QUOTAS', code: 'NO_QUOTAS', message: 'm', affects: ['quota'] }]);
  });
});
