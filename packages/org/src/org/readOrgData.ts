import {
  createRecordParser,
  emptyOrgDataRecords,
  orgDataObjects,
  orgDataRecords,
  readSchemas,
  type OrgData,
  type ReadObjectName,
} from '@salesops/core';
import { defaultReadObjects } from '../defaultReadObjects.js';
import { createCsvRecords } from '../csv/csvRecords.js';
import { referencedObjects } from '../csv/csvRowDecoder.js';
import { SharedTexts } from '../csv/sharedTexts.js';
import { bulkQuery, type BulkConnection } from './bulkQuery.js';
import { ALWAYS_SMALL } from './readRequestEstimate.js';
import { absenceReason, type AbsenceReason, type ReadWarning } from './readWarning.js';
import { NO_JSFORCE_RETRY, withRetry, type RetryOptions } from './retry.js';

/**
 * The part of a jsforce 3 `Connection` the reader uses (the Connection from `@salesforce/core`'s
 * `Org.getConnection()` in the CLI, or jsforce's browser build in widgets, both satisfy it). With `request` (every
 * jsforce Connection has it) every call is one HTTP request through it, with jsforce's own retries off, so retries
 * follow our policy and `requests` counts what was sent; `request` and `_transport` enable the Bulk API 2.0 path.
 * Without them the connection's own `query`/`queryMore`/`describe` are used and every object reads over REST.
 */
export interface QueryConnection extends Partial<BulkConnection> {
  query(soql: string): PromiseLike<QueryPage>;
  queryMore(locator: string): PromiseLike<QueryPage>;
  describeGlobal(): PromiseLike<{ sobjects: ReadonlyArray<{ name: string; queryable: boolean }> }>;
  describe(sobject: string): PromiseLike<{ fields: ReadonlyArray<{ name: string }> }>;
}

export interface QueryPage {
  readonly totalSize: number;
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
  readonly records: ReadonlyArray<Record<string, unknown>>;
}

/**
 * Fields the engine cannot do without that the user may not read (field-level security): codes and data, no sentence
 * (the caller words it).
 */
export class FieldAccessError extends Error {
  override readonly name = 'FieldAccessError';
  readonly code = 'FIELD_ACCESS';
  constructor(readonly fields: readonly string[]) {
    super(`FIELD_ACCESS ${fields.join(', ')}`);
  }
}

/**
 * An object every read needs (Organization) that the org did not give: codes and data, no sentence (the caller says
 * what access the user needs).
 */
export class UnreadableObjectError extends Error {
  override readonly name = 'UnreadableObjectError';
  readonly code = 'UNREADABLE_OBJECT';
  constructor(readonly sobject: string) {
    super(`UNREADABLE_OBJECT ${sobject}`);
  }
}

/** The deals that can matter for computations from `from` on (dates `YYYY-MM-DD`). */
export interface DateWindow {
  /** First day computations look at: deals closed before it are left out (open deals are always read). */
  readonly from: string;
  /** Last day: deals created after it are left out (default: no bound). */
  readonly to?: string;
}

export interface ReadOrgOptions {
  /** Restricts Opportunity, its history and line items, and the quota objects (see README). Default: everything. */
  readonly window?: DateWindow;
  /**
   * `auto` (default): Bulk API 2.0 for objects with at least `bulkThreshold` records (a COUNT() query decides; objects
   * small in every org, such as Period or OpportunityStage, skip it and read over REST).
   */
  readonly bulk?: 'auto' | 'always' | 'never';
  /** Records from which `auto` reads an object with Bulk API 2.0 (default 50,000). */
  readonly bulkThreshold?: number;
  /** Records per Bulk result page (`maxRecords`; default the server's). */
  readonly bulkPageSize?: number;
  /** First wait between Bulk job polls (default 100 ms). */
  readonly bulkPollIntervalMs?: number;
  /** Retries of 5xx answers and dropped connections. */
  readonly retry?: RetryOptions;
  /**
   * Objects read at the same time (default 1: one after another). The result, and the error when one fails, are the
   * same as with 1; after a failure no further object is started.
   */
  readonly concurrency?: number;
  /**
   * The objects to read, as `OrgData` keys (default: all but the funnel's `REVOPS_OBJECTS`, leads, campaigns and
   * activities, which only the commands that compute with them name). The others read as empty without a request or a
   * warning, for callers that compute only with some objects; `organization` is always read.
   */
  readonly objects?: ReadonlyArray<keyof OrgData>;
}

