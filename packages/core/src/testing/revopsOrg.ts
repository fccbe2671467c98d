/**
 * A hand-built org for the funnel and retention tests, on the small org's users, roles, stages and currencies
 * (smallOrg.ts: Ann A, Bob B, Cy C, Dee D active; Eve E has left; EUR at 0.8 per USD; America/New_York; calendar
 * fiscal year). Every expected figure in funnel.test.ts and retention.test.ts is worked out from these tables.
 * Times are 15:00Z (10:00 local) unless noted. As of 2026-03-20, period FY2026-Q1 (2026-01-01..2026-03-31).
 *
 * Accounts: R1 Tech 50 staff, R2 Tech 500, R3 Retail 5000, R4 Retail (no head count), R5 Tech 50.
 *
 * Leads:
 * | lead | owner | source | created | converted | opportunity | campaigns | first touch |
 * | L1 | A | Web | 01-05 | 01-20 | O1 | C1 | task 17:00 (2 h); status 19:00 |
 * | L2 | A | Web | 01-10 | 02-01 | O2 | C1, C2 | event 01-11 15:00 (24 h) |
 * | L3 | A | Trade Show | 02-03 | — | — | C2 | status 16:30 (1.5 h); a task of 02-01 predates it |
 * | L4 | B | Web | 01-15 | 02-10 | none | — | — |
 * | L5 | B | — | 02-20 | 03-01 | O3 | C1 | task 21:00 (6 h) |
 * | L6 | B | Partner Referral | 03-10 | — | — | — | task 03-21 (after the as-of date) |
 * | L7 | E (left) | Web | 01-20 | 03-25 (after as-of) | O4 | — | task 18:00 (3 h) |
 * | L8 | queue | Web | 03-15 | — | — | — | — |
 * | L9 | C | Web | 2025-12-10 | 01-08 | O5 | C1 | — |
 * | L10 | A | Web | 03-25 (after as-of) | — | — | — | — |
 * | L11 | D | Trade Show | 2025-06-01 | — | — | C3 | — |
 * | L12 | C | Web | 02-05 | 02-06 | O6 | — | owner change 16:00 (not a touch); task 19:00 (4 h) |
 *
 * Campaigns: C1 Spring Webinar 01-01..02-28 cost 5,000; C2 Trade Show Feb 02-01..02-28 cost 0; C3 Old Campaign
 * 2025-05..06 cost 1,000; C4 Q1 Ads from 03-01, no cost recorded.
 *
 * Opportunities (no history rows unless noted):
 * | deal | owner | account | type | source / campaign | created | state | close | amount |
 * | O1 | A | R5 | New Business | Web / C1 | 01-20 | Won | 02-15 | 10,000 |
 * | O2 | A | R5 | New Business | Web / C1 | 02-01 | Lost | 03-01 | 5,000 |
 * | O3 | B | R4 | New Business | — / C1 | 03-01 | Won | 03-05 | 8,000 EUR = 10,000 |
 * | O4 | E | R4 | New Business | Web | 03-25 (after as-of) | open | 06-30 | 7,000 |
 * | O5 | C | — | — | Web | 01-08 | open | 04-30 | 4,000 |
 * | O6 | C | — | New Business | Web / C2 | 02-06 | won 02-20, reopened 03-01: open | 03-31 | 6,000 |
 * | P1 | A | R1 | New Business | — | 2025-01-10 | Won | 2025-02-10 | 12,000 |
 * | P2 | B | R2 | Renewal | — | 2024-12-15 | Won | 2025-01-15 | 20,000 |
 * | P3 | C | R3 | New Business | — | 2025-02-01 | Won | 2025-03-01 | 30,000 |
 * | P5 | E | R5 | Renewal | — | 2025-02-15 | Won | 2025-03-15 | 5,000 EUR = 6,250 |
 * | Y1 | A | R1 | Renewal | — | 2025-04-01 | Won | 2025-05-01 | 1,000 |
 * | N1 | A | R1 | Renewal | — | 01-10 | Won | 02-10 | 12,000 |
 * | N2 | A | R1 | Upgrade | — | 02-01 | Won | 03-01 | 3,000 |
 * | N3 | B | R2 | Downgrade | — | 2025-12-20 | Won | 01-20 | 15,000 |
 * | N4 | C | R3 | Renewal | — | 01-20 | won 02-20, reopened 03-10: open | 03-31 | 30,000 |
 * | N5 | A | R5 | Renewal | — | 02-18 | Won | 03-18 | 5,000 |
 */
import { OpportunityHistoryTable, type OrgData } from '../snapshot/index.js';
import { at, id, rows, smallOrg, users as u } from './smallOrg.js';

const ids = <N extends string>(prefix: string, names: readonly N[]) =>
  Object.fromEntries(names.map((n, i) => [n, id(prefix, i + 1)])) as Record<N, string>;
