import { Messages, type Org } from '@salesforce/core';
import { Flags, type SfCommand } from '@salesforce/sf-plugins-core';
import { RunRecord } from '@salesops/core';
import { NO_JSFORCE_RETRY, upsertRecords, withRetry, writeRecords } from '@salesops/org';
import { apiError } from './apiError.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'shared');

export const writeFlags = {
  write: Flags.boolean({ summary: messages.getMessage('flags.write.summary'), exclusive: ['dry-run'] }),
  'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary') }),
};

/** What a writing run did (cli.md: `written { upserted, failed, errorFile }`). */
export type Written = {
  upserted: number;
  failed: number;
  /** The first failed-records file (cli.md); `errorFiles` lists every one when several objects had failures. */
  errorFile: string | null;
  /** Every failed-records file, one per object with failed records. */
  errorFiles: string[];
  dryRun: boolean;
  runId: string;
  /** Records per custom object. */
  objects: Record<string, number>;
};

export interface ResultBatch {
  readonly sobject: string;
  readonly records: ReadonlyArray<Record<string, unknown>>;
}

/**
 * `--write` / `--dry-run`: upserts each batch of result records by `Key__c` (Collections, or Bulk API 2.0 for
 * large batches), then a `SalesOps_Run__c` audit
 * record. Failed records go to a CSV next to where the command runs, and the run exits 1 (`process.exitCode`) with its
 * result still printed. Returns undefined when neither flag is set.
 */
export async function writeBack<T>(
  command: SfCommand<T>,
  flags: { write: boolean; 'dry-run': boolean; 'target-org'?: Org },
  commandName: string,
  argv: readonly string[],
  /** The records to write, stamped with the run's Id. */
  batchesOf: (runId: string) => readonly ResultBatch[],
): Promise<Written | undefined> {
  if (!flags.write && !flags['dry-run']) return undefined;
  const started = new Date();
  const runId = `${commandName.replaceAll(' ', '-')}-${started.toISOString().replace(/[:.]/g, '')}`;
  const batches = batchesOf(runId);
  const objects = Object.fromEntries(batches.map((b) => [b.sobject, b.records.length]));
  if (flags['dry-run']) {
    for (const b of batches) {
      const keys = b.records
        .slice(0, 2)
        .map((r) => String(r['Key__c']))
        .join(', ');
      command.logToStderr(messages.getMessage('info.DryRun', [b.records.length, b.sobject, keys || '—']));
    }
    return { upserted: 0, failed: 0, errorFile: null, errorFiles: [], dryRun: true, runId, objects };
  }
  const org = flags['target-org'];
  if (!org) throw messages.createError('error.WriteNeedsOrg');
  const connection = org.getConnection();
  let described: { sobjects: Array<{ name: string }> };
  try {
    described = await withRetry(() =>
      connection.request<{ sobjects: Array<{ name: string }> }>(
        { method: 'GET', url: `/services/data/v${connection.version}/sobjects` },
        NO_JSFORCE_RETRY,
      ),
    );
  } catch (e) {
    throw apiError(e, org);
  }
  const available = new Set(described.sobjects.map((s) => s.name));
  const missing = [...batches.map((b) => b.sobject), 'SalesOps_Run__c'].filter((s) => !available.has(s));
  if (missing.length > 0)
    throw messages.createError('error.PackageMissing', [missing.join(', '), org.getUsername() ?? 'ALIAS']);

  let upserted = 0;
  let failed = 0;
  const errorFiles: string[] = [];
  for (const b of batches) {
    // sObject Collections (200 a request) for small sets, a Bulk API 2.0 ingest job from 2,000 records on.
    let outcome;
    command.spinner.start(messages.getMessage('spinner.Writing', [b.records.length, b.sobject]));
    try {
      outcome = await writeRecords(connection, b.sobject, b.records, {
        errorFile: `salesops-failed-${b.sobject}-${runId}.csv`,
        onProgress: ({ processed, total, state }) => {
          command.spinner.status = messages.getMessage('spinner.WriteProgress', [processed, total, state]);
        },
      });
    } catch (e) {
      command.spinner.stop(messages.getMessage('spinner.Failed'));
      throw apiError(e, org);
    }
    command.spinner.stop();
    upserted += outcome.upserted;
    failed += outcome.failed;
    command.logToStderr(messages.getMessage('info.Written', [outcome.upserted, b.sobject, outcome.created, '']));
    if (outcome.sessionExpired) {
      // Nothing more can be written with this session: say so, and how to finish the job.
      throw messages.createError('error.WriteSessionExpired', [
        messages.getMessage('error.SessionExpired'),
        outcome.failed,
        b.sobject,
        outcome.errorFile ?? '',
      ]);
    }
    if (outcome.errorFile) {
      errorFiles.push(outcome.errorFile);
      command.warn(messages.getMessage('warning.Failed', [outcome.failed, b.sobject, outcome.errorFile]));
    }
  }
  const run = RunRecord.parse({
    Key__c: `run|${runId}`,
    Command__c: `sf salesops ${commandName}`,
    Arguments__c: argv.join(' '),
    Started__c: started.toISOString(),
    Finished__c: new Date().toISOString(),
    Records_Written__c: upserted,
    Records_Failed__c: failed,
    Status__c: failed === 0 ? 'Succeeded' : upserted === 0 ? 'Failed' : 'PartiallyFailed',
  });
  // The audit record is checked like any other: a run whose trail was not saved exits 1 and says where it is.
  const runErrorFile = `salesops-failed-SalesOps_Run__c-${runId}.csv`;
  let runFailure: string | undefined;
  try {
    const recorded = await upsertRecords(connection, 'SalesOps_Run__c', [run], { errorFile: runErrorFile });
    if (recorded.failed > 0) runFailure = recorded.sessionExpired ? 'INVALID_SESSION_ID' : 'REJECTED';
  } catch (e) {
    runFailure = (e as { errorCode?: string }).errorCode ?? (e instanceof Error ? e.name : 'REQUEST_FAILED');
  }
  if (runFailure !== undefined) {
    command.warn(messages.getMessage('warning.RunNotRecorded', [run.Key__c, runFailure, runErrorFile]));
  }
  // Work was lost: the result is still printed (with `written.failed` and `errorFile`), but the run exits 1, so
  // scripts and schedulers notice.
  if (failed > 0 || runFailure !== undefined) process.exitCode = 1;
  return { upserted, failed, errorFile: errorFiles[0] ?? null, errorFiles, dryRun: false, runId, objects };
}
