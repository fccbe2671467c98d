import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../calendar/index.js';
import { createRecordParser, readSchemas, type ReadObjectName } from '../model/index.js';
import { createDealHistory, dealHistoryRows, type DealHistory } from './dealState.js';
import { createLocalDateOf } from './localDateOf.js';
import { createOrgSnapshot } from './orgSnapshot.js';
import { NO_REVOPS_RECORDS, type OrgData } from './orgData.js';
import { OpportunityHistoryTable } from './opportunityHistoryTable.js';

// A tiny org written as CSV strings, parsed like a --data-dir load.
const rows = <N extends ReadObjectName>(sobject: N, header: string, ...lines: string[]) => {
  const parse = createRecordParser(sobject, readSchemas[sobject]);
  const cols = header.split(',');
  return lines.map((l) => parse(Object.fromEntries(l.split(',').map((v, i) => [cols[i], v]))));
};
const U = (n: number) => `0050000000000${n}0AAA`;
const R = (n: number) => `00E0000000000${n}0AAA`;
const O = (n: number) => `0060000000000${n}0AAA`;
const T = (n: number) => `0MI0000000000${n}0AAA`;
const A = (n: number) => `0010000000000${n}0AAA`;

const data: OrgData = {
  organization: rows(
    'Organization',
    'Id,TimeZoneSidKey,FiscalYearStartMonth,UsesStartDateAsFiscalYearName,DefaultCurrencyIsoCode',
    '00D000000000001AAA,America/New_York,1,false,USD',
  )[0]!,
  fiscalYearSettings: [],
  periods: [],
  userRoles: rows(
    'UserRole',
    'Id,Name,ParentRoleId',
    `${R(1)},VP,`,
    `${R(2)},Manager East,${R(1)}`,
    `${R(3)},Rep East,${R(2)}`,
    `${R(4)},Manager West,${R(1)}`,
  ),
  users: rows(
    'User',
    'Id,Name,IsActive,UserRoleId',
    `${U(1)},Vera VP,true,${R(1)}`,
    `${U(2)},Ed Rep,true,${R(3)}`,
    `${U(3)},Wes Left,false,${R(4)}`,
  ),
  opportunities: rows(
    'Opportunity',
    'Id,OwnerId,AccountId,Amount,StageName,CloseDate,CreatedDate,IsClosed,IsWon,CurrencyIsoCode',
    `${O(1)},${U(2)},${A(1)},100,Prospecting,2026-03-31,2026-01-10T15:00:00.000Z,false,false,EUR`,
    `${O(2)},${U(2)},${A(1)},,Closed Won,2026-02-15,2026-01-11T15:00:00.000Z,true,true,USD`,
  ),
  opportunityHistory: OpportunityHistoryTable.of(
    rows(
      'OpportunityHistory',
      'OpportunityId,CreatedDate,StageName,Amount',
      // out of order on purpose, and one row of a deal not in the data
      `${O(1)},2026-02-01T15:00:00.000Z,Prospecting,100`,
      `${O(1)},2026-01-10T15:00:00.000Z,Prospecting,50`,
      `${O(9)},2026-01-10T15:00:00.000Z,Prospecting,50`,
    ),
  ),
  opportunityStages: rows(
    'OpportunityStage',
    'MasterLabel,SortOrder,IsClosed,IsWon',
    'Prospecting,1,false,false',
    'Closed Won,2,true,true',
  ),
  opportunityLineItems: [],
  products: [],
  forecastingTypes: rows(
    'ForecastingType',
    'Id,DeveloperName,IsActive,IsAmount',
    '0Db000000000001AAA,OpportunityRevenue,true,true',
    '0Db000000000002AAA,OpportunityQuantity,true,false',
  ),
  forecastingQuotas: rows(
    'ForecastingQuota',
    'QuotaOwnerId,StartDate,QuotaAmount,ForecastingTypeId,Territory2Id,ProductFamily',
    `${U(2)},2026-01-01,1000,0Db000000000001AAA,,`,
    `${U(2)},2026-01-01,5,0Db000000000002AAA,,`, // quantity type: ignored
    `${U(2)},2026-01-01,300,0Db000000000001AAA,,Hardware`, // product family: ignored
    `${U(2)},2026-01-01,700,0Db000000000001AAA,${T(1)},`, // territory quota
  ),
  salesOpsQuotas: [],
  territoryModels: rows(
    'Territory2Model',
    'Id,Name,State',
    '0MA000000000001AAA,FY26,Active',
    '0MA000000000002AAA,Old,Archived',
  ),
  territories: rows(
    'Territory2',
    'Id,Name,Territory2ModelId',
    `${T(1)},East,0MA000000000001AAA`,
    `${T(2)},Old East,0MA000000000002AAA`,
  ),
  userTerritories: rows(
    'UserTerritory2Association',
    'UserId,Territory2Id,IsActive',
    `${U(2)},${T(1)},true`,
    `${U(2)},${T(2)},true`,
  ),
  accountTerritories: rows(
    'ObjectTerritory2Association',
    'ObjectId,Territory2Id',
    `${A(1)},${T(1)}`,
    `${A(1)},${T(2)}`,
  ),
  accounts: rows('Account', 'Id,Name', `${A(1)},Acme`),
  currencyTypes: rows('CurrencyType', 'IsoCode,ConversionRate,IsCorporate', 'USD,1,true', 'EUR,0.8,false'),
  datedConversionRates: [],
  ...NO_REVOPS_RECORDS,
};

