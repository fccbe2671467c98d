/**
 * Record writes as the platform performs them: field checks (exists, createable/updateable, type, length,
 * restricted picklist), lookups that must point at existing records of the right object, required fields, unique
 * and external-ID uniqueness, system fields, and the standard objects' derived values (an Opportunity's IsClosed,
 * IsWon, default probability and forecast category from its stage, and an OpportunityHistory row for each change of
 * stage, amount, close date, probability or forecast category). Every change is recorded in an undo log so that an
 * all-or-none request can roll back.
 *
 * Error codes and messages follow the API's StatusCode values
 * (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#statuscode).
 */
import type { OrgStore, Table } from './data/orgStore.js';
import { moveToRecycleBin } from './recycleBin.js';
import { normalizeId, valueFromInput, type FieldError, type StoredRecord, type Value } from './data/values.js';
import type { FieldSchema } from './schema/objectSchema.js';
import type { SharingModel, Viewer } from './sharing.js';

export interface WriteContext {
  readonly store: OrgStore;
  readonly sharing: SharingModel;
  readonly viewer: Viewer;
  /** Now, as a UTC ISO datetime (`…Z`), for the audit fields. */
  readonly now: string;
  readonly undo: (() => void)[];
}

export interface SaveOutcome {
  readonly success: boolean;
  readonly id: string | null;
  readonly errors: FieldError[];
  /** Upserts: whether the record was created. */
  readonly created?: boolean;
}

const HISTORY_FIELDS = ['StageName', 'Amount', 'CloseDate', 'Probability', 'ForecastCategoryName'] as const;

/** The API value OpportunityHistory.ForecastCategory stores for an Opportunity.ForecastCategoryName label. */
const FORECAST_CATEGORY_API: Record<string, string> = {
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Omitted: 'Omitted',
  Closed: 'Closed',
};

function failure(errors: FieldError[], id: string | null = null): SaveOutcome {
  return { success: false, id, errors };
}

export function error(statusCode: string, message: string, fields: string[] = []): FieldError {
  return { statusCode, message, fields };
}

/** Converts and checks a request's field values; errors per field, or the values to store. */
function convertValues(
  context: WriteContext,
  table: Table,
  input: Readonly<Record<string, unknown>>,
  mode: 'create' | 'update',
): { values: StoredRecord; errors: FieldError[] } {
  const values: StoredRecord = {};
  const errors: FieldError[] = [];
  const notWritable: string[] = [];
  for (const [key, raw] of Object.entries(input)) {
    if (key === 'attributes') continue;
    const f = table.entry.fields.get(key.toLowerCase());
    if (!f) {
      errors.push(error('INVALID_FIELD', `No such column '${key}' on sobject of type ${table.entry.schema.name}`, []));
      continue;
    }
    if (f.name === 'Id') {
      if (mode === 'create')
        errors.push(error('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']));
      continue;
    }
    if (mode === 'create' ? !f.createable : !f.updateable) {
      notWritable.push(f.name);
      continue;
    }
    const converted = valueFromInput(raw, f);
    if ('error' in converted) {
      errors.push(converted.error);
      continue;
    }
    if (converted.value !== null && f.type === 'reference') {
      const problem = checkReference(context.store, f, converted.value as string);
      if (problem) {
        errors.push(problem);
        continue;
      }
    }
    values[f.name] = converted.value;
  }
  if (notWritable.length > 0) {
    errors.push(
      error(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${notWritable.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        notWritable,
      ),
    );
  }
  return { values, errors };
}

function checkReference(store: OrgStore, f: FieldSchema, id: string): FieldError | undefined {
  const target = store.findById(id);
  const targetName = target?.table.entry.schema.name;
  const prefixOk = f.referenceTo.some((t) => store.schema.get(t)?.schema.keyPrefix === id.slice(0, 3));
  if (!prefixOk) return error('FIELD_INTEGRITY_EXCEPTION', `${f.label}: id value of incorrect type: ${id}`, [f.name]);
  if (!target || target.record['IsDeleted'] === true || !f.referenceTo.includes(targetName as string)) {
    return error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [f.name]);
  }
  return undefined;
}

