/**
 * `syncMirror`: keeps a folder in the `--data-dir` layout equal to what the commands read from an org. The first run
 * (or `full`) exports every object with Bulk API 2.0; later runs read only records whose SystemModstamp (CreatedDate
 * for append-only objects without it) is after the object's mark minus a safety window, with the tombstones since
 * then (queryAll, IsDeleted = true), and write them as delta files beside the unchanged base files (deltaObject.ts) in a
 * new generation of the mirror that replaces the old one atomically (mirrorDir.ts). See docs/sync.md.
 */
import { join } from 'node:path';
import { orgDataObjects, type ReadObjectName } from '@salesops/core';
import { bulkQuery, type BulkConnection } from '../org/bulkQuery.js';
import { errorCode, NOT_ACCESSIBLE, restApi, type QueryConnection, type QueryPage } from '../org/readOrgData.js';
import { NO_JSFORCE_RETRY, withRetry, type RetryOptions } from '../org/retry.js';
import { commitStaging, openMirror, openStaging, saveProgress } from './mirrorDir.js';
import { linkDelta, removeDelta, updateObject } from './deltaObject.js';
import { linkFile } from './linkFile.js';
import { exportObject, readChanges, type SyncApi } from './mirrorObject.js';
import type { WrittenFile } from './mirrorFileWriter.js';
import { mirrorValue } from './mirrorValue.js';
import { objectPlan, sinceLiteral, type ObjectPlan } from './objectPlan.js';
import type { MirroredObject, SyncManifest } from './syncManifest.js';

/** A jsforce Connection: REST, Bulk API 2.0 and the SOAP API's server clock. */
export type SyncConnection = QueryConnection &
  BulkConnection & { readonly soap: { getServerTimestamp(): PromiseLike<{ timestamp: string }> } };

export interface SyncOptions {
  /** The mirror's folder (created when missing; a folder of other files is refused with NotAMirrorError). */
  readonly dir: string;
  /** The org's Id (00D…): a mirror of another org is refused with MirrorOrgError. */
  readonly organizationId: string;
  readonly instanceUrl: string;
  readonly apiVersion: string;
  /** Seconds re-read before each mark (default 600): changes committed late with an earlier stamp are not missed. */
  readonly safetyWindowSeconds?: number;
  /** Export every object again, whatever the marks. */
  readonly full?: boolean;
  /** Changed records of an object from which its changes are read with Bulk API 2.0 (default 50,000). */
  readonly bulkThreshold?: number;
  readonly bulkPageSize?: number;
  readonly bulkPollIntervalMs?: number;
  /**
   * Share of an object's base file its delta files may reach before a sync compacts them into a new base (default
   * 0.1; 0 rewrites the base on every change).
   */
  readonly compactShare?: number;
  readonly retry?: RetryOptions;
  /** The clock of the manifest's `syncedAt` (default the system clock). */
  readonly now?: () => Date;
}

/** What the sync did with one object. */
export interface ObjectSync {
  readonly sobject: string;
  /** `export`: read whole; `incremental`: changes merged; `unchanged`: nothing changed; `resumed`: finished by an interrupted run. */
  readonly mode: 'export' | 'incremental' | 'unchanged' | 'resumed';
  /** Records read from the org (created, updated or undeleted for an incremental read). */
  readonly read: number;
  readonly deleted: number;
  /** Records in the mirror's file now. */
  readonly records: number;
  readonly mark: string | null;
}

export interface SyncResult {
  readonly dir: string;
  readonly organizationId: string;
  /** The generation now current (`..gen-000003`). */
  readonly generation: string;
  readonly objects: readonly ObjectSync[];
  /** Objects the org does not have or the user cannot read: no file in the mirror. */
  readonly missingObjects: readonly string[];
  /** API requests made (describes, queries, pages, Bulk job requests; retries included). */
  readonly requests: number;
  readonly syncedAt: string;
}

