/** Builders of standard-object schemas: system fields, read-only fields, lookups and the owner field. */
import {
  field,
  type FieldOptions,
  type FieldSchema,
  type FieldType,
  type ObjectSchema,
  type SharingModel,
} from './objectSchema.js';

export const readOnly: FieldOptions = { createable: false, updateable: false };

export function ro(name: string, type: FieldType, options: FieldOptions = {}): FieldSchema {
  return field(name, type, { ...readOnly, ...options });
}

export function ref(name: string, target: string, options: FieldOptions = {}): FieldSchema {
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

export interface ObjectOptions {
  readonly label?: string;
  readonly labelPlural?: string;
  readonly writable?: boolean;
  readonly sharingModel?: SharingModel;
  readonly sharingParentField?: string | readonly string[];
  readonly history?: boolean;
  readonly custom?: boolean;
}

export function object(name: string, keyPrefix: string, options: ObjectOptions, fields: FieldSchema[]): ObjectSchema {
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

export const OWNER = ref('OwnerId', 'User', { nillable: false, defaultedOnCreate: true, relationshipName: 'Owner' });
export const currencyIsoCode = (): FieldSchema =>
  field('CurrencyIsoCode', 'picklist', { length: 3, defaultedOnCreate: true, label: 'Currency ISO Code' });
