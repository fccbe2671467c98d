import { describe, expect, it } from 'vitest';
import { compareReps } from '../comparison/index.js';
import { computePerformance } from '../performance/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { territoryCoverage } from '../territory/index.js';
import { smallOrg, territories, users } from '../testing/smallOrg.js';
import { roundTo } from './roundTo.js';
import { scorecardRecords } from './scorecardRecords.js';
import { territoryCoverageRecords } from './territoryCoverageRecords.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const options = { period, asOf: '2026-03-15' };

describe('result records', () => {
  it('rounds half away from zero to the field scale', () => {
    expect([roundTo(1.23455, 4), roundTo(-2.5, 0), roundTo(null, 2)]).toEqual([1.2346, -3, null]);
  });

  it('shapes scorecards with deterministic keys, rounded ratios and flags', () => {
    const report = computePerformance(snapshot, options);
    const records = scorecardRecords(report, compareReps(snapshot, report, options), { runId: 'run-1' });
    const a = records.find((r) => r.Rep__c === users.A)!;
    expect(a).toMatchObject({
      Key__c: `scorecard|FY2026-Q1|${users.A}`,
      Run_Id__c: 'run-1',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-03-31',
      As_Of__c: '2026-03-15',
      Quota__c: 30000,
      Closed_Won__c: 17000,
      Attainment__c: 0.5667, // 17,000 / 30,000
      Win_Rate_Value__c: 0.8095, // 17,000 / 21,000
      Avg_Deal_Size__c: 5666.67,
      Median_Cycle_Days__c: 71,
      Coverage__c: 0.5385, // 7,000 / 13,000
      Pipeline_Created__c: 13000, // A2 4,000 + A4 7,000 + A5 2,000 created in Q1 by 03-15 (F1 on 03-20 is after)
      Rank__c: 1,
      Percentile__c: 75,
      Peer_Group__c: 'Manager East',
      Flags__c: null,
    });
    expect(records.find((r) => r.Rep__c === users.D)).toMatchObject({
      Quota__c: null,
      Attainment__c: null,
      Rank__c: null,
    });
    expect(new Set(records.map((r) => r.Key__c)).size).toBe(records.length);
  });

  it('shapes territory coverage records', () => {
    const records = territoryCoverageRecords(territoryCoverage(snapshot, options), { runId: 'run-1' });
    expect(records.find((r) => r.Territory_Id__c === territories.east)).toMatchObject({
      Key__c: `coverage|FY2026-Q1|${territories.east}`,
      Accounts__c: 2,
      Reps__c: 3,
      Quota__c: 112500,
      Coverage__c: 0.4327, // 37,000 / 85,500 = 0.432748…
    });
  });
});
