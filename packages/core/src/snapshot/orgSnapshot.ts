import { createFiscalCalendar, dayNumber, isoDateOfDay, type FiscalCalendar } from '../calendar/index.js';
import { createCurrencyConverter, type CurrencyConverter } from '../currency/index.js';
import type {
  Account,
  ForecastingQuota,
  Opportunity,
  OpportunityLineItem,
  OpportunityStage,
  SalesOpsQuota,
  Territory2,
  Territory2Model,
  User,
  UserRole,
  UserTerritory2Association,
} from '../model/index.js';
import { createStagesSharer, dealHistoryReader, dealStateAsOf, type DealHistory, type DealState } from './dealState.js';
import { createLocalDateOf, createLocalDayOf, createLocalDayOfMillis } from './localDateOf.js';
import { indexHistory } from './dealHistoryIndex.js';
import type { OrgData } from './orgData.js';

/** A deal with what the as-of replay needs, looked up once when the snapshot is built. */
export interface DealRecord {
  readonly opportunity: Opportunity;
  /** Org-local creation date. */
  readonly createdOn: string;
  /** `createdOn` as a day number. */
  readonly createdDay: number;
  readonly history: DealHistory | undefined;
}

/** Where rep quotas come from: Collaborative Forecasts, the package's own quota object, or nowhere. */
export type QuotaSource = 'ForecastingQuota' | 'SalesOps_Quota__c' | 'none';

/**
 * One org's data indexed for the engine. Built once from `OrgData`; never mutates it.
 * Dates of datetimes are org-local (`Organization.TimeZoneSidKey`).
 */
export interface OrgSnapshot {
  readonly data: OrgData;
  readonly timeZone: string;
  readonly corporateCurrency: string;
  readonly calendar: FiscalCalendar;
  readonly currency: CurrencyConverter;
  /** An UTC datetime as an org-local date. */
  readonly localDateOf: (isoDateTime: string) => string;
  /** Data problems that do not stop the engine (history of unknown deals, unknown stages, …). */
  readonly warnings: readonly string[];

  readonly usersById: ReadonlyMap<string, User>;
  readonly rolesById: ReadonlyMap<string, UserRole>;
  readonly childRoles: ReadonlyMap<string, readonly UserRole[]>;
  readonly usersByRole: ReadonlyMap<string, readonly User[]>;
  readonly accountsById: ReadonlyMap<string, Account>;
  readonly stagesByName: ReadonlyMap<string, OpportunityStage>;
  /** Open stages in sales-process order (SortOrder), then closed stages; `DealHistory.stages` index into it. */
  readonly stageOrder: readonly OpportunityStage[];

  readonly opportunitiesById: ReadonlyMap<string, Opportunity>;
  /** Org-local creation date of each deal. */
  readonly createdOn: ReadonlyMap<string, string>;
  /** Each deal's history in change order (CreatedDate, then input order for equal timestamps). */
  readonly historyByOpportunity: ReadonlyMap<string, DealHistory>;
  /** Every deal with its creation date and history, in `data.opportunities` order (for full passes). */
  readonly deals: readonly DealRecord[];
  /** Line items per deal, indexed on first use (only product views need them). */
  readonly lineItemsByOpportunity: ReadonlyMap<string, readonly OpportunityLineItem[]>;

  readonly quotaSource: QuotaSource;
  /** Amount quotas of the active amount-based forecast type, per owner (no territory, no product family). */
  readonly repQuotas: ReadonlyMap<string, readonly ForecastingQuota[]>;
  /** Amount quotas of territories (ForecastingQuota.Territory2Id set), per territory. */
  readonly territoryQuotas: ReadonlyMap<string, readonly ForecastingQuota[]>;
  /** SalesOps_Quota__c records per rep (used when quotaSource is 'SalesOps_Quota__c'). */
  readonly salesOpsQuotas: ReadonlyMap<string, readonly SalesOpsQuota[]>;

  /** The active territory model, or null when the org has none (use the Account-field fallback). */
  readonly activeTerritoryModel: Territory2Model | null;
  /** Territories of the active model. */
  readonly territoriesById: ReadonlyMap<string, Territory2>;
  readonly territoriesByAccount: ReadonlyMap<string, readonly string[]>;
  readonly accountsByTerritory: ReadonlyMap<string, readonly string[]>;
  readonly userTerritoriesByTerritory: ReadonlyMap<string, readonly UserTerritory2Association[]>;
  readonly userTerritoriesByUser: ReadonlyMap<string, readonly UserTerritory2Association[]>;

