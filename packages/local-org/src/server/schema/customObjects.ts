/**
 * Custom objects and fields from Salesforce DX source (`force-app/main/default/objects/<Object>/`): the
 * `<Object>.object-meta.xml` file (label, name field, sharing model) and `fields/<Field>.field-meta.xml` files,
 * the same files admins deploy. Fields under a standard object's folder extend that standard object.
 * Element names follow the Metadata API's CustomObject and CustomField types
 * (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { field, type FieldSchema, type FieldType, type SharingModel } from './objectSchema.js';
import { loadSharingRules, type CriteriaSharingRule } from './sharingRules.js';

/** A custom object's definition as read from metadata (fields include only the custom ones). */
export interface CustomObjectDefinition {
  readonly name: string;
  readonly label: string;
  readonly labelPlural: string;
  readonly nameField: FieldSchema;
  /** `{0000}`-style display format when the name field is an auto-number. */
  readonly autoNumberFormat: string | null;
  readonly sharingModel: SharingModel;
  /** The master-detail field whose parent decides visibility (ControlledByParent). */
  readonly sharingParentField: string | null;
  readonly fields: readonly FieldSchema[];
}

export interface ForceAppSchema {
  /** Objects with an `.object-meta.xml` whose name ends in `__c`. */
  readonly objects: readonly CustomObjectDefinition[];
  /** Custom fields under standard objects' folders, by object name. */
  readonly standardObjectFields: ReadonlyMap<string, readonly FieldSchema[]>;
  /** Criteria-based sharing rules by object (the `sharingRules` folder beside `objects`). */
  readonly sharingRules?: ReadonlyMap<string, readonly CriteriaSharingRule[]>;
}

type Xml = Record<string, unknown>;

/** Fields read from MasterDetail elements (they make their object ControlledByParent). */
const masterDetailFields = new WeakSet<FieldSchema>();

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

