/**
 * The standard objects the sample org holds, with the fields the generator writes plus the system fields every
 * record has. Types, lengths and read-only flags follow the Salesforce Object Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/); fields an org
 * derives itself (IsClosed, IsWon, LastActivityDate, history rows) are read-only here as there.
 */
import {
  field,
  type FieldOptions,
  type FieldSchema,
  type FieldType,
  type ObjectSchema,
  type SharingModel,
} from './objectSchema.js';

const readOnly: FieldOptions = { createable: false, updateable: false };

function ro(name: string, type: FieldType, options: FieldOptions = {}): FieldSchema {
  return field(name, type, { ...readOnly, ...options });
}

function ref(name: string, target: string, options: FieldOptions = {}): FieldSchema {
  return field(name, 'reference', { referenceTo: [target], ...options });
}

/** Audit fields every record has; `history` objects have no LastModified pair. */
function systemFields(history = false): FieldSchema[] {
  const audit: FieldOptions = { ...readOnly, nillable: false, defaultedOnCreate: true };
  const fields = [
    field('CreatedDate', 'datetime', audit),
    ref('CreatedById', 'User', audit),
    field('IsDeleted', 'boolean', audit),
    field('SystemModstamp', 'datetime', audit),
  ];
  if (!history) {
    fields.push(field('LastModifiedDate', 'datetime', audit), ref('LastModifiedById', 'User', audit));
  }
  return fields;
}

interface ObjectOptions {
  readonly label?: string;
  readonly labelPlural?: string;
  readonly writable?: boolean;
  readonly sharingModel?: SharingModel;
  readonly sharingParentField?: string;
  readonly history?: boolean;
  readonly custom?: boolean;
}

function object(name: string, keyPrefix: string, options: ObjectOptions, fields: FieldSchema[]): ObjectSchema {
  const writable = options.writable ?? true;
  const label = options.label ?? name.replace(/([a-z])([A-Z])/g, '$1 $2');
  const all = [field('Id', 'id', { label: `${label} ID` }), ...fields];
  for (const system of systemFields(options.history)) {
    if (!all.some((f) => f.name === system.name)) all.push(system);
  }
  return {
    name,
    label,
    labelPlural: options.labelPlural ?? `${label}s`,
    keyPrefix,
    custom: options.custom ?? false,
    createable: writable,
    updateable: writable && !options.history,
    deletable: writable,
    queryable: true,
    sharingModel: options.sharingModel ?? 'ReadWrite',
    sharingParentField: options.sharingParentField ?? null,
    fields: writable ? all : all.map((f) => ({ ...f, createable: false, updateable: false })),
  };
}

const OWNER = ref('OwnerId', 'User', { nillable: false, defaultedOnCreate: true, relationshipName: 'Owner' });
const currencyIsoCode = (): FieldSchema =>
  field('CurrencyIsoCode', 'picklist', { length: 3, defaultedOnCreate: true, label: 'Currency ISO Code' });

