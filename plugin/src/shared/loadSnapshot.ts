import { getHeapStatistics } from 'node:v8';
import { Messages, SfError, type Org } from '@salesforce/core';
import {
  createOrgSnapshot,
  dataGaps,
  isIsoDate,
  loginVisibility,
  orgDataObjects,
  parsePeriodSpec,
  PeriodSpecError,
  RecordParseError,
  type FiscalPeriod,
  type OrgData,
  type OrgSnapshot,
} from '@salesops/core';
import {
  commandReadObjects,
  DataDirError,
  FieldAccessError,
  MissingDataFileError,
  readDataDir,
  readLoginAccess,
  readOrgData,
  UnreadableObjectError,
  type ReadWarning,
} from '@salesops/org';
import { apiError } from './apiError.js';
import {
  gapWarning,
  missingFileError,
  missingObjectError,
  orgReadWarning,
  readWarning,
  visibilityWarning,
  type DataWarning,
} from './dataWarnings.js';
import { orgToday } from './orgToday.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'shared');

export interface LoadedOrg {
  readonly snapshot: OrgSnapshot;
  readonly period: FiscalPeriod;
  readonly asOf: string;
  /** Where the data came from, for the summary line (never a token). */
  readonly source: string;
  readonly seconds: number;
  /** API requests made to read the org (0 for files). */
  readonly requests: number;
  /** Records read, all objects together. */
  readonly recordsRead: number;
  /**
   * What the data lacks and what that costs (metrics.md "Data completeness"): no history, stages or quotas, an as-of
   * date long after the data, a login that does not see everything, and what the org read fell back on.
   */
  readonly warnings: readonly DataWarning[];
  /** The login's name when it does not see every record: totals are "visible to" it. Null for org figures. */
  readonly visibleTo: string | null;
}

/** Objects every command needs: without them a command fails rather than print an empty result. */
const REQUIRED: ReadonlyArray<keyof OrgData> = ['opportunities'];

/**
 * Reads the org data from `--target-org` or `--data-dir`, indexes it and resolves `--period` and `--as-of`
 * (default: today in the org's time zone). Bad input becomes an SfError naming the value and the accepted forms.
 *
 * The org is read in full, not for a date window: the period is resolved against the org's own fiscal calendar,
 * which is only known after the read, and the commands compute from far back (forecasts fit bookings series of up
 * to 60 periods, accuracy backtests past periods, comparisons look back four periods, hygiene sees every open deal),
 * so a window would have to start at the oldest deal anyway. `readOrgData`'s `window` is for callers that know their
 * range (widgets, scripts). Large objects are read with Bulk API 2.0 from 50,000 records on.
 */
