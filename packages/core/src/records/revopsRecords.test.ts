import { describe, expect, it } from 'vitest';
import { funnelReport } from '../funnel/index.js';
import { FunnelRecord, RetentionRecord } from '../model/index.js';
import { revenueRetention } from '../retention/index.js';
import { createOrgSnapshot, NO_REVOPS_RECORDS } from '../snapshot/index.js';
import { campaigns, revopsOrg } from '../testing/revopsOrg.js';
import { smallOrg, users as u } from '../testing/smallOrg.js';
import { funnelRecords, retentionRecords } from './revopsRecords.js';

const asOf = '2026-03-20';
const snapshot = createOrgSnapshot(revopsOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;

describe('funnel and retention records', () => {
  it('writes one funnel record per row with a deterministic key, rounded, valid', () => {
    const records = funnelRecords(funnelReport(snapshot, { period, asOf }), { runId: 'run-1' });
    // Org, 5 owners, 4 sources, 3 campaign rows, 4 cohorts.
    expect(records).toHaveLength(1 + 5 + 4 + 3 + 4);
    expect(new Set(records.map((r) => r.Key__c)).size).toBe(records.length);
    expect(records[0]).toMatchObject({
      Key__c: 'funnel|FY2026-Q1|org',
      Leads__c: 9,
      Lead_To_Opp__c: 0.5556,
      Speed_To_Lead_Hours__c: 3.5,
    });
    expect(records.find((r) => r.Key__c === `funnel|FY2026-Q1|rep|${u.A}`)).toMatchObject({
      Rep__c: u.A,
      Opp_To_Win__c: 0.5,
      Speed_To_Lead_Hours__c: 2,
    });
    expect(records.find((r) => r.Key__c === `funnel|FY2026-Q1|campaign|${campaigns.C1}`)).toMatchObject({
      Dimension_Name__c: 'Spring Webinar',
      Won_Amount__c: 20000,
    });
    expect(records.find((r) => r.Key__c === 'funnel|FY2026-Q1|source|(none)')).toMatchObject({
      Dimension_Key__c: null,
      Leads__c: 1,
    });
    for (const r of records) expect(FunnelRecord.safeParse(r).success).toBe(true);
  });

  it('writes nothing for an org without leads', () => {
    const empty = createOrgSnapshot({ ...smallOrg(), ...NO_REVOPS_RECORDS });
    expect(funnelRecords(funnelReport(empty, { period, asOf }), { runId: 'run-1' })).toEqual([]);
  });

  it('writes the org row and one per segment', () => {
    const report = revenueRetention(snapshot, { period, asOf, segmentField: 'industry', grossMargin: 0.8 });
    const records = retentionRecords(report, { runId: 'run-1' });
    expect(records.map((r) => [r.Key__c, r.Is_Total__c, r.GRR__c])).toEqual([
      ['retention|FY2026-Q1|org', true, 0.4689],
      ['retention|FY2026-Q1|industry|Technology', false, 0.8366],
      ['retention|FY2026-Q1|industry|Retail', false, 0],
    ]);
    expect(records[0]).toMatchObject({ Base_Period_Label__c: 'FY2025-Q1', Prior_Bookings__c: 68250, CLV__c: 21086.9 });
    for (const r of records) expect(RetentionRecord.safeParse(r).success).toBe(true);
  });
});