export interface OrgRead {
  readonly data: OrgData;
  /** API requests made (describes, counts, query pages, Bulk job requests; retries included). */
  readonly requests: number;
  /** Records read, all objects together. */
  readonly recordsRead: number;
  /** Objects read with Bulk API 2.0. */
  readonly bulkObjects: readonly string[];
  /** Objects the org does not have or the user cannot read (no territories, single currency, …): read as empty. */
  readonly missingObjects: readonly string[];
  /**
   * What was degraded and how (missing objects by reason, hidden fields, single currency), as codes and data for the
   * caller to word: absences first (in the objects' order), then hidden fields, then single currency.
   */
  readonly warnings: readonly ReadWarning[];
}

/**
 * Objects that are large in most orgs (or costly to query), read first when several objects are read at a time: the
 * longest reads start first, so the read ends sooner.
 */
const LARGE_FIRST: readonly ReadObjectName[] = [
  'OpportunityHistory',
  'Opportunity',
  'OpportunityLineItem',
  'ForecastingQuota',
  'ObjectTerritory2Association',
  'Account',
];

/** Error codes that mean "this object is not there for this user" rather than a failure. */
export const NOT_ACCESSIBLE = new Set([
  'INVALID_TYPE',
  'INSUFFICIENT_ACCESS',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'NOT_FOUND',
]);

/**
 * Reads everything the engine needs from an org: the objects of `OrgData` that the org has, each with the
 * schema's fields that the org exposes to the user, over REST (query + queryMore) or, for large objects, Bulk API
 * 2.0 (our own `Sforce-Locator` paging). Describe drives degradation: a missing object reads as empty, a hidden
 * optional field as null, each with a warning (`ReadWarning`: codes and data); a hidden required field stops the read (`FieldAccessError`).
 * Records are parsed by the core schemas, so bad values fail with the object, record Id and field. 5xx answers and
 * dropped connections are retried with capped exponential backoff; an expired session fails with
 * `SessionExpiredError`, which says how to log in again.
 *
 * @example
 * const { data, requests, warnings } = await readOrgData(org.getConnection(), { window: { from: '2025-02-01' } });
 */
