/**
 * A hand-built org for the engine's tests: every expected figure in the tests is worked out by hand from the
 * table below, with the arithmetic in comments beside the assertion.
 *
 * Org: America/New_York, calendar fiscal year (FY2026 = 2026), USD corporate, EUR at 0.8 EUR per USD.
 * Roles: VP → Manager East → Rep East (A, B); VP → Manager West → Rep West (C, D, E).
 * Reps: A (quota 10,000/month), B (20,000/month), C (15,000/month), D (no quota), E (left: inactive).
 * Territories (active model): Global → East (acc1, acc2; reps A, B, C), West (acc3, acc5; reps C, D, E-inactive),
 * Empty (acc6, no rep). acc4 has no territory. An archived model holds acc1 and A, and must be ignored.
 * Stages: Prospecting 1 (10 %), Qualification 2 (20 %), Proposal 3 (60 %, Best Case), Negotiation 4 (80 %,
 * Commit), Closed Won 5, Closed Lost 6.
 *
 * Deals (history rows at 15:00Z = 10:00 local unless noted):
 * | deal | owner | account | created | history (stage amount close) |
 * | A1 | A | acc1 | 2025-12-01 | Prospecting 5000 02-15; 01-10 Proposal; 02-10 Won 6000 02-10 |
 * | A2 | A | acc1 | 2026-01-05 | Prospecting 4000 03-20; 02-01 Lost 02-01 |
 * | A3 | A | acc2 | 2025-11-01 | Qualification 10000 12-31; 12-20 Lost; 2026-01-15 reopened Negotiation 03-31; 03-10 Won 9000 |
 * | A4 | A | acc2 | 2026-02-01 | Proposal 7000 03-31 (Commit); 03-20 Won (after the as-of date) |
 * | A5 | A | acc1 | 2026-01-20 | no history rows; record Won 2000 03-05 |
 * | F1 | A | acc1 | 2026-03-20 | created after the as-of date |
 * | B1 | B | acc2 | 2026-01-02 | EUR: Prospecting 8000 03-01; 02-10 Negotiation; 02-20 Won 02-20 |
 * | B2 | B | acc1 | 2026-02-10 | Prospecting, null amount, close 03-10 (past) |
 * | B3 | B | acc2 | 2026-01-20 | Proposal 12000 02-28; 02-25 push 03-15; 03-01 push 05-15 and cut to 8000 |
 * | B4 | B | acc4 | 2026-01-08 | Negotiation 5000 03-30; 03-12 14:00Z 8000; 03-12 20:00Z prob 40; 03-16 03:30Z (= 03-15 23:30 local) 7500 |
 * | C1 | C | acc3 | 2025-10-01 | Prospecting 20000 12-15; 11-25 Negotiation; 12-10 Won |
 * | C2 | C | acc3 | 2025-10-15 | Prospecting 10000 11-30; 11-20 Lost |
 * | C3 | C | acc3 | 2025-12-01 | Qualification 30000 03-31, Territory2Id = East (overrides the account's West) |
 * | C4 | C | acc3 | 2026-02-05 | Prospecting 15000 02-28; 02-15 Proposal; 02-25 Won |
 * | D1 | D | acc3 | 2026-01-15 | Prospecting 3000 02-27; 02-20 Negotiation; 02-27 Won |
 * | E1 | E | acc3 | 2025-09-01 | Prospecting 5000 11-15; 10-01 Proposal; 11-10 Won |
 *
 * Line items: A1 Licence 4 × = 4,000 + Onboarding 1 × = 2,000; B1 Licence 8,000 EUR; A4 Licence 7,000; C1 Onboarding
 * 20,000 (Licence is Software, Onboarding is Services).
 */
import { createRecordParser, readSchemas, type ReadObjectName } from '../model/index.js';
import { NO_REVOPS_RECORDS, OpportunityHistoryTable, type OrgData } from '../snapshot/index.js';

export const rows = <N extends ReadObjectName>(sobject: N, header: string, ...lines: string[]) => {
  const parse = createRecordParser(sobject, readSchemas[sobject]);
  const cols = header.split('|');
  return lines.map((l) => parse(Object.fromEntries(l.split('|').map((v, i) => [cols[i], v]))));
};