function checkRequired(table: Table, record: StoredRecord): FieldError | undefined {
  const missing = table.entry.schema.fields
    .filter((f) => f.createable && !f.nillable && !f.defaultedOnCreate && (record[f.name] ?? null) === null)
    .map((f) => f.name);
  return missing.length > 0
    ? error('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing)
    : undefined;
}

function checkUnique(context: WriteContext, table: Table, record: StoredRecord, self?: StoredRecord): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of table.entry.schema.fields) {
    if (!f.unique || f.name === 'Id') continue;
    const value = record[f.name] ?? null;
    if (value === null) continue;
    const other = context.store.findByUnique(table, f, value);
    if (other && other !== self) {
      errors.push(
        error(
          'DUPLICATE_VALUE',
          `duplicate value found: ${f.name} duplicates value on record with id: ${String(other['Id'])}`,
          [],
        ),
      );
    }
  }
  return errors;
}

/** Stage-derived Opportunity fields, line item name and total (what the platform computes on save). */
function derive(context: WriteContext, table: Table, record: StoredRecord, given: StoredRecord): void {
  const name = table.entry.schema.name;
  if (name === 'Opportunity') {
    if ('StageName' in given) {
      const stage = context.store
        .table('OpportunityStage')
        ?.records.find((s) => String(s['MasterLabel']).toLowerCase() === String(record['StageName']).toLowerCase());
      if (stage) {
        record['IsClosed'] = stage['IsClosed'] ?? false;
        record['IsWon'] = stage['IsWon'] ?? false;
        if (!('Probability' in given)) record['Probability'] = stage['DefaultProbability'] ?? null;
        if (!('ForecastCategoryName' in given)) record['ForecastCategoryName'] = stage['ForecastCategoryName'] ?? null;
      }
    }
    const amount = record['Amount'];
    const probability = record['Probability'];
    record['ExpectedRevenue'] =
      typeof amount === 'number' && typeof probability === 'number' ? Math.round(amount * probability) / 100 : null;
  } else if (name === 'OpportunityLineItem') {
    if (!('TotalPrice' in given) && typeof record['UnitPrice'] === 'number' && typeof record['Quantity'] === 'number') {
      record['TotalPrice'] = Math.round(record['UnitPrice'] * record['Quantity'] * 100) / 100;
    }
    if (!('UnitPrice' in given) && typeof record['TotalPrice'] === 'number' && typeof record['Quantity'] === 'number') {
      record['UnitPrice'] =
        record['Quantity'] === 0 ? null : Math.round((record['TotalPrice'] / record['Quantity']) * 100) / 100;
    }
    const opportunity = context.store.get('Opportunity', String(record['OpportunityId']));
    const product = context.store.get('Product2', String(record['Product2Id'] ?? ''));
    record['Name'] = [opportunity?.['Name'], product?.['Name']].filter((v) => v).join(' ') || null;
  }
}

function addHistory(context: WriteContext, opportunity: StoredRecord): void {
  const table = context.store.table('OpportunityHistory');
  if (!table) return;
  const category = opportunity['ForecastCategoryName'];
  const row: StoredRecord = {};
  for (const f of table.entry.schema.fields) row[f.name] = f.type === 'boolean' ? false : null;
  Object.assign(row, {
    Id: context.store.newId('OpportunityHistory'),
    OpportunityId: opportunity['Id'] ?? null,
    CreatedDate: context.now,
    CreatedById: context.viewer.userId,
    SystemModstamp: context.now,
    IsDeleted: false,
    StageName: opportunity['StageName'] ?? null,
    Amount: opportunity['Amount'] ?? null,
    CloseDate: opportunity['CloseDate'] ?? null,
    Probability: opportunity['Probability'] ?? null,
    ForecastCategory: typeof category === 'string' ? (FORECAST_CATEGORY_API[category] ?? category) : null,
    ExpectedRevenue: opportunity['ExpectedRevenue'] ?? null,
  });
  context.store.add(table, row);
  context.undo.push(() => context.store.remove(table, row));
}

