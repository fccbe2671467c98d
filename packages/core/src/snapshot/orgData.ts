import type {
  Account,
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
} as const satisfies Record<keyof OrgData, string>;
