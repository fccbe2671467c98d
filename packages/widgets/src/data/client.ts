import {
  createOrgSnapshot,
  emptyOrgDataRecords,
  orgDataObjects,
  REVOPS_OBJECTS,
  type OrgData,
  type OrgSnapshot,
} from '@salesops/core';
import { readOrgData, type QueryConnection } from '@salesops/org/browser';

/** A stored result record (SalesOps_*__c) as the REST API returns it. */
export type StoredRecord = Readonly<Record<string, unknown>>;

/**
 * A filter value: a string (quoted), one of several strings (`{ in: [...] }`), or a date (`{ date: 'YYYY-MM-DD' }`, a
 * SOQL date literal, unquoted) compared with `op` (default `=`).
 */
export type StoredValue =
  string | { readonly in: readonly string[] } | { readonly date: string; readonly op?: '=' | '<=' | '>=' };

/** A narrow, injection-safe query of one result object: equality, IN and date-range filters. */
export interface StoredQuery {
  readonly sobject: string;
  readonly fields: readonly string[];
  readonly where?: Readonly<Record<string, StoredValue>>;
  readonly orderBy?: string;
  readonly limit?: number;
}

/** An object of the org data, by its `OrgData` key (`opportunities`, `accounts`, …). */
export type OrgObject = keyof OrgData;

/** The objects every element computes with (calendar, currency, users, roles, deals, history, stages, quotas). */
export const CORE_OBJECTS: readonly OrgObject[] = [
  'organization',
  'fiscalYearSettings',
  'periods',
  'users',
  'userRoles',
  'opportunities',
  'opportunityHistory',
  'opportunityStages',
  'forecastingTypes',
  'forecastingQuotas',
  'salesOpsQuotas',
  'currencyTypes',
  'datedConversionRates',
];

const EVERY_OBJECT = Object.keys(orgDataObjects) as OrgObject[];
/** What an element gets without naming its objects: everything but the funnel's leads, campaigns and activities. */
const DEFAULT_OBJECTS = EVERY_OBJECT.filter((o) => !(REVOPS_OBJECTS as readonly string[]).includes(o));

/** `data` with the objects not in `objects` empty (what a read of those objects alone gives). */
function onlyObjects(data: OrgData, objects: ReadonlySet<OrgObject>): OrgData {
  const out: Record<string, unknown> = { ...data };
  for (const key of EVERY_OBJECT) if (key !== 'organization' && !objects.has(key)) out[key] = emptyOrgDataRecords(key);
  return out as unknown as OrgData;
}

/**
 * What the elements read through: the org data the engine computes live figures from (read once, shared), and the
 * stored results the CLI wrote back (one query each).
 */
export interface SalesopsClient {
  /**
   * The org data as an engine snapshot. `objects`: the objects the caller computes with (default: all but the funnel's
   * leads, campaigns and activities); the others
   * may be left empty, so an element does not wait for objects it does not use.
   */
  orgSnapshot(objects?: readonly OrgObject[]): Promise<OrgSnapshot>;
  storedResults(query: StoredQuery): Promise<readonly StoredRecord[]>;
}

/** The user lacks access to an object or field the element needs (its no-permission state). */
export class NoPermissionError extends Error {
  override readonly name = 'NoPermissionError';
}

const PERMISSION_CODES = new Set(['INSUFFICIENT_ACCESS', 'INSUFFICIENT_ACCESS_OR_READONLY', 'API_DISABLED_FOR_ORG']);
const MISSING_CODES = new Set(['INVALID_TYPE', 'NOT_FOUND']);

const errorCodeOf = (e: unknown): string | undefined => {
  const code = (e as { errorCode?: unknown; name?: unknown } | null)?.errorCode;
  return typeof code === 'string' ? code : undefined;
};

/** True when an error means "not allowed" rather than "failed". */
export function isPermissionError(e: unknown): boolean {
  if (e instanceof NoPermissionError) return true;
  const name = (e as { name?: unknown } | null)?.name;
  // A field the engine needs, or the Organization record, that the user cannot read.
  if (name === 'FieldAccessError' || name === 'UnreadableObjectError') return true;
  const code = errorCodeOf(e);
  return code !== undefined && PERMISSION_CODES.has(code);
}

/** A SOQL string literal: quotes and backslashes escaped. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const FIELD = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** The SOQL of a stored query; field and object names are checked, values are quoted. */
export function storedQuerySoql(query: StoredQuery): string {
  const names = [query.sobject, ...query.fields, ...Object.keys(query.where ?? {})];
  const order = query.orderBy?.split(',').map((o) => o.trim()) ?? [];
  names.push(...order.map((o) => o.replace(/\s+(ASC|DESC)$/i, '')));
  for (const name of names) if (!FIELD.test(name)) throw new Error(`Not an API name: ${name}`);
  const where = Object.entries(query.where ?? {}).map(([field, value]) => {
    if (typeof value === 'string') return `${field} = ${soqlString(value)}`;
    if ('in' in value) return `${field} IN (${value.in.map(soqlString).join(', ')})`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.date)) throw new Error(`Not a date: ${value.date}`);
    return `${field} ${value.op ?? '='} ${value.date}`;
  });
  return [
    `SELECT ${query.fields.join(', ')} FROM ${query.sobject}`,
    where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '',
    order.length > 0 ? ` ORDER BY ${order.join(', ')}` : '',
    query.limit !== undefined ? ` LIMIT ${Math.max(1, Math.floor(query.limit))}` : '',
  ].join('');
}

