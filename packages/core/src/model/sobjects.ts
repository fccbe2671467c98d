import * as z from 'zod/mini';
import { field, KEY_FIELD } from './field.js';
import { Campaign, CampaignMember, Event, Lead, LeadHistory, Task } from './revopsObjects.js';

/**
 * The Salesforce records the engine reads (shared/design/salesforce-objects.md "Read"), keyed by API field name.
 * Dates are `YYYY-MM-DD`, datetimes UTC ISO strings; a field an org does not expose parses as null.
 */

export const Organization = z.object({
  Id: field.id('Organization Id (00D…)').required(),
  Name: field.text('Company name').nullable(),
  TimeZoneSidKey: field.picklist('Default time zone, an IANA name such as America/Los_Angeles').required(),
  FiscalYearStartMonth: field.integer('Month (1-12) in which the standard fiscal year starts').required(),
  UsesStartDateAsFiscalYearName: field
    .boolean('True when a fiscal year is named by the calendar year in which it starts, not ends')
    .required(),
  DefaultCurrencyIsoCode: field
    .picklist('Corporate currency ISO code (null in some single-currency exports)')
    .nullable(),
  IsSandbox: field.boolean('True for a sandbox org').nullable(),
});
export type Organization = z.infer<typeof Organization>;

export const FiscalYearSettings = z.object({
  Id: field.id('FiscalYearSettings Id').required(),
  Name: field.text('Fiscal year name, e.g. 2026').required(),
  StartDate: field.date('First day of the fiscal year').required(),
  EndDate: field.date('Last day of the fiscal year').required(),
  IsStandardYear: field.boolean('True for a standard (not custom) fiscal year').nullable(),
});
export type FiscalYearSettings = z.infer<typeof FiscalYearSettings>;

export const Period = z.object({
  Id: field.id('Period Id').required(),
  FiscalYearSettingsId: field.reference('The fiscal year this period belongs to', 'FiscalYearSettings').nullable(),
  Type: field.picklist('Year, Quarter, Month or Week').required(),
  StartDate: field.date('First day of the period').required(),
  EndDate: field.date('Last day of the period').required(),
  FullyQualifiedLabel: field.text('Label such as "Q4 FY 2026"').nullable(),
  Number: field.integer('Position of the period within its parent (quarter 1-4, month 1-12)').nullable(),
});
export type Period = z.infer<typeof Period>;

export const User = z.object({
  Id: field.id('User Id (005…)').required(),
  Name: field.text('Full name').required(),
  Username: field.text('Login name').nullable(),
  IsActive: field.boolean('False once the user has left').required(),
  UserRoleId: field.reference('Role in the role hierarchy', 'UserRole').nullable(),
  ManagerId: field.reference('Manager (the forecast hierarchy follows roles, not this)', 'User').nullable(),
  CreatedDate: field.datetime('When the user was created; tenure counts from here').nullable(),
  LanguageLocaleKey: field.picklist('Language, e.g. en_US, de, ja, zh_CN, zh_TW').nullable(),
  LocaleSidKey: field.picklist('Locale for numbers and dates, e.g. en_US, de_DE').nullable(),
  DefaultCurrencyIsoCode: field.picklist('User currency in a multi-currency org').nullable(),
});
export type User = z.infer<typeof User>;

export const UserRole = z.object({
  Id: field.id('Role Id (00E…)').required(),
  Name: field.text('Role name').required(),
  ParentRoleId: field.reference('Parent role; null at the top of the hierarchy', 'UserRole').nullable(),
  ForecastUserId: field.reference('Forecast manager of the role', 'User').nullable(),
});
export type UserRole = z.infer<typeof UserRole>;

export const Opportunity = z.object({
  Id: field.id('Opportunity Id (006…)').required(),
  Name: field.text('Deal name').nullable(),
  AccountId: field.reference('Account of the deal', 'Account').nullable(),
  OwnerId: field.reference('Owning rep', 'User').required(),
  Amount: field.number('Amount in the deal currency; null counts as 0 in sums').nullable(),
  Probability: field.number('Win probability in percent (0-100)').nullable(),
  StageName: field.picklist('Current stage (an OpportunityStage MasterLabel)').required(),
  ForecastCategoryName: field.picklist('Pipeline, Best Case, Commit, Omitted or Closed').nullable(),
  CloseDate: field.date('Expected or actual close date').required(),
  CreatedDate: field.datetime('When the deal was created').required(),
  IsClosed: field.boolean('True when the stage is a closed stage').required(),
  IsWon: field.boolean('True when the stage is a won stage').required(),
  Type: field.picklist('New Business, Existing Business, …').nullable(),
  LeadSource: field.picklist('Lead source').nullable(),
  CampaignId: field.reference('Primary campaign source of the deal', 'Campaign').nullable(),
  NextStep: field.text('Next step text').nullable(),
  LastActivityDate: field.date('Date of the latest activity').nullable(),
  Territory2Id: field.reference('Territory assigned to the deal', 'Territory2').nullable(),
  CurrencyIsoCode: field.picklist('Deal currency (multi-currency orgs only)').nullable(),
});
export type Opportunity = z.infer<typeof Opportunity>;

