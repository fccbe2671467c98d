import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildAccounts } from './accounts.js';
import {
  CORPORATE_CURRENCY,
  SAMPLE_CURRENCIES,
  sampleProducts,
  stageRows,
  type Row,
  type SampleCurrency,
} from './catalog.js';
import { CsvFileWriter } from './csvFileWriter.js';
import { writeDataTreePlan, type TreeObject } from './dataTreePlan.js';
import { simulateDeal } from './dealSimulator.js';
import { FISCAL_YEAR_START_MONTH, fiscalQuarterStart, fiscalRecords, fiscalYearStart } from './fiscalYears.js';
import { dayOf, dayOfYmd, isoOf, monthStartDay, SAMPLE_TIME_ZONE, ymdOf } from './orgTime.js';
import { writeQuotas } from './quotas.js';
import { createRandom, pickWeighted } from './random.js';
import { buildSalesTeam, rampFactor, activeInMonth, type RepProfile } from './salesTeam.js';
import { createIdFactory } from './salesforceId.js';
import { sampleSize, type SampleSizeName } from './sampleSize.js';
import { buildTerritoryModel } from './territoryModel.js';

/** The day the sample org's data ends: nothing in it happens later. Demos and tests use it as `--as-of`. */
export const SAMPLE_ANCHOR_DATE = '2026-11-16';

export interface GenerateSampleOrgOptions {
  readonly outDir: string;
  readonly seed?: number;
  readonly size?: SampleSizeName | number;
  readonly anchorDate?: string;
}

export interface GeneratedSampleOrg {
  readonly outDir: string;
  readonly seed: number;
  readonly size: string;
  readonly anchorDate: string;
  /** Rows written per CSV file (by object name). */
  readonly files: Readonly<Record<string, number>>;
  /** Files of the `sf data tree` plan (0 when the size has none). */
  readonly treeFiles: number;
}

/** The columns of each CSV file, in the order Data Loader would export them. */
function columnsOf(multiCurrency: boolean): Record<string, readonly string[]> {
  const currency = multiCurrency ? ['CurrencyIsoCode'] : [];
  return {
    Organization: [
      'Id',
      'Name',
      'TimeZoneSidKey',
      'FiscalYearStartMonth',
      'UsesStartDateAsFiscalYearName',
      'DefaultCurrencyIsoCode',
      'IsSandbox',
    ],
    FiscalYearSettings: ['Id', 'Name', 'StartDate', 'EndDate', 'IsStandardYear'],
    Period: ['Id', 'FiscalYearSettingsId', 'Type', 'StartDate', 'EndDate', 'FullyQualifiedLabel', 'Number'],
    UserRole: ['Id', 'Name', 'ParentRoleId', 'ForecastUserId'],
    User: [
      'Id',
      'Name',
      'Username',
      'IsActive',
      'UserRoleId',
      'ManagerId',
      'CreatedDate',
      'LanguageLocaleKey',
      'LocaleSidKey',
      'DefaultCurrencyIsoCode',
    ],
    Territory2Model: ['Id', 'Name', 'State'],
    Territory2: [
      'Id',
      'Name',
      'DeveloperName',
      'Territory2ModelId',
      'ParentTerritory2Id',
      'Territory2TypeId',
      'ForecastUserId',
    ],
    UserTerritory2Association: ['Id', 'UserId', 'Territory2Id', 'IsActive', 'RoleInTerritory2'],
    ObjectTerritory2Association: ['Id', 'ObjectId', 'Territory2Id', 'AssociationCause'],
    Account: [
      'Id',
      'Name',
      'OwnerId',
      'Industry',
      'AnnualRevenue',
      'NumberOfEmployees',
      'BillingCountry',
      'BillingState',
      'Type',
      'LastActivityDate',
    ],
    Product2: ['Id', 'Name', 'Family'],
    OpportunityStage: [
      'Id',
      'MasterLabel',
      'SortOrder',
      'DefaultProbability',
      'ForecastCategoryName',
      'IsClosed',
      'IsWon',
      'IsActive',
    ],
    ForecastingType: ['Id', 'DeveloperName', 'IsActive', 'IsAmount', 'IsQuantity'],
    ForecastingQuota: [
      'Id',
      'QuotaOwnerId',
      'StartDate',
      'PeriodId',
      'QuotaAmount',
      'QuotaQuantity',
      'ForecastingTypeId',
      'Territory2Id',
      'ProductFamily',
      ...currency,
    ],
    SalesOps_Quota__c: ['Id', 'Key__c', 'Rep__c', 'Territory_Id__c', 'Period_Start__c', 'Period_End__c', 'Amount__c'],
    CurrencyType: ['Id', 'IsoCode', 'ConversionRate', 'IsCorporate', 'DecimalPlaces', 'IsActive'],
    DatedConversionRate: ['Id', 'IsoCode', 'ConversionRate', 'StartDate', 'NextStartDate'],
    Opportunity: [
      'Id',
      'Name',
      'AccountId',
      'OwnerId',
      'Amount',
      'Probability',
      'StageName',
      'ForecastCategoryName',
      'CloseDate',
      'CreatedDate',
      'IsClosed',
      'IsWon',
      'Type',
      'LeadSource',
      'NextStep',
      'LastActivityDate',
      'Territory2Id',
      ...currency,
    ],
    OpportunityHistory: [
      'Id',
      'OpportunityId',
      'CreatedDate',
      'StageName',
      'Amount',
      'CloseDate',
      'Probability',
      'ForecastCategory',
      'ExpectedRevenue',
    ],
    OpportunityLineItem: ['Id', 'OpportunityId', 'Product2Id', 'Quantity', 'TotalPrice'],
  };
}

