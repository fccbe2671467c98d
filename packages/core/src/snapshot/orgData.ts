import type {
  Account,
  Campaign,
  CampaignMember,
  Event,
  Lead,
  LeadHistory,
  Task,
  CurrencyType,
  DatedConversionRate,
  FiscalYearSettings,
  ForecastingQuota,
  ForecastingType,
  ObjectTerritory2Association,
  Opportunity,
  OpportunityLineItem,
  OpportunityStage,
  Organization,
  Period,
  Product2,
  SalesOpsQuota,
  Territory2,
  Territory2Model,
  User,
  UserRole,
  UserTerritory2Association,
} from '../model/index.js';
import type { OpportunityHistoryTable } from './opportunityHistoryTable.js';

/**
 * The parsed records of one org, as the readers (org connection or `--data-dir`) deliver them.
 * Arrays an org does not have (no territories, single currency, no custom fiscal years) are empty.
 */
export interface OrgData {
  organization: Organization;
  fiscalYearSettings: readonly FiscalYearSettings[];
  periods: readonly Period[];
  users: readonly User[];
  userRoles: readonly UserRole[];
  opportunities: readonly Opportunity[];
  opportunityHistory: OpportunityHistoryTable;
  opportunityStages: readonly OpportunityStage[];
  opportunityLineItems: readonly OpportunityLineItem[];
  products: readonly Product2[];
  forecastingTypes: readonly ForecastingType[];
  forecastingQuotas: readonly ForecastingQuota[];
  salesOpsQuotas: readonly SalesOpsQuota[];
  territoryModels: readonly Territory2Model[];
  territories: readonly Territory2[];
  userTerritories: readonly UserTerritory2Association[];
  accountTerritories: readonly ObjectTerritory2Association[];
  accounts: readonly Account[];
  currencyTypes: readonly CurrencyType[];
  datedConversionRates: readonly DatedConversionRate[];
  // Funnel and revenue operations: read only by the commands that need them (REVOPS_OBJECTS), empty otherwise.
  leads: readonly Lead[];
  leadHistory: readonly LeadHistory[];
  campaigns: readonly Campaign[];
  campaignMembers: readonly CampaignMember[];
  tasks: readonly Task[];
  events: readonly Event[];
}

/** The object each OrgData array holds, for readers that fill it object by object. */
export const orgDataObjects = {
  organization: 'Organization',
  fiscalYearSettings: 'FiscalYearSettings',
  periods: 'Period',
  users: 'User',
  userRoles: 'UserRole',
  opportunities: 'Opportunity',
  opportunityHistory: 'OpportunityHistory',
  opportunityStages: 'OpportunityStage',
  opportunityLineItems: 'OpportunityLineItem',
  products: 'Product2',
  forecastingTypes: 'ForecastingType',
  forecastingQuotas: 'ForecastingQuota',
  salesOpsQuotas: 'SalesOps_Quota__c',
  territoryModels: 'Territory2Model',
  territories: 'Territory2',
  userTerritories: 'UserTerritory2Association',
  accountTerritories: 'ObjectTerritory2Association',
  accounts: 'Account',
  currencyTypes: 'CurrencyType',
  datedConversionRates: 'DatedConversionRate',
  leads: 'Lead',
  leadHistory: 'LeadHistory',
  campaigns: 'Campaign',
  campaignMembers: 'CampaignMember',
  tasks: 'Task',
  events: 'Event',
} as const satisfies Record<keyof OrgData, string>;

/** The objects only the funnel reads: other commands leave them out of their reads (they come back empty). */
export const REVOPS_OBJECTS = [
  'leads',
  'leadHistory',
  'campaigns',
  'campaignMembers',
  'tasks',
  'events',
] as const satisfies ReadonlyArray<keyof OrgData>;

/** The funnel's objects with no records, for orgs and test data that have none. */
export const NO_REVOPS_RECORDS: Pick<OrgData, (typeof REVOPS_OBJECTS)[number]> = {
  leads: [],
  leadHistory: [],
  campaigns: [],
  campaignMembers: [],
  tasks: [],
  events: [],
};
