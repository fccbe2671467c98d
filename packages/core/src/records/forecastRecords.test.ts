import { describe, expect, it } from 'vitest';
import { computeForecast, forecastScopes } from '../forecast/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg, users } from '../testing/smallOrg.js';
import { forecastRecords, scopeQuotas } from './forecastRecords.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const asOf = '2026-03-15';

describe('forecast records', () => {
  const report = computeForecast(snapshot, {
    period,
    asOf,
    methods: ['commit', 'bestCase', 'pipeline', 'weighted'],
    backtest: false,
    scopes: forecastScopes(snapshot).filter((s) => s.type === 'rep'),
  });
  const records = forecastRecords(report, { runId: 'run-1', quotas: scopeQuotas(snapshot, period, asOf) });

  it('stores each method with the roll-ups and the scope quota', () => {
    const a = records.filter((r) => r.Rep__c === users.A);
    expect(a.map((r) => r.Method__c).sort()).toEqual(['bestCase', 'commit', 'pipeline', 'weighted']);
    // A: closed won 17,000; A4 (7,000, Commit, 60 %) open → commit = best case = pipeline = 24,000; weighted 21,200.
    expect(a.find((r) => r.Method__c === 'weighted')).toMatchObject({
      Key__c: `forecast|FY2026-Q1|2026-03-15|rep|${users.A}|weighted`,
      Scope_Type__c: 'Rep',
      Quota__c: 30000,
      Closed_Won__c: 17000,
      Forecast__c: 21200,
      Commit__c: 24000,
      Best_Case__c: 24000,
      Pipeline__c: 24000,
      Weighted__c: 21200,
    });
    // B: closed won 10,000; B4 7,500 Commit at 40 %, B2 no amount → commit 17,500, weighted 13,000.
    expect(records.find((r) => r.Rep__c === users.B && r.Method__c === 'weighted')).toMatchObject({
      Commit__c: 17500,
      Weighted__c: 13000,
    });
    expect(new Set(records.map((r) => r.Key__c)).size).toBe(records.length);
  });

  it('stores territory names used as ids whole: two names sharing their first 18 characters stay apart', () => {
    const data = smallOrg();
    const names = ['North America Enterprise East', 'North America Enterprise West'];
    // No territory model: territories are BillingCountry values.
    const named = createOrgSnapshot({
      ...data,
      territoryModels: [],
      accounts: data.accounts.map((acc, i) => ({ ...acc, BillingCountry: names[i % 2] as string })),
    });
    const territoryReport = computeForecast(named, {
      period,
      asOf,
      methods: ['weighted'],
      backtest: false,
      scopes: forecastScopes(named).filter((s) => s.type === 'territory'),
    });
    const stored = forecastRecords(territoryReport, { runId: 'run-1', quotas: new Map() });
    expect(stored.map((r) => r.Scope_Id__c).sort()).toEqual(names);
    expect(stored.map((r) => r.Key__c).sort()).toEqual(
      names.map((n) => `forecast|FY2026-Q1|2026-03-15|territory|${n}|weighted`),
    );
  });
});
