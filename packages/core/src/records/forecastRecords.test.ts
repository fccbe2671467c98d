import { describe, expect, it } from 'vitest';
import { computeForecast, forecastScopes } from '../forecast/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { paceAndCoverage } from '../performance/index.js';
import { roles, smallOrg, users } from '../testing/smallOrg.js';
import { forecastRecords, scopeQuotas } from './forecastRecords.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const asOf = '2026-03-15';
const figures = paceAndCoverage(snapshot, { period, asOf });

describe('forecast records', () => {
  const report = computeForecast(snapshot, {
    period,
    asOf,
    methods: ['commit', 'bestCase', 'pipeline', 'weighted'],
    backtest: false,
    scopes: forecastScopes(snapshot).filter((s) => s.type === 'rep'),
  });
  const records = forecastRecords(report, { runId: 'run-1', quotas: scopeQuotas(snapshot, period, asOf), figures });

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
      // The rep's scorecard figures: A4 open; nothing closed in the four quarters before; 17,000 / 30,000 over 74/90.
      Open_Pipeline__c: 7000,
      Required_Coverage__c: null,
      Pace__c: 0.689189,
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
    const stored = forecastRecords(territoryReport, {
      runId: 'run-1',
      quotas: new Map(),
      figures: paceAndCoverage(named, { period, asOf }),
    });
    expect(stored.map((r) => r.Scope_Id__c).sort()).toEqual(names);
    // No command computes a territory's required coverage or pace: stored as unknown, never as 0.
    expect(stored.map((r) => [r.Open_Pipeline__c, r.Required_Coverage__c, r.Pace__c])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
    expect(stored.map((r) => r.Key__c).sort()).toEqual(
      names.map((n) => `forecast|FY2026-Q1|2026-03-15|territory|${n}|weighted`),
    );
  });

  it("stores a team's and the org's pace, open pipeline and required coverage (the manager's and the VP's card)", () => {
    const scoped = computeForecast(snapshot, {
      period,
      asOf,
      methods: ['commit', 'bestCase'],
      backtest: false,
      scopes: forecastScopes(snapshot).filter((s) => s.type === 'team' || s.type === 'org'),
    });
    const stored = forecastRecords(scoped, { runId: 'run-1', quotas: scopeQuotas(snapshot, period, asOf), figures });
    const commit = (type: string, id?: string) =>
      stored.find(
        (r) => r.Scope_Type__c === type && (id === undefined || r.Scope_Id__c === id) && r.Method__c === 'commit',
      );
    // West: 18,000 won of 45,000 over 74/90 of the quarter; C's 30,000 open; 35,000 closed before, 25,000 won.
    expect(commit('Team', roles.mgrWest)).toMatchObject({
      Quota__c: 45000,
      Closed_Won__c: 18000,
      Open_Pipeline__c: 30000,
      Required_Coverage__c: 1.4,
      Pace__c: 0.486486,
    });
    // East: nothing closed in the four quarters before, so no required coverage (and no pipeline to add).
    expect(commit('Team', roles.mgrEast)).toMatchObject({
      Open_Pipeline__c: 14500,
      Required_Coverage__c: null,
      Pace__c: 0.364865,
    });
    expect(commit('Org')).toMatchObject({
      Quota__c: 135000,
      Open_Pipeline__c: 44500,
      Required_Coverage__c: 1.4,
      Pace__c: 0.405405,
    });
  });
});