  /** The state of a deal as of an org-local date; null when it did not exist yet. */
  dealAsOf(opportunity: Opportunity, asOf: string): DealState | null;
  /** Role ids of a role and every role below it. */
  roleSubtree(roleId: string): ReadonlySet<string>;
  /** Amount of a deal in the corporate currency, converted at the rate in force on `closeDate`. */
  toCorporate(amount: number | null, currencyIsoCode: string | null, closeDate: string): number | null;
}

/**
 * Calls `visit` for each run of consecutive rows with the same key (rows `start` to `end`, exclusive). Exports list
 * a deal's rows together, so a million deals' rows are a million runs, each handled in one piece.
 */
function forEachRun<T, K>(rows: readonly T[], key: (row: T) => K, visit: (key: K, start: number, end: number) => void) {
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && key(rows[i] as T) === key(rows[start] as T)) continue;
    visit(key(rows[start] as T), start, i);
    start = i;
  }
}

/** Rows grouped by key (rows with a null key left out), groups in order of first appearance, rows in input order. */
function indexBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  forEachRun(rows, key, (k, start, end) => {
    if (k === null) return;
    const list = map.get(k);
    if (list === undefined)
      map.set(k, rows.slice(start, end)); // sized exactly, not grown row by row
    else for (let j = start; j < end; j++) list.push(rows[j] as T);
  });
  return map;
}

/**
 * Indexes one org's records for the engine.
 *
 * @example
 * const snapshot = createOrgSnapshot(data);
 * snapshot.dealAsOf(snapshot.opportunitiesById.get('006…')!, '2026-03-31')?.StageName;
 */
