/**
 * One object of a mirror: a full export into a new file, and the changes since a mark (rows by Id and tombstones),
 * which deltaObject.ts writes.
 */
import type { CsvRow } from '@salesops/csv';
import type { QueryPage } from '../org/readOrgData.js';
import { MirrorFileWriter, type WrittenFile } from './mirrorFileWriter.js';
import { mirrorValue } from './mirrorValue.js';
import { selectOf, type ObjectPlan } from './objectPlan.js';

/** The API calls a sync makes, each counted and retried by the caller. */
export interface SyncApi {
  query(soql: string): Promise<QueryPage>;
  queryAll(soql: string): Promise<QueryPage>;
  queryMore(locator: string): Promise<QueryPage>;
  /** A Bulk API 2.0 query job whose rows go to the visitor `onHeader` gives; null without Bulk (REST only). */
  readonly bulk:
    ((soql: string, onHeader: (header: readonly string[]) => (row: CsvRow) => void) => Promise<void>) | null;
  /** Changed records from which a sync reads an object's changes with Bulk rather than REST pages. */
  readonly bulkThreshold: number;
}

type Values = (string | null)[];

/** Reads every record of the object into `file`. */
export async function exportObject(api: SyncApi, plan: ObjectPlan, file: string): Promise<WrittenFile> {
  const writer = new MirrorFileWriter(file, plan.columns);
  try {
    await readRows(api, plan, selectOf(plan), true, (values) => writer.line(values));
  } catch (e) {
    writer.abandon();
    throw e;
  }
  return writer.finish();
}

export interface Changes {
  /** Records changed (created, updated, undeleted) by Id, as the mirror's values. */
  readonly rows: Map<string, Values>;
  /** Ids of records deleted. */
  readonly deleted: Set<string>;
}

/** The records whose mark field is after `since` (a SOQL datetime literal), and the tombstones since then. */
export async function readChanges(api: SyncApi, plan: ObjectPlan, since: string): Promise<Changes> {
  const rows = new Map<string, Values>();
  const deleted = new Set<string>();
  if (plan.tombstones === 'since' && (await readChangesAndTombstones(api, plan, since, rows, deleted))) {
    return { rows, deleted };
  }
  await readRows(api, plan, `${selectOf(plan)} WHERE ${plan.markField as string} > ${since}`, false, (values) =>
    rows.set(values[0] as string, values),
  );
  if (plan.tombstones !== 'none') {
    // Read after the changes: a record deleted in between is deleted in the mirror, as it is in the org.
    const after = plan.tombstones === 'since' ? ` AND SystemModstamp > ${since}` : '';
    const soql = `SELECT Id FROM ${plan.sobject} WHERE IsDeleted = true${after}`;
    let page = await api.queryAll(soql);
    for (;;) {
      for (const record of page.records) {
        const id = String(record['Id']);
        deleted.add(id);
        rows.delete(id);
      }
      if (page.done || !page.nextRecordsUrl) break;
      page = await api.queryMore(page.nextRecordsUrl);
    }
  }
  return { rows, deleted };
}

/**
 * The changed records and the tombstones since `since` in one queryAll (`IsDeleted` tells them apart; archived
 * activities, which only queryAll returns, left out as a query leaves them): one request per object with no change
 * instead of two. False, having read nothing into `rows`, when the result is large enough for Bulk API 2.0.
 */
async function readChangesAndTombstones(
  api: SyncApi,
  plan: ObjectPlan,
  since: string,
  rows: Map<string, Values>,
  deleted: Set<string>,
): Promise<boolean> {
  const archived = plan.archivable ? ' AND IsArchived = false' : '';
  const select = `SELECT ${[...plan.columns, 'IsDeleted'].join(', ')} FROM ${plan.sobject}`;
  let page = await api.queryAll(`${select} WHERE SystemModstamp > ${since}${archived}`);
  if (api.bulk && page.totalSize >= api.bulkThreshold) return false;
  for (;;) {
    for (const record of page.records) {
      const id = String(record['Id']);
      if (record['IsDeleted'] === true) deleted.add(id);
      else
        rows.set(
          id,
          plan.columns.map((c, i) => mirrorValue(plan.types[i] as string, record[c])),
        );
    }
    if (page.done || !page.nextRecordsUrl) return true;
    page = await api.queryMore(page.nextRecordsUrl);
  }
}

/**
 * Runs a query and hands each record's mirror values on: over Bulk API 2.0 for a full read (`bulk`)
 * or when the first REST page says the result is large, else over REST pages.
 */
async function readRows(
  api: SyncApi,
  plan: ObjectPlan,
  soql: string,
  bulk: boolean,
  visit: (values: Values) => void,
): Promise<void> {
  const viaBulk = async (): Promise<void> => {
    await (api.bulk as NonNullable<SyncApi['bulk']>)(soql, (header) => {
      const at = plan.columns.map((c) => header.indexOf(c));
      return (row) =>
        visit(at.map((j, i) => (j < 0 || j >= row.count ? null : mirrorValue(plan.types[i] as string, row.text(j)))));
    });
  };
  if (bulk && api.bulk) return viaBulk();
  let page = await api.query(soql);
  if (api.bulk && page.totalSize >= api.bulkThreshold) return viaBulk();
  for (;;) {
    for (const record of page.records) {
      visit(plan.columns.map((c, i) => mirrorValue(plan.types[i] as string, record[c])));
    }
    if (page.done || !page.nextRecordsUrl) break;
    page = await api.queryMore(page.nextRecordsUrl);
  }
}