/** Standard objects by API name. */
export function standardObjects(): ObjectSchema[] {
  return [
    object('Organization', '00D', { writable: false }, [
      field('Name', 'string', { length: 80, nameField: true }),
      field('TimeZoneSidKey', 'picklist', { length: 40 }),
      field('FiscalYearStartMonth', 'int', { precision: 2 }),
      field('UsesStartDateAsFiscalYearName', 'boolean'),
      field('DefaultCurrencyIsoCode', 'picklist', { length: 3 }),
      field('IsSandbox', 'boolean'),
      field('OrganizationType', 'picklist', { length: 40 }),
      field('NamespacePrefix', 'string', { length: 15 }),
      field('InstanceName', 'string', { length: 5 }),
      field('TrialExpirationDate', 'datetime'),
      field('LanguageLocaleKey', 'picklist', { length: 40 }),
    ]),
    object('FiscalYearSettings', '022', { writable: false, labelPlural: 'Fiscal Year Settings' }, [
      field('Name', 'string', { length: 80, nameField: true }),
      field('StartDate', 'date'),
      field('EndDate', 'date'),
      field('IsStandardYear', 'boolean'),
    ]),
    object('Period', '026', { writable: false }, [
      ref('FiscalYearSettingsId', 'FiscalYearSettings'),
      field('Type', 'picklist', { length: 40, picklistValues: ['Year', 'Quarter', 'Month', 'Week'] }),
      field('StartDate', 'date'),
      field('EndDate', 'date'),
      field('FullyQualifiedLabel', 'string', { length: 80 }),
      field('Number', 'int', { precision: 9 }),
    ]),
    object('UserRole', '00E', { label: 'Role' }, [
      field('Name', 'string', { length: 80, nillable: false, nameField: true }),
      ref('ParentRoleId', 'UserRole'),
      ref('ForecastUserId', 'User'),
      field('DeveloperName', 'string', { length: 80 }),
    ]),
    object('User', '005', { writable: false }, [
      ro('Name', 'string', { length: 121, nameField: true }),
      field('FirstName', 'string', { length: 40 }),
      field('LastName', 'string', { length: 80 }),
      field('Username', 'string', { length: 80, unique: true }),
      field('Email', 'email', { length: 128 }),
      field('Alias', 'string', { length: 8 }),
      field('IsActive', 'boolean'),
      ref('UserRoleId', 'UserRole'),
      ref('ManagerId', 'User'),
      field('LanguageLocaleKey', 'picklist', { length: 40 }),
      field('LocaleSidKey', 'picklist', { length: 40 }),
      field('TimeZoneSidKey', 'picklist', { length: 40 }),
      field('DefaultCurrencyIsoCode', 'picklist', { length: 3 }),
    ]),
    object('Territory2Type', '0M5', { writable: false, label: 'Territory Type' }, [
      field('MasterLabel', 'string', { length: 80, nameField: true }),
      field('DeveloperName', 'string', { length: 80 }),
      field('Priority', 'int'),
    ]),
    object('Territory2Model', '0MA', { label: 'Territory Model' }, [
      field('Name', 'string', { length: 80, nillable: false, nameField: true }),
      field('DeveloperName', 'string', { length: 80 }),
      ro('State', 'picklist', { length: 40, picklistValues: ['Planning', 'Active', 'Archived', 'Cloning'] }),
    ]),
    object('Territory2', '0MI', { label: 'Territory' }, [
      field('Name', 'string', { length: 80, nillable: false, nameField: true }),
      field('DeveloperName', 'string', { length: 80, nillable: false }),
      ref('Territory2ModelId', 'Territory2Model', { nillable: false }),
      ref('ParentTerritory2Id', 'Territory2'),
      ref('Territory2TypeId', 'Territory2Type', { nillable: false }),
      ref('ForecastUserId', 'User'),
    ]),
    object('UserTerritory2Association', '0R0', { label: 'User Territory Association' }, [
      ref('UserId', 'User', { nillable: false }),
      ref('Territory2Id', 'Territory2', { nillable: false }),
      field('IsActive', 'boolean'),
      field('RoleInTerritory2', 'picklist', { length: 80 }),
    ]),
    object('ObjectTerritory2Association', '0R1', { label: 'Object Territory Association' }, [
      ref('ObjectId', 'Account', { nillable: false, relationshipName: 'Object' }),
      ref('Territory2Id', 'Territory2', { nillable: false }),
      field('AssociationCause', 'picklist', {
        length: 40,
        picklistValues: ['Territory2Manual', 'Territory2AssignmentRule', 'Territory2Api'],
      }),
    ]),
    object('Account', '001', { sharingModel: 'Read' }, [
      field('Name', 'string', { length: 255, nillable: false, nameField: true }),
      OWNER,
      ref('ParentId', 'Account'),
      field('AccountNumber', 'string', { length: 40 }),
      field('Industry', 'picklist', { length: 255 }),
      field('AnnualRevenue', 'currency', { precision: 18, scale: 0 }),
      field('NumberOfEmployees', 'int', { precision: 8 }),
      field('BillingCountry', 'string', { length: 80 }),
      field('BillingState', 'string', { length: 80 }),
      field('Type', 'picklist', { length: 255 }),
      field('Phone', 'phone'),
      field('Website', 'url'),
      field('Description', 'textarea', { length: 32000 }),
      ro('LastActivityDate', 'date'),
      currencyIsoCode(),
    ]),
    object('Product2', '01t', { label: 'Product' }, [
      field('Name', 'string', { length: 255, nillable: false, nameField: true }),
      field('ProductCode', 'string', { length: 255 }),
      field('Family', 'picklist', { length: 255 }),
      field('IsActive', 'boolean'),
      field('Description', 'textarea', { length: 4000 }),
    ]),
    object('OpportunityStage', '01J', { writable: false }, [
      field('MasterLabel', 'string', { length: 255, nameField: true }),
      field('ApiName', 'string', { length: 255 }),
      field('SortOrder', 'int'),
      field('DefaultProbability', 'percent', { precision: 3, scale: 0 }),
      field('ForecastCategoryName', 'picklist', { length: 40 }),
      field('IsClosed', 'boolean'),
      field('IsWon', 'boolean'),
      field('IsActive', 'boolean'),
    ]),
    object('ForecastingType', '0Db', { writable: false }, [
      field('DeveloperName', 'string', { length: 80, nameField: true }),
      field('MasterLabel', 'string', { length: 80 }),
      field('IsActive', 'boolean'),
      field('IsAmount', 'boolean'),
      field('IsQuantity', 'boolean'),
    ]),
    object('ForecastingQuota', '0J9', {}, [
      ref('QuotaOwnerId', 'User', { nillable: false }),
      field('StartDate', 'date', { nillable: false }),
      ref('PeriodId', 'Period'),
      field('QuotaAmount', 'currency', { precision: 18, scale: 2 }),
      field('QuotaQuantity', 'double', { precision: 18, scale: 2 }),
      ref('ForecastingTypeId', 'ForecastingType'),
      ref('Territory2Id', 'Territory2'),
      field('ProductFamily', 'picklist', { length: 255 }),
      currencyIsoCode(),
    ]),
    object('CurrencyType', '02B', { writable: false }, [
      field('IsoCode', 'picklist', { length: 3, nameField: true }),
      field('ConversionRate', 'double', { precision: 18, scale: 6 }),
      field('IsCorporate', 'boolean'),
      field('DecimalPlaces', 'int', { precision: 1 }),
      field('IsActive', 'boolean'),
    ]),
    object('DatedConversionRate', '04w', {}, [
      field('IsoCode', 'picklist', { length: 3, nillable: false }),
      field('ConversionRate', 'double', { precision: 18, scale: 6, nillable: false }),
      field('StartDate', 'date', { nillable: false }),
      ro('NextStartDate', 'date'),
    ]),
    object('Opportunity', '006', { sharingModel: 'Private' }, [
      field('Name', 'string', { length: 120, nillable: false, nameField: true }),
      ref('AccountId', 'Account'),
      OWNER,
      field('Amount', 'currency', { precision: 18, scale: 2 }),
      field('Probability', 'percent', { precision: 3, scale: 0, defaultedOnCreate: true }),
      ro('ExpectedRevenue', 'currency', { precision: 18, scale: 2 }),
      field('StageName', 'picklist', { length: 255, nillable: false }),
      field('ForecastCategoryName', 'picklist', { length: 40, defaultedOnCreate: true }),
      field('CloseDate', 'date', { nillable: false }),
      ro('IsClosed', 'boolean'),
      ro('IsWon', 'boolean'),
      field('Type', 'picklist', { length: 255 }),
      field('LeadSource', 'picklist', { length: 255 }),
      field('NextStep', 'string', { length: 255 }),
      field('Description', 'textarea', { length: 32000 }),
      ro('LastActivityDate', 'date'),
      ref('Territory2Id', 'Territory2'),
      currencyIsoCode(),
    ]),
    object(
      'OpportunityHistory',
      '008',
      {
        writable: false,
        history: true,
        label: 'Opportunity History',
        labelPlural: 'Opportunity History',
        sharingModel: 'ControlledByParent',
        sharingParentField: 'OpportunityId',
      },
      [
        ref('OpportunityId', 'Opportunity', { nillable: false }),
        field('StageName', 'picklist', { length: 255 }),
        field('Amount', 'currency', { precision: 18, scale: 2 }),
        field('CloseDate', 'date'),
        field('Probability', 'percent', { precision: 3, scale: 0 }),
        field('ForecastCategory', 'picklist', { length: 40 }),
        field('ExpectedRevenue', 'currency', { precision: 18, scale: 2 }),
      ],
    ),
    object(
      'OpportunityLineItem',
      '00k',
      {
        label: 'Opportunity Product',
        sharingModel: 'ControlledByParent',
        sharingParentField: 'OpportunityId',
      },
      [
        ref('OpportunityId', 'Opportunity', { nillable: false, updateable: false }),
        ref('Product2Id', 'Product2', { updateable: false }),
        ro('Name', 'string', { length: 376, nameField: true }),
        field('Quantity', 'double', { precision: 12, scale: 2, nillable: false }),
        field('UnitPrice', 'currency', { precision: 18, scale: 2 }),
        field('TotalPrice', 'currency', { precision: 18, scale: 2 }),
        field('Description', 'string', { length: 255 }),
      ],
    ),
    // The package's own quota object, as the sample org writes it. `force-app/` metadata, when it has the object,
    // replaces this definition.
    object(
      'SalesOps_Quota__c',
      'a01',
      { label: 'SalesOps Quota', labelPlural: 'SalesOps Quotas', sharingModel: 'Read', custom: true },
      [
        field('Name', 'string', { length: 80, nameField: true, defaultedOnCreate: true, createable: false }),
        OWNER,
        ref('Rep__c', 'User', { label: 'Rep' }),
        field('Territory_Id__c', 'string', { length: 18, label: 'Territory Id' }),
        field('Period_Start__c', 'date', { label: 'Period Start' }),
        field('Period_End__c', 'date', { label: 'Period End' }),
        field('Amount__c', 'currency', { precision: 16, scale: 2, label: 'Amount' }),
      ],
    ),
  ];
}
