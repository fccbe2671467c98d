import { Messages, type Org } from '@salesforce/core';
import { Flags, type SfCommand } from '@salesforce/sf-plugins-core';
import { RunRecord } from '@salesops/core';
import { upsertRecords, writeRecords } from '@salesops/org';

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
  errorFile: string | null;
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
 * record. Failed records go to a CSV next to where the command runs. Returns undefined when neither flag is set.
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
    return { upserted: 0, failed: 0, errorFile: null, dryRun: true, runId, objects };
  }
  const org = flags['target-org'];
  if (!org) throw messages.createError('error.WriteNeedsOrg');
  const connection = org.getConnection();
  const available = new Set((await connection.describeGlobal()).sobjects.map((s) => s.name));
  const missing = [...batches.map((b) => b.sobject), 'SalesOps_Run__c'].filter((s) => !available.has(s));
  if (missing.length > 0)
    throw messages.createError('error.PackageMissing', [missing.join(', '), org.getUsername() ?? 'ALIAS']);

  let upserted = 0;
  let failed = 0;
  let errorFile: string | null = null;
  for (const b of batches) {
    // sObject Collections (200 a request) for small sets, a Bulk API 2.0 ingest job from 2,000 records on.
    const outcome = await writeRecords(connection, b.sobject, b.records, {
      errorFile: `salesops-failed-${b.sobject}-${runId}.csv`,
    });
    upserted += outcome.upserted;
    failed += outcome.failed;
    command.logToStderr(messages.getMessage('info.Written', [outcome.upserted, b.sobject, outcome.created, '']));
    if (outcome.errorFile) {
      errorFile = outcome.errorFile;
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
  await upsertRecords(connection, 'SalesOps_Run__c', [run], {
    errorFile: `salesops-failed-SalesOps_Run__c-${runId}.csv`,
  });
  return { upserted, failed, errorFile, dryRun: false, runId, objects };
}