export const id = (prefix: string, n: number) => `${prefix}0000000000${String(n).padStart(2, '0')}AAA`;
export const users = {
  vp: id('005', 1),
  mgrEast: id('005', 2),
  mgrWest: id('005', 3),
  A: id('005', 4),
  B: id('005', 5),
  C: id('005', 6),
  D: id('005', 7),
  E: id('005', 8),
};
export const roles = {
  vp: id('00E', 1),
  mgrEast: id('00E', 2),
  repEast: id('00E', 3),
  mgrWest: id('00E', 4),
  repWest: id('00E', 5),
};
export const accounts = {
  acc1: id('001', 1),
  acc2: id('001', 2),
  acc3: id('001', 3),
  acc4: id('001', 4),
  acc5: id('001', 5),
  acc6: id('001', 6),
};
export const territories = {
  global: id('0MI', 1),
  east: id('0MI', 2),
  west: id('0MI', 3),
  empty: id('0MI', 4),
  old: id('0MI', 5),
};
const dealNames = [
  'A1',
  'A2',
  'A3',
  'A4',
  'A5',
  'F1',
  'B1',
  'B2',
  'B3',
  'B4',
  'C1',
  'C2',
  'C3',
  'C4',
  'D1',
  'E1',
] as const;
export const deals = Object.fromEntries(dealNames.map((n, i) => [n, id('006', i + 1)])) as Record<
  (typeof dealNames)[number],
  string
>;
export const products = { licence: id('01t', 1), services: id('01t', 2) };
const amountTypeId = id('0Db', 1);
const models = { active: id('0MA', 1), archived: id('0MA', 2) };

const u = users;
const d = deals;
const t = territories;
const a = accounts;
export const at = (date: string, time = '15:00') => `${date}T${time}:00.000Z`;