// Only the fields the replay reads: a large org has several history rows per deal, and every field kept costs
// memory per row (the row Id and ExpectedRevenue, Amount × Probability, are left out).
export const OpportunityHistory = z.object({
  OpportunityId: field.reference('The deal that changed', 'Opportunity').required(),
  CreatedDate: field.datetime('When the change was made').required(),
  StageName: field.picklist('Stage after the change').required(),
  Amount: field.number('Amount after the change').nullable(),
  CloseDate: field.date('Close date after the change').nullable(),
  Probability: field.number('Probability after the change').nullable(),
  ForecastCategory: field
    .picklist('Forecast category API value: Pipeline, BestCase, Commit, Omitted, Closed')
    .nullable(),
});
export type OpportunityHistory = z.infer<typeof OpportunityHistory>;

export const OpportunityStage = z.object({
  Id: field.id('Stage Id (01J…)').nullable(),
  MasterLabel: field.text('Stage name as it appears in Opportunity.StageName').required(),
  SortOrder: field.integer('Position of the stage in the sales process').nullable(),
  DefaultProbability: field.number('Default probability of the stage in percent').nullable(),
  ForecastCategoryName: field.picklist('Default forecast category of the stage').nullable(),
  IsClosed: field.boolean('True for a closed stage').required(),
  IsWon: field.boolean('True for a won stage').required(),
  IsActive: field.boolean('True when the stage is in use').nullable(),
});
export type OpportunityStage = z.infer<typeof OpportunityStage>;

export const OpportunityLineItem = z.object({
  Id: field.id('Line item Id (00k…)').nullable(),
  OpportunityId: field.reference('The deal', 'Opportunity').required(),
  Product2Id: field.reference('The product', 'Product2').nullable(),
  Quantity: field.number('Units').nullable(),
  TotalPrice: field.number('Line total in the deal currency').nullable(),
});
export type OpportunityLineItem = z.infer<typeof OpportunityLineItem>;

export const Product2 = z.object({
  Id: field.id('Product Id (01t…)').required(),
  Name: field.text('Product name').required(),
  Family: field.picklist('Product family').nullable(),
});
export type Product2 = z.infer<typeof Product2>;

export const ForecastingType = z.object({
  Id: field.id('Forecasting type Id').required(),
  DeveloperName: field.text('API name, e.g. OpportunityRevenue').required(),
  IsActive: field.boolean('True when the forecast type is enabled').required(),
  IsAmount: field.boolean('True for an amount-based forecast type').required(),
  IsQuantity: field.boolean('True for a quantity-based forecast type').nullable(),
});
export type ForecastingType = z.infer<typeof ForecastingType>;

export const ForecastingQuota = z.object({
  Id: field.id('Quota Id').nullable(),
  QuotaOwnerId: field.reference('Rep (or manager) who carries the quota', 'User').nullable(),
  StartDate: field.date('First day of the quota period').required(),
  PeriodId: field.reference('The Period of the quota', 'Period').nullable(),
  QuotaAmount: field.number('Quota amount in the quota currency').nullable(),
  QuotaQuantity: field.number('Quota quantity').nullable(),
  ForecastingTypeId: field.reference('Forecast type the quota belongs to', 'ForecastingType').nullable(),
  Territory2Id: field.reference('Territory of a territory quota', 'Territory2').nullable(),
  ProductFamily: field.picklist('Product family of a product-family quota').nullable(),
  CurrencyIsoCode: field.picklist('Quota currency (multi-currency orgs only)').nullable(),
});
export type ForecastingQuota = z.infer<typeof ForecastingQuota>;

/** The package's own quota object, for orgs without Collaborative Forecasts quotas. */
/**
 * The package's own quotas. `Key__c` (see `quotaKey`) makes a second quota for the same rep, territory and dates
 * impossible; records saved before it existed have none and are read as before.
 */
