/**
 * What the SOQL evaluator is given ({@link QueryContext}) and what it answers ({@link QueryResult}): rows rendered to
 * REST JSON page by page, or to flat CSV columns for Bulk API 2.0, and the column metadata of `columns=true`.
 */
import type { OrgStore, Table } from '../data/orgStore.js';
import type { StoredRecord, Value } from '../data/values.js';
import type { CalendarSettings } from './dateLiterals.js';

export interface QueryContext {
  readonly store: OrgStore;
  readonly calendar: CalendarSettings;
  /** The org's time zone (Organization.TimeZoneSidKey), for date literals on datetime fields. */
  readonly timeZone: string;
  /** `vXX.X` part of record URLs. */
  readonly apiVersion: string;
  /** Whether the running user may see a record (sharing). */
  readonly canSee: (table: Table, record: StoredRecord) => boolean;
  /** The running user sees every record (View All Data): `canSee` is true without looking at the record. */
  readonly seesAll?: boolean;
  /** The query's budget; past either bound it fails with QUERY_TIMEOUT. Unbounded when absent. */
  readonly budget?: QueryBudget;
}

export interface QueryBudget {
  /** Wall-clock milliseconds the query may run. */
  readonly timeoutMs: number;
  /** Records the query may examine, every object and subquery together. */
  readonly maxRowsScanned: number;
}

export type JsonRecord = Record<string, unknown>;

export interface QueryResult {
  readonly objectName: string;
  readonly totalSize: number;
  /** `SELECT COUNT() …`: only totalSize, no rows. */
  readonly countOnly: boolean;
  readonly aggregate: boolean;
  /** Rows in result order; render them with `render`. */
  readonly rows: readonly unknown[];
  readonly render: (row: unknown) => JsonRecord;
  /** Flat columns for CSV (Bulk API 2.0): header `Owner.Name`, value as stored. */
  readonly columns: readonly { readonly header: string; readonly get: (row: unknown) => Value }[];
  /** The select list as the REST query resource describes it with `columns=true`. */
  readonly columnMetadata: readonly ColumnMetadata[];
}

/**
 * One column of `GET /query?q=…&columns=true` (what `sf data query` asks for before it prints a table): relationship
 * fields nest their fields in `joinColumns`, aggregates and subqueries have `aggregate: true`.
 */
export interface ColumnMetadata {
  readonly aggregate: boolean;
  readonly apexType: string | null;
  readonly booleanType: boolean;
  readonly columnName: string;
  readonly custom: boolean;
  readonly displayName: string;
  readonly foreignKeyName: string | null;
  readonly insertable: boolean;
  readonly joinColumns: ColumnMetadata[];
  readonly numberType: boolean;
  readonly textType: boolean;
  readonly updatable: boolean;
}