export async function readOrgData(connection: QueryConnection, options: ReadOrgOptions = {}): Promise<OrgRead> {
  let requests = 0;
  let recordsRead = 0;
  const count = (): void => void requests++;
  const call = <T>(fn: () => PromiseLike<T>): Promise<T> => withRetry(fn, options.retry, count);
  const api = restApi(connection);
  /** Absent objects grouped by reason and refusal code, in the objects' order. */
  const absences = new Map<string, { reason: AbsenceReason; refusedWith: string | null; objects: string[] }>();
  const warnings: ReadWarning[] = [];
  const missingObjects: string[] = [];
  const bulkObjects: string[] = [];
  const canBulk = typeof connection.request === 'function' && connection._transport !== undefined;
  const mode = canBulk ? (options.bulk ?? 'auto') : 'never';
  const threshold = options.bulkThreshold ?? 50_000;
  // Bulk results are decoded from their bytes as the file reader decodes files, with one copy of each shared text
  // over the read: a deal's history rows and line items hold its Id, not copies of it.
  const shared = new SharedTexts();
  const referenced = referencedObjects();

  const global = await call(() => api.describeGlobal());
  const queryable = new Set(global.sobjects.filter((s) => s.queryable).map((s) => s.name));
  let singleCurrency = !queryable.has('CurrencyType');

  /** One object read: its rows, or why it reads as empty; what it adds to the warnings. */
  type ObjectRead =
    | {
        readonly records: unknown;
        readonly count: number;
        readonly warning: ReadWarning | null;
        readonly bulk: boolean;
      }
    /** Read as empty; `refusedWith`: the API error code when the org refused the query, else null. */
    | { readonly refusedWith: string | null };

  const readObject = async (key: keyof OrgData, sobject: ReadObjectName): Promise<ObjectRead> => {
    if (!queryable.has(sobject)) return { refusedWith: null };
    const schema = readSchemas[sobject];
    let describedFields: ReadonlyArray<{ name: string }>;
    try {
      describedFields = (await call(() => api.describe(sobject))).fields;
    } catch (e) {
      if (!NOT_ACCESSIBLE.has(errorCode(e))) throw e;
      return { refusedWith: null };
    }
    const described = new Set(describedFields.map((f) => f.name));
    const fields = Object.keys(schema.shape).filter((f) => described.has(f));
    const hiddenRequired: string[] = [];
    const hiddenOptional: string[] = [];
    for (const [name, field] of Object.entries(schema.shape)) {
      if (described.has(name)) continue;
      const optional = (field as { safeParse(v: unknown): { success: boolean } }).safeParse(null).success;
      (optional ? hiddenOptional : hiddenRequired).push(name);
    }
    // A hidden required field (Opportunity.StageName, …) stops the read; a hidden optional one reads as null.
    if (hiddenRequired.length > 0) throw new FieldAccessError(hiddenRequired.map((f) => `${sobject}.${f}`));
    const currency = hiddenOptional.indexOf('CurrencyIsoCode');
    if (currency >= 0) {
      hiddenOptional.splice(currency, 1);
      singleCurrency = true;
    }
    const warning: ReadWarning | null =
      hiddenOptional.length > 0 ? { code: 'FIELDS_HIDDEN', sobject, fields: hiddenOptional } : null;

    let records: { readonly count: number; done(): unknown };
    const where = windowFilter(sobject, options.window);
    const filter = where ? ` WHERE ${where}` : '';
    const soql = `SELECT ${fields.join(', ')} FROM ${sobject}${filter}`;
    let useBulk = mode === 'always';
    try {
      if (mode === 'auto' && !ALWAYS_SMALL.has(sobject)) {
        const counted = await call(() => api.query(`SELECT COUNT() FROM ${sobject}${filter}`));
        useBulk = counted.totalSize >= threshold;
      }
      if (useBulk) {
        const file = `${sobject} (org, Bulk API 2.0)`;
        const internIds = referenced.has(sobject);
        const csv = createCsvRecords(key, sobject, file, { shared, internIds });
        records = csv;
        const result = await bulkQuery(connection as BulkConnection, soql, (header) => csv.header(header), {
          ...(options.bulkPageSize !== undefined ? { pageSize: options.bulkPageSize } : {}),
          ...(options.bulkPollIntervalMs !== undefined ? { pollIntervalMs: options.bulkPollIntervalMs } : {}),
          ...(options.retry ? { retry: options.retry } : {}),
        });
        requests += result.requests;
      } else {
        const parse = createRecordParser(sobject, schema);
        const source = { file: `${sobject} (org)` };
        const rows = orgDataRecords(key);
        records = rows;
        let page = await call(() => api.query(soql));
        for (;;) {
          for (const record of page.records) rows.push(parse(record, source));
          const next = page.nextRecordsUrl;
          if (page.done || !next) break;
          page = await call(() => api.queryMore(next));
        }
      }
    } catch (e) {
      if (!NOT_ACCESSIBLE.has(errorCode(e))) throw e;
      return { refusedWith: errorCode(e) };
    }
    return { records: records.done(), count: records.count, warning, bulk: useBulk };
  };

  // Objects are read `concurrency` at a time, the large ones started first so that they do not finish last; the
  // results are taken in the objects' order, so the data and warnings are those of a one-by-one read.
  const wanted = new Set<keyof OrgData>([...(options.objects ?? defaultReadObjects()), 'organization']);
  const all = Object.entries(orgDataObjects) as Array<[keyof OrgData, ReadObjectName]>;
  const objects = all.filter(([key]) => wanted.has(key));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const order = objects.map((_, i) => i);
  if (concurrency > 1) {
    const rank = (i: number): number => {
      const r = LARGE_FIRST.indexOf((objects[i] as [keyof OrgData, ReadObjectName])[1]);
      return r < 0 ? LARGE_FIRST.length : r;
    };
    order.sort((a, b) => rank(a) - rank(b) || a - b);
  }
  const reads = await inOrder(
    objects.map(
      ([key, sobject]) =>
        () =>
          readObject(key, sobject),
    ),
    order,
    concurrency,
  );
  const entries: Array<[string, unknown]> = all
    .filter(([key]) => !wanted.has(key))
    .map(([key]) => [key, emptyOrgDataRecords(key)]);
  objects.forEach(([key, sobject], i) => {
    const read = reads[i] as ObjectRead;
    if ('refusedWith' in read) {
      missingObjects.push(sobject);
      entries.push([key, emptyOrgDataRecords(key)]);
      const reason = absenceReason(sobject);
      const group = `${reason} ${read.refusedWith ?? ''}`;
      const absence = absences.get(group) ?? { reason, refusedWith: read.refusedWith, objects: [] };
      absence.objects.push(sobject);
      absences.set(group, absence);
      return;
    }
    if (read.warning !== null) warnings.push(read.warning);
    if (read.bulk) bulkObjects.push(sobject);
    recordsRead += read.count;
    entries.push([key, read.records]);
  });
  const absent: ReadWarning[] = [];
  for (const { reason, refusedWith, objects } of absences.values()) {
    if (singleCurrency && objects.every((o) => o === 'CurrencyType' || o === 'DatedConversionRate')) continue;
    absent.push({ code: 'OBJECTS_ABSENT', reason, objects, refusedWith });
  }
  warnings.unshift(...absent);
  if (singleCurrency) warnings.push({ code: 'SINGLE_CURRENCY' });
  const data = Object.fromEntries(entries) as Record<string, unknown>;
  const organization = (data['organization'] as unknown[])[0];
  if (!organization) throw new UnreadableObjectError('Organization');
  return {
    data: { ...data, organization } as unknown as OrgData,
    requests,
    recordsRead,
    bulkObjects,
    missingObjects,
    warnings,
  };
}