function text(node: Xml | undefined, key: string): string | undefined {
  const value = node?.[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function int(node: Xml | undefined, key: string): number | undefined {
  const value = text(node, key);
  return value === undefined ? undefined : Number.parseInt(value, 10);
}

function bool(node: Xml | undefined, key: string): boolean {
  return text(node, key) === 'true';
}

function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Reads every object folder under `objectsDir` (`force-app/main/default/objects`); a missing folder is empty. */
export async function loadForceAppSchema(objectsDir: string): Promise<ForceAppSchema> {
  const objects: CustomObjectDefinition[] = [];
  const standardObjectFields = new Map<string, FieldSchema[]>();
  if (!(await isDirectory(objectsDir))) return { objects, standardObjectFields };
  const sharingRules = await loadSharingRules(join(objectsDir, '..', 'sharingRules'));
  for (const objectName of (await readdir(objectsDir)).sort()) {
    const folder = join(objectsDir, objectName);
    if (!(await isDirectory(folder))) continue;
    const fields: FieldSchema[] = [];
    const fieldsDir = join(folder, 'fields');
    if (await isDirectory(fieldsDir)) {
      for (const file of (await readdir(fieldsDir)).sort()) {
        if (!file.endsWith('.field-meta.xml')) continue;
        const xml = parser.parse(await readFile(join(fieldsDir, file), 'utf8')) as Xml;
        const parsed = customField(xml['CustomField'] as Xml | undefined, file.replace(/\.field-meta\.xml$/, ''));
        if (parsed) fields.push(parsed);
      }
    }
    const objectFile = join(folder, `${objectName}.object-meta.xml`);
    if (objectName.endsWith('__c')) {
      let objectXml: Xml | undefined;
      try {
        objectXml = (parser.parse(await readFile(objectFile, 'utf8')) as Xml)['CustomObject'] as Xml | undefined;
      } catch {
        objectXml = undefined;
      }
      objects.push(customObject(objectName, objectXml, fields));
    } else if (fields.length > 0) {
      standardObjectFields.set(objectName, fields);
    }
  }
  return { objects, standardObjectFields, sharingRules };
}

function customObject(name: string, xml: Xml | undefined, fields: FieldSchema[]): CustomObjectDefinition {
  const label = text(xml, 'label') ?? name.replace(/__c$/, '').replace(/_/g, ' ');
  const nameXml = xml?.['nameField'] as Xml | undefined;
  const autoNumber = text(nameXml, 'type') === 'AutoNumber';
  const nameField = field('Name', 'string', {
    label: text(nameXml, 'label') ?? `${label} Name`,
    length: 80,
    nameField: true,
    custom: false,
    nillable: autoNumber,
    createable: !autoNumber,
    updateable: !autoNumber,
    defaultedOnCreate: autoNumber,
  });
  const sharing = text(xml, 'sharingModel');
  const masterDetail = fields.find((f) => f.type === 'reference' && masterDetailFields.has(f));
  const sharingModel: SharingModel =
    sharing === 'Private' || sharing === 'Read' || sharing === 'ControlledByParent'
      ? sharing
      : masterDetail
        ? 'ControlledByParent'
        : 'ReadWrite';
  return {
    name,
    label,
    labelPlural: text(xml, 'pluralLabel') ?? `${label}s`,
    nameField,
    autoNumberFormat: autoNumber ? (text(nameXml, 'displayFormat') ?? '{0}') : null,
    sharingModel,
    sharingParentField: sharingModel === 'ControlledByParent' ? (masterDetail?.name ?? null) : null,
    fields,
  };
}

const TYPE_MAP: Record<string, FieldType> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  EncryptedText: 'string',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Date: 'date',
  DateTime: 'datetime',
  Checkbox: 'boolean',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Lookup: 'reference',
  MasterDetail: 'reference',
  AutoNumber: 'string',
  Summary: 'double',
};

/** One CustomField element as a describe field; null for types the local org does not model (e.g. Location). */
function customField(xml: Xml | undefined, fileName: string): FieldSchema | null {
  const name = text(xml, 'fullName') ?? fileName;
  const xmlType = text(xml, 'type') ?? 'Text';
  // A formula field's <type> is the type it returns.
  const formula = text(xml, 'formula') !== undefined;
  const type = TYPE_MAP[xmlType];
  if (!type) return null;
  const required = bool(xml, 'required');
  const masterDetail = xmlType === 'MasterDetail';
  const readOnly = formula || xmlType === 'AutoNumber' || xmlType === 'Summary';
  const length =
    type === 'textarea' && xmlType === 'TextArea' ? 255 : (int(xml, 'length') ?? (type === 'string' ? 255 : 0));
  const valueSet = xml?.['valueSet'] as Xml | undefined;
  const definition = valueSet?.['valueSetDefinition'] as Xml | undefined;
  const picklistValues = list(definition?.['value'] as Xml | Xml[] | undefined)
    .map((v) => text(v, 'fullName'))
    .filter((v): v is string => v !== undefined);
  const defaultText = text(xml, 'defaultValue');
  const precision = int(xml, 'precision');
  const scale = int(xml, 'scale');
  const result = field(name, type, {
    label: text(xml, 'label') ?? name,
    custom: true,
    length: type === 'string' || type === 'textarea' ? length : undefined,
    precision: type === 'double' || type === 'currency' || type === 'percent' ? (precision ?? 18) : undefined,
    scale: type === 'double' || type === 'currency' || type === 'percent' ? (scale ?? 0) : undefined,
    nillable: type === 'boolean' ? false : !(required || masterDetail),
    createable: !readOnly,
    updateable: !readOnly && !(masterDetail && !bool(xml, 'reparentableMasterDetail')),
    defaultedOnCreate: type === 'boolean' || defaultText !== undefined || xmlType === 'AutoNumber',
    defaultValue: type === 'boolean' ? defaultText === 'true' : (defaultText?.replace(/^"|"$/g, '') ?? null),
    externalId: bool(xml, 'externalId'),
    unique: bool(xml, 'unique'),
    caseSensitive: bool(xml, 'caseSensitive'),
    referenceTo: type === 'reference' ? [text(xml, 'referenceTo') ?? 'User'] : [],
    picklistValues,
    restrictedPicklist: definition !== undefined && bool(valueSet, 'restricted'),
  });
  if (masterDetail) masterDetailFields.add(result);
  return result;
}