/**
 * Generates the deterministic sample org into `outDir` as a `--data-dir` folder (`<SObject>.csv`), a
 * `manifest.json` and, for sizes a scratch org accepts, a `tree/` plan for `sf data tree import`. The same seed,
 * size and anchor date give byte-identical files. Deals stream to disk one at a time, so memory stays bounded by
 * the users and accounts, whatever the number of opportunities.
 */
export async function generateSampleOrg(options: GenerateSampleOrgOptions): Promise<GeneratedSampleOrg> {
  const seed = options.seed ?? 42;
  const size = sampleSize(options.size ?? 'default');
  const anchorDate = options.anchorDate ?? SAMPLE_ANCHOR_DATE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(anchorDate) || isoOf(dayOf(anchorDate)) !== anchorDate) {
    throw new RangeError(`anchor date "${anchorDate}" is not a valid YYYY-MM-DD date`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed ${seed} is not a whole number`);
  const { outDir } = options;
  await prepareOutDir(outDir);

  const random = createRandom(seed);
  const structureRandom = random.fork();
  const dealRandom = random.fork();
  const newId = createIdFactory();
  const columns = columnsOf(size.multiCurrency);
  const files: Record<string, number> = {};
  const writeRows = async (object: string, rows: readonly Row[]): Promise<void> => {
    const writer = new CsvFileWriter(join(outDir, `${object}.csv`), columns[object] as readonly string[]);
    for (const row of rows) await writer.write(row);
    await writer.close();
    files[object] = writer.rows;
  };

  const anchor = dayOf(anchorDate);
  const fiscalYear = ymdOf(fiscalYearStart(anchor)).year;
  const windowStart = dayOfYmd(fiscalYear - 2, FISCAL_YEAR_START_MONTH, 1);
  const currentQuarter = ymdOf(fiscalQuarterStart(anchor));
  const horizonEnd = dayOfYmd(currentQuarter.year, currentQuarter.month + 6, 1) - 1;

  await writeRows('Organization', [
    {
      Id: newId('Organization'),
      Name: 'Sample Sales Co',
      TimeZoneSidKey: SAMPLE_TIME_ZONE,
      FiscalYearStartMonth: FISCAL_YEAR_START_MONTH,
      UsesStartDateAsFiscalYearName: false,
      DefaultCurrencyIsoCode: CORPORATE_CURRENCY,
      IsSandbox: false,
    },
  ]);
  const fiscal = fiscalRecords(windowStart, horizonEnd, newId);
  await writeRows('FiscalYearSettings', fiscal.fiscalYearSettings);
  await writeRows('Period', fiscal.periods);

  const team = buildSalesTeam(structureRandom, size, newId, windowStart, anchor);
  await writeRows('UserRole', team.roles);
  await writeRows('User', team.users);
  const territories = buildTerritoryModel(structureRandom, team, newId, fiscalYear + 1);
  await writeRows('Territory2Model', territories.models);
  await writeRows('Territory2', territories.territories);
  await writeRows('UserTerritory2Association', territories.userAssociations);
  const accounts = buildAccounts(structureRandom, size.accounts, team, territories, newId, anchor);
  await writeRows('Account', accounts.rows);
  await writeRows('ObjectTerritory2Association', accounts.territoryAssociations);

  const products = sampleProducts(() => newId('Product2'));
  await writeRows(
    'Product2',
    products.map((p) => ({ Id: p.id, Name: p.name, Family: p.family })),
  );
  await writeRows(
    'OpportunityStage',
    stageRows(() => newId('OpportunityStage')),
  );
  const forecastingTypeId = newId('ForecastingType');
  if (size.quotaObject === 'ForecastingQuota') {
    await writeRows('ForecastingType', [
      { Id: forecastingTypeId, DeveloperName: 'OpportunityRevenue', IsActive: true, IsAmount: true, IsQuantity: false },
      {
        Id: newId('ForecastingType'),
        DeveloperName: 'OpportunityLineItemQuantity',
        IsActive: false,
        IsAmount: false,
        IsQuantity: true,
      },
    ]);
  }
  if (size.multiCurrency) {
    await writeRows(
      'CurrencyType',
      SAMPLE_CURRENCIES.map((c) => ({
        Id: newId('CurrencyType'),
        IsoCode: c.isoCode,
        ConversionRate: c.rate,
        IsCorporate: c.isoCode === CORPORATE_CURRENCY,
        DecimalPlaces: c.decimals,
        IsActive: true,
      })),
    );
    await writeRows('DatedConversionRate', datedRates(structureRandom, windowStart, horizonEnd, newId));
  }

  // Deal flow: each month's new deals go to the reps working that month, by weight and ramp.
  const months: number[] = [];
  for (let m = monthStartDay(windowStart); m <= anchor; m = monthStartDay(m, 1)) months.push(m);
  const buckets = months.map((month) => {
    const reps = team.reps.filter((r) => activeInMonth(r, month));
    const cumulative: number[] = [];
    let total = 0;
    for (const rep of reps) cumulative.push((total += rep.weight * rampFactor(rep, month)));
    return { reps, cumulative, total };
  });
  // Weight of each month: the reps working in it (by weight and ramp) times the days of it inside the window.
  const monthDays = months.map((month) => Math.min(anchor + 1, monthStartDay(month, 1)) - month);
  const monthCumulative: number[] = [];
  let weightDays = 0;
  buckets.forEach((b, i) => monthCumulative.push((weightDays += b.total * (monthDays[i] as number))));
  const weightMonths = buckets.reduce(
    (sum, b, i) =>
      sum + (b.total * (monthDays[i] as number)) / (monthStartDay(months[i] as number, 1) - (months[i] as number)),
    0,
  );
  const dealsPerRepMonth = size.opportunities / weightMonths;
  /** Creation day of the i-th deal: stratified over the weighted months, so ids follow creation order. */
  const creationDay = (i: number): number => {
    const target = ((i + dealRandom.next()) / size.opportunities) * weightDays;
    let m = 0;
    while (m < months.length - 1 && (monthCumulative[m] as number) <= target) m++;
    const before = m === 0 ? 0 : (monthCumulative[m - 1] as number);
    const inMonth = (monthCumulative[m] as number) - before;
    const fraction = inMonth > 0 ? (target - before) / inMonth : 0;
    return (
      (months[m] as number) + Math.min((monthDays[m] as number) - 1, Math.floor(fraction * (monthDays[m] as number)))
    );
  };

  const quotaWriter = new CsvFileWriter(
    join(outDir, `${size.quotaObject}.csv`),
    columns[size.quotaObject] as readonly string[],
  );
  await writeQuotas({
    random: structureRandom,
    reps: team.reps,
    territories,
    dealsPerRepMonth,
    months: quotaMonths(windowStart, horizonEnd),
    monthPeriodIds: fiscal.monthPeriodIds,
    forecastingTypeId,
    quotaObject: size.quotaObject,
    multiCurrency: size.multiCurrency,
    newId,
    write: (row) => quotaWriter.write(row),
  });
  await quotaWriter.close();
  files[size.quotaObject] = quotaWriter.rows;

  const currencies = new Map<string, SampleCurrency>(SAMPLE_CURRENCIES.map((c) => [c.isoCode, c]));
  const usd = currencies.get(CORPORATE_CURRENCY) as SampleCurrency;
  const opportunities = new CsvFileWriter(join(outDir, 'Opportunity.csv'), columns['Opportunity'] as readonly string[]);
  const history = new CsvFileWriter(
    join(outDir, 'OpportunityHistory.csv'),
    columns['OpportunityHistory'] as readonly string[],
  );
  const lineItems = new CsvFileWriter(
    join(outDir, 'OpportunityLineItem.csv'),
    columns['OpportunityLineItem'] as readonly string[],
  );
  const productWeights: number[] = [];
  products.reduce((sum, p, i) => (productWeights[i] = sum + p.weight), 0);
  const treeOpportunities: TreeObject['records'][number][] = [];
  const accountIndexById = new Map(accounts.accounts.map((a, i) => [a.id, i]));
  for (let i = 0; i < size.opportunities; i++) {
    let createdDay = creationDay(i);
    const bucket = buckets[months.indexOf(monthStartDay(createdDay))] ?? buckets[buckets.length - 1];
    const rep = (
      bucket && bucket.reps.length > 0 ? bucket.reps[pickWeighted(bucket.cumulative, dealRandom)] : team.reps[0]
    ) as RepProfile;
    createdDay = Math.max(createdDay, rep.hireDay);
    if (rep.leaveDay !== null) createdDay = Math.min(createdDay, rep.leaveDay - 1);
    const endDay = rep.leaveDay === null ? anchor : Math.min(anchor, rep.leaveDay - 1);
    const regionAccounts = accounts.byRegion.get(rep.region) ?? [];
    const accountIndex =
      rep.accounts.length > 0 && dealRandom.chance(0.85)
        ? dealRandom.pick(rep.accounts)
        : regionAccounts.length > 0
          ? dealRandom.pick(regionAccounts)
          : dealRandom.int(0, accounts.accounts.length - 1);
    const account = accounts.accounts[accountIndex] as (typeof accounts.accounts)[number];
    const deal = simulateDeal({
      random: dealRandom,
      rep,
      account,
      currency: size.multiCurrency ? (currencies.get(rep.currency) ?? usd) : usd,
      createdDay,
      endDay,
      products,
      productWeights,
      opportunityId: newId('Opportunity'),
      newHistoryId: () => newId('OpportunityHistory'),
      newLineItemId: () => newId('OpportunityLineItem'),
    });
    await opportunities.write(deal.opportunity);
    for (const row of deal.history) await history.write(row);
    for (const row of deal.lineItems) await lineItems.write(row);
    if (size.dataTreePlan) {
      const o = deal.opportunity;
      treeOpportunities.push({
        ref: `OpportunityRef${i + 1}`,
        fields: {
          Name: o['Name'],
          AccountId: `@AccountRef${(accountIndexById.get(account.id) ?? 0) + 1}`,
          StageName: o['StageName'],
          CloseDate: o['CloseDate'],
          Amount: o['Amount'],
          Probability: o['Probability'],
          ForecastCategoryName: o['ForecastCategoryName'],
          Type: o['Type'],
          LeadSource: o['LeadSource'],
          NextStep: o['NextStep'],
        },
      });
    }
  }
  for (const [object, writer] of [
    ['Opportunity', opportunities],
    ['OpportunityHistory', history],
    ['OpportunityLineItem', lineItems],
  ] as const) {
    await writer.close();
    files[object] = writer.rows;
  }

  let treeFiles = 0;
  if (size.dataTreePlan) {
    treeFiles = await writeDataTreePlan(join(outDir, 'tree'), [
      {
        sobject: 'Account',
        records: accounts.rows.map((a, i) => ({
          ref: `AccountRef${i + 1}`,
          fields: {
            Name: a['Name'],
            Industry: a['Industry'],
            AnnualRevenue: a['AnnualRevenue'],
            NumberOfEmployees: a['NumberOfEmployees'],
            BillingCountry: a['BillingCountry'],
            BillingState: a['BillingState'],
            Type: a['Type'],
          },
        })),
      },
      {
        sobject: 'Product2',
        records: products.map((p, i) => ({
          ref: `ProductRef${i + 1}`,
          fields: { Name: p.name, Family: p.family, IsActive: true },
        })),
      },
      { sobject: 'Opportunity', records: treeOpportunities },
    ]);
  }

  const result: GeneratedSampleOrg = { outDir, seed, size: size.name, anchorDate, files, treeFiles };
  const manifest = {
    generator: '@salesops/local-org sample-data 1',
    seed,
    size: size.name,
    anchorDate,
    timeZone: SAMPLE_TIME_ZONE,
    fiscalYearStartMonth: FISCAL_YEAR_START_MONTH,
    corporateCurrency: CORPORATE_CURRENCY,
    multiCurrency: size.multiCurrency,
    quotaObject: size.quotaObject,
    files,
    treeFiles,
  };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return result;
}

/** Removes what an earlier run wrote (CSV files, manifest, tree plan) so no stale object survives a size change. */
async function prepareOutDir(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const name of await readdir(outDir)) {
    if (name.endsWith('.csv') || name === 'manifest.json' || name === 'tree') {
      await rm(join(outDir, name), { recursive: true, force: true });
    }
  }
}

function quotaMonths(from: number, to: number): number[] {
  const months: number[] = [];
  for (let m = monthStartDay(from); m <= to; m = monthStartDay(m, 1)) months.push(m);
  return months;
}

/** Quarterly dated rates drifting a little around each currency's rate, open-ended at the last quarter. */
function datedRates(
  random: ReturnType<typeof createRandom>,
  from: number,
  to: number,
  newId: (object: 'DatedConversionRate') => string,
): Row[] {
  const rows: Row[] = [];
  const quarters: number[] = [];
  for (let q = fiscalQuarterStart(from); q <= to; q = monthStartDay(q, 3)) quarters.push(q);
  for (const currency of SAMPLE_CURRENCIES) {
    if (currency.isoCode === CORPORATE_CURRENCY) continue;
    let rate = currency.rate;
    quarters.forEach((start, i) => {
      rate *= 1 + random.normal() * 0.02;
      const rounded = Number(rate.toFixed(currency.decimals === 0 ? 2 : 4));
      rows.push({
        Id: newId('DatedConversionRate'),
        IsoCode: currency.isoCode,
        ConversionRate: rounded,
        StartDate: isoOf(start),
        NextStartDate: i === quarters.length - 1 ? null : isoOf(quarters[i + 1] as number),
      });
    });
  }
  return rows;
}
