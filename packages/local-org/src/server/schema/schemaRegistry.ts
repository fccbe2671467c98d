import { keyPrefixes } from '../../sample-data/salesforceId.js';
import type { ForceAppSchema } from './customObjects.js';
import { field, type ChildRelationshipSchema, type FieldSchema, type ObjectSchema } from './objectSchema.js';
import { standardObjects } from './standardObjects.js';

/** Known child relationship names of standard lookups (describe's `childRelationships[].relationshipName`). */
const CHILD_RELATIONSHIP_NAMES: Record<string, string> = {
  'Opportunity.AccountId': 'Opportunities',
  'OpportunityHistory.OpportunityId': 'OpportunityHistories',
  'OpportunityLineItem.OpportunityId': 'OpportunityLineItems',
  'User.ManagerId': 'ManagedUsers',
  'UserRole.ParentRoleId': 'ChildRoles',
  'Period.FiscalYearSettingsId': 'Periods',
  'Territory2.ParentTerritory2Id': 'ChildTerritories',
  'UserTerritory2Association.Territory2Id': 'UserTerritory2Associations',
  'ObjectTerritory2Association.ObjectId': 'ObjectTerritory2Associations',
  'Account.ParentId': 'ChildAccounts',
};

/** An object's schema with case-insensitive lookups and the child relationships other objects point at it with. */
export interface ObjectEntry {
  readonly schema: ObjectSchema;
  /** Field by lower-case name. */
  readonly fields: ReadonlyMap<string, FieldSchema>;
  /** Lookup field by lower-case relationship name (`owner` → OwnerId). */
  readonly relationships: ReadonlyMap<string, FieldSchema>;
  readonly childRelationships: ChildRelationshipSchema[];
  /** `{0000}` format of an auto-number Name field, else null. */
  readonly autoNumberFormat: string | null;
}

/** All objects the local org serves, standard and custom, by case-insensitive name and by key prefix. */
export class SchemaRegistry {
  private readonly byName = new Map<string, ObjectEntry>();
  private readonly byPrefix = new Map<string, ObjectEntry>();
  private readonly hiddenObjects = new Set<string>();

  constructor(objects: readonly ObjectSchema[], autoNumbers: ReadonlyMap<string, string> = new Map()) {
    for (const schema of objects) this.add(schema, autoNumbers.get(schema.name) ?? null);
    this.linkChildren();
  }

  /** Standard objects plus `force-app/` custom objects (which replace a built-in one of the same name). */
  static create(forceApp?: ForceAppSchema): SchemaRegistry {
    const objects = new Map(standardObjects().map((o) => [o.name, o]));
    const autoNumbers = new Map<string, string>();
    if (forceApp) {
      for (const [objectName, extra] of forceApp.standardObjectFields) {
        const base = objects.get(objectName);
        if (!base) continue;
        const names = new Set(base.fields.map((f) => f.name));
        objects.set(objectName, { ...base, fields: [...base.fields, ...extra.filter((f) => !names.has(f.name))] });
      }
      const usedPrefixes = new Set([...objects.values()].map((o) => o.keyPrefix));
      let next = 1;
      const allocate = (name: string): string => {
        const known = (keyPrefixes as Record<string, string>)[name] ?? objects.get(name)?.keyPrefix;
        if (known) return known;
        let prefix: string;
        do prefix = `a${(next++).toString(36).toUpperCase().padStart(2, '0')}`;
        while (usedPrefixes.has(prefix));
        usedPrefixes.add(prefix);
        return prefix;
      };
      for (const custom of forceApp.objects) {
        const keyPrefix = allocate(custom.name);
        const system = standardFieldsOfCustomObject(custom.sharingModel === 'ControlledByParent');
        const fields = [field('Id', 'id', { label: 'Record ID' }), custom.nameField, ...system, ...custom.fields];
        objects.set(custom.name, {
          name: custom.name,
          label: custom.label,
          labelPlural: custom.labelPlural,
          keyPrefix,
          custom: true,
          createable: true,
          updateable: true,
          deletable: true,
          queryable: true,
          sharingModel: custom.sharingModel,
          sharingParentField: custom.sharingParentField,
          sharingRules: forceApp.sharingRules?.get(custom.name) ?? [],
          fields,
        });
        if (custom.autoNumberFormat) autoNumbers.set(custom.name, custom.autoNumberFormat);
        else autoNumbers.delete(custom.name);
      }
    }
    return new SchemaRegistry([...objects.values()], autoNumbers);
  }

  private add(schema: ObjectSchema, autoNumberFormat: string | null): void {
    const fields = new Map(schema.fields.map((f) => [f.name.toLowerCase(), f]));
    const relationships = new Map<string, FieldSchema>();
    for (const f of schema.fields) {
      if (f.relationshipName) relationships.set(f.relationshipName.toLowerCase(), f);
    }
    const entry: ObjectEntry = { schema, fields, relationships, childRelationships: [], autoNumberFormat };
    this.byName.set(schema.name.toLowerCase(), entry);
    this.byPrefix.set(schema.keyPrefix, entry);
  }