export const revopsAccounts = ids('001', ['R1', 'R2', 'R3', 'R4', 'R5']);
export const leads = ids('00Q', ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'L10', 'L11', 'L12']);
export const campaigns = ids('701', ['C1', 'C2', 'C3', 'C4']);
export const revopsDeals = ids('006', [
  'O1',
  'O2',
  'O3',
  'O4',
  'O5',
  'O6',
  'P1',
  'P2',
  'P3',
  'P5',
  'Y1',
  'N1',
  'N2',
  'N3',
  'N4',
  'N5',
]);
export const queue = id('00G', 1);

const r = revopsAccounts;
const l = leads;
const c = campaigns;
const o = revopsDeals;
const REN = 'Existing Customer - Renewal';

/** The revops org as the readers would deliver it. */
export function revopsOrg(): OrgData {
  const base = smallOrg();
  return {
    ...base,
    accounts: rows(
      'Account',
      'Id|Name|Industry|NumberOfEmployees',
      `${r.R1}|R1 Tech|Technology|50`,
      `${r.R2}|R2 Tech|Technology|500`,
      `${r.R3}|R3 Retail|Retail|5000`,
      `${r.R4}|R4 Retail|Retail|`,
      `${r.R5}|R5 Tech|Technology|50`,
    ),
    opportunities: rows(
      'Opportunity',
      'Id|Name|OwnerId|AccountId|Amount|StageName|CloseDate|CreatedDate|IsClosed|IsWon|Type|LeadSource|CampaignId|CurrencyIsoCode',
      `${o.O1}|O1|${u.A}|${r.R5}|10000|Closed Won|2026-02-15|${at('2026-01-20')}|true|true|New Business|Web|${c.C1}|USD`,
      `${o.O2}|O2|${u.A}|${r.R5}|5000|Closed Lost|2026-03-01|${at('2026-02-01')}|true|false|New Business|Web|${c.C1}|USD`,
      `${o.O3}|O3|${u.B}|${r.R4}|8000|Closed Won|2026-03-05|${at('2026-03-01')}|true|true|New Business||${c.C1}|EUR`,
      `${o.O4}|O4|${u.E}|${r.R4}|7000|Prospecting|2026-06-30|${at('2026-03-25')}|false|false|New Business|Web||USD`,
      `${o.O5}|O5|${u.C}||4000|Prospecting|2026-04-30|${at('2026-01-08')}|false|false||Web||USD`,
      `${o.O6}|O6|${u.C}||6000|Negotiation|2026-03-31|${at('2026-02-06')}|false|false|New Business|Web|${c.C2}|USD`,
      `${o.P1}|P1|${u.A}|${r.R1}|12000|Closed Won|2025-02-10|${at('2025-01-10')}|true|true|New Business|||USD`,
      `${o.P2}|P2|${u.B}|${r.R2}|20000|Closed Won|2025-01-15|${at('2024-12-15')}|true|true|${REN}|||USD`,
      `${o.P3}|P3|${u.C}|${r.R3}|30000|Closed Won|2025-03-01|${at('2025-02-01')}|true|true|New Business|||USD`,
      `${o.P5}|P5|${u.E}|${r.R5}|5000|Closed Won|2025-03-15|${at('2025-02-15')}|true|true|${REN}|||EUR`,
      `${o.Y1}|Y1|${u.A}|${r.R1}|1000|Closed Won|2025-05-01|${at('2025-04-01')}|true|true|${REN}|||USD`,
      `${o.N1}|N1|${u.A}|${r.R1}|12000|Closed Won|2026-02-10|${at('2026-01-10')}|true|true|${REN}|||USD`,
      `${o.N2}|N2|${u.A}|${r.R1}|3000|Closed Won|2026-03-01|${at('2026-02-01')}|true|true|Existing Customer - Upgrade|||USD`,
      `${o.N3}|N3|${u.B}|${r.R2}|15000|Closed Won|2026-01-20|${at('2025-12-20')}|true|true|Existing Customer - Downgrade|||USD`,
      `${o.N4}|N4|${u.C}|${r.R3}|30000|Negotiation|2026-03-31|${at('2026-01-20')}|false|false|${REN}|||USD`,
      `${o.N5}|N5|${u.A}|${r.R5}|5000|Closed Won|2026-03-18|${at('2026-02-18')}|true|true|${REN}|||USD`,
    ),
    opportunityHistory: OpportunityHistoryTable.of(
      rows(
        'OpportunityHistory',
        'OpportunityId|CreatedDate|StageName|Amount|CloseDate|Probability|ForecastCategory',
        `${o.O6}|${at('2026-02-06')}|Prospecting|6000|2026-03-31|10|Pipeline`,
        `${o.O6}|${at('2026-02-20')}|Closed Won|6000|2026-02-20|100|Closed`,
        `${o.O6}|${at('2026-03-01')}|Negotiation|6000|2026-03-31|80|Forecast`,
        `${o.N4}|${at('2026-01-20')}|Negotiation|30000|2026-03-31|80|Forecast`,
        `${o.N4}|${at('2026-02-20')}|Closed Won|30000|2026-02-20|100|Closed`,
        `${o.N4}|${at('2026-03-10')}|Negotiation|30000|2026-03-31|80|Forecast`,
      ),
    ),
    opportunityLineItems: [],
    leads: rows(
      'Lead',
      'Id|OwnerId|LeadSource|Status|CreatedDate|IsConverted|ConvertedDate|ConvertedOpportunityId|ConvertedAccountId',
      `${l.L1}|${u.A}|Web|Closed - Converted|${at('2026-01-05')}|true|2026-01-20|${o.O1}|${r.R5}`,
      `${l.L2}|${u.A}|Web|Closed - Converted|${at('2026-01-10')}|true|2026-02-01|${o.O2}|${r.R5}`,
      `${l.L3}|${u.A}|Trade Show|Working - Contacted|${at('2026-02-03')}|false|||`,
      `${l.L4}|${u.B}|Web|Closed - Converted|${at('2026-01-15')}|true|2026-02-10||${r.R2}`,
      `${l.L5}|${u.B}||Closed - Converted|${at('2026-02-20')}|true|2026-03-01|${o.O3}|${r.R4}`,
      `${l.L6}|${u.B}|Partner Referral|Open - Not Contacted|${at('2026-03-10')}|false|||`,
      `${l.L7}|${u.E}|Web|Closed - Converted|${at('2026-01-20')}|true|2026-03-25|${o.O4}|${r.R4}`,
      `${l.L8}|${queue}|Web|Open - Not Contacted|${at('2026-03-15')}|false|||`,
      `${l.L9}|${u.C}|Web|Closed - Converted|${at('2025-12-10')}|true|2026-01-08|${o.O5}|`,
      `${l.L10}|${u.A}|Web|Open - Not Contacted|${at('2026-03-25')}|false|||`,
      `${l.L11}|${u.D}|Trade Show|Nurture|${at('2025-06-01')}|false|||`,
      `${l.L12}|${u.C}|Web|Closed - Converted|${at('2026-02-05')}|true|2026-02-06|${o.O6}|`,
    ),
    leadHistory: rows(
      'LeadHistory',
      'LeadId|Field|OldValue|NewValue|CreatedDate',
      `${l.L1}|Status|Open - Not Contacted|Working - Contacted|${at('2026-01-05', '19:00')}`,
      `${l.L3}|Status|Open - Not Contacted|Working - Contacted|${at('2026-02-03', '16:30')}`,
      `${l.L12}|Owner|${u.A}|${u.C}|${at('2026-02-05', '16:00')}`,
    ),
    campaigns: rows(
      'Campaign',
      'Id|Name|Type|StartDate|EndDate|ActualCost|BudgetedCost|IsActive',
      `${c.C1}|Spring Webinar|Webinar|2026-01-01|2026-02-28|5000|6000|false`,
      `${c.C2}|Trade Show Feb|Trade Show|2026-02-01|2026-02-28|0||false`,
      `${c.C3}|Old Campaign|Email|2025-05-01|2025-06-30|1000||false`,
      `${c.C4}|Q1 Ads|Advertisement|2026-03-01||||true`,
    ),
    campaignMembers: rows(
      'CampaignMember',
      'CampaignId|LeadId',
      `${c.C1}|${l.L1}`,
      `${c.C1}|${l.L2}`,
      `${c.C1}|${l.L5}`,
      `${c.C1}|${l.L9}`,
      `${c.C2}|${l.L2}`,
      `${c.C2}|${l.L3}`,
      `${c.C3}|${l.L11}`,
    ),
    tasks: rows(
      'Task',
      'Id|WhoId|OwnerId|CreatedDate',
      `${id('00T', 1)}|${l.L1}|${u.A}|${at('2026-01-05', '17:00')}`,
      `${id('00T', 2)}|${l.L3}|${u.A}|${at('2026-02-01')}`,
      `${id('00T', 3)}|${l.L5}|${u.B}|${at('2026-02-20', '21:00')}`,
      `${id('00T', 4)}|${l.L6}|${u.B}|${at('2026-03-21')}`,
      `${id('00T', 5)}|${l.L7}|${u.E}|${at('2026-01-20', '18:00')}`,
      `${id('00T', 6)}|${l.L12}|${u.C}|${at('2026-02-05', '19:00')}`,
    ),
    events: rows('Event', 'Id|WhoId|OwnerId|CreatedDate', `${id('00U', 1)}|${l.L2}|${u.A}|${at('2026-01-11')}`),
  };
}
