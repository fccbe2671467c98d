/**
 * The schema the local org serves: per object, its fields with the describe properties that matter for reads
 * (type, reference target, relationship name) and writes (nillable, createable, updateable, length, external ID).
 * Standard objects come from `standardObjects.ts`, custom objects and fields from `force-app/` metadata.
 */
import type { CriteriaSharingRule } from './sharingRules.js';

/** Salesforce describe field types (`DescribeFieldResult.type`) the local org knows. */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'reference'
  | 'email'
  | 'phone'
  | 'url';

export interface FieldSchema {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  /** Maximum characters for text types; 0 for the others (as describe reports it). */
  readonly length: number;
  /** Digits for numbers (describe's precision/scale; digits for int). */
  readonly precision: number;
  readonly scale: number;
  readonly nillable: boolean;
  readonly createable: boolean;
  readonly updateable: boolean;
  /** Given a value by the platform on create when the request has none (OwnerId, CreatedDate, checkboxes). */
  readonly defaultedOnCreate: boolean;
  readonly defaultValue: string | number | boolean | null;
  readonly externalId: boolean;
  readonly unique: boolean;
  readonly caseSensitive: boolean;
  readonly nameField: boolean;
  readonly custom: boolean;
  readonly referenceTo: readonly string[];
  /** `Owner` for `OwnerId`, `Rep__r` for `Rep__c`; null when the field is not a lookup. */
  readonly relationshipName: string | null;
  readonly picklistValues: readonly string[];
  readonly restrictedPicklist: boolean;
}

/** Organization-wide default: who sees a record besides its owner and the owner's managers. */
export type SharingModel = 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent';

export interface ChildRelationshipSchema {
  readonly childSObject: string;
  readonly field: string;
  readonly relationshipName: string | null;
}

export interface ObjectSchema {
  readonly name: string;
  readonly label: string;
  readonly labelPlural: string;
  readonly keyPrefix: string;
  readonly custom: boolean;
  readonly createable: boolean;
  readonly updateable: boolean;
  readonly deletable: boolean;
  readonly queryable: boolean;
  readonly sharingModel: SharingModel;
  /**
   * For ControlledByParent: the lookup field whose record's visibility decides this one's; with several (an
   * activity's WhatId, WhoId), the first that holds a value decides.
   */
  readonly sharingParentField: string | readonly string[] | null;
  /** Criteria-based sharing rules (force-app/…/sharingRules): Private records they match are readable by all. */
  readonly sharingRules?: readonly CriteriaSharingRule[];
  readonly fields: readonly FieldSchema[];
}

/** Text-like types: compared case-insensitively, checked against `length`. */
export function isTextType(type: FieldType): boolean {
  return (
    type === 'string' ||
    type === 'textarea' ||
    type === 'picklist' ||
    type === 'multipicklist' ||
    type === 'email' ||
    type === 'phone' ||
    type === 'url'
  );
}

export function isNumberType(type: FieldType): boolean {
  return type === 'int' || type === 'double' || type === 'currency' || type === 'percent';
}

export function isIdType(type: FieldType): boolean {
  return type === 'id' || type === 'reference';
}

export type FieldOptions = Partial<Omit<FieldSchema, 'name' | 'type'>>;

/** A field with describe's defaults for its type, overridden by `options`. */
export function field(name: string, type: FieldType, options: FieldOptions = {}): FieldSchema {
  const custom = name.endsWith('__c');
  const textLength =
    type === 'string' ? 255 : type === 'textarea' ? 255 : type === 'picklist' || type === 'multipicklist' ? 255 : 0;
  const length =
    type === 'id' || type === 'reference'
      ? 18
      : type === 'email' || type === 'url'
        ? type === 'email'
          ? 80
          : 255
        : type === 'phone'
          ? 40
          : textLength;
  const isReadOnly = type === 'id';
  return {
    name,
    label: options.label ?? labelOf(name),
    type,
    length: options.length ?? length,
    precision: options.precision ?? (type === 'currency' ? 18 : type === 'double' || type === 'percent' ? 18 : 0),
    scale: options.scale ?? (type === 'currency' || type === 'percent' ? 2 : 0),
    nillable: options.nillable ?? (type !== 'id' && type !== 'boolean'),
    createable: options.createable ?? !isReadOnly,
    updateable: options.updateable ?? !isReadOnly,
    defaultedOnCreate: options.defaultedOnCreate ?? (type === 'id' || type === 'boolean'),
    defaultValue: options.defaultValue ?? (type === 'boolean' ? false : null),
    externalId: options.externalId ?? false,
    unique: options.unique ?? false,
    caseSensitive: options.caseSensitive ?? false,
    nameField: options.nameField ?? false,
    custom: options.custom ?? custom,
    referenceTo: options.referenceTo ?? [],
    relationshipName:
      options.relationshipName !== undefined
        ? options.relationshipName
        : type === 'reference'
          ? relationshipNameOf(name)
          : null,
    picklistValues: options.picklistValues ?? [],
    restrictedPicklist: options.restrictedPicklist ?? false,
  };
}

/** `OwnerId` → `Owner`, `Rep__c` → `Rep__r`, `ParentRoleId` → `ParentRole`. */
export function relationshipNameOf(fieldName: string): string | null {
  if (fieldName.endsWith('__c')) return fieldName.slice(0, -3) + '__r';
  if (fieldName.endsWith('Id') && fieldName.length > 2) return fieldName.slice(0, -2);
  return null;
}

/** `LastActivityDate` → `Last Activity Date`, `Period_Start__c` → `Period Start`. */
export function labelOf(name: string): string {
  const base = name.replace(/__c$/, '').replace(/_/g, ' ');
  if (name.endsWith('__c')) return base;
  return base.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/ Id$/, ' ID');
}