export async function loadSnapshot(
  flags: {
    'target-org'?: Org;
    'api-version'?: string;
    'data-dir'?: string;
    period: string;
    'as-of'?: string;
  },
  /** Shown while reading (sf's spinner: on stderr, silent with --json). */
  spinner?: { start(action: string): void; stop(message?: string): void },
  /**
   * Opportunity line items are read only for the commands that show product demand (`report`); `required` adds
   * objects the command cannot do without (Opportunity always); leads, campaigns and activities only for `revops`.
   */
  needs: {
    readonly lineItems?: boolean;
    readonly revops?: boolean;
    readonly required?: ReadonlyArray<keyof OrgData>;
  } = {},
): Promise<LoadedOrg> {
  const objects = commandReadObjects(needs);
  const started = performance.now();
  const org = flags['target-org'];
  const dataDir = flags['data-dir'];
  if (dataDir === undefined && org === undefined) throw messages.createError('error.NoSource');
  if (flags['as-of'] !== undefined && !isIsoDate(flags['as-of'])) {
    throw messages.createError('error.BadAsOf', [flags['as-of']]);
  }
  let data;
  let source: string;
  let requests = 0;
  const required = [...REQUIRED, ...(needs.required ?? [])];
  let readWarnings: readonly ReadWarning[] = [];
  let login: Awaited<ReturnType<typeof readLoginAccess>>['access'] | null = null;
  spinner?.start(messages.getMessage('spinner.Reading', [dataDir ?? org?.getUsername() ?? org?.getOrgId() ?? '']));
  try {
    if (dataDir !== undefined) {
      data = await readDataDir(dataDir, { objects, required });
      source = dataDir;
    } else {
      const connection = (org as Org).getConnection(flags['api-version']);
      const result = await readOrgData(connection, { objects });
      data = result.data;
      requests = result.requests;
      readWarnings = result.warnings;
      source = (org as Org).getUsername() ?? connection.instanceUrl;
      for (const key of required) {
        if (result.missingObjects.includes(orgDataObjects[key])) throw missingObjectError(orgDataObjects[key], source);
      }
      const username = (org as Org).getUsername();
      if (username !== undefined) {
        const read = await readLoginAccess(connection, username);
        login = read.access;
        requests += read.requests;
      }
    }
  } catch (e) {
    spinner?.stop(messages.getMessage('spinner.Failed'));
    if (e instanceof MissingDataFileError) throw missingFileError(e.sobject, e.file);
    if (e instanceof SfError) throw e;
    if (e instanceof DataDirError || e instanceof RecordParseError) {
      throw new SfError(e.message, 'BadData', messages.getMessages('error.BadData.actions'), 1, e);
    }
    if (e instanceof UnreadableObjectError) {
      throw missingObjectError(e.sobject, (org as Org).getUsername() ?? (org as Org).getOrgId());
    }
    if (e instanceof FieldAccessError) throw messages.createError('error.FieldAccess', [e.fields.join(', ')]);
    throw apiError(e, org);
  }
  spinner?.stop();
  const snapshot = createOrgSnapshot(data);
  const asOf = flags['as-of'] ?? orgToday(snapshot.timeZone);
  let period: FiscalPeriod;
  try {
    period = parsePeriodSpec(flags.period, { calendar: snapshot.calendar, asOf });
  } catch (e) {
    if (e instanceof PeriodSpecError) throw messages.createError('error.BadPeriod', [e.message]);
    throw e;
  }
  let recordsRead = 1;
  for (const [key, rows] of Object.entries(data)) if (key !== 'organization') recordsRead += (rows as unknown[]).length;
  const visibility = login ? loginVisibility({ users: data.users, roles: data.userRoles }, login) : null;
  const partial = visibility ? visibilityWarning(visibility) : null;
  const warnings: DataWarning[] = [
    ...(partial ? [partial] : []),
    ...dataGaps(snapshot, { period, asOf }).map((gap) => gapWarning(gap, { period, asOf })),
    ...readWarnings.map(orgReadWarning),
    ...snapshot.warnings.map((text) => readWarning('DATA_PROBLEM', text)),
  ];
  const heapHint = heapWarning(recordsRead, getHeapStatistics().heap_size_limit);
  if (heapHint) warnings.push(readWarning('LARGE_ORG', heapHint));
  return {
    snapshot,
    period,
    asOf,
    source,
    seconds: (performance.now() - started) / 1000,
    requests,
    recordsRead,
    warnings,
    visibleTo: partial && visibility ? visibility.name : null,
  };
}

/**
 * Bytes a command needs per record read, with its indexes and the forecast's working set: the forecast by team of the
 * million-deal sample org (7.5 million records) peaks at 1.8 GB resident, about 250 bytes a record.
 */
const HEAP_BYTES_PER_RECORD = 260;

/**
 * A warning, before the computation starts, when the org is large for Node's heap limit (about 4 GB by default on a
 * 24 GB machine): better than an out-of-memory crash minutes later.
 */
export function heapWarning(records: number, heapLimitBytes: number): string | null {
  if (records * HEAP_BYTES_PER_RECORD <= 0.6 * heapLimitBytes) return null;
  const needMiB = Math.ceil((records * HEAP_BYTES_PER_RECORD) / 0.6 / 2 ** 20 / 1024) * 1024;
  return (
    `${records.toLocaleString('en-US')} records is a lot for Node's heap limit of ` +
    `${Math.round(heapLimitBytes / 2 ** 20).toLocaleString('en-US')} MiB: if the command runs out of memory, run it ` +
    `with NODE_OPTIONS=--max-old-space-size=${Math.max(needMiB, 8192)}.`
  );
}
