/**
 * A hand-built org with one deal in every bucket of the pipeline waterfall (metrics.md "Pipeline changes"), for
 * period FY2026-Q1 (2026-01-01..2026-03-31) between a = 2026-02-01 and b = 2026-02-15. The users, roles, stages,
 * accounts and territories are the small org's (`smallOrg.ts`); corporate currency USD, EUR dated rates: 0.8 EUR per
 * USD for close dates before 2026-03-01, 0.5 from then on. History rows at 15:00Z (10:00 local) unless noted.
 *
 * | deal | owner | history (stage amount close) | at a | at b | bucket |
 * | W1 | A | 01-05 Prospecting 1000 03-10 | 1000 | 1000 | unchanged |
 * | W2 | A | 02-05 Prospecting 2000 03-20 | — | 2000 | created +2000 |
 * | W3 | A | 01-10 Prospecting 3000 05-15; 02-10 close 03-25 | out (later) | 3000 | pulled in +3000 |
 * | W4 | B | 2025-11-01 Qualification 4000 2025-12-20; 02-03 close 03-05 | out (earlier) | 4000 | pushed in +4000 |
 * | W5 | B | 2025-12-01 Prospecting 5000 01-31; 01-20 Lost; 02-12 Negotiation 5500 03-31 | closed | 5500 | reopened +5500 |
 * | W6 | B | 01-02 Proposal 6000 03-15; 02-08 6600; 02-09 Negotiation (Commit) | 6000 | 6600 | increased +600 |
 * | W7 | C | 01-03 Negotiation 7000 03-01; 02-01 20:00Z 7200; 02-16 03:30Z (02-15 local) 6300 | 7200 | 6300 | decreased −900 |
 * | W8 | C | 01-04 Proposal 8000 03-30; 02-11 close 04-15, 9000 | 8000 | out | pushed out −8000 |
 * | W9 | C | 2025-12-15 Prospecting 900 02-28; 02-06 close 2025-12-31 | 900 | out | pulled out earlier −900 |
 * | W10 | A | 01-06 Negotiation 10000 03-31; 02-13 Won 10500 02-13 | 10000 | won | won −10000 |
 * | W11 | B | 01-07 Prospecting 1100 03-31; 02-02 Lost | 1100 | lost | lost −1100 |
 * | W12 | A | 01-08 Proposal 1200 03-10; 02-04 close 04-30; 02-09 Qualification (Pipeline) 1250 03-28 | 1200 | 1250 | increased +50 (moved twice) |
 * | W13 | C | EUR: 01-09 Proposal 4000 02-20; 02-07 close 03-10 | 4000/0.8 = 5000 | 4000/0.5 = 8000 | increased +3000 (rate) |
 * | W14 | A | 01-11 Negotiation 1400 03-05; 02-14 Won 1400 2026-04-02 | 1400 | won (close after P) | won −1400 |
 * | W16 | A | 02-03 Prospecting 1600 03-31; 02-10 Won 1600 02-10 | — | won | none (in neither) |
 * | W17 | B | 01-12 Prospecting (no amount) 03-03; 02-10 700 | 0 | 700 | increased +700 |
 * | W18 | B | no history rows; record Prospecting 1800 03-12, created 01-13 | 1800 | 1800 | unchanged |
 * | W19 | C | 2025-10-01 Prospecting 2500 2025-11-30; 2025-11-10 Won 2500 2025-11-10 | closed | closed | none |
 * | W20 | C | 2025-10-01 Prospecting 3000 2025-12-31; 2025-12-05 Won 3000 2025-12-05 | closed | closed | none |
 * | W21 | A | 02-20 Prospecting 2100 03-31 (created after b) | — | — | none |
 * | W22 | C | 01-15 Prospecting 2200 06-30 (outside P at both) | — | — | none |
 */
import { createRecordParser, readSchemas, type ReadObjectName } from '../model/index.js';
import { OpportunityHistoryTable, type OrgData } from '../snapshot/index.js';
import { smallOrg, users } from './smallOrg.js';

const rows = <N extends ReadObjectName>(sobject: N, header: string, ...lines: string[]) => {
  const parse = createRecordParser(sobject, readSchemas[sobject]);
  const cols = header.split('|');
  return lines.map((l) => parse(Object.fromEntries(l.split('|').map((v, i) => [cols[i], v]))));
};

const names = [
  'W1',
  'W2',
  'W3',
  'W4',
  'W5',
  'W6',
  'W7',
  'W8',
  'W9',
  'W10',
  'W11',
  'W12',
  'W13',
  'W14',
  'W16',
  'W17',
  'W18',
  'W19',
  'W20',
  'W21',
  'W22',
] as const;
export type WaterfallDeal = (typeof names)[number];
export const waterfallDeals = Object.fromEntries(
  names.map((n, i) => [n, `0067000000${String(i + 1).padStart(5, '0')}AAA`]),
) as Record<WaterfallDeal, string>;

