/**
 * Describe results in the REST API's shapes: the global describe (`/sobjects`) and an object's describe
 * (`/sobjects/X/describe`), with the DescribeSObjectResult and DescribeFieldResult properties
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm,
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_describesobjects_describesobjectresult.htm).
 */
import { isIdType, isTextType, type FieldSchema, type FieldType } from './schema/objectSchema.js';
import type { ObjectEntry, SchemaRegistry } from './schema/schemaRegistry.js';

const SOAP_TYPES: Record<FieldType, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

function urls(version: string, name: string): Record<string, string> {
  const base = `/services/data/${version}/sobjects/${name}`;
  return {
    compactLayouts: `${base}/describe/compactLayouts`,
    rowTemplate: `${base}/{ID}`,
    approvalLayouts: `${base}/describe/approvalLayouts`,
    defaultValues: `${base}/defaultValues?recordTypeId&fields`,
    listviews: `${base}/listviews`,
    describe: `${base}/describe`,
    quickActions: `${base}/quickActions`,
    layouts: `${base}/describe/layouts`,
    sobject: base,
  };
}

/** The summary every describe shares (global describe's `sobjects[]` entries). */
export function describeSummary(entry: ObjectEntry, version: string): Record<string, unknown> {
  const s = entry.schema;
  return {
    activateable: false,
    associateEntityType: null,
    associateParentEntity: null,
    createable: s.createable,
    custom: s.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: s.deletable,
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: s.keyPrefix,
    label: s.label,
    labelPlural: s.labelPlural,
    layoutable: s.createable,
    mergeable: false,
    mruEnabled: s.createable,
    name: s.name,
    queryable: s.queryable,
    replicateable: true,
    retrieveable: true,
    searchable: s.createable,
    triggerable: s.createable,
    undeletable: s.deletable,
    updateable: s.updateable,
    urls: urls(version, s.name),
  };
}

export function describeGlobal(registry: SchemaRegistry, version: string): Record<string, unknown> {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: registry.all().map((entry) => describeSummary(entry, version)),
  };
}

function describeField(f: FieldSchema): Record<string, unknown> {
  const text = isTextType(f.type);
  const numeric = f.type === 'double' || f.type === 'currency' || f.type === 'percent';
  return {
    aggregatable: f.type !== 'textarea' && f.type !== 'multipicklist',
    aiPredictionField: false,
    autoNumber: f.nameField && f.defaultedOnCreate && !f.createable && f.custom === false && f.type === 'string',
    byteLength: text || isIdType(f.type) ? f.length * 3 : 0,
    calculated: false,
    calculatedFormula: null,
    cascadeDelete: false,
    caseSensitive: f.caseSensitive,
    compoundFieldName: null,
    controllerName: null,
    createable: f.createable,
    custom: f.custom,
    defaultValue: f.defaultValue,
    defaultValueFormula: null,
    defaultedOnCreate: f.defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.type === 'int' ? f.precision || 9 : 0,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: f.externalId,
    extraTypeInfo: null,
    filterable: f.type !== 'textarea',
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: f.type !== 'textarea' && !numeric && f.type !== 'datetime',
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: f.type === 'id' || f.externalId || (f.unique && text),
    inlineHelpText: null,
    label: f.label,
    length: text || isIdType(f.type) ? f.length : 0,
    mask: null,
    maskType: null,
    name: f.name,
    nameField: f.nameField,
    namePointing: false,
    nillable: f.nillable,
    permissionable: f.nillable && f.createable,
    picklistValues: f.picklistValues.map((value) => ({
      active: true,
      defaultValue: false,
      label: value,
      validFor: null,
      value,
    })),
    polymorphicForeignKey: false,
    precision: numeric ? f.precision : 0,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: [...f.referenceTo],
    relationshipName: f.relationshipName,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: f.restrictedPicklist,
    scale: numeric ? f.scale : 0,
    searchPrefilterable: false,
    soapType: SOAP_TYPES[f.type],
    sortable: f.type !== 'textarea' && f.type !== 'multipicklist',
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
    writeRequiresMasterRead: false,
  };
}

export function describeObject(entry: ObjectEntry, version: string): Record<string, unknown> {
  const name = entry.schema.name;
  return {
    actionOverrides: [],
    ...describeSummary(entry, version),
    childRelationships: entry.childRelationships.map((c) => ({
      cascadeDelete: c.childSObject === 'OpportunityHistory' || c.childSObject === 'OpportunityLineItem',
      childSObject: c.childSObject,
      deprecatedAndHidden: false,
      field: c.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: c.relationshipName,
      restrictedDelete: false,
    })),
    compactLayoutable: entry.schema.createable,
    dataTranslationEnabled: false,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields: entry.schema.fields.map(describeField),
    implementedBy: null,
    implementsInterfaces: null,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: '012000000000000AAA',
        urls: { layout: `/services/data/${version}/sobjects/${name}/describe/layouts/012000000000000AAA` },
      },
    ],
    searchLayoutable: entry.schema.createable,
    sobjectDescribeOption: 'FULL',
    supportedScopes: entry.schema.fields.some((f) => f.name === 'OwnerId')
      ? [
          { label: 'All records', name: 'everything' },
          { label: 'My records', name: 'mine' },
        ]
      : [{ label: 'All records', name: 'everything' }],
  };
}