export const SalesOpsQuota = z.object({
  Id: field.id('Quota record Id').nullable(),
  Key__c: field
    .text('quota|<Rep__c>|<Territory_Id__c>|<start>..<end>, checked by a validation rule; unique', KEY_FIELD)
    .nullable(),
  Rep__c: field.reference('Rep who carries the quota', 'User').nullable(),
  Territory_Id__c: field
    .text('Territory of a territory quota (Territory2 Id)', { type: 'Text', length: 18 })
    .nullable(),
  Period_Start__c: field.date('First day of the quota period').required(),
  Period_End__c: field
    .date('Last day of the quota period (a validation rule requires it on every record saved)')
    .nullable(),
  Amount__c: field
    .number('Quota amount in the corporate currency', { type: 'Currency', precision: 16, scale: 2 })
    .nullable(),
});
export type SalesOpsQuota = z.infer<typeof SalesOpsQuota>;

export const Territory2Model = z.object({
  Id: field.id('Territory model Id').required(),
  Name: field.text('Model name').required(),
  State: field.picklist('Planning, Active, Archived, …').required(),
});
export type Territory2Model = z.infer<typeof Territory2Model>;

export const Territory2 = z.object({
  Id: field.id('Territory Id').required(),
  Name: field.text('Territory name').required(),
  DeveloperName: field.text('Territory API name').nullable(),
  Territory2ModelId: field.reference('Model the territory belongs to', 'Territory2Model').required(),
  ParentTerritory2Id: field.reference('Parent territory', 'Territory2').nullable(),
  Territory2TypeId: field.reference('Territory type', 'Territory2Type').nullable(),
  ForecastUserId: field.reference('Forecast manager of the territory', 'User').nullable(),
});
export type Territory2 = z.infer<typeof Territory2>;

export const UserTerritory2Association = z.object({
  Id: field.id('Association Id').nullable(),
  UserId: field.reference('The user', 'User').required(),
  Territory2Id: field.reference('The territory', 'Territory2').required(),
  IsActive: field.boolean('True when the assignment is active').required(),
  RoleInTerritory2: field.picklist("User's role in the territory").nullable(),
});
export type UserTerritory2Association = z.infer<typeof UserTerritory2Association>;

export const ObjectTerritory2Association = z.object({
  Id: field.id('Association Id').nullable(),
  ObjectId: field.reference('The account', 'Account').required(),
  Territory2Id: field.reference('The territory', 'Territory2').required(),
  AssociationCause: field.picklist('Territory2Manual or Territory2AssignmentRule').nullable(),
});
export type ObjectTerritory2Association = z.infer<typeof ObjectTerritory2Association>;

export const Account = z.object({
  Id: field.id('Account Id (001…)').required(),
  Name: field.text('Account name').required(),
  OwnerId: field.reference('Account owner', 'User').nullable(),
  Industry: field.picklist('Industry').nullable(),
  AnnualRevenue: field.number('Annual revenue (territory potential); null counts as 0').nullable(),
  NumberOfEmployees: field.integer('Employees').nullable(),
  BillingCountry: field.picklist('Billing country').nullable(),
  BillingState: field.picklist('Billing state or province').nullable(),
  Type: field.picklist('Customer, Prospect, …').nullable(),
  LastActivityDate: field.date('Date of the latest activity').nullable(),
});
export type Account = z.infer<typeof Account>;

export const CurrencyType = z.object({
  Id: field.id('Currency Id').nullable(),
  IsoCode: field.picklist('ISO 4217 code').required(),
  ConversionRate: field.number('Units of this currency per one unit of the corporate currency').required(),
  IsCorporate: field.boolean('True for the corporate currency').required(),
  DecimalPlaces: field.integer('Decimal places').nullable(),
  IsActive: field.boolean('True when the currency is active').nullable(),
});
export type CurrencyType = z.infer<typeof CurrencyType>;

export const DatedConversionRate = z.object({
  Id: field.id('Dated rate Id').nullable(),
  IsoCode: field.picklist('ISO 4217 code').required(),
  ConversionRate: field.number('Units of this currency per one unit of the corporate currency').required(),
  StartDate: field.date('First day the rate applies').required(),
  NextStartDate: field.date('First day the next rate applies (exclusive end); null when open-ended').nullable(),
});
export type DatedConversionRate = z.infer<typeof DatedConversionRate>;

/** Every object the engine reads, by API name. */
export const readSchemas = {
  Organization,
  FiscalYearSettings,
  Period,
  User,
  UserRole,
  Opportunity,
  OpportunityHistory,
  OpportunityStage,
  OpportunityLineItem,
  Product2,
  ForecastingType,
  ForecastingQuota,
  SalesOps_Quota__c: SalesOpsQuota,
  Territory2Model,
  Territory2,
  UserTerritory2Association,
  ObjectTerritory2Association,
  Account,
  CurrencyType,
  DatedConversionRate,
  Lead,
  LeadHistory,
  Campaign,
  CampaignMember,
  Task,
  Event,
} as const;
export type ReadObjectName = keyof typeof readSchemas;
export type ReadRecord<N extends ReadObjectName> = z.infer<(typeof readSchemas)[N]>;
