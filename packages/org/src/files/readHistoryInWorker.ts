import { Worker } from 'node:worker_threads';
import { OpportunityHistoryTable, type OpportunityHistoryColumns } from '@salesops/core';
import { DataDirError } from './dataDirError.js';

/** What the history worker posts back: the table's columns, or why it stopped. */
export type HistoryWorkerReply =
  | { readonly columns: OpportunityHistoryColumns }
  | { readonly error: { message: string; file?: string; line?: number | undefined; column?: number | undefined } };

/** A history file being read in a worker thread. */
export interface HistoryRead {
  readonly table: Promise<OpportunityHistoryTable>;
  /** Stops the worker (when the read it belongs to has failed elsewhere). */
  stop(): Promise<void>;
}

/**
 * Reads `OpportunityHistory.csv` in a worker thread, so that on a machine with two or more cores the largest file of
 * an export is read while the main thread reads the others. Errors name file, line and column as the main thread's
 * reader names them.
 *
 * @example
 * const history = readHistoryInWorker('.sample-org/1000000/OpportunityHistory.csv');
 * data.opportunityHistory = await history.table;
 */
export function readHistoryInWorker(file: string): HistoryRead {
  // The worker module as this module's package exports it: the TypeScript source when running from source (the
  // worker inherits the loader from the process's flags), the build otherwise.
  const worker = new Worker(new URL(import.meta.resolve('@salesops/org/history-worker')), { workerData: { file } });
  const table = new Promise<OpportunityHistoryTable>((resolve, reject) => {
    worker.once('message', (reply: HistoryWorkerReply) => {
      if ('columns' in reply) resolve(OpportunityHistoryTable.fromColumns(reply.columns));
      else {
        const { message, file: errorFile, line, column } = reply.error;
        reject(errorFile === undefined ? new Error(message) : new DataDirError(message, errorFile, line, column));
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The history reader's worker stopped (exit code ${code})`)));
  });
  table.catch(() => undefined); // awaited by the caller; a read that fails elsewhere first stops the worker instead
  return {
    table,
    stop: async () => void (await worker.terminate()),
  };
}