export function createOrgSnapshot(data: OrgData): OrgSnapshot {
  const warnings: string[] = [];
  const org = data.organization;
  const timeZone = org.TimeZoneSidKey;
  const localDayOfMillis = createLocalDayOfMillis(timeZone);
  const localDayOf = createLocalDayOf(timeZone, localDayOfMillis);
  const localDateOf = createLocalDateOf(timeZone, localDayOf);
  const historyDayOf = (utcMillis: number): number => {
    const day = localDayOfMillis(utcMillis);
    if (day >= FIRST_DAY && day <= LAST_DAY) return day;
    throw new RangeError(`OpportunityHistory.CreatedDate ${new Date(utcMillis).toISOString()} is outside 0000-9999`);
  };
  const corporate = data.currencyTypes.find((c) => c.IsCorporate)?.IsoCode ?? org.DefaultCurrencyIsoCode ?? 'USD';
  const calendar = createFiscalCalendar({
    settings: org,
    fiscalYears: data.fiscalYearSettings,
    periods: data.periods,
  });
  const currency = createCurrencyConverter({
    corporateCurrency: corporate,
    currencyTypes: data.currencyTypes,
    datedRates: data.datedConversionRates,
  });

  const usersById = new Map(data.users.map((u) => [u.Id, u]));
  const rolesById = new Map(data.userRoles.map((r) => [r.Id, r]));
  const childRoles = indexBy(data.userRoles, (r) => r.ParentRoleId);
  const usersByRole = indexBy(data.users, (u) => u.UserRoleId);
  const stagesByName = new Map(data.opportunityStages.map((s) => [s.MasterLabel, s]));
  const stageOrder = [...data.opportunityStages].sort(
    (a, b) => Number(a.IsClosed) - Number(b.IsClosed) || (a.SortOrder ?? 0) - (b.SortOrder ?? 0),
  );

  const createdDays = new Array<number>(data.opportunities.length);
  for (let i = 0; i < data.opportunities.length; i++) {
    createdDays[i] = localDayOf((data.opportunities[i] as Opportunity).CreatedDate);
  }
  // Only views of one deal (the funnel's) look deals up by Id, and a million-entry map is a second of a busy machine's
  // time: made on first use, not to learn that no two deals share an Id when the Ids ascend, as exports list them.
  let byId: Map<string, Opportunity> | undefined;
  const opportunitiesById = () => {
    if (byId === undefined) {
      byId = new Map();
      for (const o of data.opportunities) byId.set(o.Id, o);
    }
    return byId;
  };
  const uniqueIds = idsAscending(data.opportunities) || opportunitiesById().size === data.opportunities.length;

  const stageIndexByName = new Map(stageOrder.map((st, i) => [st.MasterLabel, i]));
  const { histories, order, historyAt, unknownStage } = indexHistory(
    data.opportunityHistory,
    data.opportunities,
    uniqueIds,
    dealHistoryReader(historyDayOf, stageIndexByName, createStagesSharer()),
    warnings,
  );
  const dates = new Map<number, string>(); // creation dates repeat: each date string is made once
  const deals: DealRecord[] = data.opportunities.map((opportunity, i) => {
    const createdDay = createdDays[i] as number;
    let createdOn = dates.get(createdDay);
    if (createdOn === undefined) dates.set(createdDay, (createdOn = isoDateOfDay(createdDay)));
    const history = historyAt ? historyAt[i] : histories?.get(opportunity.Id);
    return { opportunity, createdOn, createdDay, history };
  });
  const unknownStages = new Set<string>();
  if (unknownStage) {
    const table = data.opportunityHistory;
    for (let i = 0; i < table.length; i++) {
      if (!stagesByName.has(table.stageName(i))) unknownStages.add(table.stageName(i));
    }
  }
  let known: string | undefined; // deals in a row often share a stage: its name is looked up once for them
  for (const o of data.opportunities) {
    if (o.StageName === known) continue;
    if (stagesByName.has(o.StageName)) known = o.StageName;
    else unknownStages.add(o.StageName);
  }
  if (unknownStages.size > 0 && stagesByName.size > 0) {
    warnings.push(
      `Stages not in OpportunityStage (treated as open unless the deal is in them now): ${[...unknownStages].join(', ')}`,
    );
  }
  let lineItemsByOpportunity: Map<string, OpportunityLineItem[]> | undefined;
  // By-Id views of `deals` for views of one deal, made on first use: a million-deal forecast never asks for them.
  let historyById: Map<string, DealHistory> | null = histories;
  let createdById: Map<string, string> | undefined;
  const historyByOpportunity = () => {
    if (historyById === null) {
      historyById = new Map();
      for (const at of order) {
        const deal = deals[at] as DealRecord;
        historyById.set(deal.opportunity.Id, deal.history as DealHistory);
      }
    }
    return historyById;
  };
  const createdOn = () => (createdById ??= new Map(deals.map((d) => [d.opportunity.Id, d.createdOn])));

  const amountType =
    data.forecastingTypes.find((t) => t.IsActive && t.IsAmount && t.DeveloperName === 'OpportunityRevenue') ??
    data.forecastingTypes.find((t) => t.IsActive && t.IsAmount);
  const amountQuotas = data.forecastingQuotas.filter(
    (q) =>
      q.QuotaAmount !== null &&
      q.ProductFamily === null &&
      (amountType ? q.ForecastingTypeId === amountType.Id : q.ForecastingTypeId === null),
  );
  const repQuotas = indexBy(amountQuotas, (q) => (q.Territory2Id === null ? q.QuotaOwnerId : null));
  const territoryQuotas = indexBy(amountQuotas, (q) => q.Territory2Id);
  const salesOpsQuotas = indexBy(data.salesOpsQuotas, (q) => q.Rep__c);
  const quotaSource: QuotaSource =
    repQuotas.size > 0 || territoryQuotas.size > 0
      ? 'ForecastingQuota'
      : data.salesOpsQuotas.length > 0
        ? 'SalesOps_Quota__c'
        : 'none';

  const activeModels = data.territoryModels.filter((m) => m.State === 'Active');
  if (activeModels.length > 1)
    warnings.push(`${activeModels.length} active territory models; using ${activeModels[0]?.Name}`);
  const activeTerritoryModel = activeModels[0] ?? null;
  const territoriesById = new Map(
    data.territories.filter((t) => t.Territory2ModelId === activeTerritoryModel?.Id).map((t) => [t.Id, t]),
  );
  // Views by account and by user, made on first use: a forecast by team or by rep asks for none of them, and the
  // maps of a large org's hundred thousand accounts are a fraction of a second.
  let byAccount: Map<string, Account> | undefined;
  let territories: TerritoryIndexes | undefined;
  const territoryIndexes = () => (territories ??= indexTerritories(data, territoriesById));

  const context = { stagesByName, stageList: stageOrder };
  const subtrees = new Map<string, ReadonlySet<string>>();

  return {
    data,
    timeZone,
    corporateCurrency: corporate,
    calendar,
    currency,
    localDateOf,
    warnings,
    usersById,
    rolesById,
    childRoles,
    usersByRole,
    get accountsById() {
      return (byAccount ??= new Map(data.accounts.map((a) => [a.Id, a])));
    },
    stagesByName,
    stageOrder,
    get opportunitiesById() {
      return opportunitiesById();
    },
    get createdOn() {
      return createdOn();
    },
    get historyByOpportunity() {
      return historyByOpportunity();
    },
    deals,
    get lineItemsByOpportunity() {
      return (lineItemsByOpportunity ??= indexBy(data.opportunityLineItems, (li) => li.OpportunityId));
    },
    quotaSource,
    repQuotas,
    territoryQuotas,
    salesOpsQuotas,
    activeTerritoryModel,
    territoriesById,
    get territoriesByAccount() {
      return territoryIndexes().territoriesByAccount;
    },
    get accountsByTerritory() {
      return territoryIndexes().accountsByTerritory;
    },
    get userTerritoriesByTerritory() {
      return territoryIndexes().userTerritoriesByTerritory;
    },
    get userTerritoriesByUser() {
      return territoryIndexes().userTerritoriesByUser;
    },
    dealAsOf(opportunity, asOf) {
      const created = createdOn().get(opportunity.Id) ?? localDateOf(opportunity.CreatedDate);
      return dealStateAsOf(opportunity, created, historyByOpportunity().get(opportunity.Id), asOf, context);
    },
    roleSubtree(roleId) {
      let set = subtrees.get(roleId);
      if (!set) {
        const found = new Set<string>();
        const stack = [roleId];
        while (stack.length > 0) {
          const id = stack.pop() as string;
          if (found.has(id)) continue; // a cycle in bad data must not loop forever
          found.add(id);
          for (const child of childRoles.get(id) ?? []) stack.push(child.Id);
        }
        set = found;
        subtrees.set(roleId, set);
      }
      return set;
    },
    toCorporate: (amount, currencyIsoCode, closeDate) => currency.toCorporate(amount, currencyIsoCode, closeDate),
  };
}

