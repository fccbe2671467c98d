import { describe, expect, it } from 'vitest';
import { createRecordParser, readSchemas } from '../model/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { accounts, smallOrg, territories, users } from '../testing/smallOrg.js';
import { TerritoryFieldError } from './territoryAssignment.js';
import { territoryCoverage } from './territoryCoverage.js';

const data = smallOrg();
const snapshot = createOrgSnapshot(data);
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const asOf = '2026-03-15';

describe('territoryCoverage on the hand-built org', () => {
  const report = territoryCoverage(snapshot, { period, asOf });
  const row = (id: string) => report.territories.find((t) => t.territoryId === id)!;

  it('attributes deals by Opportunity.Territory2Id, else the account territory, and splits rep quotas', () => {
    expect(report.quotaSource).toBe('split-rep-quota');
    // East: A 30,000 + B 60,000 + C 45,000 / 2 (C covers East and West) = 112,500.
    // Won in Q1: A1 6,000 + A3 9,000 + A5 2,000 + B1 10,000 = 27,000.
    // Open in Q1: A4 7,000 + B2 0 + C3 30,000 (Territory2Id East, though its account is in West).
    const east = row(territories.east);
    expect(east).toMatchObject({ accounts: 2, reps: 3, coveredAccounts: 2, whitespaceAccounts: 0 });
    expect([east.quota, east.closedWon, east.openPipeline, east.potential]).toEqual([112500, 27000, 37000, 4000000]);
    expect(east.coverage).toBeCloseTo(37000 / (112500 - 27000), 10);
    // West: C 22,500; won C4 15,000 + D1 3,000; nothing open → coverage 0 / 4,500 = 0.
    // Covered: acc3 has an open deal (C3, attributed to East); acc5's last activity 2026-01-20 is within 90 days.
    const west = row(territories.west);
    expect(west).toMatchObject({
      accounts: 2,
      reps: 2,
      coveredAccounts: 2,
      quota: 22500,
      closedWon: 18000,
      openPipeline: 0,
      coverage: 0,
      potential: 2800000,
    });
    // Empty: one account, never active, no rep.
    expect(row(territories.empty)).toMatchObject({
      accounts: 1,
      reps: 0,
      coveredAccounts: 0,
      whitespaceAccounts: 1,
      quota: null,
      coverage: null,
      potential: 500000,
    });
    // B4's account (acc4) has no territory: unassigned.
    expect(report.unassigned).toEqual({ openPipeline: 7500, closedWon: 0 });
    // The archived model's territory is not reported.
    // Parents first, siblings by name.
    expect(report.territories.map((t) => [t.name, t.depth])).toEqual([
      ['Global', 1],
      ['East', 2],
      ['Empty', 2],
      ['West', 2],
    ]);
  });

  it('rolls the children up into their parent and ties the totals out to the org', () => {
    // Global has no account of its own: East + West + Empty. Reps A, B, C (East) and C, D (West) → 4.
    // Quota 112,500 + 22,500 (the split rep quotas add up: A 30,000 + B 60,000 + C 45,000 = 135,000).
    const global = row(territories.global);
    expect(global).toMatchObject({
      parentId: null,
      accounts: 5,
      reps: 4,
      coveredAccounts: 4,
      whitespaceAccounts: 1,
      quota: 135000,
      closedWon: 45000,
      openPipeline: 37000,
      potential: 7300000,
    });
    expect(global.coverage).toBeCloseTo(37000 / (135000 - 45000), 10);
    expect(row(territories.east).parentId).toBe(territories.global);
    // The totals row is Global's (the only top-level territory).
    expect(report.totals).toEqual({
      accounts: 5,
      coveredAccounts: 4,
      whitespaceAccounts: 1,
      potential: 7300000,
      quota: 135000,
      closedWon: 45000,
      openPipeline: 37000,
    });
    // The org also has Drift (acc4: no territory, potential null → 0, covered by B4's open 7,500, which no
    // territory gets).
    expect(report.reconciliation).toEqual({
      org: {
        accounts: 6,
        coveredAccounts: 5,
        whitespaceAccounts: 1,
        potential: 7300000,
        quota: 135000,
        closedWon: 45000,
        openPipeline: 44500,
      },
      rowsSum: report.totals,
      difference: {
        accounts: 1,
        coveredAccounts: 1,
        whitespaceAccounts: 0,
        potential: 0,
        quota: 0,
        closedWon: 0,
        openPipeline: 7500,
      },
      reasons: ['NESTED_ROWS', 'UNASSIGNED_DEALS', 'ACCOUNTS_WITHOUT_TERRITORY'],
    });
  });

  it('measures balance and lists the gaps', () => {
    // Potential per rep: East 4,000,000 / 3, West 2,800,000 / 2 → Gini = |b − a| / (2 (a + b)) = 1/82.
    expect(report.balance.potentialPerRep).toBeCloseTo(1 / 82, 10);
    // Accounts per rep: East 2/3, West 1 → (1/3) / (2 · 5/3) = 0.1.
    expect(report.balance.accountsPerRep).toBeCloseTo(0.1, 10);
    expect(report.gaps.territoriesWithoutRep).toEqual([{ id: territories.empty, name: 'Empty' }]);
    expect(report.gaps.accountsWithoutTerritory).toEqual([{ id: accounts.acc4, name: 'Drift' }]);
    expect(report.gaps.repsWithoutTerritory).toEqual([]);
  });

  it('uses territory quotas when the org has them', () => {
    const parse = createRecordParser('ForecastingQuota', readSchemas.ForecastingQuota);
    const typeId = data.forecastingTypes[0]!.Id;
    const withTerritoryQuotas = createOrgSnapshot({
      ...data,
      forecastingQuotas: [
        ...data.forecastingQuotas,
        ...['2026-01-01', '2026-02-01', '2026-03-01'].map((StartDate) =>
          parse({
            StartDate,
            QuotaAmount: '40000',
            ForecastingTypeId: typeId,
            Territory2Id: territories.east,
            CurrencyIsoCode: 'USD',
          }),
        ),
      ],
    });
    const r = territoryCoverage(withTerritoryQuotas, { period, asOf });
    expect(r.quotaSource).toBe('territory');
    expect(r.territories.find((t) => t.territoryId === territories.east)?.quota).toBe(120000);
    expect(r.territories.find((t) => t.territoryId === territories.west)?.quota).toBeNull();
  });

  it('falls back to an Account field with account owners as reps, and names a bad field', () => {
    const r = territoryCoverage(snapshot, { period, asOf, territoryField: 'BillingCountry' });
    expect(r.mode).toBe('account-field');
    // US: acc1 (owner A), acc2 (B), acc4 (B); CA: acc3 (C), acc5 (D); MX: acc6 (the VP).
    expect(r.territories.map((t) => [t.name, t.accounts, t.reps])).toEqual([
      ['CA', 2, 2],
      ['MX', 1, 1],
      ['US', 3, 2],
    ]);
    // US deals: A1, A3, A5, B1 won (27,000); A4, B2, B4 open (14,500). C3 is on acc3 → CA.
    expect(r.territories.find((t) => t.name === 'US')).toMatchObject({
      closedWon: 27000,
      openPipeline: 14500,
      quota: 90000,
    });
    expect(r.territories.find((t) => t.name === 'CA')).toMatchObject({
      closedWon: 18000,
      openPipeline: 30000,
      quota: 45000,
    });
    expect(() => territoryCoverage(snapshot, { period, asOf, territoryField: 'Region__c' })).toThrow(
      TerritoryFieldError,
    );
    expect(() => territoryCoverage(snapshot, { period, asOf, territoryField: 'Region__c' })).toThrow(/BillingCountry/);
  });

  it('reports an active rep with quota and no territory as a gap', () => {
    const r = territoryCoverage(
      createOrgSnapshot({ ...data, userTerritories: data.userTerritories.filter((a) => a.UserId !== users.A) }),
      { period, asOf },
    );
    expect(r.gaps.repsWithoutTerritory).toEqual([{ id: users.A, name: 'Ann A' }]);
  });
});