/** Inserts one record. */
export function createRecord(
  context: WriteContext,
  objectName: string,
  input: Readonly<Record<string, unknown>>,
): SaveOutcome {
  const table = context.store.table(objectName);
  if (!table) return failure([error('INVALID_TYPE', `sObject type '${objectName}' is not supported.`)]);
  if (!table.entry.schema.createable) {
    return failure([
      error('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type ${table.entry.schema.name} does not support insert`),
    ]);
  }
  const { values, errors } = convertValues(context, table, input, 'create');
  if (errors.length > 0) return failure(errors);
  const record: StoredRecord = {};
  for (const f of table.entry.schema.fields) {
    record[f.name] = f.defaultValue === null ? null : (f.defaultValue as Value);
  }
  Object.assign(record, values);
  const id = context.store.newId(table.entry.schema.name);
  record['Id'] = id;
  const fields = table.entry.fields;
  if (fields.has('ownerid') && record['OwnerId'] === null) record['OwnerId'] = context.viewer.userId;
  for (const [key, value] of [
    ['CreatedDate', context.now],
    ['LastModifiedDate', context.now],
    ['SystemModstamp', context.now],
    ['CreatedById', context.viewer.userId],
    ['LastModifiedById', context.viewer.userId],
    ['IsDeleted', false],
  ] as const) {
    if (fields.has(key.toLowerCase())) record[key] = value;
  }
  if (table.entry.autoNumberFormat && record['Name'] === null) {
    record['Name'] = context.store.nextAutoNumber(table.entry.schema.name, table.entry.autoNumberFormat);
  }
  derive(context, table, record, values);
  const problems = [checkRequired(table, record), ...checkUnique(context, table, record)].filter(
    (e): e is FieldError => e !== undefined,
  );
  if (problems.length > 0) return failure(problems);
  context.store.add(table, record);
  context.undo.push(() => context.store.remove(table, record));
  if (table.entry.schema.name === 'Opportunity') addHistory(context, record);
  return { success: true, id, errors: [] };
}

/** Updates one record by id. */
export function updateRecord(
  context: WriteContext,
  objectName: string | null,
  id: string,
  input: Readonly<Record<string, unknown>>,
): SaveOutcome {
  const found = findForWrite(context, objectName, id);
  if ('error' in found) return failure([found.error], normalizeId(id) ?? id);
  const { table, record } = found;
  if (!table.entry.schema.updateable) {
    return failure(
      [error('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type ${table.entry.schema.name} does not support update`)],
      String(record['Id']),
    );
  }
  const { values, errors } = convertValues(context, table, input, 'update');
  if (errors.length > 0) return failure(errors, String(record['Id']));
  const next: StoredRecord = { ...record, ...values };
  if (table.entry.fields.has('lastmodifieddate')) next['LastModifiedDate'] = context.now;
  if (table.entry.fields.has('systemmodstamp')) next['SystemModstamp'] = context.now;
  if (table.entry.fields.has('lastmodifiedbyid')) next['LastModifiedById'] = context.viewer.userId;
  derive(context, table, next, values);
  const problems = [checkRequired(table, next), ...checkUnique(context, table, next, record)].filter(
    (e): e is FieldError => e !== undefined,
  );
  if (problems.length > 0) return failure(problems, String(record['Id']));
  const before = { ...record };
  const changedHistory =
    table.entry.schema.name === 'Opportunity' && HISTORY_FIELDS.some((f) => (record[f] ?? null) !== (next[f] ?? null));
  context.store.assign(table, record, next);
  context.undo.push(() => context.store.assign(table, record, before));
  if (changedHistory) addHistory(context, record);
  return { success: true, id: String(record['Id']), errors: [] };
}

/** Deletes one record by id, with the children it controls (they stay queryable through queryAll: recycleBin.ts). */
export function deleteRecord(context: WriteContext, objectName: string | null, id: string): SaveOutcome {
  const found = findForWrite(context, objectName, id);
  if ('error' in found) return failure([found.error], normalizeId(id) ?? id);
  const { table, record } = found;
  if (!table.entry.schema.deletable) {
    return failure(
      [error('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id')],
      String(record['Id']),
    );
  }
  moveToRecycleBin(context, table, record);
  return { success: true, id: String(record['Id']), errors: [] };
}

/**
 * Upserts one record by an external ID field (or `Id`): updates the one record whose field equals the value,
 * creates one when none does, fails with MULTIPLE_CHOICES when several do.
 */
export function upsertRecord(
  context: WriteContext,
  objectName: string,
  externalField: FieldSchema,
  externalValue: Value,
  input: Readonly<Record<string, unknown>>,
): SaveOutcome {
  const table = context.store.table(objectName) as Table;
  const body: Record<string, unknown> = { ...input };
  for (const key of Object.keys(body)) if (key.toLowerCase() === externalField.name.toLowerCase()) delete body[key];
  if (externalField.name === 'Id') {
    if (externalValue === null || externalValue === '') return createRecord(context, objectName, body);
    const outcome = updateRecord(context, objectName, String(externalValue), body);
    return { ...outcome, created: false };
  }
  const converted = valueFromInput(externalValue, externalField);
  if ('error' in converted) return failure([converted.error]);
  const value = converted.value;
  const matches =
    value === null
      ? []
      : externalField.unique
        ? [context.store.findByUnique(table, externalField, value)].filter((r): r is StoredRecord => r !== undefined)
        : table.records.filter(
            (r) =>
              r['IsDeleted'] !== true &&
              r[externalField.name] !== null &&
              (externalField.caseSensitive
                ? r[externalField.name] === value
                : String(r[externalField.name]).toLowerCase() === String(value).toLowerCase()),
          );
  if (matches.length > 1) {
    return failure([
      error(
        'MULTIPLE_CHOICES',
        `The value for ${externalField.name} matches more than one record: ${matches.map((m) => String(m['Id'])).join(', ')}`,
        [externalField.name],
      ),
    ]);
  }
  const match = matches[0];
  if (match) {
    if (
      !context.sharing.canSee(context.viewer, table, match) ||
      !context.sharing.canEdit(context.viewer, table, match)
    ) {
      return failure([error('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id')]);
    }
    const outcome = updateRecord(context, objectName, String(match['Id']), body);
    return outcome.success ? { ...outcome, created: false } : failure(outcome.errors);
  }
  const outcome = createRecord(context, objectName, { ...body, [externalField.name]: value });
  return outcome.success ? { ...outcome, created: true } : outcome;
}

function findForWrite(
  context: WriteContext,
  objectName: string | null,
  id: string,
): { table: Table; record: StoredRecord } | { error: FieldError } {
  const normalized = normalizeId(id);
  if (!normalized) return { error: error('MALFORMED_ID', `malformed id ${id}`, ['Id']) };
  const found = context.store.findById(normalized);
  if (!found || (objectName !== null && found.table.entry.schema.name.toLowerCase() !== objectName.toLowerCase())) {
    return { error: error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id') };
  }
  if (found.record['IsDeleted'] === true) return { error: error('ENTITY_IS_DELETED', 'entity is deleted') };
  if (!context.sharing.canSee(context.viewer, found.table, found.record)) {
    return { error: error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id') };
  }
  if (!context.sharing.canEdit(context.viewer, found.table, found.record)) {
    return { error: error('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id') };
  }
  return found;
}

/** Rolls back everything recorded in the undo log, newest first. */
export function rollback(context: WriteContext): void {
  for (let i = context.undo.length - 1; i >= 0; i--) (context.undo[i] as () => void)();
  context.undo.length = 0;
}