type TerritoryIndexes = Pick<
  OrgSnapshot,
  'territoriesByAccount' | 'accountsByTerritory' | 'userTerritoriesByTerritory' | 'userTerritoriesByUser'
>;

/** The associations of accounts and users with the territories of the active model, both ways. */
function indexTerritories(data: OrgData, territoriesById: ReadonlyMap<string, Territory2>): TerritoryIndexes {
  const inModel = (territoryId: string) => territoriesById.has(territoryId);
  const accountAssociations = data.accountTerritories.filter((a) => inModel(a.Territory2Id));
  const userAssociations = data.userTerritories.filter((a) => inModel(a.Territory2Id));
  return {
    territoriesByAccount: new Map(
      [...indexBy(accountAssociations, (a) => a.ObjectId)].map(([k, v]) => [k, unique(v.map((a) => a.Territory2Id))]),
    ),
    accountsByTerritory: new Map(
      [...indexBy(accountAssociations, (a) => a.Territory2Id)].map(([k, v]) => [k, unique(v.map((a) => a.ObjectId))]),
    ),
    userTerritoriesByTerritory: indexBy(userAssociations, (a) => a.Territory2Id),
    userTerritoriesByUser: indexBy(userAssociations, (a) => a.UserId),
  };
}

/** Whether each deal's Id sorts after the one before it (so no two deals share one). */
function idsAscending(opportunities: readonly Opportunity[]): boolean {
  for (let i = 1; i < opportunities.length; i++) {
    if (!((opportunities[i - 1] as Opportunity).Id < (opportunities[i] as Opportunity).Id)) return false;
  }
  return true;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const FIRST_DAY = dayNumber('0000-01-01');
const LAST_DAY = dayNumber('9999-12-31');
