import { describe, expect, it } from 'vitest';
import { createOrgSnapshot, NO_REVOPS_RECORDS } from '../snapshot/index.js';
import { campaigns, queue, revopsOrg } from '../testing/revopsOrg.js';
import { smallOrg, users as u } from '../testing/smallOrg.js';
import { funnelReport } from './funnelReport.js';
import { parseRevOpsPlan, RevOpsPlanError } from './revopsPlan.js';

// Every figure is worked out by hand from the tables in testing/revopsOrg.ts.
const asOf = '2026-03-20';
const snapshot = createOrgSnapshot(revopsOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const report = funnelReport(snapshot, {
  period,
  asOf,
  plan: parseRevOpsPlan({ salesCost: [{ period: 'FY2026', amount: 120000 }] }),
});
const funnel = report.funnel!;
const pick = <T extends { key: string | null }>(rows: readonly T[], key: string | null) =>
  rows.find((r) => r.key === key);

describe('lead funnel', () => {
  it('counts the leads of the period as of the date, their conversions, opportunities and wins', () => {
    // L1-L8 and L12 (L9, L11 earlier, L10 after the as-of date). Converted by the as-of date: L1, L2, L4, L5, L12 (L7
    // converts on 03-25). Opportunities: O1, O2, O3, O6 (L4 converted without one). Won: O1 10,000 and O3 8,000 EUR
    // = 10,000 USD; lost: O2; O6 was won on 02-20 but reopened on 03-01, so it is open.
    expect(funnel.totals).toMatchObject({
      leads: 9,
      cohortConverted: 5,
      opportunities: 4,
      won: 2,
      lost: 1,
      wonAmount: 20000,
      leadToOpp: 5 / 9,
      oppToWin: 2 / 3,
    });
    // Converted in the period, whenever created: L1 01-20, L2 02-01, L4 02-10, L5 03-01, L9 01-08, L12 02-06.
    expect(funnel.totals.converted).toBe(6);
  });

  it('splits by owner, the queue and the rep who left included, and the rows add up', () => {
    expect(pick(funnel.byRep, u.A)).toMatchObject({
      name: 'Ann A',
      leads: 3,
      converted: 2,
      cohortConverted: 2,
      opportunities: 2,
      won: 1,
      lost: 1,
      wonAmount: 10000,
      oppToWin: 0.5,
    });
    expect(pick(funnel.byRep, u.B)).toMatchObject({
      leads: 3,
      converted: 2,
      cohortConverted: 2,
      opportunities: 1,
      won: 1,
      wonAmount: 10000,
      oppToWin: 1,
    });
    // Cy: L12 (its deal open: no win rate) and L9's conversion in the period.
    expect(pick(funnel.byRep, u.C)).toMatchObject({
      leads: 1,
      converted: 2,
      cohortConverted: 1,
      opportunities: 1,
      oppToWin: null,
    });
    expect(pick(funnel.byRep, u.E)).toMatchObject({ name: 'Eve E', leads: 1, converted: 0, cohortConverted: 0 });
    expect(pick(funnel.byRep, queue)).toMatchObject({ leads: 1, leadToOpp: 0 });
    for (const rows of [funnel.byRep, funnel.bySource, funnel.byCohort]) {
      expect(rows.reduce((s, r) => s + r.leads, 0)).toBe(9);
      expect(rows.reduce((s, r) => s + r.converted, 0)).toBe(6);
      expect(rows.reduce((s, r) => s + r.wonAmount, 0)).toBe(20000);
    }
  });

  it('splits by source (no source last), campaign and creation month', () => {
    expect(funnel.bySource.map((r) => [r.key, r.leads])).toEqual([
      ['Web', 6],
      ['Partner Referral', 1],
      ['Trade Show', 1],
      [null, 1],
    ]);
    // C1: L1, L2, L5 created in the period, L9 converted in it; C2: L2, L3; no campaign: L4, L6, L7, L8, L12.
    expect(pick(funnel.byCampaign, campaigns.C1)).toMatchObject({
      name: 'Spring Webinar',
      leads: 3,
      converted: 4,
      won: 2,
    });
    expect(pick(funnel.byCampaign, campaigns.C2)).toMatchObject({ leads: 2, converted: 1, lost: 1 });
    expect(pick(funnel.byCampaign, null)).toMatchObject({ leads: 5, converted: 2 });
    // L2 is in both campaigns: the campaign rows hold one lead and one conversion more than the total.
    expect(report.reconciliation).toEqual(
      expect.arrayContaining([
        { rows: 'byCampaign', figure: 'leads', difference: 1, reason: 'LEADS_IN_SEVERAL_CAMPAIGNS' },
        { rows: 'byCampaign', figure: 'converted', difference: 1, reason: 'LEADS_IN_SEVERAL_CAMPAIGNS' },
      ]),
    );
    // Cohorts by creation month; L9's conversion sits in its own month, December 2025, with no leads of the period.
    expect(funnel.byCohort.map((r) => [r.name, r.leads, r.converted])).toEqual([
      ['FY2025-M12', 0, 1],
      ['FY2026-M1', 4, 3],
      ['FY2026-M2', 3, 2],
      ['FY2026-M3', 2, 0],
    ]);
  });
});

describe('speed to lead', () => {
  it('takes the median hours to the first task, event or status change, per owner and over all leads', () => {
    const speed = report.speedToLead!;
    // Ann: L1 2 h (task before the status change), L2 24 h (event), L3 1.5 h (the earlier task predates the lead).
    expect(speed.byOwner.find((r) => r.ownerId === u.A)).toMatchObject({ leads: 3, touched: 3, medianHours: 2 });
    // Bob: L5 6 h; L4 untouched, L6's task comes after the as-of date.
    expect(speed.byOwner.find((r) => r.ownerId === u.B)).toMatchObject({ leads: 3, touched: 1, medianHours: 6 });
    // Cy: the owner change is no touch; the task 4 h after creation is.
    expect(speed.byOwner.find((r) => r.ownerId === u.C)).toMatchObject({ medianHours: 4 });
    expect(speed.byOwner[0]).toMatchObject({ ownerId: queue, touched: 0, medianHours: null });
    // 1.5, 2, 3, 4, 6, 24: the median is (3 + 4) / 2.
    expect(speed.totals).toMatchObject({ leads: 9, touched: 6, medianHours: 3.5 });
  });
});

describe('lead distribution', () => {
  it('measures the Gini of leads and conversions over the active reps and names the furthest from fair', () => {
    const d = report.distribution!;
    // Pool: Ann, Bob, Cy (L9 in the year before), Dee (L11 in June 2025, none this quarter); Eve has left.
    // Leads 3, 3, 1, 0: fair share 7 / 4 = 1.75; Gini of 0, 1, 3, 3 = 2 · 23 / (4 · 7) − 5 / 4 = 11 / 28.
    expect(d.fairShare).toBe(1.75);
    expect(d.leadsGini).toBeCloseTo(11 / 28, 12);
    // Converted 2, 2, 1, 0: 2 · 16 / (4 · 5) − 5 / 4 = 0.35.
    expect(d.convertedGini).toBeCloseTo(0.35, 12);
    expect(d.furthestFromFair.map((r) => [r.name, r.deviation])).toEqual([
      ['Dee D', -1.75],
      ['Ann A', 1.25],
      ['Bob B', 1.25],
    ]);
    expect([d.queueLeads, d.inactiveOwnerLeads]).toEqual([1, 1]);
  });
});

describe('marketing contribution and CAC', () => {
  it('sums sourced pipeline and bookings, by source', () => {
    const m = report.marketing;
    // Created in the period: O1 10,000, O2 5,000, O3 10,000, O5 4,000, O6 6,000 (marketing's: campaign or Web) and
    // N1 12,000, N2 3,000, N4 30,000, N5 5,000 (no source) = 85,000.
    expect([m.sourcedPipeline, m.totalPipeline]).toEqual([35000, 85000]);
    // Won in the period: O1, O3 (marketing's) and N1, N2, N3 15,000, N5; O6 and N4 were reopened.
    expect([m.sourcedBookings, m.totalBookings]).toEqual([20000, 55000]);
    expect(m.bySource).toEqual([
      { source: 'Web', marketing: true, pipeline: 25000, bookings: 10000 },
      { source: null, marketing: false, pipeline: 60000, bookings: 45000 },
    ]);
  });

  it('gives each running campaign its ROI, null for a zero or missing cost', () => {
    // C3 ended in 2025. C1: won O1 + O3 = 20,000 over 5,000; C2 cost 0; C4 no cost recorded.
    expect(
      report.marketing.campaigns.map((c) => [c.name, c.leads, c.opportunities, c.openPipeline, c.wonAmount, c.roi]),
    ).toEqual([
      ['Spring Webinar', 4, 3, 0, 20000, 4],
      ['Q1 Ads', 0, 0, 0, 0, null],
      ['Trade Show Feb', 2, 1, 6000, 0, null],
    ]);
  });

  it('divides campaign and sales cost by the customers won for the first time', () => {
    // Campaigns started in the quarter: C1 5,000, C2 0, C4 without cost. Sales cost: 120,000 for FY2026 (365 days),
    // 90 days of it in Q1. New customers: R4 (O3); the others first won in 2025.
    const sales = (120000 * 90) / 365;
    expect(report.cac).toMatchObject({ marketingCost: 5000, campaignsWithoutCost: 1, newCustomers: 1 });
    expect(report.cac!.salesCost).toBeCloseTo(sales, 9);
    expect(report.cac!.cac).toBeCloseTo(5000 + sales, 9);
  });

  it('leaves CAC out without a plan covering the period, and says so', () => {
    const partial = funnelReport(snapshot, {
      period,
      asOf,
      plan: parseRevOpsPlan({ salesCost: [{ period: 'FY2026-M1', amount: 1 }] }),
    });
    expect(partial.cac?.cac).toBeNull();
    expect(partial.gaps.map((g) => g.code)).toEqual(['NO_SALES_COST']);
    expect(funnelReport(snapshot, { period, asOf }).cac?.salesCost).toBeNull();
  });
});

describe('data completeness', () => {
  it('computes nothing from an org without leads or campaigns and names what is missing', () => {
    const empty = funnelReport(createOrgSnapshot({ ...smallOrg(), ...NO_REVOPS_RECORDS }), { period, asOf });
    expect([empty.funnel, empty.speedToLead, empty.distribution, empty.cac]).toEqual([null, null, null, null]);
    expect(empty.gaps.map((g) => g.code)).toEqual(['NO_LEADS', 'NO_CAMPAIGNS', 'NO_SALES_COST']);
  });

  it('leaves speed to lead out when no activity is recorded', () => {
    const quiet = funnelReport(createOrgSnapshot({ ...revopsOrg(), tasks: [], events: [], leadHistory: [] }), {
      period,
      asOf,
    });
    expect(quiet.speedToLead).toBeNull();
    expect(quiet.funnel?.totals.leads).toBe(9);
    expect(quiet.gaps[0]).toEqual({ code: 'NO_LEAD_ACTIVITY', affects: ['speedToLead'] });
  });
});

describe('revenue-operations plan', () => {
  it('names every bad field, with its line when the reader knows it', () => {
    const bad = () =>
      parseRevOpsPlan({ grossMargin: 78, salesCost: [{ period: 'Q4', amount: -1 }] }, 'plan.yaml', (p) =>
        p[0] === 'grossMargin' ? 3 : undefined,
      );
    expect(bad).toThrow(RevOpsPlanError);
    expect(bad).toThrow(/plan\.yaml is not a valid revenue-operations plan/);
    expect(bad).toThrow(/line 3, grossMargin: a gross margin is a fraction up to 1/);
    expect(bad).toThrow(/salesCost\[0\]\.period: expected a fiscal period label such as FY2026-Q4/);
    expect(bad).toThrow(/salesCost\[0\]\.amount: a cost is 0 or more/);
  });
});