/**
 * A client over a jsforce `Connection` (the browser build inside Visualforce, or any object with `query`,
 * `queryMore`, `describeGlobal` and `describe`). The org data is read over REST with `readOrgData`, several objects at
 * a time, each object once for every element under the same provider: an element's first snapshot waits only for
 * the objects it computes with.
 *
 * @example
 * const client = createConnectionClient(new jsforce.Connection({ accessToken: sessionId }));
 */
export function createConnectionClient(connection: QueryConnection): SalesopsClient {
  /** Each object's read (shared by the reads that started together). */
  const reads = new Map<OrgObject, Promise<OrgData>>();
  const snapshots = new Map<string, Promise<OrgSnapshot>>();
  return {
    orgSnapshot(objects = DEFAULT_OBJECTS) {
      const wanted = new Set<OrgObject>(['organization', ...objects]);
      const key = EVERY_OBJECT.filter((o) => wanted.has(o)).join();
      let snapshot = snapshots.get(key);
      if (snapshot) return snapshot;
      const unread = [...wanted].filter((o) => !reads.has(o));
      if (unread.length > 0) {
        const read = readOrgData(connection, { bulk: 'never', concurrency: 6, objects: unread }).then((r) => r.data);
        for (const o of unread) reads.set(o, read);
        // A failed read is not cached: a retry reads again.
        read.catch(() => {
          for (const o of unread) if (reads.get(o) === read) reads.delete(o);
        });
      }
      snapshot = Promise.all([...wanted].map(async (o) => [o, (await reads.get(o))?.[o]] as const)).then((parts) =>
        createOrgSnapshot(onlyObjects(Object.fromEntries(parts) as unknown as OrgData, wanted)),
      );
      snapshots.set(key, snapshot);
      snapshot.catch(() => {
        if (snapshots.get(key) === snapshot) snapshots.delete(key);
      });
      return snapshot;
    },
    async storedResults(query) {
      try {
        let page = await connection.query(storedQuerySoql(query));
        const records = [...page.records];
        while (!page.done && page.nextRecordsUrl) {
          page = await connection.queryMore(page.nextRecordsUrl);
          records.push(...page.records);
        }
        return records;
      } catch (e) {
        // The package objects are not deployed (or not visible): no stored results, live figures only.
        const code = errorCodeOf(e);
        if (code !== undefined && MISSING_CODES.has(code)) return [];
        throw e;
      }
    },
  };
}

/**
 * A client over data in memory: the gallery's and the tests' fixtures. Stored results are filtered by the query's
 * equality conditions.
 */
export function createFixtureClient(
  data: OrgData,
  stored: Readonly<Record<string, readonly StoredRecord[]>> = {},
): SalesopsClient {
  const snapshots = new Map<string, OrgSnapshot>();
  return {
    orgSnapshot(objects = DEFAULT_OBJECTS) {
      // The same objects as the connection client reads: the others are empty.
      const wanted = new Set<OrgObject>(['organization', ...objects]);
      const key = EVERY_OBJECT.filter((o) => wanted.has(o)).join();
      let snapshot = snapshots.get(key);
      if (!snapshot) {
        snapshot = createOrgSnapshot(onlyObjects(data, wanted));
        snapshots.set(key, snapshot);
      }
      return Promise.resolve(snapshot);
    },
    storedResults(query) {
      storedQuerySoql(query); // the same name checks as the org client
      const rows = (stored[query.sobject] ?? []).filter((r) =>
        Object.entries(query.where ?? {}).every(([field, value]) => storedValueMatches(r[field], value)),
      );
      return Promise.resolve(sortStored(rows, query.orderBy).slice(0, query.limit ?? rows.length));
    },
  };
}

/** Whether a stored field value meets a filter value (the fixture client's WHERE). */
function storedValueMatches(actual: unknown, value: StoredValue): boolean {
  if (typeof value === 'string') return actual === value;
  if ('in' in value) return typeof actual === 'string' && value.in.includes(actual);
  if (typeof actual !== 'string') return false;
  const op = value.op ?? '=';
  return op === '=' ? actual === value.date : op === '<=' ? actual <= value.date : actual >= value.date;
}

/** Rows in a query's ORDER BY (the fixture client's ORDER BY; nulls first ascending, as SOQL sorts them). */
function sortStored(rows: readonly StoredRecord[], orderBy: string | undefined): StoredRecord[] {
  const keys = (orderBy ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map((o) => ({ field: o.replace(/\s+(ASC|DESC)$/i, ''), sign: /\s+DESC$/i.test(o) ? -1 : 1 }));
  const rank = (v: unknown) => (v === null || v === undefined ? -Infinity : v);
  return [...rows].sort((a, b) => {
    for (const { field, sign } of keys) {
      const [x, y] = [rank(a[field]), rank(b[field])] as [number | string, number | string];
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return 0;
  });
}
