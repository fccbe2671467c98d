// zod/mini: the model runs in the widgets' browser bundles too, where classic zod's method-laden classes would cost
// ≈25 KB gzip per page; mini schemas are the same zod core (parse, infer, registries) without them.
import * as z from 'zod/mini';
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

function build<T extends z.ZodMiniType>(
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
  const registered = <S extends z.ZodMiniType>(schema: S, nullable: boolean): S => {
    fieldRegistry.add(schema, meta(nullable));
    z.globalRegistry.add(schema, { description });
    return schema;
  };
  const coerced = <S extends z.ZodMiniType>(schema: S) => z.pipe(z.transform(coerceWireValue[kind]), schema);
  return {
    /** A field that may be null (the usual case in Salesforce). */
    nullable: () => registered(coerced(z.nullable(base())), true),
    /** A field that must be present and non-null. */
    required: () => registered(coerced(base()), false),
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
  id: (description: string) => build('id', () => z.string().check(z.regex(ID)), description),
  reference: (description: string, referenceTo: string) =>
    build('id', () => z.string().check(z.regex(ID)), description, { type: 'Lookup', referenceTo }, true),
  text: (description: string, salesforce?: SalesforceFieldType) => build('text', text, description, salesforce),
  /** Text from a small set of values (a picklist, a currency code). */
  picklist: (description: string) => build('text', text, description, undefined, true),
  number: (description: string, salesforce?: SalesforceFieldType) => build('number', num, description, salesforce),
  integer: (description: string) => build('integer', () => z.int(), description),
  boolean: (description: string) => build('boolean', () => z.boolean(), description, { type: 'Checkbox' }),
  date: (description: string) =>
    build('date', () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), description, { type: 'Date' }, true),
  datetime: (description: string) =>
    build('datetime', () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)), description, {
      type: 'DateTime',
    }),
};

/** A model field's description (what `field.*(description)` was given), for metadata and docs. */
export function fieldDescription(schema: z.core.$ZodType): string | undefined {
  return z.globalRegistry.get(schema)?.description;
}

/** The metadata of a model field; throws when the schema was not made by `field`. */
export function fieldMeta(schema: z.core.$ZodType, name: string): FieldMeta {
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