/** The mirror belongs to another org (codes and data, no sentence). */
export class MirrorOrgError extends Error {
  override readonly name = 'MirrorOrgError';
  readonly code = 'MIRROR_OF_OTHER_ORG';
  constructor(
    readonly dir: string,
    readonly mirrored: string,
    readonly target: string,
  ) {
    super(`MIRROR_OF_OTHER_ORG ${dir} ${mirrored} ${target}`);
  }
}

/**
 * @example
 * const result = await syncMirror(org.getConnection(), {
 *   dir: 'mirror', organizationId: org.getOrgId(), instanceUrl: conn.instanceUrl, apiVersion: conn.version,
 * });
 */
export async function syncMirror(connection: SyncConnection, options: SyncOptions): Promise<SyncResult> {
  const state = openMirror(options.dir);
  const previous = state.manifest;
  if (previous && previous.organizationId.slice(0, 15) !== options.organizationId.slice(0, 15)) {
    throw new MirrorOrgError(options.dir, previous.organizationId, options.organizationId);
  }
  const windowSeconds = options.safetyWindowSeconds ?? 600;
  let requests = 0;
  const count = (): void => void requests++;
  const call = <T>(fn: () => PromiseLike<T>): Promise<T> => withRetry(fn, options.retry, count);
  const rest = restApi(connection);
  const get = (url: string): Promise<QueryPage> =>
    call(() => connection.request({ method: 'GET', url }, NO_JSFORCE_RETRY) as PromiseLike<QueryPage>);
  const api: SyncApi = {
    query: (soql) => call(() => rest.query(soql)),
    queryMore: (locator) => call(() => rest.queryMore(locator)),
    queryAll: (soql) => get(`/queryAll?q=${encodeURIComponent(soql)}`),
    bulk: async (soql, onHeader) => {
      const result = await bulkQuery(connection, soql, onHeader, {
        ...(options.bulkPageSize !== undefined ? { pageSize: options.bulkPageSize } : {}),
        ...(options.bulkPollIntervalMs !== undefined ? { pollIntervalMs: options.bulkPollIntervalMs } : {}),
        ...(options.retry ? { retry: options.retry } : {}),
      });
      requests += result.requests;
    },
    bulkThreshold: options.bulkThreshold ?? 50_000,
  };

  const plans: ObjectPlan[] = [];
  const missingObjects: string[] = [];
  const global = await call(() => rest.describeGlobal());
  const queryable = new Set(global.sobjects.filter((s) => s.queryable).map((s) => s.name));
  // The describes at once (a real org answers each in a round trip of its own), taken in the objects' order.
  const described = await Promise.all(
    (Object.values(orgDataObjects) as ReadObjectName[]).map(async (sobject) => {
      if (!queryable.has(sobject)) return { sobject, fields: null };
      try {
        const result = await call(() => rest.describe(sobject));
        return { sobject, fields: result.fields as ReadonlyArray<{ name: string; type?: string }> };
      } catch (e) {
        if (!NOT_ACCESSIBLE.has(errorCode(e))) throw e;
        return { sobject, fields: null };
      }
    }),
  );
  for (const { sobject, fields } of described) {
    if (fields) plans.push(objectPlan(sobject, fields));
    else missingObjects.push(sobject);
  }

  // The org's clock before any read: the mark of every object read now (their changes after it come next time).
  const startedAt = mirrorValue('datetime', (await call(() => connection.soap.getServerTimestamp())).timestamp);
  const staging = openStaging(state, options.organizationId);
  const done: Record<string, MirroredObject> = {};
  const objects: ObjectSync[] = [];
  // The staging folder's progress, saved in order once each written file is on disk (its fsync runs while the next
  // objects are read). Objects only linked (unchanged) are recorded with the next written one, or when the sync fails:
  // a progress file per object cost more than reading an unchanged object again after a power cut.
  let progress: Promise<void> = Promise.resolve();
  try {
    for (const plan of plans) {
      const file = `${plan.sobject}.csv`;
      const target = join(staging.path, file);
      const resumed = staging.done[plan.sobject];
      const before = options.full ? undefined : previous?.objects[plan.sobject];
      let sync: ObjectSync;
      let written: WrittenFile | undefined;
      let entry: MirroredObject;
      if (resumed && sameShape(resumed, plan)) {
        sync = {
          sobject: plan.sobject,
          mode: 'resumed',
          read: 0,
          deleted: 0,
          records: resumed.records,
          mark: resumed.mark,
        };
        entry = resumed;
      } else if (before && state.generation && sameShape(before, plan) && before.mark !== null) {
        const since = sinceLiteral(before.mark, windowSeconds);
        const changes = await readChanges(api, plan, since);
        const old = join(options.dir, state.generation, before.file);
        const changed = changes.rows.size + changes.deleted.size > 0;
        // An unchanged object's files are shared with the previous generation (hard links: never written in place).
        const updated = changed
          ? await updateObject(plan, before, old, target, changes, options.compactShare ?? 0.1)
          : undefined;
        if (!updated) {
          linkFile(old, target);
          linkDelta(before, old, target);
        }
        written = updated;
        const records = updated ? updated.records : before.records;
        sync = {
          sobject: plan.sobject,
          mode: changed ? 'incremental' : 'unchanged',
          read: changes.rows.size,
          deleted: changes.deleted.size,
          records,
          mark: startedAt,
        };
        const delta = updated ? updated.delta : (before.delta ?? null);
        entry = objectEntry(plan, file, startedAt, records, updated ? updated.createdMax : before.createdMax, delta);
      } else {
        removeDelta(target);
        written = await exportObject(api, plan, target);
        const { records } = written;
        const mark = plan.markField ? startedAt : null;
        sync = { sobject: plan.sobject, mode: 'export', read: records, deleted: 0, records, mark };
        entry = objectEntry(plan, file, mark, records, written.createdMax, null);
      }
      objects.push(sync);
      done[plan.sobject] = entry;
      if (!written) continue;
      const finished = { ...done };
      progress = Promise.all([progress, written.durable]).then(() =>
        saveProgress(state, staging.path, options.organizationId, finished),
      );
      // Awaited below; when a read fails first, that error is the one reported.
      progress.catch(() => undefined);
    }
  } catch (e) {
    // What finished before the failure (every written file on disk) is recorded for the next run before the error
    // goes up.
    if (
      await progress.then(
        () => true,
        () => false,
      )
    ) {
      try {
        saveProgress(state, staging.path, options.organizationId, { ...done });
      } catch {
        // The next run reads these objects again.
      }
    }
    throw e;
  }
  await progress;
  const syncedAt = (options.now ?? (() => new Date()))().toISOString();
  const manifest: SyncManifest = {
    format: 1,
    organizationId: options.organizationId,
    instanceUrl: options.instanceUrl,
    apiVersion: options.apiVersion,
    syncedAt,
    safetyWindowSeconds: windowSeconds,
    objects: done,
  };
  const generation = commitStaging(state, staging.path, manifest);
  return {
    dir: options.dir,
    organizationId: options.organizationId,
    generation,
    objects,
    missingObjects,
    requests,
    syncedAt,
  };
}

/** A mirrored object still has the columns and mark field the plan asks for (else it is exported again). */
function sameShape(object: MirroredObject, plan: ObjectPlan): boolean {
  return (
    object.markField === plan.markField &&
    object.columns.length === plan.columns.length &&
    object.columns.every((c, i) => c === plan.columns[i])
  );
}

/** The manifest's entry of an object (its delta left out when it has none). */
function objectEntry(
  plan: ObjectPlan,
  file: string,
  mark: string | null,
  records: number,
  createdMax: string | null | undefined,
  delta: MirroredObject['delta'] | null,
): MirroredObject {
  return {
    file,
    columns: [...plan.columns],
    markField: plan.markField,
    mark,
    records,
    ...(createdMax ? { createdMax } : {}),
    ...(delta && delta.changes + delta.removed > 0 ? { delta } : {}),
  };
}
