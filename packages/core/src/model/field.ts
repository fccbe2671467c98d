import * as z from 'zod';
import { coerceWireValue, type FieldKind } from './wireValue.js';

/**
 * How a field is stored in Salesforce, for the package's own custom objects (the writers and the
 * `force-app/` metadata are checked against this).
 */
export type SalesforceFieldType =
  | { type: 'Id' }
  | { type: 'Text'; length: number; externalId?: boolean; unique?: boolean; caseSensitive?: boolean }
  | { type: 'LongTextArea'; length: number }
  | { type: 'Currency'; precision: number; scale: number }
  | { type: 'Percent'; precision: number; scale: number }
  | { type: 'Number'; precision: number; scale: number }
  | { type: 'Checkbox' }
  | { type: 'Date' }
  | { type: 'DateTime' }
  | { type: 'Lookup'; referenceTo: string };

/** Metadata every model field carries: its wire kind, whether it may be null, and (optionally) its storage type. */
export interface FieldMeta {
  kind: FieldKind;
  nullable: boolean;
  salesforce?: SalesforceFieldType;
  /**
   * Values repeat across records (references, picklists, dates): parsers keep one copy of each distinct value, so a
   * million deals hold a few thousand owner Ids and stage names, and comparing them compares pointers.
   */
  shared?: boolean;
}

/** Registry of field metadata, keyed by the zod schema of the field. */
export const fieldRegistry = z.registry<FieldMeta>();

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function build<T extends z.ZodType>(
  kind: FieldKind,
  base: () => T,
  description: string,
  salesforce?: SalesforceFieldType,
  shared = false,
) {
  const meta = (nullable: boolean): FieldMeta => ({
    kind,
    nullable,
    ...(salesforce ? { salesforce } : {}),
    ...(shared ? { shared } : {}),
  });
  const registered = <S extends z.ZodType>(schema: S, nullable: boolean): S => {
    fieldRegistry.add(schema as z.ZodType, meta(nullable));
    return schema;
  };
  return {
    /** A field that may be null (the usual case in Salesforce). */
    nullable: () => registered(z.preprocess(coerceWireValue[kind], base().nullable()).describe(description), true),
    /** A field that must be present and non-null. */
    required: () => registered(z.preprocess(coerceWireValue[kind], base()).describe(description), false),
  };
}

const text = () => z.string();
const num = () => z.number();

/**
 * Field builders. Each returns a zod schema that accepts the field's wire forms and outputs its model form.
 *
 * @example
 * const Opportunity = z.object({ Amount: field.number('Deal amount').nullable() });
 */
export const field = {
  id: (description: string) => build('id', () => z.string().regex(ID), description),
  reference: (description: string, referenceTo: string) =>
    build('id', () => z.string().regex(ID), description, { type: 'Lookup', referenceTo }, true),
  text: (description: string, salesforce?: SalesforceFieldType) => build('text', text, description, salesforce),
  /** Text from a small set of values (a picklist, a currency code). */
  picklist: (description: string) => build('text', text, description, undefined, true),
  number: (description: string, salesforce?: SalesforceFieldType) => build('number', num, description, salesforce),
  integer: (description: string) => build('integer', () => z.number().int(), description),
  boolean: (description: string) => build('boolean', () => z.boolean(), description, { type: 'Checkbox' }),
  date: (description: string) =>
    build('date', () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/), description, { type: 'Date' }, true),
  datetime: (description: string) =>
    build('datetime', () => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/), description, {
      type: 'DateTime',
    }),
};

/** The metadata of a model field; throws when the schema was not made by `field`. */
export function fieldMeta(schema: z.ZodType, name: string): FieldMeta {
  const meta = fieldRegistry.get(schema);
  if (!meta) throw new Error(`Field ${name} was not built with the field helpers`);
  return meta;
}

/** The external ID every package object upserts on (`Key__c`: Text 255, unique, case-sensitive). */
export const KEY_FIELD: SalesforceFieldType = {
  type: 'Text',
  length: 255,
  externalId: true,
  unique: true,
  caseSensitive: true,
};