const at = (date: string, time = '15:00') => `${date}T${time}:00.000Z`;

/** The waterfall org as the readers would deliver it. */
export function waterfallOrg(): OrgData {
  const d = waterfallDeals;
  const { A, B, C } = users;
  const open = (stage: string, category: string) => `${stage}|${category}|false|false`;
  const won = 'Closed Won|Closed|true|true';
  const lost = 'Closed Lost|Omitted|true|false';
  const h = (deal: WaterfallDeal, when: string, stage: string, amount: string, close: string, category: string) =>
    `${d[deal]}|${when}|${stage}|${amount}|${close}||${category}`;
  return {
    ...smallOrg(),
    opportunities: rows(
      'Opportunity',
      'Id|Name|OwnerId|Amount|StageName|ForecastCategoryName|IsClosed|IsWon|CloseDate|CreatedDate|CurrencyIsoCode',
      `${d.W1}|W1|${A}|1000|${open('Prospecting', 'Pipeline')}|2026-03-10|${at('2026-01-05')}|USD`,
      `${d.W2}|W2|${A}|2000|${open('Prospecting', 'Pipeline')}|2026-03-20|${at('2026-02-05')}|USD`,
      `${d.W3}|W3|${A}|3000|${open('Prospecting', 'Pipeline')}|2026-03-25|${at('2026-01-10')}|USD`,
      `${d.W4}|W4|${B}|4000|${open('Qualification', 'Pipeline')}|2026-03-05|${at('2025-11-01')}|USD`,
      `${d.W5}|W5|${B}|5500|${open('Negotiation', 'Commit')}|2026-03-31|${at('2025-12-01')}|USD`,
      `${d.W6}|W6|${B}|6600|${open('Negotiation', 'Commit')}|2026-03-15|${at('2026-01-02')}|USD`,
      `${d.W7}|W7|${C}|6300|${open('Negotiation', 'Commit')}|2026-03-01|${at('2026-01-03')}|USD`,
      `${d.W8}|W8|${C}|9000|${open('Proposal', 'Best Case')}|2026-04-15|${at('2026-01-04')}|USD`,
      `${d.W9}|W9|${C}|900|${open('Prospecting', 'Pipeline')}|2025-12-31|${at('2025-12-15')}|USD`,
      `${d.W10}|W10|${A}|10500|${won}|2026-02-13|${at('2026-01-06')}|USD`,
      `${d.W11}|W11|${B}|1100|${lost}|2026-03-31|${at('2026-01-07')}|USD`,
      `${d.W12}|W12|${A}|1250|${open('Qualification', 'Pipeline')}|2026-03-28|${at('2026-01-08')}|USD`,
      `${d.W13}|W13|${C}|4000|${open('Proposal', 'Best Case')}|2026-03-10|${at('2026-01-09')}|EUR`,
      `${d.W14}|W14|${A}|1400|${won}|2026-04-02|${at('2026-01-11')}|USD`,
      `${d.W16}|W16|${A}|1600|${won}|2026-02-10|${at('2026-02-03')}|USD`,
      `${d.W17}|W17|${B}|700|${open('Prospecting', 'Pipeline')}|2026-03-03|${at('2026-01-12')}|USD`,
      `${d.W18}|W18|${B}|1800|${open('Prospecting', 'Pipeline')}|2026-03-12|${at('2026-01-13')}|USD`,
      `${d.W19}|W19|${C}|2500|${won}|2025-11-10|${at('2025-10-01')}|USD`,
      `${d.W20}|W20|${C}|3000|${won}|2025-12-05|${at('2025-10-01')}|USD`,
      `${d.W21}|W21|${A}|2100|${open('Prospecting', 'Pipeline')}|2026-03-31|${at('2026-02-20')}|USD`,
      `${d.W22}|W22|${C}|2200|${open('Prospecting', 'Pipeline')}|2026-06-30|${at('2026-01-15')}|USD`,
    ),
    opportunityHistory: OpportunityHistoryTable.of(
      rows(
        'OpportunityHistory',
        'OpportunityId|CreatedDate|StageName|Amount|CloseDate|Probability|ForecastCategory',
        h('W1', at('2026-01-05'), 'Prospecting', '1000', '2026-03-10', 'Pipeline'),
        h('W2', at('2026-02-05'), 'Prospecting', '2000', '2026-03-20', 'Pipeline'),
        h('W3', at('2026-01-10'), 'Prospecting', '3000', '2026-05-15', 'Pipeline'),
        h('W3', at('2026-02-10'), 'Prospecting', '3000', '2026-03-25', 'Pipeline'),
        h('W4', at('2025-11-01'), 'Qualification', '4000', '2025-12-20', 'Pipeline'),
        h('W4', at('2026-02-03'), 'Qualification', '4000', '2026-03-05', 'Pipeline'),
        h('W5', at('2025-12-01'), 'Prospecting', '5000', '2026-01-31', 'Pipeline'),
        h('W5', at('2026-01-20'), 'Closed Lost', '5000', '2026-01-20', 'Omitted'),
        h('W5', at('2026-02-12'), 'Negotiation', '5500', '2026-03-31', 'Forecast'),
        h('W6', at('2026-01-02'), 'Proposal', '6000', '2026-03-15', 'BestCase'),
        h('W6', at('2026-02-08'), 'Proposal', '6600', '2026-03-15', 'BestCase'),
        h('W6', at('2026-02-09'), 'Negotiation', '6600', '2026-03-15', 'Forecast'),
        h('W7', at('2026-01-03'), 'Negotiation', '7000', '2026-03-01', 'Forecast'),
        h('W7', at('2026-02-01', '20:00'), 'Negotiation', '7200', '2026-03-01', 'Forecast'),
        h('W7', at('2026-02-16', '03:30'), 'Negotiation', '6300', '2026-03-01', 'Forecast'),
        h('W8', at('2026-01-04'), 'Proposal', '8000', '2026-03-30', 'BestCase'),
        h('W8', at('2026-02-11'), 'Proposal', '9000', '2026-04-15', 'BestCase'),
        h('W9', at('2025-12-15'), 'Prospecting', '900', '2026-02-28', 'Pipeline'),
        h('W9', at('2026-02-06'), 'Prospecting', '900', '2025-12-31', 'Pipeline'),
        h('W10', at('2026-01-06'), 'Negotiation', '10000', '2026-03-31', 'Forecast'),
        h('W10', at('2026-02-13'), 'Closed Won', '10500', '2026-02-13', 'Closed'),
        h('W11', at('2026-01-07'), 'Prospecting', '1100', '2026-03-31', 'Pipeline'),
        h('W11', at('2026-02-02'), 'Closed Lost', '1100', '2026-03-31', 'Omitted'),
        h('W12', at('2026-01-08'), 'Proposal', '1200', '2026-03-10', 'BestCase'),
        h('W12', at('2026-02-04'), 'Proposal', '1200', '2026-04-30', 'BestCase'),
        h('W12', at('2026-02-09'), 'Qualification', '1250', '2026-03-28', 'Pipeline'),
        h('W13', at('2026-01-09'), 'Proposal', '4000', '2026-02-20', 'BestCase'),
        h('W13', at('2026-02-07'), 'Proposal', '4000', '2026-03-10', 'BestCase'),
        h('W14', at('2026-01-11'), 'Negotiation', '1400', '2026-03-05', 'Forecast'),
        h('W14', at('2026-02-14'), 'Closed Won', '1400', '2026-04-02', 'Closed'),
        h('W16', at('2026-02-03'), 'Prospecting', '1600', '2026-03-31', 'Pipeline'),
        h('W16', at('2026-02-10'), 'Closed Won', '1600', '2026-02-10', 'Closed'),
        h('W17', at('2026-01-12'), 'Prospecting', '', '2026-03-03', 'Pipeline'),
        h('W17', at('2026-02-10'), 'Prospecting', '700', '2026-03-03', 'Pipeline'),
        h('W19', at('2025-10-01'), 'Prospecting', '2500', '2025-11-30', 'Pipeline'),
        h('W19', at('2025-11-10'), 'Closed Won', '2500', '2025-11-10', 'Closed'),
        h('W20', at('2025-10-01'), 'Prospecting', '3000', '2025-12-31', 'Pipeline'),
        h('W20', at('2025-12-05'), 'Closed Won', '3000', '2025-12-05', 'Closed'),
        h('W21', at('2026-02-20'), 'Prospecting', '2100', '2026-03-31', 'Pipeline'),
        h('W22', at('2026-01-15'), 'Prospecting', '2200', '2026-06-30', 'Pipeline'),
      ),
    ),
    opportunityLineItems: [],
    datedConversionRates: rows(
      'DatedConversionRate',
      'IsoCode|ConversionRate|StartDate|NextStartDate',
      'EUR|0.8|2025-01-01|2026-03-01',
      'EUR|0.5|2026-03-01|',
    ),
  };
}