/**
 * The REST calls of the reader: over `connection.request` (each call one HTTP request, retried by us only) when the
 * connection has it, else the connection's own methods.
 */
export function restApi(
  connection: QueryConnection,
): Pick<QueryConnection, 'describeGlobal' | 'describe' | 'query' | 'queryMore'> {
  const request = connection.request?.bind(connection);
  if (!request) return connection;
  const get = <T>(url: string): PromiseLike<T> => request({ method: 'GET', url }, NO_JSFORCE_RETRY) as PromiseLike<T>;
  return {
    describeGlobal: () => get('/sobjects'),
    describe: (sobject) => get(`/sobjects/${sobject}/describe`),
    query: (soql) => get(`/query?q=${encodeURIComponent(soql)}`),
    queryMore: (locator) => get(locator.startsWith('/') ? locator : `/query/${locator}`),
  };
}

/**
 * Runs the tasks at most `limit` at a time, started in `order` (indexes into `tasks`); resolves with their results in
 * the tasks' order, or rejects with the error of the first task (in the tasks' order) that failed. No task is started
 * after one has failed.
 */
async function inOrder<T>(
  tasks: ReadonlyArray<() => Promise<T>>,
  order: readonly number[],
  limit: number,
): Promise<T[]> {
  const started: Array<Promise<T> | undefined> = tasks.map(() => undefined);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < order.length && !failed) {
      const index = order[next++] as number;
      const result = (tasks[index] as () => Promise<T>)();
      started[index] = result;
      try {
        await result;
      } catch {
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  const results: T[] = [];
  // Without a failure every task was started; with one, the first failed task (in the tasks' order) rejects.
  for (const result of started) if (result) results.push(await result);
  return results;
}

/** The API error code of a failure (`INVALID_TYPE`, …), or its name; '' when it has neither. */
export function errorCode(e: unknown): string {
  const code = (e as { errorCode?: unknown; name?: unknown } | null)?.errorCode ?? (e as { name?: unknown })?.name;
  return typeof code === 'string' ? code : '';
}

/**
 * The WHERE clause of the date window: deals that can matter are open or closed on/after `from` (and created by
 * `to`); their history and line items follow them; quotas of periods ending on/after `from`.
 */
export function windowFilter(sobject: ReadObjectName, window: DateWindow | undefined): string | null {
  if (!window) return null;
  const { from, to } = window;
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(from) || (to !== undefined && !date.test(to))) {
    throw new RangeError(`The date window needs YYYY-MM-DD dates, got from ${from}${to ? `, to ${to}` : ''}.`);
  }
  const deals = `(CloseDate >= ${from} OR IsClosed = false)${to ? ` AND CreatedDate <= ${to}T23:59:59Z` : ''}`;
  switch (sobject) {
    case 'Opportunity':
      return deals;
    case 'OpportunityHistory':
    case 'OpportunityLineItem':
      return `OpportunityId IN (SELECT Id FROM Opportunity WHERE ${deals})`;
    case 'ForecastingQuota':
      return `StartDate >= ${from}`;
    case 'SalesOps_Quota__c':
      return `(Period_End__c >= ${from} OR (Period_End__c = null AND Period_Start__c >= ${from}))`;
    default:
      return null;
  }
}
