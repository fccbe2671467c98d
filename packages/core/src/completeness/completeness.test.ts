import { describe, expect, it } from 'vitest';
import { createOrgSnapshot, emptyOrgDataRecords, type OrgData } from '../snapshot/index.js';
import { smallOrg, users } from '../testing/smallOrg.js';
import { DATA_GAP_AFFECTS, dataGaps } from './dataGaps.js';
import { loginVisibility } from './loginVisibility.js';

const full = createOrgSnapshot(smallOrg());
const hierarchy = { users: full.data.users, roles: full.data.userRoles };
const q1 = full.calendar.periodByLabel('FY2026-Q1')!;
const codes = (data: OrgData, asOf = '2026-03-15', period = q1) =>
  dataGaps(createOrgSnapshot(data), { period, asOf }).map((g) => g.code);

describe('dataGaps', () => {
  it('finds nothing missing in the complete hand-built org', () => {
    expect(dataGaps(full, { period: q1, asOf: '2026-03-15' })).toEqual([]);
  });

  it('names a missing OpportunityHistory and OpportunityStage with the figures they cost', () => {
    const data = smallOrg();
    const gaps = dataGaps(
      createOrgSnapshot({
        ...data,
        opportunityHistory: emptyOrgDataRecords('opportunityHistory') as OrgData['opportunityHistory'],
        opportunityStages: [],
      }),
      { period: q1, asOf: '2026-03-15' },
    );
    expect(gaps.map((g) => g.code)).toEqual(['NO_OPPORTUNITY_HISTORY', 'NO_OPPORTUNITY_STAGE']);
    expect(gaps[0]?.affects).toEqual(expect.arrayContaining(['backtests', 'stageHistory', 'STALE_STAGE', 'slipped']));
    expect(gaps[1]?.affects).toBe(DATA_GAP_AFFECTS.NO_OPPORTUNITY_STAGE);
  });

  it('tells no quotas at all from no quota starting in the period', () => {
    expect(codes({ ...smallOrg(), forecastingQuotas: [], salesOpsQuotas: [] })).toEqual(['NO_QUOTAS']);
    // The hand-built quotas are monthly in FY2026-Q1 only (Jan–Mar 2026): none starts in FY2027-Q1.
    const later = full.calendar.periodByLabel('FY2027-Q1')!;
    expect(codes(smallOrg(), '2026-03-15', later)).toEqual(['NO_QUOTAS_IN_PERIOD']);
  });

  it('hints when the as-of date is more than one period after the data', () => {
    // The last date in the data is 2026-03-20 (F1 created, A4 closed); FY2026-Q1 has 90 days.
    expect(codes(smallOrg(), '2026-06-18')).toEqual([]); // 90 days after: not more than one period
    const gaps = dataGaps(full, { period: q1, asOf: '2026-06-19' });
    expect(gaps).toEqual([
      { code: 'AS_OF_AFTER_DATA', affects: DATA_GAP_AFFECTS.AS_OF_AFTER_DATA, lastDataDate: '2026-03-20' },
    ]);
  });
});

describe('loginVisibility', () => {
  it('treats View All Data and the top of the role hierarchy as the whole org', () => {
    expect(loginVisibility(hierarchy, { userId: users.A, name: 'Ann A', viewAllData: true })).toMatchObject({
      full: true,
      hiddenUsers: 0,
    });
    expect(loginVisibility(hierarchy, { userId: users.vp, name: 'Vera VP', viewAllData: false })).toMatchObject({
      full: true,
      role: 'VP Sales',
      visibleUsers: 8,
    });
  });

  it('counts what a manager and a rep cannot see', () => {
    // Max East (Manager East) sees himself and A, B in Rep East: 3 of 8 users.
    expect(loginVisibility(hierarchy, { userId: users.mgrEast, name: 'Max East', viewAllData: false })).toEqual({
      full: false,
      name: 'Max East',
      role: 'Manager East',
      visibleUsers: 3,
      hiddenUsers: 5,
    });
    // A rep in a leaf role sees only herself (B shares the role, not a role below); a 15-character Id matches.
    expect(
      loginVisibility(hierarchy, { userId: users.A.slice(0, 15), name: 'Ann A', viewAllData: null }),
    ).toMatchObject({ full: false, role: 'Rep East', visibleUsers: 1, hiddenUsers: 7 });
  });
});