  private linkChildren(): void {
    for (const child of this.byName.values()) {
      for (const f of child.schema.fields) {
        for (const target of f.referenceTo) {
          const parent = this.byName.get(target.toLowerCase());
          if (!parent) continue;
          const key = `${child.schema.name}.${f.name}`;
          const relationshipName =
            CHILD_RELATIONSHIP_NAMES[key] ?? (f.custom && f.relationshipName ? pluralRelationship(child.schema) : null);
          parent.childRelationships.push({ childSObject: child.schema.name, field: f.name, relationshipName });
        }
      }
    }
  }

  get(name: string): ObjectEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  byKeyPrefix(prefix: string): ObjectEntry | undefined {
    return this.byPrefix.get(prefix);
  }

  all(): ObjectEntry[] {
    return [...this.byName.values()]
      .filter((e) => !this.hiddenObjects.has(e.schema.name.toLowerCase()))
      .sort((a, b) => a.schema.name.localeCompare(b.schema.name));
  }

  /** Whether API clients cannot see the object (see {@link SchemaRegistry.hide}). */
  isHidden(name: string): boolean {
    return this.hiddenObjects.has(name.toLowerCase());
  }

  /**
   * Hides objects (`ForecastingQuota`) and fields (`Opportunity.CurrencyIsoCode`) from API clients, as a feature
   * that is off, a missing permission or field-level security do: hidden objects leave describeGlobal, answer 404 on
   * describe and INVALID_TYPE in queries (they are not queryable); hidden fields leave describe and answer
   * INVALID_FIELD in queries. The records stay in the store.
   */
  hide(hidden: { readonly objects?: readonly string[]; readonly fields?: readonly string[] }): void {
    for (const name of hidden.objects ?? []) {
      const entry = this.get(name);
      if (!entry) continue;
      this.hiddenObjects.add(entry.schema.name.toLowerCase());
      this.replace(entry, { ...entry.schema, queryable: false });
    }
    for (const path of hidden.fields ?? []) {
      const [objectName = '', fieldName = ''] = path.split('.');
      const entry = this.get(objectName);
      if (!entry || !entry.fields.has(fieldName.toLowerCase())) continue;
      this.replace(entry, {
        ...entry.schema,
        fields: entry.schema.fields.filter((f) => f.name.toLowerCase() !== fieldName.toLowerCase()),
      });
    }
  }

  private replace(entry: ObjectEntry, schema: ObjectSchema): void {
    const childRelationships = entry.childRelationships;
    this.add(schema, entry.autoNumberFormat);
    (this.get(schema.name) as { childRelationships: ChildRelationshipSchema[] }).childRelationships.push(
      ...childRelationships,
    );
  }

  /** Adds an object inferred from a CSV file whose object the registry does not know. */
  addInferred(schema: ObjectSchema): ObjectEntry {
    this.add(schema, null);
    return this.get(schema.name) as ObjectEntry;
  }

  /** Adds a field (e.g. a CSV column the schema lacks) to an object. */
  addField(objectName: string, extra: FieldSchema): void {
    const entry = this.get(objectName);
    if (!entry || entry.fields.has(extra.name.toLowerCase())) return;
    const schema = { ...entry.schema, fields: [...entry.schema.fields, extra] };
    const childRelationships = entry.childRelationships;
    this.add(schema, entry.autoNumberFormat);
    (this.get(objectName) as { childRelationships: ChildRelationshipSchema[] }).childRelationships.push(
      ...childRelationships,
    );
  }
}

function standardFieldsOfCustomObject(detail: boolean): FieldSchema[] {
  const audit = { createable: false, updateable: false, nillable: false, defaultedOnCreate: true };
  const fields: FieldSchema[] = [];
  if (!detail) {
    fields.push(
      field('OwnerId', 'reference', {
        referenceTo: ['User'],
        relationshipName: 'Owner',
        nillable: false,
        defaultedOnCreate: true,
      }),
    );
  }
  fields.push(
    field('IsDeleted', 'boolean', audit),
    field('CreatedDate', 'datetime', audit),
    field('CreatedById', 'reference', { ...audit, referenceTo: ['User'] }),
    field('LastModifiedDate', 'datetime', audit),
    field('LastModifiedById', 'reference', { ...audit, referenceTo: ['User'] }),
    field('SystemModstamp', 'datetime', audit),
  );
  return fields;
}

function pluralRelationship(schema: ObjectSchema): string {
  return schema.labelPlural.replace(/[^A-Za-z0-9]+/g, '_') + '__r';
}
