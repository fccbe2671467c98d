import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildAccounts } from './accounts.js';
import { buildCampaigns } from './campaigns.js';
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
import { datedRates } from './datedRates.js';
import { planDealFlow } from './dealFlow.js';
import { RenewalFlow } from './renewalFlow.js';
import { simulateDeal } from './dealSimulator.js';
import { LeadRouter } from './leadAssignment.js';
import { FISCAL_YEAR_START_MONTH, fiscalQuarterStart, fiscalRecords, fiscalYearStart } from './fiscalYears.js';
import { dayOf, dayOfYmd, isoOf, monthStartDay, SAMPLE_TIME_ZONE, ymdOf } from './orgTime.js';
import { writeQuotas } from './quotas.js';
import { createRandom, type Random } from './random.js';
import { campaignLeadsPerMonth, RevopsFlow } from './revopsFlow.js';
import { columnsOf } from './sampleColumns.js';
import { buildSalesTeam } from './salesTeam.js';
import { createIdFactory } from './salesforceId.js';
import { sampleSize, type SampleSizeName } from './sampleSize.js';
import { buildTerritoryModel } from './territoryModel.js';

/** The day the sample org's data ends: nothing in it happens later. Demos and tests use it as `--as-of`. */
export const SAMPLE_ANCHOR_DATE = '2026-11-16';

/**
 * The generator's version, written into each sample org's `manifest.json`. Raise it whenever the same seed and size
 * would give other files (2: renewals), so that a folder generated before is generated again (scripts/sampleOrgCache.ts).
 */
export const SAMPLE_GENERATOR = '@salesops/local-org sample-data 2';

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
  // Leads, campaigns and renewals draw from streams of their own: the structure is that of a seed without them.
  const revopsRandom = random.fork();
  const [campaignRandom, leadRandom, routerRandom, renewalRandom] = [0, 1, 2, 3].map(() => revopsRandom.fork()) as [
    Random,
    Random,
    Random,
    Random,
  ];
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

  const flow = planDealFlow({
    random: dealRandom,
    team,
    accounts,
    windowStart,
    anchor,
    opportunities: size.opportunities,
  });

  const currencies = new Map<string, SampleCurrency>(SAMPLE_CURRENCIES.map((c) => [c.isoCode, c]));
  const usd = currencies.get(CORPORATE_CURRENCY) as SampleCurrency;
  const productWeights: number[] = [];
  products.reduce((sum, p, i) => (productWeights[i] = sum + p.weight), 0);
  const currencyOf = (isoCode: string): SampleCurrency => (size.multiCurrency ? (currencies.get(isoCode) ?? usd) : usd);
  const renewals = new RenewalFlow({
    random: renewalRandom,
    team,
    accounts,
    windowStart,
    anchor,
    currencyOf,
    products,
    productWeights,
    newId,
  });
  const quotaWriter = new CsvFileWriter(
    join(outDir, `${size.quotaObject}.csv`),
    columns[size.quotaObject] as readonly string[],
  );
  await writeQuotas({
    random: structureRandom,
    reps: team.reps,
    territories,
    dealsPerRepMonth: flow.dealsPerRepMonth,
    months: quotaMonths(windowStart, horizonEnd),
    monthPeriodIds: fiscal.monthPeriodIds,
    forecastingTypeId,
    renewalsPerMonth: (rep) => (renewals.installedUsdByRep.get(rep.id) ?? 0) / 12,
    quotaObject: size.quotaObject,
    multiCurrency: size.multiCurrency,
    newId,
    write: (row) => quotaWriter.write(row),
  });
  await quotaWriter.close();
  files[size.quotaObject] = quotaWriter.rows;

  const campaigns = buildCampaigns({
    random: campaignRandom,
    windowStart,
    anchor,
    leadsPerMonth: campaignLeadsPerMonth(size.opportunities, quotaMonths(windowStart, anchor).length),
    ownerIds: [team.vpId, ...[...team.managersByRegion.values()].flat()],
    newId,
  });
  await writeRows('Campaign', campaigns.rows);
  const streams = new Map<string, CsvFileWriter>();
  const stream = (object: string): CsvFileWriter => {
    const writer = new CsvFileWriter(join(outDir, `${object}.csv`), columns[object] as readonly string[]);
    streams.set(object, writer);
    return writer;
  };
  const opportunities = stream('Opportunity');
  const history = stream('OpportunityHistory');
  const lineItems = stream('OpportunityLineItem');
  const [leads, leadHistory, members, tasks, events] = ['Lead', 'LeadHistory', 'CampaignMember', 'Task', 'Event'].map(
    stream,
  ) as [CsvFileWriter, CsvFileWriter, CsvFileWriter, CsvFileWriter, CsvFileWriter];
  const revops = new RevopsFlow({
    random: leadRandom,
    accounts,
    campaigns,
    router: new LeadRouter(team, routerRandom),
    windowStart,
    anchor,
    newId,
    write: async (lead) => {
      await leads.write(lead.lead);
      for (const row of lead.history) await leadHistory.write(row);
      for (const row of lead.tasks) await tasks.write(row);
      for (const row of lead.events) await events.write(row);
      if (lead.member) await members.write(lead.member);
    },
  });
  const treeOpportunities: TreeObject['records'][number][] = [];
  const accountIndexById = new Map(accounts.accounts.map((a, i) => [a.id, i]));
  for (let i = 0; i < size.opportunities; i++) {
    const slot = flow.slot(i);
    const { rep, account, createdDay, endDay } = slot;
    const renewal = renewals.renewalFor(slot);
    const deal =
      renewal ??
      simulateDeal({
        random: dealRandom,
        rep,
        account,
        currency: currencyOf(rep.currency),
        createdDay,
        endDay,
        products,
        productWeights,
        opportunityId: newId('Opportunity'),
        newHistoryId: () => newId('OpportunityHistory'),
        newLineItemId: () => newId('OpportunityLineItem'),
      });
    if (renewal) await revops.addOpenLeads(slot);
    else {
      renewals.labelDeal(deal.opportunity, slot);
      await revops.addDeal(deal.opportunity, slot);
    }
    await opportunities.write(deal.opportunity);
    for (const row of deal.history) await history.write(row);
    for (const row of deal.lineItems) await lineItems.write(row);
    if (size.dataTreePlan) {
      const o = deal.opportunity;
      treeOpportunities.push({
        ref: `OpportunityRef${i + 1}`,
        fields: {
          Name: o['Name'],
          AccountId: `@AccountRef${(accountIndexById.get(String(o['AccountId'])) ?? 0) + 1}`,
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
  for (const [object, writer] of streams) {
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
    generator: SAMPLE_GENERATOR,
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
