import { describe, expect, it } from 'vitest';
import { compareReps } from '../comparison/index.js';
import { computePerformance } from '../performance/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { territoryCoverage } from '../territory/index.js';
import { smallOrg, territories, users } from '../testing/smallOrg.js';
import { roundTo } from './roundTo.js';
import { scorecardRecords } from './scorecardRecords.js';
import { territoryCoverageRecords } from './territoryCoverageRecords.js';
import { KEY_MAX_LENGTH, resultKey } from './resultKey.js';
import { quotaKey } from './quotaKey.js';

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
      Attainment__c: 0.566667, // 17,000 / 30,000
      Win_Rate_Value__c: 0.809524, // 17,000 / 21,000
      Avg_Deal_Size__c: 5666.67,
      Median_Cycle_Days__c: 71,
      Coverage__c: 0.538462, // 7,000 / 13,000
      Pipeline_Created__c: 13000, // A2 4,000 + A4 7,000 + A5 2,000 created in Q1 by 03-15 (F1 on 03-20 is after)
      Rank__c: 1,
      Percentile__c: 75,
      Peer_Group__c: 'Max East (Manager East)',
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
      Coverage__c: 0.432749, // 37,000 / 85,500 = 0.4327485…
    });
  });

  it('keys territories from an Account field by that field: BillingState and BillingCountry "Georgia" stay apart', () => {
    const data = smallOrg();
    // One account in the US state of Georgia, one in the country.
    const georgia = createOrgSnapshot({
      ...data,
      accounts: data.accounts.map((acc, i) =>
        i === 0 ? { ...acc, BillingState: 'Georgia' } : i === 2 ? { ...acc, BillingCountry: 'Georgia' } : acc,
      ),
    });
    const byState = territoryCoverageRecords(
      territoryCoverage(georgia, { ...options, territoryField: 'BillingState' }),
      {
        runId: 'r',
      },
    ).find((r) => r.Territory_Id__c === 'Georgia')!;
    const byCountry = territoryCoverageRecords(
      territoryCoverage(georgia, { ...options, territoryField: 'BillingCountry' }),
      { runId: 'r' },
    ).find((r) => r.Territory_Id__c === 'Georgia')!;
    expect(byState).toMatchObject({
      Key__c: 'coverage|FY2026-Q1|Account.BillingState|Georgia',
      Territory_Source__c: 'Account.BillingState',
      Accounts__c: 1,
    });
    expect(byCountry).toMatchObject({
      Key__c: 'coverage|FY2026-Q1|Account.BillingCountry|Georgia',
      Territory_Source__c: 'Account.BillingCountry',
      Accounts__c: 1,
    });
    // Territory2 Ids keep the key they always had.
    const etm = territoryCoverageRecords(territoryCoverage(snapshot, options), { runId: 'r' });
    expect(etm.every((r) => r.Key__c === `coverage|FY2026-Q1|${r.Territory_Id__c}`)).toBe(true);
    expect(new Set(etm.map((r) => r.Territory_Source__c))).toEqual(new Set(['Territory2']));
  });

  it('keeps keys within Key__c: a long one ends with a hash of the whole, stable and distinct', () => {
    const long = (suffix: string) =>
      resultKey('coverage', 'FY2026-Q1', 'Account.BillingState', 'x'.repeat(300) + suffix);
    const [a, b] = [long('a'), long('b')];
    expect(a).toHaveLength(KEY_MAX_LENGTH);
    expect(a.slice(0, 238)).toBe(`coverage|FY2026-Q1|Account.BillingState|${'x'.repeat(238 - 40)}`);
    expect(a).toMatch(/#[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    expect(long('a')).toBe(a);
    // FNV-1a 64 of the whole key, computed independently (Python: h ^= ord(c); h = h * 0x100000001b3 mod 2^64).
    expect(a.slice(-16)).toBe('1d5107c0f558af15');
    // A key of exactly 255 characters is kept as it is.
    expect(resultKey('k'.repeat(253), '')).toBe(`${'k'.repeat(253)}|`);
  });

  it('keys quotas by rep, territory and dates, as the validation rule does', () => {
    expect(
      quotaKey({
        Rep__c: '005000000000001AAA',
        Territory_Id__c: null,
        Period_Start__c: '2026-10-01',
        Period_End__c: '2026-12-31',
      }),
    ).toBe('quota|005000000000001AAA||2026-10-01..2026-12-31');
  });
});