/** The small org as the readers would deliver it. */
export function smallOrg(): OrgData {
  return {
    organization: rows(
      'Organization',
      'Id|Name|TimeZoneSidKey|FiscalYearStartMonth|UsesStartDateAsFiscalYearName|DefaultCurrencyIsoCode',
      `${id('00D', 1)}|Small Org|America/New_York|1|false|USD`,
    )[0]!,
    fiscalYearSettings: [],
    periods: [],
    userRoles: rows(
      'UserRole',
      'Id|Name|ParentRoleId|ForecastUserId',
      `${roles.vp}|VP Sales||${u.vp}`,
      `${roles.mgrEast}|Manager East|${roles.vp}|${u.mgrEast}`,
      `${roles.repEast}|Rep East|${roles.mgrEast}|`,
      `${roles.mgrWest}|Manager West|${roles.vp}|${u.mgrWest}`,
      `${roles.repWest}|Rep West|${roles.mgrWest}|`,
    ),
    users: rows(
      'User',
      'Id|Name|IsActive|UserRoleId|CreatedDate',
      `${u.vp}|Vera VP|true|${roles.vp}|${at('2020-01-06')}`,
      `${u.mgrEast}|Max East|true|${roles.mgrEast}|${at('2021-01-06')}`,
      `${u.mgrWest}|Wanda West|true|${roles.mgrWest}|${at('2021-01-06')}`,
      `${u.A}|Ann A|true|${roles.repEast}|${at('2022-01-06')}`,
      `${u.B}|Bob B|true|${roles.repEast}|${at('2022-01-06')}`,
      `${u.C}|Cy C|true|${roles.repWest}|${at('2022-01-06')}`,
      `${u.D}|Dee D|true|${roles.repWest}|${at('2025-06-02')}`,
      `${u.E}|Eve E|false|${roles.repWest}|${at('2021-06-01')}`,
    ),
    opportunities: rows(
      'Opportunity',
      'Id|Name|OwnerId|AccountId|Amount|Probability|StageName|ForecastCategoryName|CloseDate|CreatedDate|IsClosed|IsWon|NextStep|Territory2Id|CurrencyIsoCode',
      `${d.A1}|A1|${u.A}|${a.acc1}|6000|100|Closed Won|Closed|2026-02-10|${at('2025-12-01')}|true|true|||USD`,
      `${d.A2}|A2|${u.A}|${a.acc1}|4000|0|Closed Lost|Omitted|2026-02-01|${at('2026-01-05')}|true|false|||USD`,
      `${d.A3}|A3|${u.A}|${a.acc2}|9000|100|Closed Won|Closed|2026-03-10|${at('2025-11-01')}|true|true|||USD`,
      `${d.A4}|A4|${u.A}|${a.acc2}|7000|100|Closed Won|Closed|2026-03-20|${at('2026-02-01')}|true|true|Send contract||USD`,
      `${d.A5}|A5|${u.A}|${a.acc1}|2000|100|Closed Won|Closed|2026-03-05|${at('2026-01-20')}|true|true|||USD`,
      `${d.F1}|F1|${u.A}|${a.acc1}|1000|10|Prospecting|Pipeline|2026-04-30|${at('2026-03-20')}|false|false|||USD`,
      `${d.B1}|B1|${u.B}|${a.acc2}|8000|100|Closed Won|Closed|2026-02-20|${at('2026-01-02')}|true|true|||EUR`,
      `${d.B2}|B2|${u.B}|${a.acc1}||10|Prospecting|Pipeline|2026-03-10|${at('2026-02-10')}|false|false|||USD`,
      `${d.B3}|B3|${u.B}|${a.acc2}|8000|60|Proposal|Best Case|2026-05-15|${at('2026-01-20')}|false|false|Call CFO||USD`,
      `${d.B4}|B4|${u.B}|${a.acc4}|7500|40|Negotiation|Commit|2026-03-30|${at('2026-01-08')}|false|false|||USD`,
      `${d.C1}|C1|${u.C}|${a.acc3}|20000|100|Closed Won|Closed|2025-12-10|${at('2025-10-01')}|true|true|||USD`,
      `${d.C2}|C2|${u.C}|${a.acc3}|10000|0|Closed Lost|Omitted|2025-11-20|${at('2025-10-15')}|true|false|||USD`,
      `${d.C3}|C3|${u.C}|${a.acc3}|30000|20|Qualification|Pipeline|2026-03-31|${at('2025-12-01')}|false|false|Demo|${t.east}|USD`,
      `${d.C4}|C4|${u.C}|${a.acc3}|15000|100|Closed Won|Closed|2026-02-25|${at('2026-02-05')}|true|true|||USD`,
      `${d.D1}|D1|${u.D}|${a.acc3}|3000|100|Closed Won|Closed|2026-02-27|${at('2026-01-15')}|true|true|||USD`,
      `${d.E1}|E1|${u.E}|${a.acc3}|5000|100|Closed Won|Closed|2025-11-10|${at('2025-09-01')}|true|true|||USD`,
    ),
    opportunityHistory: OpportunityHistoryTable.of(
      rows(
        'OpportunityHistory',
        'OpportunityId|CreatedDate|StageName|Amount|CloseDate|Probability|ForecastCategory',
        `${d.A1}|${at('2025-12-01')}|Prospecting|5000|2026-02-15|10|Pipeline`,
        `${d.A1}|${at('2026-01-10')}|Proposal|5000|2026-02-15|60|BestCase`,
        `${d.A1}|${at('2026-02-10')}|Closed Won|6000|2026-02-10|100|Closed`,
        `${d.A2}|${at('2026-01-05')}|Prospecting|4000|2026-03-20|10|Pipeline`,
        `${d.A2}|${at('2026-02-01')}|Closed Lost|4000|2026-02-01|0|Omitted`,
        `${d.A3}|${at('2025-11-01')}|Qualification|10000|2025-12-31|20|Pipeline`,
        `${d.A3}|${at('2025-12-20')}|Closed Lost|10000|2025-12-20|0|Omitted`,
        `${d.A3}|${at('2026-01-15')}|Negotiation|10000|2026-03-31|80|Forecast`,
        `${d.A3}|${at('2026-03-10')}|Closed Won|9000|2026-03-10|100|Closed`,
        `${d.A4}|${at('2026-02-01')}|Proposal|7000|2026-03-31|60|Forecast`,
        `${d.A4}|${at('2026-03-20')}|Closed Won|7000|2026-03-20|100|Closed`,
        `${d.F1}|${at('2026-03-20')}|Prospecting|1000|2026-04-30|10|Pipeline`,
        `${d.B1}|${at('2026-01-02')}|Prospecting|8000|2026-03-01|10|Pipeline`,
        `${d.B1}|${at('2026-02-10')}|Negotiation|8000|2026-03-01|80|Forecast`,
        `${d.B1}|${at('2026-02-20')}|Closed Won|8000|2026-02-20|100|Closed`,
        `${d.B2}|${at('2026-02-10')}|Prospecting||2026-03-10|10|Pipeline`,
        `${d.B3}|${at('2026-01-20')}|Proposal|12000|2026-02-28|60|BestCase`,
        `${d.B3}|${at('2026-02-25')}|Proposal|12000|2026-03-15|60|BestCase`,
        `${d.B3}|${at('2026-03-01')}|Proposal|8000|2026-05-15|60|BestCase`,
        `${d.B4}|${at('2026-01-08')}|Negotiation|5000|2026-03-30|80|Forecast`,
        `${d.B4}|${at('2026-03-12', '14:00')}|Negotiation|8000|2026-03-30|80|Forecast`,
        `${d.B4}|${at('2026-03-12', '20:00')}|Negotiation|8000|2026-03-30|40|Forecast`,
        `${d.B4}|${at('2026-03-16', '03:30')}|Negotiation|7500|2026-03-30|40|Forecast`,
        `${d.C1}|${at('2025-10-01')}|Prospecting|20000|2025-12-15|10|Pipeline`,
        `${d.C1}|${at('2025-11-25')}|Negotiation|20000|2025-12-15|80|Forecast`,
        `${d.C1}|${at('2025-12-10')}|Closed Won|20000|2025-12-10|100|Closed`,
        `${d.C2}|${at('2025-10-15')}|Prospecting|10000|2025-11-30|10|Pipeline`,
        `${d.C2}|${at('2025-11-20')}|Closed Lost|10000|2025-11-20|0|Omitted`,
        `${d.C3}|${at('2025-12-01')}|Qualification|30000|2026-03-31|20|Pipeline`,
        `${d.C4}|${at('2026-02-05')}|Prospecting|15000|2026-02-28|10|Pipeline`,
        `${d.C4}|${at('2026-02-15')}|Proposal|15000|2026-02-28|60|BestCase`,
        `${d.C4}|${at('2026-02-25')}|Closed Won|15000|2026-02-25|100|Closed`,
        `${d.D1}|${at('2026-01-15')}|Prospecting|3000|2026-02-27|10|Pipeline`,
        `${d.D1}|${at('2026-02-20')}|Negotiation|3000|2026-02-27|80|Forecast`,
        `${d.D1}|${at('2026-02-27')}|Closed Won|3000|2026-02-27|100|Closed`,
        `${d.E1}|${at('2025-09-01')}|Prospecting|5000|2025-11-15|10|Pipeline`,
        `${d.E1}|${at('2025-10-01')}|Proposal|5000|2025-11-15|60|BestCase`,
        `${d.E1}|${at('2025-11-10')}|Closed Won|5000|2025-11-10|100|Closed`,
      ),
    ),
    opportunityStages: rows(
      'OpportunityStage',
      'MasterLabel|SortOrder|DefaultProbability|ForecastCategoryName|IsClosed|IsWon|IsActive',
      'Prospecting|1|10|Pipeline|false|false|true',
      'Qualification|2|20|Pipeline|false|false|true',
      'Proposal|3|60|Best Case|false|false|true',
      'Negotiation|4|80|Commit|false|false|true',
      'Closed Won|5|100|Closed|true|true|true',
      'Closed Lost|6|0|Omitted|true|false|true',
    ),
    opportunityLineItems: rows(
      'OpportunityLineItem',
      'OpportunityId|Product2Id|Quantity|TotalPrice',
      `${d.A1}|${products.licence}|4|4000`,
      `${d.A1}|${products.services}|1|2000`,
      `${d.B1}|${products.licence}|2|8000`, // EUR: 10,000 USD
      `${d.A4}|${products.licence}|7|7000`,
      `${d.C1}|${products.services}|5|20000`,
    ),
    products: rows(
      'Product2',
      'Id|Name|Family',
      `${products.licence}|Licence|Software`,
      `${products.services}|Onboarding|Services`,
    ),
    forecastingTypes: rows(
      'ForecastingType',
      'Id|DeveloperName|IsActive|IsAmount',
      `${amountTypeId}|OpportunityRevenue|true|true`,
    ),
    forecastingQuotas: rows(
      'ForecastingQuota',
      'QuotaOwnerId|StartDate|QuotaAmount|ForecastingTypeId|CurrencyIsoCode',
      ...['2026-01-01', '2026-02-01', '2026-03-01'].flatMap((month) => [
        `${u.A}|${month}|10000|${amountTypeId}|USD`,
        `${u.B}|${month}|20000|${amountTypeId}|USD`,
        `${u.C}|${month}|15000|${amountTypeId}|USD`,
      ]),
      `${u.A}|2026-04-01|10000|${amountTypeId}|USD`, // next quarter: not in FY2026-Q1
      `${u.C}|2025-12-01|99000|${amountTypeId}|USD`, // previous quarter: not in FY2026-Q1
    ),
    salesOpsQuotas: [],
    territoryModels: rows(
      'Territory2Model',
      'Id|Name|State',
      `${models.active}|FY2026|Active`,
      `${models.archived}|FY2025|Archived`,
    ),
    territories: rows(
      'Territory2',
      'Id|Name|Territory2ModelId|ParentTerritory2Id',
      `${t.global}|Global|${models.active}|`,
      `${t.east}|East|${models.active}|${t.global}`,
      `${t.west}|West|${models.active}|${t.global}`,
      `${t.empty}|Empty|${models.active}|${t.global}`,
      `${t.old}|Old East|${models.archived}|`,
    ),
    userTerritories: rows(
      'UserTerritory2Association',
      'UserId|Territory2Id|IsActive',
      `${u.A}|${t.east}|true`,
      `${u.B}|${t.east}|true`,
      `${u.C}|${t.east}|true`,
      `${u.C}|${t.west}|true`,
      `${u.D}|${t.west}|true`,
      `${u.E}|${t.west}|false`,
      `${u.A}|${t.old}|true`,
    ),
    accountTerritories: rows(
      'ObjectTerritory2Association',
      'ObjectId|Territory2Id',
      `${a.acc1}|${t.east}`,
      `${a.acc2}|${t.east}`,
      `${a.acc3}|${t.west}`,
      `${a.acc5}|${t.west}`,
      `${a.acc6}|${t.empty}`,
      `${a.acc1}|${t.old}`,
    ),
    accounts: rows(
      'Account',
      'Id|Name|OwnerId|AnnualRevenue|BillingCountry|LastActivityDate',
      `${a.acc1}|Acme|${u.A}|1000000|US|2026-02-01`,
      `${a.acc2}|Bolt|${u.B}|3000000|US|`,
      `${a.acc3}|Cargo|${u.C}|2000000|CA|2025-10-01`,
      `${a.acc4}|Drift|${u.B}||US|`,
      `${a.acc5}|Echo|${u.D}|800000|CA|2026-01-20`,
      `${a.acc6}|Fjord|${u.vp}|500000|MX|`,
    ),
    currencyTypes: rows('CurrencyType', 'IsoCode|ConversionRate|IsCorporate', 'USD|1|true', 'EUR|0.8|false'),
    datedConversionRates: [],
    ...NO_REVOPS_RECORDS,
  };
}

/**
 * The small org with C3 (30,000 at 20 %, closing 2026-03-31) marked Omitted and without history rows (its record is
 * its state): an Omitted deal that weighted counts and the high bound leaves out.
 */
export function smallOrgWithOmittedC3(): OrgData {
  const data = smallOrg();
  return {
    ...data,
    opportunities: data.opportunities.map((o) => (o.Id === deals.C3 ? { ...o, ForecastCategoryName: 'Omitted' } : o)),
    opportunityHistory: OpportunityHistoryTable.of(
      data.opportunityHistory.rows().filter((r) => r.OpportunityId !== deals.C3),
    ),
  };
}