describe('createOrgSnapshot', () => {
  const s = createOrgSnapshot(data);

  it('indexes role subtrees', () => {
    expect([...s.roleSubtree(R(2))].sort()).toEqual([R(2), R(3)].sort());
    expect(s.roleSubtree(R(1)).size).toBe(4);
  });

  it('orders history and drops rows of unknown deals with a warning', () => {
    expect(dealHistoryRows(s.historyByOpportunity.get(O(1))!).map((h) => h.Amount)).toEqual([50, 100]);
    expect(s.warnings.join()).toMatch(/1 OpportunityHistory rows belong to deals not in the data/);
    expect(s.dealAsOf(s.opportunitiesById.get(O(1))!, '2026-01-20')?.Amount).toBe(50);
    expect(s.dealAsOf(s.opportunitiesById.get(O(2))!, '2026-01-10')).toBeNull();
  });

  it('keeps amount quotas of the active amount type; territory quotas apart', () => {
    expect(s.quotaSource).toBe('ForecastingQuota');
    expect(s.repQuotas.get(U(2))?.map((q) => q.QuotaAmount)).toEqual([1000]);
    expect(s.territoryQuotas.get(T(1))?.map((q) => q.QuotaAmount)).toEqual([700]);
  });

  it('uses only the active territory model', () => {
    expect([...s.territoriesById.keys()]).toEqual([T(1)]);
    expect(s.territoriesByAccount.get(A(1))).toEqual([T(1)]);
    expect(s.userTerritoriesByUser.get(U(2))).toHaveLength(1);
  });

  it('converts to the corporate currency', () => {
    expect(s.corporateCurrency).toBe('USD');
    expect(s.toCorporate(100, 'EUR', '2026-03-31')).toBe(125);
  });
});

describe('createOrgSnapshot history index', () => {
  // Deals (some sharing an Id) and history rows in any order, split into runs, with rows of unknown deals.
  const org = fc.record({
    deals: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
    history: fc.array(
      fc.record({
        deal: fc.integer({ min: 1, max: 8 }),
        day: fc.integer({ min: 1, max: 28 }),
        stage: fc.constantFrom('Prospecting', 'Closed Won', 'Renamed'),
      }),
      { maxLength: 30 },
    ),
  });

  it('gives each deal its rows in change order, as a plain grouping does, whatever the order of the rows', () => {
    fc.assert(
      fc.property(org, ({ deals, history }) => {
        const opportunities = deals.map((n) => ({ ...data.opportunities[0]!, Id: O(n) }));
        const opportunityHistory = history.map(({ deal, day, stage }) => ({
          ...data.opportunityHistory.row(0),
          OpportunityId: O(deal),
          CreatedDate: `2026-01-${String(day).padStart(2, '0')}T15:00:00.000Z`,
          StageName: stage,
        }));
        const s = createOrgSnapshot({
          ...data,
          opportunities,
          opportunityHistory: OpportunityHistoryTable.of(opportunityHistory),
        });

        // The reference: rows grouped by deal in order of first appearance, sorted stably by CreatedDate.
        const known = new Set(opportunities.map((o) => o.Id));
        const grouped = new Map<string, typeof opportunityHistory>();
        for (const h of opportunityHistory) {
          if (known.has(h.OpportunityId)) grouped.set(h.OpportunityId, [...(grouped.get(h.OpportunityId) ?? []), h]);
        }
        const stageIndex = new Map(s.stageOrder.map((st, i) => [st.MasterLabel, i]));
        const localDateOf = createLocalDateOf(s.timeZone);
        const expected = [...grouped].map(([id, rows]) => {
          const sorted = [...rows].sort((a, b) =>
            a.CreatedDate < b.CreatedDate ? -1 : a.CreatedDate > b.CreatedDate ? 1 : 0,
          );
          const history = createDealHistory(sorted, localDateOf, stageIndex);
          return [id, { rows: sorted, days: history.days, stages: history.stages }] as const;
        });
        const view = (h: DealHistory) => ({ rows: dealHistoryRows(h), days: h.days, stages: h.stages });
        expect([...s.historyByOpportunity].map(([id, h]) => [id, view(h)])).toEqual(expected);
        expect(s.deals.map((d) => d.history)).toEqual(opportunities.map((o) => s.historyByOpportunity.get(o.Id)));
        expect([...s.opportunitiesById]).toEqual([...new Map(opportunities.map((o) => [o.Id, o]))]);
        expect(s.deals.map((d) => d.createdDay)).toEqual(opportunities.map((o) => dayNumber(s.createdOn.get(o.Id)!)));
        const orphans = opportunityHistory.filter((h) => !known.has(h.OpportunityId)).length;
        expect(s.warnings.some((w) => w.startsWith(`${orphans} OpportunityHistory rows`))).toBe(orphans > 0);
        const renamed = opportunityHistory.some((h) => h.StageName === 'Renamed');
        expect(s.warnings.some((w) => w.includes('Renamed'))).toBe(renamed);
      }),
      { numRuns: 300 },
    );
  });
});
